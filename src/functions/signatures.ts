/**
 * The PLAN.* functions' arguments, declared once: name (as Excel shows it), kind (a single value or a range), whether
 * it is optional and its default, and its accepted range. arguments.ts reads every call from this table; the tests
 * check it against the JSDoc metadata (names, order, optional, single value or range) and against the plan core's
 * own rules.
 */
import type { FunctionSignature } from "./evaluate";

export const SIGNATURES = {
  headcount: {
    formula: "PLAN.HEADCOUNT",
    parameters: [
      { name: "workload", kind: "number", bound: "nonNegative" },
      { name: "capacity_per_person", kind: "number", bound: "positive" },
      { name: "utilization", kind: "number", bound: "rate", optional: true, default: 1 },
    ],
    coreFields: { workload: "workload", capacityPerPerson: "capacity_per_person", utilization: "utilization" },
  },
  repsNeeded: {
    formula: "PLAN.REPSNEEDED",
    parameters: [
      { name: "revenue_target", kind: "number", bound: "nonNegative" },
      { name: "quota_per_rep", kind: "number", bound: "positive" },
      { name: "attainment", kind: "number", bound: "rate", optional: true, default: 1 },
    ],
    coreFields: { revenueTarget: "revenue_target", quotaPerRep: "quota_per_rep", attainment: "attainment" },
  },
  funnel: {
    formula: "PLAN.FUNNEL",
    parameters: [
      { name: "revenue_target", kind: "number", bound: "nonNegative" },
      { name: "average_deal_value", kind: "number", bound: "positive" },
      { name: "conversion_rates", kind: "vector", itemBound: "rate" },
      { name: "round_up", kind: "boolean", optional: true, default: true },
    ],
    coreFields: {
      revenueTarget: "revenue_target",
      averageDealValue: "average_deal_value",
      conversionRates: "conversion_rates",
    },
  },
  ramp: {
    formula: "PLAN.RAMP",
    parameters: [
      { name: "periods_since_hire", kind: "number", bound: "wholePeriods" },
      { name: "ramp", kind: "numberOrVector", numberBound: "rampPeriods", itemBound: "fraction" },
    ],
    coreFields: { periodsSinceHire: "periods_since_hire", ramp: "ramp" },
  },
  capacity: {
    formula: "PLAN.CAPACITY",
    parameters: [
      { name: "hires", kind: "vector", itemBound: "nonNegative" },
      { name: "quota_per_period", kind: "number", bound: "positive" },
      // A listed ramp costs periods × its length: 1,000 fractions (83 years of months) keep 100,000 periods fast.
      { name: "ramp", kind: "numberOrVector", numberBound: "rampPeriods", itemBound: "fraction", maxCells: 1_000 },
      { name: "starting_reps", kind: "number", bound: "nonNegative", optional: true, default: 0 },
      {
        name: "attrition",
        kind: "numberOrVector",
        numberBound: "attritionRate",
        itemBound: "nonNegative",
        sameLengthAs: "hires",
        optional: true,
      },
      { name: "attainment", kind: "number", bound: "rate", optional: true, default: 1 },
    ],
    coreFields: {
      hires: "hires",
      quotaPerPeriod: "quota_per_period",
      ramp: "ramp",
      startingReps: "starting_reps",
      attrition: "attrition",
      attainment: "attainment",
    },
  },
  hires: {
    formula: "PLAN.HIRES",
    parameters: [
      { name: "target_headcount", kind: "vector", itemBound: "nonNegative" },
      { name: "starting_headcount", kind: "number", bound: "nonNegative", optional: true, default: 0 },
      { name: "attrition_rate", kind: "number", bound: "attritionRate", optional: true, default: 0 },
    ],
    coreFields: {
      targetHeadcount: "target_headcount",
      startingHeadcount: "starting_headcount",
      attritionRate: "attrition_rate",
    },
  },
  split: {
    formula: "PLAN.SPLIT",
    parameters: [
      { name: "total", kind: "number" },
      { name: "weights", kind: "vector", itemBound: "nonNegative", notAllZero: true },
      { name: "whole", kind: "boolean", optional: true, default: false },
    ],
    coreFields: { total: "total", weights: "weights" },
  },
  fiscalQuarter: {
    formula: "PLAN.FISCALQUARTER",
    parameters: [
      { name: "date", kind: "date" },
      { name: "fiscal_year_start_month", kind: "number", bound: "month", optional: true, default: 1 },
    ],
    coreFields: { date: "date", fiscalYearStartMonth: "fiscal_year_start_month" },
  },
  pipeline: {
    formula: "PLAN.PIPELINE",
    parameters: [
      { name: "bookings", kind: "vector", itemBound: "nonNegative" },
      { name: "coverage", kind: "number", bound: "nonNegative" },
      { name: "lag_periods", kind: "number", bound: "wholeNonNegative", optional: true, default: 0 },
      { name: "new_business_share", kind: "number", bound: "fraction", optional: true, default: 1 },
    ],
    coreFields: {
      bookings: "bookings",
      coverage: "coverage",
      lagPeriods: "lag_periods",
      newBusinessShare: "new_business_share",
    },
  },
  coverage: {
    formula: "PLAN.COVERAGE",
    parameters: [
      { name: "win_rate", kind: "number", bound: "rate" },
      { name: "create_and_close_share", kind: "number", bound: "fraction", optional: true, default: 0 },
    ],
    coreFields: { winRate: "win_rate", createAndCloseShare: "create_and_close_share" },
  },
  quota: {
    formula: "PLAN.QUOTA",
    parameters: [
      { name: "capacity", kind: "numberOrVector", numberBound: "nonNegative", itemBound: "nonNegative" },
      // A negative uplift is refused: quotas adding up to less than the plan miss it even at 100 % attainment.
      { name: "over_assignment", kind: "number", bound: "nonNegative" },
    ],
    coreFields: { capacity: "capacity", overAssignment: "over_assignment" },
  },
  overlay: {
    formula: "PLAN.OVERLAY",
    parameters: [
      { name: "supported_headcount", kind: "numberOrVector", numberBound: "nonNegative", itemBound: "nonNegative" },
      { name: "people_per_overlay", kind: "number", bound: "positive" },
    ],
    coreFields: { supportedHeadcount: "supported_headcount", peoplePerOverlay: "people_per_overlay" },
  },
  attainment: {
    formula: "PLAN.ATTAINMENT",
    parameters: [
      { name: "actuals", kind: "cells", itemBound: "nonNegative" },
      { name: "quotas", kind: "cells", itemBound: "nonNegative", sameShapeAs: "actuals" },
      // No default: omitted is the team's attainment, given is the share of reps at or above it.
      { name: "threshold", kind: "number", bound: "nonNegative", optional: true },
    ],
    coreFields: { actuals: "actuals", quotas: "quotas", threshold: "threshold" },
  },
  pace: {
    formula: "PLAN.PACE",
    parameters: [
      { name: "actual_to_date", kind: "number", bound: "nonNegative" },
      { name: "target", kind: "number", bound: "positive" },
      // elapsed and total are checked together by the core (elapsed within total, or within the weights).
      { name: "elapsed", kind: "number" },
      { name: "total", kind: "number" },
      { name: "weights", kind: "vector", itemBound: "nonNegative", notAllZero: true, optional: true },
    ],
    coreFields: {
      actualToDate: "actual_to_date",
      target: "target",
      elapsed: "elapsed",
      total: "total",
      weights: "weights",
    },
  },
} as const satisfies Record<string, FunctionSignature>;

export type PlanFunctionName = keyof typeof SIGNATURES;
