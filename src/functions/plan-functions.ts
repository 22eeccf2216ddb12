/**
 * The PLAN.* functions for one message language: each reads its arguments through the shared helper, calls the
 * plan core, and shapes the result. No math here: every number comes from src/plan. Arguments are `unknown`
 * because Excel (and any JavaScript caller) may pass anything; the helper decides what is acceptable.
 */
import { capacityPerPeriod, type Attrition } from "../plan/capacity";
import { fiscalQuarter, yearMonthOfSerial } from "../plan/calendar";
import { backCalculateFunnel } from "../plan/funnel";
import { revenueHeadcount, workloadHeadcount } from "../plan/headcount";
import { hiringPlan } from "../plan/hiring";
import { overlayHeadcount, pipelineCoverage, pipelineToCreate, quotaToAssign } from "../plan/pipeline";
import { rampFactor, type Ramp } from "../plan/ramp";
import { splitByWeights } from "../plan/split";
import { attainmentOf, paceAttainment } from "../plan/tracking";
import { shapedLike, type NumberOrVector } from "./arguments";
import { evaluate } from "./evaluate";
import type { MessageLocale } from "./messages";
import { SIGNATURES } from "./signatures";

export interface PlanFunctions {
  headcount(workload: unknown, capacity_per_person: unknown, utilization?: unknown): number;
  repsNeeded(revenue_target: unknown, quota_per_rep: unknown, attainment?: unknown): number;
  funnel(
    revenue_target: unknown,
    average_deal_value: unknown,
    conversion_rates: unknown,
    round_up?: unknown,
  ): number[][];
  ramp(periods_since_hire: unknown, ramp: unknown): number;
  capacity(
    hires: unknown,
    quota_per_period: unknown,
    ramp: unknown,
    starting_reps?: unknown,
    attrition?: unknown,
    attainment?: unknown,
  ): number[][];
  hires(target_headcount: unknown, starting_headcount?: unknown, attrition_rate?: unknown): number[][];
  split(total: unknown, weights: unknown, whole?: unknown): number[][];
  fiscalQuarter(date: unknown, fiscal_year_start_month?: unknown): string;
  pipeline(bookings: unknown, coverage: unknown, lag_periods?: unknown, new_business_share?: unknown): number[][];
  coverage(win_rate: unknown, create_and_close_share?: unknown): number;
  quota(capacity: unknown, over_assignment: unknown): number[][];
  overlay(supported_headcount: unknown, people_per_overlay: unknown): number[][];
  attainment(actuals: unknown, quotas: unknown, threshold?: unknown): number;
  pace(actual_to_date: unknown, target: unknown, elapsed: unknown, total: unknown, weights?: unknown): number;
}

/** Applies a core function to a single number (a 1×1 result) or to each value of a row or column, keeping its shape. */
function eachOf(argument: NumberOrVector, apply: (value: number) => number): number[][] {
  return argument.kind === "number"
    ? [[apply(argument.value)]]
    : shapedLike(argument.vector, argument.vector.values.map(apply));
}

/** A single cell is the linear ramp's N; a row or column is the list of fractions per period. */
function toRamp(ramp: NumberOrVector): Ramp {
  return ramp.kind === "number" ? ramp.value : ramp.vector.values;
}

/** A single cell is a rate per period; a row or column is departure counts per period; omitted is none. */
function toAttrition(attrition: NumberOrVector | undefined): Attrition | undefined {
  if (attrition === undefined) return undefined;
  return attrition.kind === "number"
    ? { kind: "rate", ratePerPeriod: attrition.value }
    : { kind: "departures", departures: attrition.vector.values };
}

