/**
 * The sales action plan: one zod schema per concept, the seven steps of the reference document, and the cross-field
 * rules. This is the single source of truth for the plan's shape; `Plan` is inferred from it.
 *
 * Messages are catalog keys (see messages.ts); `validatePlan` renders them in English or French with the path of the
 * field. Units and conventions are stated on each field and in docs/conventions.md.
 */
import { z } from "zod";
import { CRM_ACTIVITY_TYPES } from "./actuals";
import { applyOverrides } from "./scenario-overrides";
import { computabilityIssues, PLAN_LIMITS, type FieldRange } from "./bounds";
import { toExcelPrecision } from "./excel-precision";
import { encodeMessage, formatPath, type MessageKey } from "./messages";
import { SCHEMA_VERSION } from "./schema-version";

export { SCHEMA_VERSION };

/** A catalog message key as a zod error, so a check can name its message without choosing a language. */
const msg = (key: MessageKey, params: Record<string, string | number> = {}) => ({ error: encodeMessage(key, params) });
const between = (min: number, max: number) => msg("range", { min, max });
/** The accepted ranges of numeric fields, shared with the sheets' data validations (see bounds.ts). */
const RANGE = PLAN_LIMITS.fields;
/** A number from `range.min` to `range.max`, with the "range" message. */
const inRange = (range: FieldRange) =>
  z.number().gte(range.min, between(range.min, range.max)).lte(range.max, between(range.min, range.max));

const knownCurrencies = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);

// ---------------------------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------------------------

const text = (max: number) => z.string().max(max, msg("maxLength")).default("");
const requiredText = (max: number) => z.string().trim().min(1, msg("nonEmpty")).max(max, msg("maxLength"));
const textList = (maxItems: number, maxLength: number) =>
  z
    .array(z.string().max(maxLength, msg("maxLength")))
    .max(maxItems, msg("maxItems"))
    .default([]);

/** A stable identifier used by references between steps (a role carries an activity by its id). */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, msg("id"));

/**
 * A positive number that, when positive, is at least `min`: below it a value means nothing a plan can use and
 * divides into figures a spreadsheet cannot hold (see bounds.ts). Zero and negatives keep their own message.
 */
const atLeastWhenPositive = (min: number) => (value: number) => !(value > 0 && value < min);

/**
 * A rate or probability in (0, 1], at least 1E-9 (0.0000001 %): conversion rates, win rate, utilization, attainment.
 */
const rate = z
  .number()
  .gt(0, msg("rate"))
  .lte(RANGE.rate.max, msg("rate"))
  .refine(atLeastWhenPositive(RANGE.rate.min), msg("min", { min: RANGE.rate.min }));
/** A share in [0, 1]: a ramp percentage. */
const fraction = z.number().gte(0, msg("fraction")).lte(1, msg("fraction"));
/** A share in [0, 1] where both ends mean something (PLAN_LIMITS.fields.share), with the percent-aware message. */
const share = z.number().gte(RANGE.share.min, msg("fraction")).lte(RANGE.share.max, msg("fraction"));
const positive = z.number().gt(0, msg("positive"));
const nonNegative = z.number().gte(0, msg("nonNegative"));
const money = nonNegative.max(RANGE.amount.max, msg("max", { max: RANGE.amount.max }));
/** A positive money amount: from 0.01 to 1E12 in the plan's currency. */
const positiveAmount = positive
  .max(RANGE.positiveAmount.max, msg("max", { max: RANGE.positiveAmount.max }))
  .refine(atLeastWhenPositive(RANGE.positiveAmount.min), msg("min", { min: RANGE.positiveAmount.min }));
const wholeCount = z
  .number()
  .int(msg("integer"))
  .gte(0, msg("nonNegative"))
  .max(RANGE.headcount.max, msg("max", { max: RANGE.headcount.max }));

/** `YYYY-MM`. */
export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg("yearMonth"));

/** A plan's first month, from 1950-01 to 2200-12 (see PLAN_LIMITS.startMonth). */
const startMonthSchema = yearMonthSchema.refine(
  (value) =>
    !/^\d{4}-\d{2}$/.test(value) || (value >= PLAN_LIMITS.startMonth.min && value <= PLAN_LIMITS.startMonth.max),
  msg("startMonthRange", { min: PLAN_LIMITS.startMonth.min, max: PLAN_LIMITS.startMonth.max }),
);

/** A real calendar date `YYYY-MM-DD` that Excel can hold as a serial number. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("isoDate"))
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, msg("isoDate"))
  .refine(
    (value) => value >= PLAN_LIMITS.dates.min && value <= PLAN_LIMITS.dates.max,
    msg("dateRange", { min: PLAN_LIMITS.dates.min, max: PLAN_LIMITS.dates.max }),
  );

const url = z
  .string()
  .max(2000, msg("maxLength", { max: 2000 }))
  .refine((value) => value === "" || /^https?:\/\/\S+$/i.test(value), msg("url"))
  .default("");

// ---------------------------------------------------------------------------------------------------------------
// Meta
// ---------------------------------------------------------------------------------------------------------------

export const LOCALES = ["fr-FR", "en-US"] as const;
export type PlanLocale = (typeof LOCALES)[number];

export const metaSchema = z.strictObject({
  planName: requiredText(120),
  company: requiredText(120),
  /** ISO 4217 code of every money amount in the plan. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, msg("currency"))
    .refine((code) => knownCurrencies.has(code), msg("currency")),
  /** Language of the generated sheets and of the plan's own texts. */
  locale: z.enum(LOCALES),
  /** First month of the plan, `YYYY-MM`, from 1950-01 to 2200-12; month 1 of the horizon. */
  startMonth: startMonthSchema,
  /** Length of the plan in months, 12 to 60. */
  horizonMonths: inRange(RANGE.horizonMonths).int(msg("integer")),
  /** Calendar month (1 = January) in which the fiscal year starts; fiscal years are named by the year they end in. */
  fiscalYearStartMonth: inRange(RANGE.fiscalYearStartMonth).int(msg("integer")).default(1),
  /**
   * Working days in a month, used for per-day views (default 21), 5 to 31. A week counts 5 working days, so a month
   * holds at least one week (fewer would give more deals per week than per month).
   */
  workingDaysPerMonth: z
    .number()
    .gte(
      PLAN_LIMITS.workingDaysPerMonth.min,
      between(PLAN_LIMITS.workingDaysPerMonth.min, PLAN_LIMITS.workingDaysPerMonth.max),
    )
    .lte(
      PLAN_LIMITS.workingDaysPerMonth.max,
      between(PLAN_LIMITS.workingDaysPerMonth.min, PLAN_LIMITS.workingDaysPerMonth.max),
    )
    .default(21),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 1: mission and positioning
