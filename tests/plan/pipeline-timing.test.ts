import {
  calculatePlan,
  capacityWaterfall,
  examplePlan,
  parsePlan,
  planCoverage,
  productiveRepsPerPeriod,
  quotaToAssign,
  toExcelPrecision,
  type PlanInput,
} from "../../src/plan";

/**
 * A 12-month plan from January with flat seasonality: 1,200,000 a year is 100,000 a month. Ten account executives at
 * 10,000 a month (no ramp, no attrition) carry it exactly, so they need no hire; sales engineers are one per four
 * of them.
 */
/** The roles of a plan input (always given in `smallPlan`). */
const roles = (plan: PlanInput) => plan.organization!.roles!;

function smallPlan(change: (plan: PlanInput) => void = () => undefined) {
  const plan: PlanInput = {
    schemaVersion: 1,
    meta: {
      planName: "Pipeline",
      company: "Example",
      currency: "USD",
      locale: "en-US",
      startMonth: "2027-01",
      horizonMonths: 12,
    },
    objectives: {
      annualRevenueTarget: 1_200_000,
      averageDealValue: 10_000,
      funnel: [{ id: "opportunities", name: "Opportunities", conversionRate: 0.25 }],
      winRateTarget: 0.25,
      salesCycleMonths: 2,
      pipelineCoverage: 3,
      newBusinessShare: 0.5,
      pipelineSources: [
        { source: "marketing", share: 0.75 },
        { source: "partners", share: 0.25 },
      ],
    },
    organization: {
      quotaOverAssignment: 0.2,
      roles: [
        {
          id: "ae",
          title: "Account executive",
          baseSalary: 60_000,
          variablePay: 60_000,
          currentHeadcount: 10,
          quotaPerMonth: 10_000,
        },
        {
          id: "se",
          title: "Sales engineer",
          baseSalary: 100_000,
          currentHeadcount: 0,
          overlay: { supportsRoleId: "ae", peoplePerOverlay: 4 },
        },
      ],
    },
  };
  change(plan);
  return calculatePlan(parsePlan(plan));
}

describe("pipeline timing", () => {
  it("needs bookings × new-business share × coverage of pipeline for each month's closes", () => {
    const { pipeline } = smallPlan();
    expect(pipeline.bookingsByMonth).toEqual(Array(12).fill(100_000));
    // 100,000 × 50 % × 3 = 150,000.
    expect(pipeline.pipelineNeededByMonth).toEqual(Array(12).fill(150_000));
  });

  it("creates each month the pipeline needed a sales cycle later, nothing for closes beyond the horizon", () => {
    const { pipeline } = smallPlan();
    expect(pipeline.salesCycleMonths).toBe(2);
    expect(pipeline.pipelineToCreateByMonth).toEqual([...Array<number>(10).fill(150_000), 0, 0]);
  });

  it("reports the pipeline for the first sales cycle's closes as overdue at the start", () => {
    // Closes in January and February need 2 × 150,000 created before January.
    expect(smallPlan().pipeline.overduePipeline).toBe(300_000);
    expect(smallPlan((plan) => (plan.objectives.salesCycleMonths = 0)).pipeline.overduePipeline).toBe(0);
  });

  it("puts the whole need overdue, and nothing to create, when the sales cycle outlasts the horizon", () => {
    const { pipeline } = smallPlan((plan) => (plan.objectives.salesCycleMonths = 24));
    expect(pipeline.pipelineToCreateByMonth).toEqual(Array(12).fill(0));
    expect(pipeline.overduePipeline).toBe(12 * 150_000);
  });

  it("splits the pipeline to create among its sources by their shares", () => {
    const { pipeline } = smallPlan();
    expect(pipeline.sources.map((source) => [source.source, source.share])).toEqual([
      ["marketing", 0.75],
      ["partners", 0.25],
    ]);
    expect(pipeline.sources[0]!.pipelineToCreateByMonth.slice(0, 2)).toEqual([112_500, 112_500]);
    expect(pipeline.sources[1]!.pipelineToCreateByMonth.slice(0, 2)).toEqual([37_500, 37_500]);
  });

  it("has one unnamed source with all the pipeline when the plan lists none", () => {
    const { pipeline } = smallPlan((plan) => (plan.objectives.pipelineSources = []));
    expect(pipeline.sources).toEqual([
      { source: undefined, share: 1, pipelineToCreateByMonth: pipeline.pipelineToCreateByMonth },
    ]);
  });
});