/** Argument lists as received: a missing trailing optional argument is `undefined` from JavaScript, `null` from Excel. */
function createPlanFunctions(locale: MessageLocale): PlanFunctions {
  return {
    headcount: (workload, capacity_per_person, utilization = null) =>
      evaluate(SIGNATURES.headcount, locale, [workload, capacity_per_person, utilization], (a) =>
        workloadHeadcount(a.workload, a.capacity_per_person, a.utilization),
      ),

    repsNeeded: (revenue_target, quota_per_rep, attainment = null) =>
      evaluate(SIGNATURES.repsNeeded, locale, [revenue_target, quota_per_rep, attainment], (a) =>
        revenueHeadcount(a.revenue_target, a.quota_per_rep, a.attainment),
      ),

    funnel: (revenue_target, average_deal_value, conversion_rates, round_up = null) =>
      evaluate(SIGNATURES.funnel, locale, [revenue_target, average_deal_value, conversion_rates, round_up], (a) => {
        const funnel = backCalculateFunnel({
          revenueTarget: a.revenue_target,
          averageDealValue: a.average_deal_value,
          conversionRates: a.conversion_rates.values,
          rounding: a.round_up ? "up" : "none",
        });
        return [...funnel.stageVolumes, funnel.deals].map((volume) => [volume]);
      }),

    ramp: (periods_since_hire, ramp) =>
      evaluate(SIGNATURES.ramp, locale, [periods_since_hire, ramp], (a) =>
        rampFactor(a.periods_since_hire, toRamp(a.ramp)),
      ),

    capacity: (hires, quota_per_period, ramp, starting_reps = null, attrition = null, attainment = null) =>
      evaluate(
        SIGNATURES.capacity,
        locale,
        [hires, quota_per_period, ramp, starting_reps, attrition, attainment],
        (a) =>
          shapedLike(
            a.hires,
            capacityPerPeriod({
              hires: a.hires.values,
              quotaPerPeriod: a.quota_per_period,
              ramp: toRamp(a.ramp),
              startingReps: a.starting_reps,
              attrition: toAttrition(a.attrition),
              attainment: a.attainment,
            }),
          ),
      ),

    hires: (target_headcount, starting_headcount = null, attrition_rate = null) =>
      evaluate(SIGNATURES.hires, locale, [target_headcount, starting_headcount, attrition_rate], (a) =>
        shapedLike(
          a.target_headcount,
          hiringPlan({
            targetHeadcount: a.target_headcount.values,
            startingHeadcount: a.starting_headcount,
            attritionRate: a.attrition_rate,
          }).hires,
        ),
      ),

    split: (total, weights, whole = null) =>
      evaluate(SIGNATURES.split, locale, [total, weights, whole], (a) =>
        shapedLike(a.weights, splitByWeights(a.total, a.weights.values, a.whole)),
      ),

    fiscalQuarter: (date, fiscal_year_start_month = null) =>
      evaluate(
        SIGNATURES.fiscalQuarter,
        locale,
        [date, fiscal_year_start_month],
        (a) => fiscalQuarter(yearMonthOfSerial(a.date), a.fiscal_year_start_month).label,
      ),

    pipeline: (bookings, coverage, lag_periods = null, new_business_share = null) =>
      evaluate(SIGNATURES.pipeline, locale, [bookings, coverage, lag_periods, new_business_share], (a) =>
        shapedLike(a.bookings, pipelineToCreate(a.bookings.values, a.coverage, a.lag_periods, a.new_business_share)),
      ),

    coverage: (win_rate, create_and_close_share = null) =>
      evaluate(SIGNATURES.coverage, locale, [win_rate, create_and_close_share], (a) =>
        pipelineCoverage(a.win_rate, a.create_and_close_share),
      ),

    quota: (capacity, over_assignment) =>
      evaluate(SIGNATURES.quota, locale, [capacity, over_assignment], (a) =>
        eachOf(a.capacity, (value) => quotaToAssign(value, a.over_assignment)),
      ),

    overlay: (supported_headcount, people_per_overlay) =>
      evaluate(SIGNATURES.overlay, locale, [supported_headcount, people_per_overlay], (a) =>
        eachOf(a.supported_headcount, (value) => overlayHeadcount(value, a.people_per_overlay)),
      ),

    attainment: (actuals, quotas, threshold = null) =>
      evaluate(SIGNATURES.attainment, locale, [actuals, quotas, threshold], (a) =>
        attainmentOf(a.actuals.values, a.quotas.values, a.threshold),
      ),

    pace: (actual_to_date, target, elapsed, total, weights = null) =>
      evaluate(SIGNATURES.pace, locale, [actual_to_date, target, elapsed, total, weights], (a) =>
        paceAttainment(a.actual_to_date, a.target, a.elapsed, a.total, a.weights?.values),
      ),
  };
}

const BY_LOCALE: Readonly<Record<MessageLocale, PlanFunctions>> = {
  "en-US": createPlanFunctions("en-US"),
  "fr-FR": createPlanFunctions("fr-FR"),
};

/** The PLAN.* functions whose messages are in the given language. */
export function planFunctionsIn(locale: MessageLocale): PlanFunctions {
  return BY_LOCALE[locale];
}
