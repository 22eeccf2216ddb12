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
} as const satisfies Record<string, FunctionSignature>;

export type PlanFunctionName = keyof typeof SIGNATURES;