describe("pipeline coverage", () => {
  it("is the plan's stated ratio when given", () => {
    expect(smallPlan().pipeline).toMatchObject({ coverage: 3, coverageIsDerived: false });
  });

  it("is (1 − create-and-close share) ÷ win rate otherwise, and says so", () => {
    const { pipeline } = smallPlan((plan) => {
      delete plan.objectives.pipelineCoverage;
      plan.objectives.createAndCloseShare = 0.2;
    });
    // (1 − 0.2) ÷ 0.25 = 3.2.
    expect(pipeline).toMatchObject({ coverage: 3.2, coverageIsDerived: true });
    expect(pipeline.pipelineNeededByMonth[0]).toBe(100_000 * 0.5 * 3.2);
  });

  it("derives 4× for the French example's 25 % win rate, as 1 ÷ 25 % gives", () => {
    expect(planCoverage(parsePlan(examplePlan("fr-reference")).objectives)).toEqual({ coverage: 4, derived: true });
  });
});

describe("quota assignment", () => {
  it("assigns capacity × (1 + over-assignment) per quarter, per role and in total", () => {
    const { pipeline, capacityByQuarter } = smallPlan();
    // Ten reps × 10,000 × 3 months = 300,000 of capacity a quarter; 20 % over-assignment gives 360,000.
    expect(capacityByQuarter).toEqual(Array(4).fill(300_000));
    expect(pipeline.quotaRoles.map((role) => role.roleId)).toEqual(["ae"]);
    expect(pipeline.quotaRoles[0]!.quotaToAssignByQuarter).toEqual(Array(4).fill(360_000));
    expect(pipeline.quotaToAssignByQuarter).toEqual(Array(4).fill(360_000));
  });

  it("gives each fully ramped rep quota per month × months × attainment × (1 + over-assignment)", () => {
    const { pipeline } = smallPlan((plan) => (roles(plan)[0]!.quotaAttainment = 0.5));
    // 10,000 × 3 × 50 % × 1.2 = 18,000.
    expect(pipeline.quotaRoles[0]!.quotaPerRampedRepByQuarter).toEqual(Array(4).fill(18_000));
  });

  /**
   * Dave Kellogg, "Quota Over-Assignment and Culture" (kellblog.com/2018/01/23/quota-over-assignment-and-culture/):
   * "most enterprise software companies run in the 20% range, so they assign 120 units of quota at the salesrep level
   * for an operating plan that requires 100 units of sales".
   */
  it("reproduces Kellogg's 120 units of quota for 100 of plan, an uplift and not a cushion", () => {
    const quota = quotaToAssign(100, 0.2);
    expect(quota).toBe(120);
    // The plan is 1 − 1/6 of the quota: a 20 % uplift is a 16.7 % cushion, not 20 %.
    expect(toExcelPrecision(1 - 100 / quota)).toBe(toExcelPrecision(1 / 6));
  });

  it("needs quota to assign × new-business share × coverage of pipeline on each quarter's first day", () => {
    // 360,000 × 50 % × 3 = 540,000.
    expect(smallPlan().pipeline.dayOnePipelineByQuarter).toEqual(Array(4).fill(540_000));
  });

  it("has no quota to assign and no day-1 pipeline without a quota role", () => {
    const { pipeline } = smallPlan((plan) => {
      plan.organization!.roles = [{ id: "manager", title: "Manager", baseSalary: 1, currentHeadcount: 1 }];
    });
    expect(pipeline.quotaRoles).toEqual([]);
    expect(pipeline.quotaToAssignByQuarter).toBeUndefined();
    expect(pipeline.dayOnePipelineByQuarter).toBeUndefined();
  });

  it("shows each quota role's yearly quota ÷ on-target earnings, and nothing for a role paid nothing", () => {
    // 10,000 × 12 ÷ (60,000 + 60,000) = 1.
    expect(smallPlan().pipeline.quotaRoles[0]!.quotaToOte).toBe(1);
    const unpaid = smallPlan((plan) => {
      roles(plan)[0]!.baseSalary = 0;
      roles(plan)[0]!.variablePay = 0;
    });
    expect(unpaid.pipeline.quotaRoles[0]!.quotaToOte).toBeUndefined();
  });
});

