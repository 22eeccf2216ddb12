import { localizeFunctionsMetadata } from "../../scripts/functions-localization";

const metadata = {
  functions: [
    {
      id: "HEADCOUNT",
      name: "HEADCOUNT",
      description: "Whole people.",
      helpUrl: "https://localhost:3000/help.html#plan-headcount",
      parameters: [
        { name: "workload", description: "Work.", type: "number" },
        { name: "capacity_per_person", description: "Capacity.", type: "number" },
      ],
      result: { type: "number" },
    },
  ],
};
const table = {
  HEADCOUNT: {
    description: "Personnes entières.",
    parameters: { workload: "Charge.", capacity_per_person: "Capacité." },
  },
};

describe("building localized functions metadata from a translation table", () => {
  it("replaces every description and keeps ids, names, types and help links", () => {
    expect(localizeFunctionsMetadata(metadata, table)).toEqual({
      functions: [
        {
          ...metadata.functions[0],
          description: "Personnes entières.",
          parameters: [
            { name: "workload", description: "Charge.", type: "number" },
            { name: "capacity_per_person", description: "Capacité.", type: "number" },
          ],
        },
      ],
    });
  });

  it("refuses a table that misses a function, a description or a parameter, listing each", () => {
    expect(() => localizeFunctionsMetadata(metadata, {})).toThrow("HEADCOUNT has no translation");
    expect(() =>
      localizeFunctionsMetadata(metadata, {
        HEADCOUNT: { description: " ", parameters: { workload: "Charge." } },
      }),
    ).toThrow(
      "incomplete translation table:\n  - HEADCOUNT has no translated description\n  - HEADCOUNT(capacity_per_person) has no translated description",
    );
  });

  it("refuses stale entries for a function or a parameter that no longer exists", () => {
    expect(() =>
      localizeFunctionsMetadata(metadata, {
        ...table,
        RAMP: { description: "Montée.", parameters: {} },
        HEADCOUNT: { ...table.HEADCOUNT, parameters: { ...table.HEADCOUNT.parameters, utilisation: "Taux." } },
      }),
    ).toThrow(
      /RAMP is translated but is not a function.*\n.*HEADCOUNT\(utilisation\) is translated but is not a parameter/s,
    );
  });
});
