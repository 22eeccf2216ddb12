/**
 * What the CRM recorded, as the plan core, the layout and the writers see it: deals and activities, one record per
 * row of the generated `CRM deals` and `CRM activities` tables. The CRM import (src/crm) produces these records from
 * an export; the workbook's tables hold them (and rows the user types by hand); the tracking sheet compares them with
 * the plan. Pure data: no parsing here.
 *
 * Dates are `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` when the export has the time: the wall-clock time the export
 * shows, in the zone-less form Excel serials share (an export's offset is dropped, not applied); in a sheet they are
 * Excel serial numbers (the time as the fraction of the day).
 */

export const DEAL_STATUSES = ["won", "lost", "open"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** The activity types the tracking counts; anything a CRM calls otherwise is `other` (its own word is kept). */
export const CRM_ACTIVITY_TYPES = ["call", "email", "meeting", "demo", "task", "other"] as const;
export type ActivityType = (typeof CRM_ACTIVITY_TYPES)[number];

export interface DealRecord {
  /** The CRM's id of the deal; null for a row typed by hand (it is never matched on re-import). */
  readonly crmId: string | null;
  readonly title: string;
  /** The rep who owns the deal, as the CRM names them. */
  readonly owner: string;
  readonly value: number;
  /** ISO code as the export gives it (upper case); null when the export has no currency column. */
  readonly currency: string | null;
  readonly status: DealStatus;
  readonly createdOn: string | null;
  /** When the deal was won or lost (null while open). */
  readonly closedOn: string | null;
  readonly stage: string | null;
  readonly pipeline: string | null;
  readonly source: string | null;
}

export interface ActivityRecord {
  readonly crmId: string | null;
  readonly type: ActivityType;
  /** The type as the CRM wrote it ("Demo call", "Lunch"…), kept for the user's own grouping. */
  readonly rawType: string;
  readonly owner: string;
  readonly dueOn: string | null;
  readonly done: boolean;
  readonly doneAt: string | null;
}

/** Everything the workbook's actuals tables hold. */
export interface Actuals {
  readonly deals: readonly DealRecord[];
  readonly activities: readonly ActivityRecord[];
}

export const NO_ACTUALS: Actuals = { deals: [], activities: [] };
