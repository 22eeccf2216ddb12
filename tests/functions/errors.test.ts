import { CORE_RULES, problemFromCore, renderProblem, toCustomFunctionsError } from "../../src/functions/errors";
import { toExcelSerial, fiscalQuarter, fromExcelSerial } from "../../src/plan/calendar";
import { capacityPerPeriod } from "../../src/plan/capacity";
import {
  PlanMathError,
  requireAttritionRate,
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireRate,
  requireWholeNonNegative,
} from "../../src/plan/errors";
import { reverseFunnel } from "../../src/plan/funnel";
import { rampFactor, validateRamp } from "../../src/plan/ramp";
import { splitByWeights } from "../../src/plan/split";
import { attainmentOf, paceAttainment } from "../../src/plan/tracking";

const context = {
  formula: "PLAN.TEST",
  coreFields: { conversionRates: "conversion_rates", attrition: "attrition", total: "total", weights: "weights" },
};

function coreError(run: () => unknown): PlanMathError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanMathError) return error;
    throw error;
  }
  throw new Error("expected the core to refuse");
}

/** Every rule the plan core can state, produced by the core itself. */
const CORE_ERRORS: PlanMathError[] = [
  coreError(() => requireFinite("x", Number.NaN)),
  coreError(() => requirePositive("x", 0)),
  coreError(() => requireNonNegative("x", -1)),
  coreError(() => requireRate("x", 2)),
  coreError(() => requireAttritionRate("x", 1)),
  coreError(() => validateRamp([2])),
  coreError(() => rampFactor(1.5, 1)),
  coreError(() => fiscalQuarter({ year: 2027, month: 1 }, 13)),
  coreError(() => validateRamp(-1)),
  coreError(() => reverseFunnel(1, [])),
  coreError(() => validateRamp([])),
  coreError(() => splitByWeights(1, [])),
  coreError(() => splitByWeights(1, [0])),
  coreError(() => splitByWeights(1, [1e308, 1e308])),
  coreError(() => splitByWeights(1.5, [1], true)),
  coreError(() => splitByWeights(1e300, [1, 1, 1], true)),
  coreError(() =>
    capacityPerPeriod({
      hires: [1, 1],
      quotaPerPeriod: 1,
      ramp: 0,
      attrition: { kind: "departures", departures: [1] },
    }),
  ),
  coreError(() =>
    capacityPerPeriod({ hires: [1], quotaPerPeriod: 1, ramp: 2, attrition: { kind: "departures", departures: [1] } }),
  ),
  coreError(() => fromExcelSerial(0)),
  coreError(() => toExcelSerial("31/03/2027")),
  coreError(() => toExcelSerial("1900-01-01")),
  coreError(() => requireWholeNonNegative("x", 1.5)),
  coreError(() => attainmentOf([1, 2], [1])),
  coreError(() => attainmentOf([1], [0], 1)),
  coreError(() => attainmentOf([null], [null])),
  coreError(() => paceAttainment(1, 10, 0, 2.5)),
  coreError(() => paceAttainment(1, 10, 0, 3, [1, 1, 1])),
  coreError(() => paceAttainment(1, 10, 1, 90, [1, 1, 1])),
  coreError(() => paceAttainment(1, 10, 1, 3, [0, 1, 1])),
];

describe("turning the plan core's errors into the functions' messages", () => {
  it.each(CORE_ERRORS.map((error) => [`${error.field} ${error.rule}`, error] as const))(
    "translates “%s” into both languages",
    (_, error) => {
      const problem = problemFromCore(error, context);
      expect(problem).toBeDefined();
      expect(renderProblem(problem!, "fr-FR", "PLAN.TEST")).not.toMatch(/\b(must|exceed|departures|than|least)\b/);
    },
  );

  it("knows every rule it lists from a real core error", () => {
    for (const rule of CORE_RULES) {
      expect([rule.pattern.source, CORE_ERRORS.some((e) => rule.pattern.test(e.rule))]).toEqual([
        rule.pattern.source,
        true,
      ]);
    }
  });

  it("names the function's argument and a 1-based item for the core's field and 0-based index", () => {
    const error = coreError(() => reverseFunnel(14, [0.1, 0]));
    expect(renderProblem(problemFromCore(error, context)!, "en-US", "PLAN.TEST")).toBe(
      "item 2 of conversion_rates must be greater than 0 and at most 1",
    );
  });

  it("carries the numbers of a dynamic rule, written the French way in French", () => {
    const error = coreError(() =>
      capacityPerPeriod({
        hires: [1, 0],
        quotaPerPeriod: 1,
        ramp: 0,
        startingReps: 0.5,
        attrition: { kind: "departures", departures: [2, 0] },
      }),
    );
    expect(toCustomFunctionsError(error, context, "fr-FR").message).toBe(
      "attrition : les départs cumulés jusqu'à la période 1 (2) dépassent les commerciaux pleinement productifs disponibles (1,5)",
    );
  });

  it("reports an intermediate value beyond Excel's range (not an argument) as #VALUE!, whose message Excel shows", () => {
    const error = toCustomFunctionsError(
      coreError(() => reverseFunnel(Number.POSITIVE_INFINITY, [0.5])),
      context,
      "en-US",
    );
    expect([error.code, error.message]).toEqual([
      CustomFunctions.ErrorCode.invalidValue,
      "PLAN.TEST cannot give a result within Excel's number range for these arguments",
    ]);
  });

  it("still names the argument, with the core's English rule, for a rule the catalog does not know yet", () => {
    const error = toCustomFunctionsError(new PlanMathError("weights", "must be prime"), context, "fr-FR");
    expect([error.code, error.message]).toEqual([CustomFunctions.ErrorCode.invalidValue, "weights must be prime"]);
  });

  it("reports any other failure as #VALUE! naming the function, never as a raw exception", () => {
    const error = toCustomFunctionsError(new TypeError("boom"), context, "en-US");
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect([error.code, error.message]).toEqual([
      CustomFunctions.ErrorCode.invalidValue,
      "PLAN.TEST failed unexpectedly: boom",
    ]);
    expect(toCustomFunctionsError("odd", context, "fr-FR").message).toBe(
      "PLAN.TEST a échoué de façon inattendue : odd",
    );
  });
});
