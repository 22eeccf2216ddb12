import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import { mergeSheetEdits } from "../../src/workbook/merge-edits";

const base = parsePlan(examplePlan("en-saas"));
const copy = (edit: (plan: Plan) => void): Plan => {
  const plan = structuredClone(base);
  edit(plan);
  return plan;
};

describe("merging the sheets' edits with the pane's", () => {
  it("keeps edits made on different fields on each side", () => {
    const sheets = copy((p) => (p.objectives.annualRevenueTarget = 7_000_000));
    const pane = copy((p) => (p.meta.planName = "Renamed in the pane"));
    const result = mergeSheetEdits(base, sheets, pane, "report");
    expect(result.conflicts).toEqual([]);
    expect(result.plan).toEqual(
      copy((p) => {
        p.objectives.annualRevenueTarget = 7_000_000;
        p.meta.planName = "Renamed in the pane";
      }),
    );
    expect(result.changedFromPane).toEqual(["objectives.annualRevenueTarget"]);
  });

  it("reports the same field changed differently on both sides, keeping the pane's value", () => {
    const sheets = copy((p) => (p.objectives.averageDealValue = 45_000));
    const pane = copy((p) => (p.objectives.averageDealValue = 50_000));
    const result = mergeSheetEdits(base, sheets, pane, "report");
    expect(result.conflicts).toEqual(["objectives.averageDealValue"]);
    expect((result.plan as Plan).objectives.averageDealValue).toBe(50_000);
  });

  it("takes the sheets' value on a conflict when the sheets win (reading from the workbook)", () => {
    const sheets = copy((p) => (p.objectives.averageDealValue = 45_000));
    const pane = copy((p) => (p.objectives.averageDealValue = 50_000));
    const result = mergeSheetEdits(base, sheets, pane, "sheets-win");
    expect(result.conflicts).toEqual(["objectives.averageDealValue"]);
    expect((result.plan as Plan).objectives.averageDealValue).toBe(45_000);
  });

  it("is no conflict when both sides made the same change", () => {
    const edit = (p: Plan) => (p.objectives.winRateTarget = 0.35);
    expect(mergeSheetEdits(base, copy(edit), copy(edit), "report").conflicts).toEqual([]);
  });

  it("keeps a row added in the sheets when the pane edited another list", () => {
    const sheets = copy((p) =>
      p.objectives.slas.push({ id: "renewal-reply", activity: "Reply to a renewal question", maxHours: 24 }),
    );
    const pane = copy((p) => (p.organization.roles[0]!.title = "SDR"));
    const result = mergeSheetEdits(base, sheets, pane, "report");
    expect(result.conflicts).toEqual([]);
    const merged = result.plan as Plan;
    expect(merged.objectives.slas.map((s) => s.id)).toEqual([
      "inbound-response",
      "proposal-turnaround",
      "renewal-reply",
    ]);
    expect(merged.organization.roles[0]!.title).toBe("SDR");
  });

  it("does not match rows by index when the pane reshaped the list the sheets edited: that is a conflict", () => {
    // The pane inserted a role at the top; the sheets renamed the (then) first role.
    const sheets = copy((p) => (p.organization.roles[0]!.title = "Renamed in Excel"));
    const pane = copy((p) =>
      p.organization.roles.unshift({ ...structuredClone(base.organization.roles[3]!), id: "cro" }),
    );
    const result = mergeSheetEdits(base, sheets, pane, "report");
    expect(result.conflicts).toEqual(["organization.roles"]);
    expect((result.plan as Plan).organization.roles.map((r) => r.id)).toEqual(pane.organization.roles.map((r) => r.id));
  });

  it("takes the pane's plan when the sheets hold no edit, and the sheets' when the pane holds none", () => {
    const pane = copy((p) => (p.meta.company = "Elsewhere"));
    expect(mergeSheetEdits(base, base, pane, "report").plan).toEqual(pane);
    const sheets = copy((p) => (p.measurement.kpis[0]!.owner = "VP Sales"));
    expect(mergeSheetEdits(base, sheets, base, "report").plan).toEqual(sheets);
  });
});
