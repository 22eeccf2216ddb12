/**
 * The PLAN.* custom functions. Each is a thin wrapper: read and check the arguments as Excel passes them, call
 * the pure plan core, and report bad input as a CustomFunctions.Error naming the argument and its range, in Office's
 * display language (French for a French Office, English otherwise).
 * The JSDoc tags are the metadata: custom-functions-metadata-plugin turns them into functions.json and appends
 * the CustomFunctions.associate calls at build time, so this module stays pure and callable from Node (where the
 * messages are in English; tests and tools wanting French call `planFunctionsIn("fr-FR")`).
 * JSDoc rules the metadata generator imposes: no namespace in @customfunction, `x?: unknown` for an optional
 * argument, `unknown[][]` written out (no alias) for a range, top-level function declarations only.
 * Every argument is `unknown`, which the generator declares `any` in functions.json: Excel then passes what the cell
 * holds, unconverted ("If the type is any, no conversion will be performed", custom-functions-json-autogeneration.md).
 * With `number`, Excel would parse text with the user's regional settings, or answer a bare #VALUE!, before the
 * function runs, and the argument checks' messages (text, booleans, YYYY-MM-DD dates) would never reach a user.
 */
import { messageLocaleFor, officeDisplayLanguage } from "./language";
import { planFunctionsIn, type PlanFunctions } from "./plan-functions";

// Office's display language is read at every call (it may change while the runtime lives); what it maps to is
// remembered for the last language seen, so a call does not re-parse the same language tag.
let lastLanguage = officeDisplayLanguage();
let lastFunctions = planFunctionsIn(messageLocaleFor(lastLanguage));

function inDisplayLanguage(): PlanFunctions {
  const language = officeDisplayLanguage();
  if (language !== lastLanguage) {
    lastLanguage = language;
    lastFunctions = planFunctionsIn(messageLocaleFor(language));
  }
  return lastFunctions;
}

/**
 * Whole people needed to carry a workload: ROUNDUP(workload ÷ (capacity_per_person × utilization), 0). 200 emails a day at 20 per person gives 10.
 * @customfunction HEADCOUNT
 * @helpurl https://localhost:3000/help.html#plan-headcount
 * @param workload Activity needed per period, in the activity's unit (for example 200 emails a day); 0 or more.
 * @param capacity_per_person What one person does per period, in the same unit (for example 20 emails a day); greater than 0.
 * @param utilization Optional. Share of a person's time spent on this activity, greater than 0 and at most 1 (80 % is 0.8); default 1.
 * @returns Whole people, rounded up.
 */
export function headcount(workload: unknown, capacity_per_person: unknown, utilization?: unknown): number {
  return inDisplayLanguage().headcount(workload, capacity_per_person, utilization);
}

/**
 * Quota-carrying reps needed to reach a revenue target: ROUNDUP(revenue_target ÷ (quota_per_rep × attainment), 0). 1,200,000 at a 100,000 quota and 80 % attainment gives 15.
 * @customfunction REPSNEEDED
 * @helpurl https://localhost:3000/help.html#plan-repsneeded
 * @param revenue_target Revenue to reach in the period, in your currency; 0 or more.
 * @param quota_per_rep Quota of one fully ramped rep for the same period, in the same currency; greater than 0.
 * @param attainment Optional. Share of quota a rep is expected to attain, greater than 0 and at most 1 (80 % is 0.8); default 1.
 * @returns Whole reps, rounded up.
 */
export function repsNeeded(revenue_target: unknown, quota_per_rep: unknown, attainment?: unknown): number {
  return inDisplayLanguage().repsNeeded(revenue_target, quota_per_rep, attainment);
}

/**
 * Reverse funnel: the volume each stage needs, top of the funnel first, then the won deals, spilled as a column. Deals = revenue_target ÷ average_deal_value; each stage = the stage below ÷ its conversion rate.
 * @customfunction FUNNEL
 * @helpurl https://localhost:3000/help.html#plan-funnel
 * @param revenue_target Revenue to win, in your currency; 0 or more.
 * @param average_deal_value Average value of one won deal, in the same currency; greater than 0.
 * @param conversion_rates A row or column of conversion rates from each stage to the next, from the top stage down to the last stage before a won deal; each greater than 0 and at most 1 (10 % is 0.1).
 * @param round_up Optional. TRUE (default): every volume is rounded up to a whole number, from the rounded stage below; FALSE: exact values.
 * @returns A column: the volume of each stage from the top, then the deals.
 */
export function funnel(
  revenue_target: unknown,
  average_deal_value: unknown,
  conversion_rates: unknown[][],
  round_up?: unknown,
): number[][] {
  return inDisplayLanguage().funnel(revenue_target, average_deal_value, conversion_rates, round_up);
}

