import { fieldKeyOf, getAt, setAt } from "../../../src/taskpane/draft/path";

describe("plan paths", () => {
  it("sets a value deep in a copy, leaving the original and the untouched branches as they were", () => {
    const original = { meta: { planName: "A" }, objectives: { funnel: [{ name: "Leads" }, { name: "Demos" }] } };
    const next = setAt(original, ["objectives", "funnel", 1, "name"], "Calls");
    expect(getAt(next, ["objectives", "funnel", 1, "name"])).toBe("Calls");
    expect(original.objectives.funnel[1]?.name).toBe("Demos");
    expect(next.meta).toBe(original.meta);
    expect(next.objectives.funnel[0]).toBe(original.objectives.funnel[0]);
  });

  it("removes an object key set to undefined, so an emptied optional field leaves the plan", () => {
    const next = setAt({ role: { quotaPerMonth: 5, title: "AE" } }, ["role", "quotaPerMonth"], undefined);
    expect(next).toEqual({ role: { title: "AE" } });
    expect(Object.keys(next.role)).toEqual(["title"]);
  });

  it("creates missing containers: lists for numeric segments", () => {
    expect(setAt({}, ["weights", 0], 1)).toEqual({ weights: [1] });
  });

  it("names a field's label key without its row indices", () => {
    expect(fieldKeyOf(["objectives", "funnel", 2, "conversionRate"])).toBe("objectives.funnel.conversionRate");
  });
});