// ---------------------------------------------------------------------------------------------------------------

export const INSIGHT_SOURCES = [
  "marketing",
  "customerSuccess",
  "customers",
  "content",
  "webMentions",
  "other",
] as const;
export type InsightSource = (typeof INSIGHT_SOURCES)[number];

export const missionSchema = z.strictObject({
  missionStatement: text(2000),
  positioningStatement: text(2000),
  valueProposition: text(2000),
  differentiators: textList(50, 500),
  insights: z
    .array(z.strictObject({ source: z.enum(INSIGHT_SOURCES), text: requiredText(2000) }))
    .max(1000, msg("maxItems"))
    .default([]),
  positioningQuestions: z
    .array(z.strictObject({ question: requiredText(500), answer: text(2000) }))
    .max(300, msg("maxItems"))
    .default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 2: objectives
// ---------------------------------------------------------------------------------------------------------------

export const ACTIVITY_PERIODS = ["day", "week", "month"] as const;
export type ActivityPeriod = (typeof ACTIVITY_PERIODS)[number];

/**
 * Seasonality of the revenue target: weights by fiscal quarter (Q1..Q4) or by fiscal month (month 1 = the first
 * month of the fiscal year). Weights are relative: they are normalized to sum to 1, must be from 0 to 1E6, and the
 * largest must be at least 1E-6 (so the sheet's sums neither overflow nor vanish).
 */
const seasonalityWeight = nonNegative.max(
  RANGE.seasonalityWeight.max,
  msg("max", { max: RANGE.seasonalityWeight.max }),
);
export const seasonalitySchema = z.discriminatedUnion("granularity", [
  z.strictObject({
    granularity: z.literal("quarter"),
    weights: z.array(seasonalityWeight).length(4, msg("exactItems")),
  }),
  z.strictObject({
    granularity: z.literal("month"),
    weights: z.array(seasonalityWeight).length(12, msg("exactItems")),
  }),
]);

export const funnelStageSchema = z.strictObject({
  id,
  name: requiredText(120),
  /** Share of this stage's volume that reaches the next stage (the last stage converts to won deals), in (0, 1]. */
  conversionRate: rate,
});

export const activityTargetSchema = z.strictObject({
  id,
  activity: requiredText(120),
  /** What one unit of the activity is, e.g. "emails", "calls", "demos". */
  unit: text(40),
  /** How many per `period`, 0 or more. */
  quantity: nonNegative.max(RANGE.activityQuantity.max, msg("max", { max: RANGE.activityQuantity.max })),
  period: z.enum(ACTIVITY_PERIODS),
  /** Skills and experience the activity needs (step 2 of the reference: "expertise needed for each activity"). */
  expertise: text(1000),
});

export const slaSchema = z.strictObject({
  id,
  activity: requiredText(120),
  /** Maximum response time in hours, greater than 0. */
  maxHours: positive
    .max(RANGE.slaMaxHours.max, msg("max", { max: RANGE.slaMaxHours.max }))
    .refine(atLeastWhenPositive(RANGE.slaMaxHours.min), msg("min", { min: RANGE.slaMaxHours.min })),
});

/** Where new pipeline comes from: marketing, business developers (SDR/BDR), account executives, partners. */
export const PIPELINE_SOURCES = ["marketing", "bizdev", "ae", "partners"] as const;
export type PipelineSource = (typeof PIPELINE_SOURCES)[number];

export const pipelineSourceSchema = z.strictObject({
  source: z.enum(PIPELINE_SOURCES),
  /** Share of the pipeline to create that this source creates, 0 to 1; the sources' shares add up to 1. */
  share,
});

export const objectivesSchema = z.strictObject({
  /**
   * New-business revenue target of plan year 1, in the plan's currency, from 0.01 to 1E12; with growth, no plan
   * year's target may exceed 1E15.
   */
  annualRevenueTarget: positiveAmount,
  /** Growth of the annual target from one plan year to the next (0.2 = +20 %), 0 to 10; default 0. */
  annualGrowthRate: inRange(RANGE.annualGrowthRate).default(0),
  /**
   * Average value of a won deal, in the plan's currency, from 0.01 to 1E12; the deals it gives (target ÷ value) and
   * every funnel stage's volume must stay at most 1E12 a year.
   */
  averageDealValue: positiveAmount,
  seasonality: seasonalitySchema.default({ granularity: "quarter", weights: [1, 1, 1, 1] }),
  /** Funnel stages from the top (first touch) down to the last stage before a won deal. */
  funnel: z.array(funnelStageSchema).min(1, msg("minItems")).max(20, msg("maxItems")),
  activityTargets: z.array(activityTargetSchema).max(1000, msg("maxItems")).default([]),
  slas: z.array(slaSchema).max(300, msg("maxItems")).default([]),
  /** Target share of qualified opportunities that end as won deals, in (0, 1]. */
  winRateTarget: rate,
  /** `up`: every funnel volume is rounded up to a whole number (leads and meetings are whole), the default; `none`: exact. */
  funnelRounding: z.enum(["up", "none"]).default("up"),
  /**
   * Sales cycle: whole months from a pipeline's creation to its close, 0 to 24; default 0 (pipeline created in the
   * month it closes). Pipeline for a close in month t is created in month t − salesCycleMonths.
   */
  salesCycleMonths: inRange(RANGE.salesCycleMonths).int(msg("integer")).default(0),
  /**
   * Pipeline coverage, pipeline needed per unit of new bookings, 0.01 to 100 (3 = 3×). Absent: derived as
   * (1 − createAndCloseShare) ÷ winRateTarget (src/plan/pipeline.ts, `pipelineCoverage`).
   */
  pipelineCoverage: inRange(RANGE.pipelineCoverage).optional(),
  /** Share of bookings from deals created and won in the same period, 0 to 1; default 0. Used when coverage is derived. */
  createAndCloseShare: share.default(0),
  /** Share of bookings that needs new pipeline (the rest renews or expands without it), 0 to 1; default 1. */
  newBusinessShare: share.default(1),
  /** Where the pipeline comes from, each source once, shares adding up to 1; empty: one unnamed source. */
  pipelineSources: z.array(pipelineSourceSchema).max(PIPELINE_SOURCES.length, msg("maxItems")).default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 3: organization
// ---------------------------------------------------------------------------------------------------------------

/**
 * Ramp of a new hire's productivity. A number N: linear, the hire month counts 0 and month k after the hire counts
 * min(k / N, 1) (N = 0: fully productive from the hire month). A list v: month k after the hire counts v[k], and 1 once
 * the list ends.
 */
export const rampSchema = z.union(
  [
    z
      .number()
      .gte(0, msg("nonNegative"))
      .max(RANGE.rampMonths.max, msg("max", { max: RANGE.rampMonths.max }))
      .refine(
        atLeastWhenPositive(PLAN_LIMITS.smallestQuantity),
        msg("zeroOrAtLeast", { min: PLAN_LIMITS.smallestQuantity, max: RANGE.rampMonths.max }),
      ),
    z.array(fraction).min(1, msg("rampVector")).max(60, msg("rampVector")),
  ],
  msg("ramp"),
);

/**
 * An overlay whose two fields are both cleared (a form leaves `{}` or an empty role ID behind) is no overlay: the role
 * is sized on its own again.
 */
function clearedOverlay(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const fields = value as Record<string, unknown>;
  const onlyOverlayKeys = Object.keys(fields).every((key) => key === "supportsRoleId" || key === "peoplePerOverlay");
  const cleared =
    (fields.supportsRoleId === undefined || fields.supportsRoleId === "") && fields.peoplePerOverlay === undefined;
  return onlyOverlayKeys && cleared ? undefined : value;
}

export const roleSchema = z.strictObject({
  id,
  title: requiredText(120),
  responsibilities: text(2000),
  keyQualities: textList(30, 300),
  /** The activity target this role carries (its workload), by id; empty when the role carries none. */
  activityId: id.optional(),
  /**
   * What one person does per working day, in the activity's unit (20 emails a day), from 1E-6 to 1E6; the role's
   * workload headcount must stay at most 1,000,000.
   */
  capacityPerPersonPerDay: positive
    .max(RANGE.capacityPerPersonPerDay.max, msg("max", { max: RANGE.capacityPerPersonPerDay.max }))
    .refine(
      atLeastWhenPositive(RANGE.capacityPerPersonPerDay.min),
      msg("min", { min: RANGE.capacityPerPersonPerDay.min }),
    )
    .optional(),
  /** Share of a person's time spent on the activity, in (0, 1]; default 1. */
  utilization: rate.default(1),
  /** Annual base salary per person, in the plan's currency. */
  baseSalary: money,
  /** Annual variable pay at target per person, in the plan's currency; on-target earnings = base + variable. */
  variablePay: money.default(0),
  currentHeadcount: wholeCount,
  /** Headcount wanted for a role that carries neither an activity nor a quota (a manager, an enablement lead). */
  plannedHeadcount: wholeCount.optional(),
  /** Ramp in months, or monthly productivity fractions (see rampSchema). */
  ramp: rampSchema.default(0),
  /**
   * Share of the role's people who leave in a year, from 0 to 0.999999999999999 (the largest below 1 that Excel's
   * 15 digits keep; the message states it); converted to a monthly rate by compounding.
   */
  attritionRateAnnual: inRange(RANGE.attritionRate).default(0),
  /** Months between opening a requisition and the hire's start, 0 to 24. */
  hiringLeadTimeMonths: inRange(RANGE.hiringLeadTimeMonths).int(msg("integer")).default(0),
  /**
   * Revenue quota per person per month for quota-carrying roles, in the plan's currency, from 0.01 to 1E12; the
   * role's revenue headcount must stay at most 1,000,000 in every plan year.
   */
  quotaPerMonth: positiveAmount.optional(),
  /** Expected share of quota a ramped person attains, in (0, 1]; default 1. */
  quotaAttainment: rate.default(1),
  /** Share of the new-business revenue target this quota-carrying role carries, in (0, 1]; default 1. */
  targetShare: rate.default(1),
  /**
   * An overlay role (sales engineers, managers) is sized by the role it supports: one person per `peoplePerOverlay`
   * people of that role (1 to 1,000,000), rounded up, in every plan year, and hired month by month like any role. It
   * carries no activity, quota or planned headcount of its own, and the role it supports is not an overlay itself.
   */
  overlay: z.preprocess(
    clearedOverlay,
    z.strictObject({ supportsRoleId: id, peoplePerOverlay: inRange(RANGE.peoplePerOverlay) }).optional(),
  ),
});

export const organizationSchema = z.strictObject({
  roles: z.array(roleSchema).max(100, msg("maxItems")).default([]),
  /**
   * Quota over-assignment o, 0 to 1 (0.2 = 20 %); default 0: quota to assign = capacity × (1 + o). An uplift, not a
   * cushion: 20 % over-assignment leaves 1 − 1 ÷ 1.2 ≈ 16.7 % of the quota unneeded, not 20 %.
   */
  quotaOverAssignment: inRange(RANGE.quotaOverAssignment).default(0),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 4: audience
// ---------------------------------------------------------------------------------------------------------------

export const SEGMENT_PRIORITIES = ["high", "medium", "low"] as const;

export const audienceSchema = z.strictObject({
  accountCriteria: z
    .strictObject({
      industries: textList(50, 200),
      /** Employee range of target accounts; `max` absent means no upper bound. */
      employeeRange: z.strictObject({ min: wholeCount, max: wholeCount.optional() }).default({ min: 0 }),
      fundingStages: textList(20, 120),
      otherCriteria: textList(50, 500),
    })
    .default({ industries: [], employeeRange: { min: 0 }, fundingStages: [], otherCriteria: [] }),
  segments: z
    .array(z.strictObject({ name: requiredText(120), criteria: text(1000), priority: z.enum(SEGMENT_PRIORITIES) }))
    .max(200, msg("maxItems"))
    .default([]),
  personas: z
    .array(
      z.strictObject({
        name: requiredText(120),
        role: text(200),
        profile: text(2000),
        demographics: text(2000),
        traits: text(2000),
        challenges: text(2000),
        goals: text(2000),
        ourSolution: text(2000),
      }),
    )
    .max(200, msg("maxItems"))
    .default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 5: methodology
// ---------------------------------------------------------------------------------------------------------------

export const METHODOLOGIES = ["SPIN", "BANT", "MEDDIC", "Challenger", "SolutionSelling", "Other"] as const;
export type Methodology = (typeof METHODOLOGIES)[number];

export const salesStageSchema = z.strictObject({
  id,
  name: requiredText(120),
  description: text(2000),
  activities: textList(30, 500),
  owner: text(120),
  methodology: z.enum(METHODOLOGIES),
  exitCriteria: text(1000),
  playbookUrl: url,
});

export const methodologySchema = z.strictObject({
  stages: z.array(salesStageSchema).max(30, msg("maxItems")).default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 6: execution
// ---------------------------------------------------------------------------------------------------------------

export const INITIATIVE_CATEGORIES = ["hiring", "process", "tooling", "training", "campaign", "other"] as const;
export type InitiativeCategory = (typeof INITIATIVE_CATEGORIES)[number];
export const INITIATIVE_STATUSES = ["notStarted", "inProgress", "done", "atRisk", "blocked"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const initiativeSchema = z.strictObject({
  id,
  name: requiredText(200),
  category: z.enum(INITIATIVE_CATEGORIES),
  owner: text(120),
  /** First day, `YYYY-MM-DD`. */
  start: isoDateSchema,
  /** Last day, inclusive, `YYYY-MM-DD`, on or after `start` (equal for a one-day milestone). */
  end: isoDateSchema,
  /** A milestone is drawn as a point at its end date. */
  milestone: z.boolean().default(false),
  status: z.enum(INITIATIVE_STATUSES).default("notStarted"),
});

export const executionSchema = z.strictObject({
  initiatives: z.array(initiativeSchema).max(2000, msg("maxItems")).default([]),
});

// ---------------------------------------------------------------------------------------------------------------
// Step 7: measurement
// ---------------------------------------------------------------------------------------------------------------

export const KPI_UNITS = ["currency", "percent", "count", "hours", "days"] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly"] as const;
export const TARGET_PERIODS = ["day", "week", "month", "quarter", "year"] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/**
 * Where a KPI's target comes from. Linked targets follow the plan (and, in the workbook, are formulas on the step 2
 * and 3 sheets); `fixed` is a number typed by the user.
 */
export const kpiTargetSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("fixed"),
    value: inRange(RANGE.kpiFixedTarget),
  }),
  z.strictObject({ kind: z.literal("revenueTarget"), period: z.enum(TARGET_PERIODS) }),
  z.strictObject({ kind: z.literal("deals"), period: z.enum(TARGET_PERIODS) }),
  z.strictObject({ kind: z.literal("averageDealValue") }),
  z.strictObject({ kind: z.literal("winRate") }),
  z.strictObject({ kind: z.literal("funnelStage"), stageId: id, period: z.enum(TARGET_PERIODS) }),
  z.strictObject({ kind: z.literal("activity"), activityId: id, period: z.enum(TARGET_PERIODS) }),
  z.strictObject({ kind: z.literal("sla"), slaId: id }),
]);
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

export const kpiSchema = z.strictObject({
  id,
  name: requiredText(120),
  tier: z.enum(["primary", "secondary"]),
  /** Pipeline stage the KPI measures (a step 5 stage id); empty for plan-wide KPIs. */
  stageId: id.optional(),
  target: kpiTargetSchema,
  unit: z.enum(KPI_UNITS),
  owner: text(120),
  frequency: z.enum(KPI_FREQUENCIES),
  dataSource: text(200),
});

/**
 * A KPI per rep of one role. Volume targets (deals, funnel stage, activity, revenue) are divided by the role's
 * planned headcount; ratio targets (average deal value, win rate, SLA) and fixed targets apply to each rep as is.
 */
export const repKpiSchema = z.strictObject({
  id,
  name: requiredText(120),
  roleId: id,
  target: kpiTargetSchema,
  unit: z.enum(KPI_UNITS),
});

export const dashboardSchema = z.strictObject({
  team: requiredText(120),
  purpose: text(1000),
  tool: text(120),
});

/** A CRM owner (a rep, as the export names them) and the plan role they belong to, chosen once in the pane. */
export const ownerRoleSchema = z.strictObject({
  owner: requiredText(200),
  roleId: id,
});

/** Which CRM activity type counts toward a step-2 activity target (calls toward "outbound calls"). */
export const activityTypeLinkSchema = z.strictObject({
  activityId: id,
  type: z.enum(CRM_ACTIVITY_TYPES),
});

/** A column mapping the user made by hand for an export, remembered under the set of its headers. */
export const rememberedMappingSchema = z.strictObject({
  kind: z.enum(["deals", "activities"]),
  /** The export's headers as `normaliseHeader` (src/crm/presets.ts) writes them, sorted: the mapping's key. */
  headers: z
    .array(z.string().max(200, msg("maxLength")))
    .min(1, msg("minItems"))
    .max(200, msg("maxItems")),
  /** Field of the record (`value`, `closedOn`…) → header of the export that feeds it. */
  columns: z.record(z.string().max(40, msg("maxLength")), z.string().max(200, msg("maxLength"))),
});

/**
 * The monthly review (step 7 made real): how the tracking sheet compares what the CRM recorded with the plan.
 * Attainment at or above `greenAt` shows green, at or above `amberAt` amber, below it red (1 is 100 %).
 */
export const trackingSchema = z.strictObject({
  /** The last day the actuals cover, `YYYY-MM-DD`; absent: the day the workbook is generated. */
  asOf: isoDateSchema.optional(),
  greenAt: inRange(RANGE.ragThreshold).default(1),
  amberAt: inRange(RANGE.ragThreshold).default(0.8),
  owners: z.array(ownerRoleSchema).max(5000, msg("maxItems")).default([]),
  activityTypes: z.array(activityTypeLinkSchema).max(100, msg("maxItems")).default([]),
  mappings: z.array(rememberedMappingSchema).max(50, msg("maxItems")).default([]),
});

export const measurementSchema = z.strictObject({
  kpis: z.array(kpiSchema).max(1000, msg("maxItems")).default([]),
  repKpis: z.array(repKpiSchema).max(500, msg("maxItems")).default([]),
  dashboards: z.array(dashboardSchema).max(100, msg("maxItems")).default([]),
  tracking: trackingSchema.prefault({}),
});

// ---------------------------------------------------------------------------------------------------------------
// Scenarios and the plan of record
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a scenario changes in the base plan: each driver absent keeps the base's value. Amounts and rates replace the
 * base's; `conversionFactor` multiplies every funnel stage's conversion rate (after any per-stage rate), and
 * `capacityFactor` every role's capacity per person per day. Role drivers (utilization, quota attainment, ramp,
 * attrition, hiring lead time) apply to every role that has the field's purpose (utilization to roles that carry an
 * activity, quota attainment to roles that carry a quota). Each has the base field's accepted range.
 */
export const scenarioOverridesSchema = z.strictObject({
  annualRevenueTarget: positiveAmount.optional(),
  annualGrowthRate: inRange(RANGE.annualGrowthRate).optional(),
  averageDealValue: positiveAmount.optional(),
  winRateTarget: rate.optional(),
  /** Funnel stage id → the stage's conversion rate in this scenario. */
  conversionRates: z.record(id, rate).optional(),
  conversionFactor: inRange(RANGE.scenarioFactor).optional(),
  capacityFactor: inRange(RANGE.scenarioFactor).optional(),
  utilization: rate.optional(),
  quotaAttainment: rate.optional(),
  rampMonths: inRange(RANGE.rampMonths).optional(),
  attritionRateAnnual: inRange(RANGE.attritionRate).optional(),
  hiringLeadTimeMonths: inRange(RANGE.hiringLeadTimeMonths).int(msg("integer")).optional(),
  seasonality: seasonalitySchema.optional(),
});
export type ScenarioOverrides = z.output<typeof scenarioOverridesSchema>;

export const scenarioSchema = z.strictObject({
  id,
  name: requiredText(60),
  overrides: scenarioOverridesSchema.prefault({}),
});

/**
 * The plan leadership approved, kept beside the working plan so every later change shows. `plan` is the approved
 * plan as a plan file holds it (without its own plan of record); it is checked like any plan (see
 * `planOfRecordOf` in scenarios.ts).
 */
export const planOfRecordSchema = z.strictObject({
  approvedOn: isoDateSchema,
  label: text(120),
  plan: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------------------------
// The plan and its cross-field rules
// ---------------------------------------------------------------------------------------------------------------

const planShape = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, msg("schemaVersion")),
  meta: metaSchema,
  mission: missionSchema.prefault({}),
  objectives: objectivesSchema,
  organization: organizationSchema.prefault({}),
  audience: audienceSchema.prefault({}),
  methodology: methodologySchema.prefault({}),
  execution: executionSchema.prefault({}),
  measurement: measurementSchema.prefault({}),
  /** Named sets of driver overrides compared with the base plan (the plan itself), at most 10. */
  scenarios: z.array(scenarioSchema).max(10, msg("maxItems")).default([]),
  planOfRecord: planOfRecordSchema.optional(),
});

type PlanShape = z.output<typeof planShape>;

interface RuleIssue {
  readonly path: (string | number)[];
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

function duplicateIds(items: readonly { id: string }[], basePath: (string | number)[]): RuleIssue[] {
  const seen = new Map<string, number>();
  const issues: RuleIssue[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else
      issues.push({
        path: [...basePath, index, "id"],
        key: "duplicateId",
        params: { id: item.id, other: `${basePath.join(".")}[${first}].id` },
      });
  });
  return issues;
}

/** The tracking settings' references (roles, activity targets), one role per owner, amber at or below green. */
function trackingIssues(
  tracking: z.output<typeof trackingSchema>,
  roleIds: ReadonlySet<string>,
  activityIds: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const base = ["measurement", "tracking"];
  if (tracking.amberAt > tracking.greenAt) {
    issues.push({ path: [...base, "amberAt"], key: "max", params: { max: tracking.greenAt } });
  }
  const owners = new Map<string, number>();
  tracking.owners.forEach((entry, index) => {
    const path = [...base, "owners", index];
    if (!roleIds.has(entry.roleId)) {
      issues.push({
        path: [...path, "roleId"],
        key: "unknownReference",
        params: { id: entry.roleId, list: "organization.roles" },
      });
    }
    const first = owners.get(entry.owner);
    if (first === undefined) owners.set(entry.owner, index);
    else
      issues.push({
        path: [...path, "owner"],
        key: "duplicateId",
        params: { id: entry.owner, other: `measurement.tracking.owners[${first}].owner` },
      });
  });
  tracking.activityTypes.forEach((link, index) => {
    if (!activityIds.has(link.activityId)) {
      issues.push({
        path: [...base, "activityTypes", index, "activityId"],
        key: "unknownReference",
        params: { id: link.activityId, list: "objectives.activityTargets" },
      });
    }
  });
  return issues;
}

/** The ids a KPI target may refer to, collected once per plan (a plan has up to 1,500 KPI targets). */
interface TargetReferences {
  readonly funnelStages: ReadonlySet<string>;
  readonly activities: ReadonlySet<string>;
  readonly slas: ReadonlySet<string>;
}

function targetReferenceIssues(
  target: KpiTarget,
  references: TargetReferences,
  path: (string | number)[],
): RuleIssue[] {
  switch (target.kind) {
    case "funnelStage":
      return references.funnelStages.has(target.stageId)
        ? []
        : [
            {
              path: [...path, "stageId"],
              key: "unknownReference",
              params: { id: target.stageId, list: "objectives.funnel" },
            },
          ];
    case "activity":
      return references.activities.has(target.activityId)
        ? []
        : [
            {
              path: [...path, "activityId"],
              key: "unknownReference",
              params: { id: target.activityId, list: "objectives.activityTargets" },
            },
          ];
    case "sla":
      return references.slas.has(target.slaId)
        ? []
        : [
            {
              path: [...path, "slaId"],
              key: "unknownReference",
              params: { id: target.slaId, list: "objectives.slas" },
            },
          ];
    case "fixed":
    case "revenueTarget":
    case "deals":
    case "averageDealValue":
    case "winRate":
      return [];
  }
}

/**
 * Rules that span fields: unique ids, references between steps, dates in order, weights not all zero, and the
 * figures the fields give together within the limits of bounds.ts.
 */
export function crossFieldIssues(plan: PlanShape): RuleIssue[] {
  const issues: RuleIssue[] = [
    ...duplicateIds(plan.objectives.funnel, ["objectives", "funnel"]),
    ...duplicateIds(plan.objectives.activityTargets, ["objectives", "activityTargets"]),
    ...duplicateIds(plan.objectives.slas, ["objectives", "slas"]),
    ...duplicateIds(plan.organization.roles, ["organization", "roles"]),
    ...duplicateIds(plan.methodology.stages, ["methodology", "stages"]),
    ...duplicateIds(plan.execution.initiatives, ["execution", "initiatives"]),
    ...duplicateIds(plan.measurement.kpis, ["measurement", "kpis"]),
    ...duplicateIds(plan.measurement.repKpis, ["measurement", "repKpis"]),
  ];

  issues.push(...seasonalityIssues(plan.objectives.seasonality, ["objectives", "seasonality", "weights"]));

  const activityIds = new Set(plan.objectives.activityTargets.map((a) => a.id));
  const references: TargetReferences = {
    funnelStages: new Set(plan.objectives.funnel.map((stage) => stage.id)),
    activities: activityIds,
    slas: new Set(plan.objectives.slas.map((sla) => sla.id)),
  };
  plan.organization.roles.forEach((role, index) => {
    const path = ["organization", "roles", index];
    if (role.activityId !== undefined) {
      if (!activityIds.has(role.activityId)) {
        issues.push({
          path: [...path, "activityId"],
          key: "unknownReference",
          params: { id: role.activityId, list: "objectives.activityTargets" },
        });
      }
      if (role.capacityPerPersonPerDay === undefined)
        issues.push({ path: [...path, "capacityPerPersonPerDay"], key: "required" });
    }
    if (role.quotaPerMonth === undefined && role.quotaAttainment !== 1) {
      issues.push({ path: [...path, "quotaAttainment"], key: "quotaWithoutValue" });
    }
    if (role.quotaPerMonth === undefined && role.targetShare !== 1) {
      issues.push({ path: [...path, "targetShare"], key: "quotaWithoutValue" });
    }
  });
  issues.push(...overlayIssues(plan.organization.roles));
  issues.push(...pipelineSourceIssues(plan.objectives.pipelineSources));

  plan.execution.initiatives.forEach((initiative, index) => {
    if (initiative.end < initiative.start) {
      issues.push({
        path: ["execution", "initiatives", index, "end"],
        key: "endBeforeStart",
        params: { start: initiative.start },
      });
    }
  });

  const stageIds = new Set(plan.methodology.stages.map((s) => s.id));
  plan.measurement.kpis.forEach((kpi, index) => {
    const path = ["measurement", "kpis", index];
    if (kpi.stageId !== undefined && !stageIds.has(kpi.stageId)) {
      issues.push({
        path: [...path, "stageId"],
        key: "unknownReference",
        params: { id: kpi.stageId, list: "methodology.stages" },
      });
    }
    issues.push(...targetReferenceIssues(kpi.target, references, [...path, "target"]));
  });

  const roleIds = new Set(plan.organization.roles.map((r) => r.id));
  plan.measurement.repKpis.forEach((kpi, index) => {
    const path = ["measurement", "repKpis", index];
    if (!roleIds.has(kpi.roleId)) {
      issues.push({
        path: [...path, "roleId"],
        key: "unknownReference",
        params: { id: kpi.roleId, list: "organization.roles" },
      });
    }
    issues.push(...targetReferenceIssues(kpi.target, references, [...path, "target"]));
  });

  issues.push(...trackingIssues(plan.measurement.tracking, roleIds, references.activities));

  const employees = plan.audience.accountCriteria.employeeRange;
  if (employees.max !== undefined && employees.max < employees.min) {
    issues.push({
      path: ["audience", "accountCriteria", "employeeRange", "max"],
      key: "range",
      params: { min: employees.min, max: 1_000_000 },
    });
  }
  const baseComputability = computabilityIssues(plan);
  issues.push(...baseComputability);
  issues.push(...duplicateIds(plan.scenarios, ["scenarios"]));
  // A problem the base plan already has is reported once, on the base's field, not again for each scenario.
  const baseProblems = new Set(baseComputability.map((issue) => `${issue.key} ${formatPath(issue.path)}`));
  plan.scenarios.forEach((scenario, index) => issues.push(...scenarioIssues(plan, scenario, index, baseProblems)));
  return issues;
}

/** Weights that cannot split a target: all zero, or none large enough to divide by. */
function seasonalityIssues(
  seasonality: PlanShape["objectives"]["seasonality"],
  path: (string | number)[],
  params: Record<string, string | number> = {},
): RuleIssue[] {
  const weights = seasonality.weights;
  if (weights.every((weight) => weight === 0)) return [{ path, key: "weightsAllZero", params }];
  if (!weights.some((weight) => weight >= PLAN_LIMITS.smallestQuantity)) {
    return [{ path, key: "weightsTooSmall", params: { min: PLAN_LIMITS.smallestQuantity, ...params } }];
  }
  return [];
}

/** The scenario drivers that size a role, by the problem they can cause, most direct first. */
const SIZING_DRIVERS: Partial<Record<MessageKey, readonly (keyof ScenarioOverrides)[]>> = {
  revenueHeadcountOverLimit: ["quotaAttainment", "annualRevenueTarget", "annualGrowthRate"],
  workloadHeadcountOverLimit: ["capacityFactor", "utilization"],
};

/** The override a base field's problem is reported on, so the user sees which driver of the scenario to change. */
function overrideBehind(path: readonly (string | number)[], overrides: ScenarioOverrides): string | undefined {
  const [section, second, , field] = path;
  if (section === "objectives" && typeof second === "string") {
    if (second === "funnel") return overrides.conversionFactor !== undefined ? "conversionFactor" : "conversionRates";
    if (second in overrides) return second;
    return undefined;
  }
  if (section === "organization" && typeof field === "string") {
    const driver = field === "capacityPerPersonPerDay" ? "capacityFactor" : field === "ramp" ? "rampMonths" : field;
    return driver in overrides ? driver : undefined;
  }
  return undefined;
}

/**
 * A scenario's own rules: its per-stage rates name stages of the plan, and the plan it makes is one the base rules
 * accept (conversion rates at most 100 %, capacities in range, every figure computable). Each problem is reported on
 * the scenario's driver behind it, with the scenario's name (the `scenario` parameter every message prefixes).
 */
function scenarioIssues(
  plan: PlanShape,
  scenario: PlanShape["scenarios"][number],
  index: number,
  baseProblems: ReadonlySet<string>,
): RuleIssue[] {
  const base: (string | number)[] = ["scenarios", index, "overrides"];
  const named = { scenario: scenario.name };
  const issues: RuleIssue[] = [];
  const funnelIds = new Set(plan.objectives.funnel.map((stage) => stage.id));
  for (const stageId of Object.keys(scenario.overrides.conversionRates ?? {})) {
    if (!funnelIds.has(stageId)) {
      issues.push({
        path: [...base, "conversionRates", stageId],
        key: "unknownReference",
        params: { id: stageId, list: "objectives.funnel", ...named },
      });
    }
  }
  if (scenario.overrides.seasonality !== undefined) {
    issues.push(...seasonalityIssues(scenario.overrides.seasonality, [...base, "seasonality", "weights"], named));
  }
  const { conversionFactor = 1, capacityFactor = 1 } = scenario.overrides;
  // A factor outside its range is reported by its own field check, and a base plan that does not compute is fixed
  // first: the plan either would make is not worth checking (it would repeat the base's problem in other words).
  if (!(conversionFactor > 0 && capacityFactor > 0) || baseProblems.size > 0) return issues;
  const applied = applyOverrides(plan, scenario.overrides);
  applied.objectives.funnel.forEach((stage, stageIndex) => {
    const baseRate = plan.objectives.funnel[stageIndex]!.conversionRate;
    const baseRateValid = baseRate >= RANGE.rate.min && baseRate <= RANGE.rate.max;
    if (baseRateValid && (stage.conversionRate > RANGE.rate.max || stage.conversionRate < RANGE.rate.min)) {
      issues.push({
        path: [...base, scenario.overrides.conversionFactor !== undefined ? "conversionFactor" : "conversionRates"],
        key: "scenarioRateRange",
        params: { stage: stage.name, value: stage.conversionRate, min: RANGE.rate.min, ...named },
      });
    }
  });
  const capacity = RANGE.capacityPerPersonPerDay;
  applied.organization.roles.forEach((role, roleIndex) => {
    const value = role.capacityPerPersonPerDay;
    const baseValue = plan.organization.roles[roleIndex]!.capacityPerPersonPerDay;
    const baseValid = baseValue !== undefined && baseValue >= capacity.min && baseValue <= capacity.max;
    if (baseValid && value !== undefined && (value < capacity.min || value > capacity.max)) {
      issues.push({
        path: [...base, "capacityFactor"],
        key: "scenarioCapacityRange",
        params: { role: role.title, value, min: capacity.min, max: capacity.max, ...named },
      });
    }
  });
  if (issues.length > 0) return issues;
  for (const issue of computabilityIssues(applied)) {
    if (baseProblems.has(`${issue.key} ${formatPath(issue.path)}`)) continue;
    // A figure no driver of its own explains (a role's headcount) follows from the scenario's drivers that size it.
    const driver =
      overrideBehind(issue.path, scenario.overrides) ??
      (SIZING_DRIVERS[issue.key] ?? ["annualRevenueTarget", "annualGrowthRate"]).find(
        (field) => field in scenario.overrides,
      );
    issues.push({
      path: driver === undefined ? base : [...base, driver],
      key: issue.key,
      params: { ...issue.params, ...named },
    });
  }
  return issues;
}

/**
 * An overlay role supports a role that exists and is not an overlay itself (so no chain or cycle of overlays), and
 * has no activity, quota or planned headcount of its own: the role it supports sizes it.
 */
function overlayIssues(roles: PlanShape["organization"]["roles"]): RuleIssue[] {
  const byId = new Map(roles.map((role) => [role.id, role]));
  const issues: RuleIssue[] = [];
  roles.forEach((role, index) => {
    if (role.overlay === undefined) return;
    const path = ["organization", "roles", index, "overlay"];
    const supported = byId.get(role.overlay.supportsRoleId);
    if (supported === undefined) {
      issues.push({
        path: [...path, "supportsRoleId"],
        key: "unknownReference",
        params: { id: role.overlay.supportsRoleId, list: "organization.roles" },
      });
    } else if (supported.overlay !== undefined) {
      issues.push({ path: [...path, "supportsRoleId"], key: "overlayOfOverlay", params: { id: supported.id } });
    }
    if (role.activityId !== undefined || role.quotaPerMonth !== undefined || role.plannedHeadcount !== undefined) {
      issues.push({ path, key: "overlayWithDriver" });
    }
  });
  return issues;
}

/** Each pipeline source once, and the shares adding up to 1 at Excel's 15 digits. */
function pipelineSourceIssues(sources: PlanShape["objectives"]["pipelineSources"]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  sources.forEach((entry, index) => {
    if (seen.has(entry.source)) {
      issues.push({
        path: ["objectives", "pipelineSources", index, "source"],
        key: "duplicateSource",
        params: { source: entry.source },
      });
    }
    seen.add(entry.source);
  });
  const total = toExcelPrecision(sources.reduce((sum, entry) => sum + entry.share, 0));
  if (sources.length > 0 && total !== 1) {
    issues.push({ path: ["objectives", "pipelineSources"], key: "sharesSum", params: { value: total } });
  }
  return issues;
}

export const planSchema: z.ZodType<PlanShape, z.input<typeof planShape>> = planShape.superRefine((plan, context) => {
  for (const issue of crossFieldIssues(plan)) {
    context.addIssue({ code: "custom", path: issue.path, message: encodeMessage(issue.key, issue.params) });
  }
  // The plan of record is a whole plan: checked by the same rules, its problems named under planOfRecord.plan.
  const record = plan.planOfRecord;
  if (record === undefined) return;
  if ("planOfRecord" in record.plan) {
    context.addIssue({
      code: "custom",
      path: ["planOfRecord", "plan"],
      message: encodeMessage("unknownKeys", { keys: "planOfRecord" }),
    });
    return;
  }
  const approved = planSchema.safeParse(record.plan);
  if (approved.success) return;
  for (const issue of approved.error.issues) {
    context.addIssue({ ...issue, path: ["planOfRecord", "plan", ...issue.path] });
  }
});

/** A validated plan: every default applied, every rule satisfied. */
export type Plan = z.output<typeof planSchema>;
/** What a plan file or form may hold before defaults are applied. */
export type PlanInput = z.input<typeof planSchema>;
export type Role = Plan["organization"]["roles"][number];
export type FunnelStage = Plan["objectives"]["funnel"][number];
export type ActivityTarget = Plan["objectives"]["activityTargets"][number];
export type Initiative = Plan["execution"]["initiatives"][number];
export type Kpi = Plan["measurement"]["kpis"][number];
export type RepKpi = Plan["measurement"]["repKpis"][number];
export type SalesStage = Plan["methodology"]["stages"][number];
export type Seasonality = Plan["objectives"]["seasonality"];
export type PipelineSourceShare = Plan["objectives"]["pipelineSources"][number];
export type OverlaySizing = NonNullable<Role["overlay"]>;
