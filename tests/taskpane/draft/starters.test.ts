import { validatePlan } from "../../../src/plan/validate";
import { blankPlan, loadStarter } from "../../../src/taskpane/draft/starters";

describe("starting points", () => {
  it("starts a blank plan whose only problems are the decisions left to the user", () => {
    const result = validatePlan(blankPlan("en-US", new Date("2026-12-20T12:00:00Z")), "en-US");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.message)).toEqual([
      "meta.planName must not be empty",
      "meta.company must not be empty",
      "objectives.annualRevenueTarget is required",
      "objectives.averageDealValue is required",
      "objectives.funnel must hold at least 1 item(s)",
      "objectives.winRateTarget is required",
    ]);
  });

  it("starts a blank plan next month, in the plan's language and usual currency", () => {
    const plan = blankPlan("fr-FR", new Date(2026, 11, 20));
    expect(plan.meta).toMatchObject({ locale: "fr-FR", currency: "EUR", startMonth: "2027-01", horizonMonths: 12 });
    expect(plan.methodology?.stages?.map((stage) => stage.id)).toContain("conclusion");
  });

  it("loads the examples as editable copies", async () => {
    const first = await loadStarter("fr-reference", "en-US", new Date());
    first.meta.company = "Changed";
    const second = await loadStarter("fr-reference", "en-US", new Date());
    expect(second.meta.company).toBe("Nova Logiciels");
    expect((await loadStarter("en-saas", "fr-FR", new Date())).meta.currency).toBe("USD");
  });
});
