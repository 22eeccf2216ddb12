/**
 * Reading the sheets back keeps the plan's limits: a rate typed so low in a percent cell that the funnel needs more
 * than 1E12 leads a year is refused at that cell, with the computed figures as numbers (not turned into percentages).
 */
import { examplePlan, parsePlan } from "../../src/plan";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { setCell, snapshotsFromSpec } from "../helpers/snapshots";
import { tableCell } from "../helpers/spec-lookup";

describe("read-back of values beyond the plan's limits", () => {
  it("names the cell of the conversion rate that takes the funnel over its limit, figures in the number format", () => {
    const plan = parsePlan(examplePlan("en-saas"));
    const spec = layoutWorkbook(plan, { generatedOn: "2026-12-15" });
    const snapshots = snapshotsFromSpec(spec);
    for (const stage of ["leads", "discovery"]) {
      const where = tableCell(spec, "PlanFunnel", "Conversion rate", stage);
      setCell(
        snapshots.find((snapshot) => snapshot.name === where.sheet.name)!,
        where.address,
        1e-9,
      );
    }
    const result = readPlanFromSnapshots(spec, snapshots, plan);
    // The scenarios are not checked while the base plan itself does not compute: one message, on the base's cell.
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(
        /^2 Objectives!C\d+: the conversion rate makes the stage "Leads" need [\d,]+ a year, more than the limit of 1,000,000,000,000: raise this conversion rate/,
      ),
    ]);
  });

  it("shows a tiny rate it refuses with its digits, not as 0 %", () => {
    const plan = parsePlan(examplePlan("en-saas"));
    const spec = layoutWorkbook(plan, { generatedOn: "2026-12-15" });
    const snapshots = snapshotsFromSpec(spec);
    const where = tableCell(spec, "PlanFunnel", "Conversion rate", "leads");
    setCell(
      snapshots.find((snapshot) => snapshot.name === where.sheet.name)!,
      where.address,
      1e-10,
    );
    const result = readPlanFromSnapshots(spec, snapshots, plan);
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      `2 Objectives!${where.address}: the conversion rate must be at least 0.0000001 % (got 0.00000001 %)`,
    ]);
  });
});
