/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment --
   these tests write scenario overrides into copies of the example plans, which is what `any` is for. */
import { calculatePlan, examplePlan, parsePlan, validatePlan, type Plan } from "../../src/plan";
import {
  applyScenario,
  approvePlan,
  BASE_SCENARIO_ID,
  planOfRecordOf,
  planVariance,
  presetScenarios,
  scenarioFigures,
  UnknownScenarioError,
} from "../../src/plan/scenarios";
import { PlanValidationError } from "../../src/plan/validate";
import { generatePlanInput } from "../helpers/plan-generator";
import { cellAddress, offset, parseCellAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readPlanFromSnapshots } from "../../src/workbook/read-back";
import { setCell, snapshotsFromSpec } from "../helpers/snapshots";

function planWith(change: (plan: any) => void, name: "en-saas" | "fr-reference" = "en-saas"): unknown {
  const plan: any = examplePlan(name);
  change(plan);
  return plan;
}

function messages(data: unknown, locale: "en-US" | "fr-FR" = "en-US"): string[] {
  const result = validatePlan(data, locale);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("applying a scenario", () => {
  it("gives the base plan itself for the base id, and refuses an id the plan does not have", () => {
    const plan = parsePlan(examplePlan("en-saas"));
    expect(applyScenario(plan, BASE_SCENARIO_ID)).toBe(plan);
    expect(() => applyScenario(plan, "nope")).toThrow(UnknownScenarioError);
  });

  it.each(["en-saas", "fr-reference"] as const)(
    "computes the %s example's upside exactly as the plan edited by hand with the same drivers",
    (name) => {
      const base = parsePlan(examplePlan(name));
      const withPresets = parsePlan({ ...examplePlan(name), scenarios: presetScenarios(base) });
      const upside = withPresets.scenarios.find((scenario) => scenario.id === "upside")!;
      const factor = upside.overrides.conversionFactor!;
      // Independent of applyOverrides: the JSON edited field by field.
      const byHand = parsePlan(
        planWith((plan) => {
          plan.objectives.averageDealValue = upside.overrides.averageDealValue;
          for (const stage of plan.objectives.funnel) stage.conversionRate = stage.conversionRate * factor;
        }, name),
      );
      expect(calculatePlan(applyScenario(withPresets, "upside"))).toEqual(calculatePlan(byHand));
      const figures = scenarioFigures(withPresets);
      expect(figures.map((entry) => entry.id)).toEqual([BASE_SCENARIO_ID, "upside", "downside"]);
      expect(figures[0]!.figures).toEqual(calculatePlan(base));
      // Better conversion and larger deals need fewer deals and a smaller top of the funnel.
      expect(figures[1]!.figures.deals).toBeLessThan(figures[0]!.figures.deals);
      expect(figures[1]!.figures.topOfFunnelVolume).toBeLessThan(figures[0]!.figures.topOfFunnelVolume);
      expect(figures[2]!.figures.topOfFunnelVolume).toBeGreaterThan(figures[0]!.figures.topOfFunnelVolume);
    },
  );

  it("applies per-stage rates before the factor, and role drivers only to the roles they concern", () => {
    const plan = parsePlan(
      planWith((p) => {
        p.scenarios = [
          {
            id: "late",
            name: "Late hiring",
            overrides: {
              conversionRates: { [p.objectives.funnel[0].id]: 0.5 },
              conversionFactor: 0.5,
              hiringLeadTimeMonths: 4,
              quotaAttainment: 0.7,
              utilization: 0.6,
            },
          },
        ];
      }),
    );
    const applied = applyScenario(plan, "late");
    expect(applied.objectives.funnel[0]!.conversionRate).toBe(0.25);
    expect(applied.objectives.funnel[1]!.conversionRate).toBe(plan.objectives.funnel[1]!.conversionRate * 0.5);
    for (const [index, role] of applied.organization.roles.entries()) {
      const base = plan.organization.roles[index]!;
      expect(role.hiringLeadTimeMonths).toBe(4);
      expect(role.quotaAttainment).toBe(base.quotaPerMonth === undefined ? base.quotaAttainment : 0.7);
      expect(role.utilization).toBe(base.activityId === undefined ? base.utilization : 0.6);
    }
    expect(applied.scenarios).toEqual([]);
  });
});

describe("a valid plan's scenarios", () => {
  const plans = [
    ["the English example", parsePlan(examplePlan("en-saas"))],
    ["the French example", parsePlan(examplePlan("fr-reference"))],
    ...[11, 400, 1700].map((size): [string, Plan] => {
      const input: any = generatePlanInput(size, { seed: size });
      const base = parsePlan(input);
      input.scenarios = [
        ...presetScenarios(base),
        { id: "tight", name: "Tight", overrides: { capacityFactor: 0.8, quotaAttainment: 0.5, utilization: 0.7 } },
      ];
      return [`a generated plan of ${size} rows`, parsePlan(input)];
    }),
  ] as const;

  it.each(plans)("make plans that validate as they are, for %s", (_name, plan) => {
    expect(plan.scenarios.length).toBeGreaterThan(0);
    for (const scenario of plan.scenarios) {
      const applied = applyScenario(plan, scenario.id);
      const result = validatePlan(applied);
      expect([scenario.id, result.ok ? [] : result.issues.map((issue) => issue.message)]).toEqual([scenario.id, []]);
      if (result.ok) expect(result.plan).toEqual(applied);
    }
  });
});

describe("validating scenarios", () => {
  it("reports a factor that lifts a conversion rate above 100 % on the factor, with the scenario's name", () => {
    const data = planWith((p) => {
      p.scenarios = [{ id: "dream", name: "Dream", overrides: { conversionFactor: 10 } }];
    });
    const [english] = messages(data);
    expect(english).toMatch(
      /^scenarios\[0\]\.overrides\.conversionFactor \(scenario "Dream"\) makes the conversion rate of the stage ".+" .+, outside 0.000000001 to 1 \(100 %\)/,
    );
    expect(messages(data, "fr-FR")[0]).toMatch(
      /^scenarios\[0\]\.overrides\.conversionFactor \(scénario « Dream »\) porte le taux de conversion/,
    );
  });

  it("reports a scenario whose figures cannot be computed on the driver behind them", () => {
    const data = planWith((p) => {
      p.scenarios = [
        { id: "tiny", name: "Tiny deals", overrides: { annualRevenueTarget: 1e12, averageDealValue: 0.01 } },
      ];
    });
    expect(messages(data)).toEqual([
      expect.stringMatching(
        /^scenarios\[0\]\.overrides\.averageDealValue \(scenario "Tiny deals"\) gives .+ won deals a year/,
      ),
      expect.stringMatching(
        /^scenarios\[0\]\.overrides\.annualRevenueTarget \(scenario "Tiny deals"\) makes the role need .+ people in plan year 1/,
      ),
    ]);
  });

  it("reports seasonality weights of a scenario that cannot split a target, an unknown stage and a repeated id", () => {
    const data = planWith((p) => {
      p.scenarios = [
        {
          id: "flat",
          name: "Flat",
          overrides: {
            seasonality: { granularity: "quarter", weights: [0, 0, 0, 0] },
            conversionRates: { "no-such-stage": 0.5 },
          },
        },
        { id: "flat", name: "Flat again", overrides: {} },
      ];
    });
    expect(messages(data)).toEqual(
      expect.arrayContaining([
        'scenarios[1].id repeats the id "flat" already used at scenarios[0].id',
        'scenarios[0].overrides.seasonality.weights (scenario "Flat") must not all be zero',
        'scenarios[0].overrides.conversionRates.no-such-stage (scenario "Flat") refers to "no-such-stage", which is not an id in objectives.funnel',
      ]),
    );
  });

  it("refuses more than 10 scenarios and an override outside its field's range", () => {
    const many = planWith((p) => {
      p.scenarios = Array.from({ length: 11 }, (_, index) => ({ id: `s${index}`, name: `S${index}`, overrides: {} }));
    });
    expect(messages(many)).toEqual(["scenarios must hold at most 10 item(s)"]);
    const outOfRange = planWith((p) => {
      p.scenarios = [{ id: "s", name: "S", overrides: { winRateTarget: 1.5, capacityFactor: 0 } }];
    });
    expect(messages(outOfRange)).toEqual([
      "scenarios[0].overrides.winRateTarget must be greater than 0 and at most 1",
      "scenarios[0].overrides.capacityFactor must be from 0.000001 to 10",
    ]);
  });

  it("still reads a plan file written before scenarios existed", () => {
    const plan = parsePlan(examplePlan("fr-reference"));
    const { scenarios: _scenarios, ...older } = examplePlan("fr-reference");
    const reread = parsePlan(older);
    expect(reread.scenarios).toEqual([]);
    expect(reread.planOfRecord).toBeUndefined();
    expect(calculatePlan(reread)).toEqual(calculatePlan(plan));
  });
});

describe("the plan of record", () => {
  function approvedExample(): Plan {
    return approvePlan(parsePlan(examplePlan("en-saas")), "2027-01-15", "Board, January");
  }

  it("keeps the approved plan unchanged while the working plan is edited, and shows what changed", () => {
    const approved = approvedExample();
    const edited = parsePlan({
      ...JSON.parse(JSON.stringify(approved)),
      objectives: { ...approved.objectives, averageDealValue: approved.objectives.averageDealValue * 2 },
    });
    const record = planOfRecordOf(edited)!;
    expect(record.approvedOn).toBe("2027-01-15");
    expect(record.label).toBe("Board, January");
    expect(record.plan.objectives.averageDealValue).toBe(approved.objectives.averageDealValue);

    const variance = planVariance(edited, record.plan);
    expect(variance.inputs).toEqual([
      {
        path: "objectives.averageDealValue",
        approved: approved.objectives.averageDealValue,
        working: approved.objectives.averageDealValue * 2,
      },
    ]);
    const deals = variance.figures.find((figure) => figure.key === "deals")!;
    expect(deals.approved).toBe(calculatePlan(record.plan).deals);
    expect(deals.working).toBe(calculatePlan(edited).deals);
    expect(deals.difference).toBe(deals.working - deals.approved);
    expect(variance.figures.find((figure) => figure.key === "revenueTarget")).toBeUndefined();
  });

  it("survives a round trip through a plan file, and has no variance right after approval", () => {
    const approved = approvedExample();
    const reread = parsePlan(JSON.parse(JSON.stringify(approved)));
    expect(reread).toEqual(approved);
    expect(planVariance(reread, planOfRecordOf(reread)!.plan)).toEqual({ figures: [], inputs: [] });
  });

  it("matches list items by id, so reordering roles is not a change", () => {
    const approved = approvedExample();
    const reordered = parsePlan({
      ...JSON.parse(JSON.stringify(approved)),
      organization: { ...approved.organization, roles: [...approved.organization.roles].reverse() },
    });
    expect(planVariance(reordered, planOfRecordOf(reordered)!.plan).inputs).toEqual([]);
  });

  it("refuses a record that holds its own record, and names an invalid approved plan's fields under it", () => {
    const approved: any = JSON.parse(JSON.stringify(approvedExample()));
    approved.planOfRecord.plan.planOfRecord = approved.planOfRecord;
    expect(messages(approved)).toEqual(["planOfRecord.plan has unknown field(s): planOfRecord"]);
    const broken: any = JSON.parse(JSON.stringify(approvedExample()));
    broken.planOfRecord.plan.objectives.winRateTarget = 2;
    expect(messages(broken)).toEqual([
      "planOfRecord.plan.objectives.winRateTarget must be greater than 0 and at most 1",
    ]);
    expect(() => planOfRecordOf(parsePlan(examplePlan("en-saas")))).not.toThrow();
    expect(() => validatePlan(broken)).not.toThrow(PlanValidationError);
  });
});

describe("reading a workbook back", () => {
  it("keeps the scenarios and the plan of record, which no sheet shows yet, when a sheet's input changes", () => {
    const plan = approvePlan(
      parsePlan({ ...examplePlan("en-saas"), scenarios: presetScenarios(parsePlan(examplePlan("en-saas"))) }),
      "2027-01-15",
      "Board",
    );
    const spec = layoutWorkbook(plan, { generatedOn: "2027-01-16" });
    const snapshots = snapshotsFromSpec(spec);
    const objectives = snapshots.find((snapshot) => snapshot.key === "objectives")!;
    const target = spec.sheets
      .find((sheet) => sheet.key === "objectives")!
      .blocks.flatMap((block) => {
        const anchor = parseCellAddress(block.anchor);
        return block.rows.flatMap((row, r) =>
          row.map((cell, c) => ({ cell, address: cellAddress(offset(anchor, r, c)) })),
        );
      })
      .find(({ cell }) => cell?.bind?.path === "objectives.averageDealValue")!;
    setCell(objectives, target.address, 50_000);
    const result = readPlanFromSnapshots(spec, snapshots, plan);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.plan.objectives.averageDealValue).toBe(50_000);
    expect(result.plan.scenarios).toEqual(plan.scenarios);
    expect(result.plan.planOfRecord).toEqual(plan.planOfRecord);
    expect(planVariance(result.plan, planOfRecordOf(result.plan)!.plan).inputs.map((change) => change.path)).toEqual([
      "objectives.averageDealValue",
    ]);
  });
});