/**
 * Productivity of a new hire, from 0 to 1, a whole number of periods after the hire period: linear over N periods, or read from a row or column of fractions.
 * @customfunction RAMP
 * @helpurl https://localhost:3000/help.html#plan-ramp
 * @param periods_since_hire Periods since the hire period, any whole number: 0 is the hire period itself; a negative number (before the hire) gives 0.
 * @param ramp A number N of periods, 0 or more (period k counts k ÷ N, at most 1; 0 is productive at once), or a row or column of fractions from 0 to 1 for periods 0, 1, 2… after the hire (1 once it ends). A single cell is N.
 * @returns Productivity, from 0 to 1.
 */
export function ramp(periods_since_hire: unknown, ramp: unknown[][]): number {
  return inDisplayLanguage().ramp(periods_since_hire, ramp);
}

/**
 * Revenue capacity per period: productive reps × quota_per_period × attainment, where starting reps count fully and each hire counts by its ramp and its chance of staying. Shaped like hires.
 * @customfunction CAPACITY
 * @helpurl https://localhost:3000/help.html#plan-capacity
 * @param hires A row or column of hires per period (people, 0 or more); one result per period.
 * @param quota_per_period Quota of one fully ramped rep per period, in your currency; greater than 0.
 * @param ramp A number N of periods, 0 or more (linear ramp, 0 is productive at once), or a row or column of fractions from 0 to 1 per period after the hire (1 once it ends).
 * @param starting_reps Optional. Fully ramped reps in place before the first period (people, 0 or more); default 0.
 * @param attrition Optional. One rate per period, 0 or more and less than 1 (each rep stays each period with probability 1 − rate), or a row or column of departures per period (people, 0 or more, leaving the ramped reps at the period's end); default none.
 * @param attainment Optional. Share of quota a ramped rep attains, greater than 0 and at most 1; default 1.
 * @returns Capacity per period, in your currency, shaped like hires.
 */
export function capacity(
  hires: unknown[][],
  quota_per_period: unknown,
  ramp: unknown[][],
  starting_reps?: unknown,
  attrition?: unknown[][],
  attainment?: unknown,
): number[][] {
  return inDisplayLanguage().capacity(hires, quota_per_period, ramp, starting_reps, attrition, attainment);
}

/**
 * Whole hires per period to reach a target headcount despite attrition: MAX(0, ROUNDUP(target − previous headcount × (1 − attrition_rate), 0)); nobody is fired. Shaped like target_headcount.
 * @customfunction HIRES
 * @helpurl https://localhost:3000/help.html#plan-hires
 * @param target_headcount A row or column of the headcount wanted at the end of each period (people, 0 or more).
 * @param starting_headcount Optional. Headcount before the first period (people, 0 or more); default 0.
 * @param attrition_rate Optional. Share of the headcount leaving each period, 0 or more and less than 1 (a yearly rate a is 1 − (1 − a)^(1/12) a month); default 0.
 * @returns Whole hires per period, shaped like target_headcount.
 */
export function hires(
  target_headcount: unknown[][],
  starting_headcount?: unknown,
  attrition_rate?: unknown,
): number[][] {
  return inDisplayLanguage().hires(target_headcount, starting_headcount, attrition_rate);
}

/**
 * Splits a total by relative weights: total × weight ÷ sum of the weights. With whole TRUE, whole parts that add up exactly to the total (largest remainders first, ties to the earliest). Shaped like weights.
 * @customfunction SPLIT
 * @helpurl https://localhost:3000/help.html#plan-split
 * @param total The amount to split, in any unit; a whole number, 0 or more, when whole is TRUE.
 * @param weights A row or column of relative weights, 0 or more and not all 0 (for example quarterly seasonality 1, 1.1, 0.7, 1.2).
 * @param whole Optional. TRUE: whole numbers that add up exactly to the total; FALSE (default): exact shares.
 * @returns The parts, shaped like weights.
 */
export function split(total: unknown, weights: unknown[][], whole?: unknown): number[][] {
  return inDisplayLanguage().split(total, weights, whole);
}

/**
 * The fiscal quarter of a date, as text such as FY2027 Q1; a fiscal year is named by the calendar year in which it ends.
 * @customfunction FISCALQUARTER
 * @helpurl https://localhost:3000/help.html#plan-fiscalquarter
 * @param date A date from 1900-03-01 to 9999-12-31: a date serial (its time of day is ignored) or text YYYY-MM-DD.
 * @param fiscal_year_start_month Optional. The month the fiscal year starts in, a whole number from 1 (January, the default) to 12.
 * @returns Text: FY, the fiscal year, then Q1 to Q4.
 */
export function fiscalQuarter(date: unknown, fiscal_year_start_month?: unknown): string {
  return inDisplayLanguage().fiscalQuarter(date, fiscal_year_start_month);
}
