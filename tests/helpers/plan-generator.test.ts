import { calculatePlan } from "../../src/plan";
import { generatePlan, generatePlanInput, listSizes } from "./plan-generator";

describe("the plan generator", () => {
  it("makes a valid plan of about the requested number of list rows, within the schema's limits", () => {
    const plan = generatePlan(1700);
    const rows =
      plan.mission.insights.length +
      plan.mission.positioningQuestions.length +
      plan.objectives.funnel.length +
      plan.objectives.activityTargets.length +
      plan.objectives.slas.length +
      plan.organization.roles.length +
      plan.audience.segments.length +
      plan.audience.personas.length +
      plan.methodology.stages.length +
      plan.execution.initiatives.length +
      plan.measurement.kpis.length +
      plan.measurement.repKpis.length +
      plan.measurement.dashboards.length;
    expect(rows).toBeGreaterThan(1600);
    expect(plan.organization.roles).toHaveLength(100);
    expect(plan.execution.initiatives).toHaveLength(612);
    expect(plan.meta.horizonMonths).toBe(60);
    expect(calculatePlan(plan).months).toHaveLength(60);
  });

  it("reaches 5,000 list rows within the schema's limits", () => {
    const sizes = listSizes(5000);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(4500);
    expect(generatePlan(5000).execution.initiatives).toHaveLength(1800);
  });

  it("scales down to small plans with at least one row per list", () => {
    expect(Object.values(listSizes(10)).every((count) => count >= 1)).toBe(true);
    expect(generatePlan(10, { horizonMonths: 12 }).organization.roles.length).toBeGreaterThan(0);
  });

  it("gives the same plan for the same seed and a different one for another seed", () => {
    expect(generatePlanInput(300, { seed: 5 })).toEqual(generatePlanInput(300, { seed: 5 }));
    expect(generatePlanInput(300, { seed: 5 })).not.toEqual(generatePlanInput(300, { seed: 6 }));
  });
});