describe("the capacity waterfall", () => {
  it("shows reps at start, hires, departures, reps at end and ramped rep equivalents per quarter", () => {
    // Six reps where ten are needed: four hires in January on a three-month linear ramp. At the end of March (month
    // 2 since their hire) each new rep counts 2/3, so 6 + 4 × 2/3 ramped rep equivalents.
    const figures = smallPlan((plan) => {
      roles(plan)[0]!.currentHeadcount = 6;
      roles(plan)[0]!.ramp = 3;
    });
    const [q1, q2] = figures.pipeline.quotaRoles[0]!.waterfall;
    expect(q1).toEqual({
      repsAtStart: 6,
      hires: 4,
      departures: 0,
      repsAtEnd: 10,
      rampedRepEquivalents: 6 + 4 * (2 / 3),
    });
    expect(q2).toEqual({ repsAtStart: 10, hires: 0, departures: 0, repsAtEnd: 10, rampedRepEquivalents: 10 });
  });

  it("balances every quarter (start + hires − departures = end) with attrition, departures being what leaked", () => {
    const figures = smallPlan((plan) => (roles(plan)[0]!.attritionRateAnnual = 0.3));
    const waterfall = figures.pipeline.quotaRoles[0]!.waterfall;
    for (const quarter of waterfall) {
      expect(quarter.departures).toBeGreaterThan(0);
      expect(quarter.repsAtStart + quarter.hires - quarter.departures).toBeCloseTo(quarter.repsAtEnd, 12);
    }
    waterfall.slice(1).forEach((quarter, q) => expect(quarter.repsAtStart).toBe(waterfall[q]!.repsAtEnd));
    expect(waterfall.map((quarter) => quarter.repsAtEnd)).toEqual(figures.roles[0]!.headcountByQuarter);
  });

  it("takes ramped rep equivalents from the capacity model's productive reps at each quarter's last month", () => {
    const figures = smallPlan((plan) => (roles(plan)[0]!.ramp = [0.25, 0.5, 0.75]));
    const role = figures.roles[0]!;
    const waterfall = capacityWaterfall({ currentHeadcount: 10 }, role, figures.quarters);
    expect(waterfall.map((quarter) => quarter.rampedRepEquivalents)).toEqual(
      [2, 5, 8, 11].map((month) => role.productiveRepsByMonth![month]),
    );
  });

  /**
   * Ramped rep equivalents, worked example of wiki.himodus.com/docs/metrics/rre ("RRE = Σ (Headcount × Ramp %)"):
   * 5 reps in their first quarter at 25 %, 3 in their second at 60 %, 2 in their third at 85 % and 15 fully ramped
   * make 19.75 RRE. Reproduced with quarters as periods: 15 reps in place, then 2, 3 and 5 hires in quarters 1, 2 and
   * 3, on the ramp vector {25 %, 60 %, 85 %}, seen at the end of quarter 3.
   */
  it("reproduces a published ramped-rep-equivalents example exactly (19.75 RRE)", () => {
    const reps = productiveRepsPerPeriod({
      hires: [2, 3, 5],
      quotaPerPeriod: 1,
      ramp: [0.25, 0.6, 0.85],
      startingReps: 15,
    });
    expect(toExcelPrecision(reps[2]!)).toBe(19.75);
  });
});

describe("overlay roles", () => {
  it("follow the supported role's headcount month by month, one per N rounded up", () => {
    const figures = smallPlan();
    // ROUNDUP(10 ÷ 4) = 3 sales engineers every month, hired in January.
    expect(figures.pipeline.overlays).toEqual([
      { roleId: "se", supportsRoleId: "ae", peoplePerOverlay: 4, headcountByMonth: Array(12).fill(3) },
    ]);
    const engineers = figures.roles[1]!;
    expect(engineers.requiredHeadcountByYear).toEqual([3]);
    expect(engineers.targetByMonth).toEqual(figures.pipeline.overlays[0]!.headcountByMonth);
    expect(engineers.hiresByMonth[0]).toBe(3);
  });

  it("follow the supported role's growth from one plan year to the next", () => {
    const figures = smallPlan((plan) => {
      plan.meta.horizonMonths = 24;
      plan.objectives.annualGrowthRate = 0.5;
    });
    // Year 2: 1,800,000 ÷ 120,000 = 15 account executives, so ROUNDUP(15 ÷ 4) = 4 engineers from month 13.
    expect(figures.roles[0]!.requiredHeadcountByYear).toEqual([10, 15]);
    expect(figures.roles[1]!.requiredHeadcountByYear).toEqual([3, 4]);
    expect(figures.pipeline.overlays[0]!.headcountByMonth).toEqual([
      ...Array<number>(12).fill(3),
      ...Array<number>(12).fill(4),
    ]);
  });

  it("count in the team's cost, and so in the cost of sales", () => {
    const figures = smallPlan();
    // 10 × 120,000 + 3 × 100,000 = 1,500,000 for 1,200,000 of new revenue: 1.25.
    expect(figures.totalAnnualCost).toBe(1_500_000);
    expect(figures.pipeline.costOfSales).toBe(1.25);
  });
});

describe("the examples", () => {
  it("keep the French reference document's figures: its new fields change no existing figure", () => {
    const figures = calculatePlan(parsePlan(examplePlan("fr-reference")));
    expect(figures.deals).toBe(100);
    expect(figures.pipeline.salesCycleMonths).toBe(3);
    expect(figures.pipeline.quotaOverAssignment).toBe(0.2);
    expect(figures.pipeline.overlays).toEqual([]);
  });

  it("size the English example's sales managers at one per six account executives", () => {
    const figures = calculatePlan(parsePlan(examplePlan("en-saas")));
    const managers = figures.roles.find((role) => role.roleId === "sales-manager")!;
    const executives = figures.roles.find((role) => role.roleId === "ae")!;
    expect(executives.requiredHeadcountByYear).toEqual([12, 16]);
    expect(managers.requiredHeadcountByYear).toEqual([2, 3]);
  });
});
