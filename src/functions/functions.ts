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

/**
 * Pipeline to create in each period for the bookings closing lag_periods later: bookings[t + lag] × new_business_share × coverage; 0 where the close period lies beyond the range. Shaped like bookings.
 * @customfunction PIPELINE
 * @helpurl https://localhost:3000/help.html#plan-pipeline
 * @param bookings A row or column of bookings planned per period, in your currency; each 0 or more.
 * @param coverage Pipeline needed per unit of new bookings (3 for 3x, see PLAN.COVERAGE); 0 or more.
 * @param lag_periods Optional. Whole periods from a pipeline's creation to its close, 0 or more; default 0.
 * @param new_business_share Optional. Share of bookings that needs new pipeline, from 0 to 1 (renewals need none); default 1.
 * @returns Pipeline to create per period, in your currency, shaped like bookings.
 */
export function pipeline(
  bookings: unknown[][],
  coverage: unknown,
  lag_periods?: unknown,
  new_business_share?: unknown,
): number[][] {
  return inDisplayLanguage().pipeline(bookings, coverage, lag_periods, new_business_share);
}

/**
 * Target pipeline coverage: (1 − create_and_close_share) ÷ win_rate. A 1-in-3 win rate needs 3x; 25 % needs 4x.
 * @customfunction COVERAGE
 * @helpurl https://localhost:3000/help.html#plan-coverage
 * @param win_rate Share of pipeline won, greater than 0 and at most 1 (25 % is 0.25).
 * @param create_and_close_share Optional. Share of bookings created and closed within the period (needing no pipeline at its start), from 0 to 1; default 0.
 * @returns Pipeline needed per unit of bookings (3 means 3x).
 */
export function coverage(win_rate: unknown, create_and_close_share?: unknown): number {
  return inDisplayLanguage().coverage(win_rate, create_and_close_share);
}

/**
 * Quota to assign: capacity × (1 + over_assignment). A 1,000,000 plan at 20 % over-assignment gives 1,200,000. Shaped like capacity.
 * @customfunction QUOTA
 * @helpurl https://localhost:3000/help.html#plan-quota
 * @param capacity The plan to cover, in your currency: a number, or a row or column of numbers (per period or per team); 0 or more.
 * @param over_assignment Cushion of the quotas above the plan, 0 or more (20 % is 0.2); a negative value, quotas below the plan, is refused.
 * @returns Quota to assign, in your currency, shaped like capacity.
 */
export function quota(capacity: unknown[][], over_assignment: unknown): number[][] {
  return inDisplayLanguage().quota(capacity, over_assignment);
}

/**
 * Overlay headcount (sales engineers, managers…) for the people it supports: ROUNDUP(supported_headcount ÷ people_per_overlay, 0). 10 reps at 4 per overlay need 3. Shaped like supported_headcount.
 * @customfunction OVERLAY
 * @helpurl https://localhost:3000/help.html#plan-overlay
 * @param supported_headcount People supported (reps, for example): a number, or a row or column of numbers; 0 or more.
 * @param people_per_overlay People one overlay supports; greater than 0.
 * @returns Whole overlay people, rounded up, shaped like supported_headcount.
 */
export function overlay(supported_headcount: unknown[][], people_per_overlay: unknown): number[][] {
  return inDisplayLanguage().overlay(supported_headcount, people_per_overlay);
}

/**
 * Attainment of a team: Σ actuals ÷ Σ quotas; with threshold, the share of reps whose actual ÷ quota is at or above it. A pair with a blank cell, or two zeros, is skipped.
 * @customfunction ATTAINMENT
 * @helpurl https://localhost:3000/help.html#plan-attainment
 * @param actuals A row or column of each rep's actual, in your currency; each 0 or more, or blank.
 * @param quotas A row or column of each rep's quota, the same shape as actuals; each 0 or more, or blank.
 * @param threshold Optional. Attainment a rep must reach to count, 0 or more (1 is 100 %); by default, the team's attainment.
 * @returns Attainment (1 is 100 %), or the share of reps at the threshold, from 0 to 1.
 */
export function attainment(actuals: unknown[][], quotas: unknown[][], threshold?: unknown): number {
  return inDisplayLanguage().attainment(actuals, quotas, threshold);
}

/**
 * Projected attainment at the end of the period: (actual_to_date ÷ elapsed share) ÷ target. The share is elapsed ÷ total, or with weights the first elapsed weights ÷ all.
 * @customfunction PACE
 * @helpurl https://localhost:3000/help.html#plan-pace
 * @param actual_to_date Bookings so far in the period, in your currency; 0 or more.
 * @param target The period's target, in the same currency; greater than 0.
 * @param elapsed Part of the period elapsed, greater than 0 and at most total; with weights, whole sub-periods elapsed, from 1 to the number of weights.
 * @param total Length of the period in the unit of elapsed (90 days), greater than 0; with weights, the number of weights.
 * @param weights Optional. A row or column of relative weights, one per sub-period (months of a quarter), 0 or more and not all 0; default none (time elapsed).
 * @returns Projected attainment (1 is 100 %).
 */
export function pace(
  actual_to_date: unknown,
  target: unknown,
  elapsed: unknown,
  total: unknown,
  weights?: unknown[][],
): number {
  return inDisplayLanguage().pace(actual_to_date, target, elapsed, total, weights);
}
