/**
 * What the task pane may ask of a workbook, whatever implements it (the Office.js adapter inside Excel; a browser
 * fallback outside Excel). The pane receives an implementation as a prop or context and never calls Office itself,
 * so its components test with plain fakes.
 *
 * Every action reports progress and resolves with a report of what it did, or rejects with a `WorkbookActionError`
 * whose message is for the user (in the plan's language) and says what was left unchanged. Nothing fails silently.
 */
import type { Actuals } from "../plan/actuals";
import type { Plan } from "../plan/schema";

export type WorkbookActionKind = "generate" | "update" | "read" | "leadershipCopy" | "restore" | "importActuals";

export interface ActionProgress {
  /** 0 to 1, or undefined when the share done is unknown. */
  readonly fraction: number | undefined;
  /** What is happening now, for the user: "Writing 2 Objectives…". */
  readonly message: string;
}

export type ProgressListener = (progress: ActionProgress) => void;

export interface GenerationReport {
  /** Sheet names created for the first time. */
  readonly created: readonly string[];
  /** Generated sheets rewritten. */
  readonly updated: readonly string[];
  /** Backup sheets made because a generated sheet held content outside its known blocks. */
  readonly backups: readonly string[];
  /** Features skipped because the host lacks their requirement set, each with the reason. */
  readonly degraded: readonly string[];
  /** Number of Office.js round trips (context.sync calls) the action took. */
  readonly syncs: number;
  /** The id stored with the plan (kept from the workbook's stored plan, or new), when the host can store a plan. */
  readonly workbookId?: string | undefined;
}

/** The plan stored in a workbook, and the workbook's id (undefined for a plan stored before workbooks had one). */
export interface StoredWorkbookPlan {
  readonly plan: Plan;
  readonly workbookId: string | undefined;
}

export interface ReadReport {
  /** The plan rebuilt from the sheets, validated. */
  readonly plan: Plan;
  /** Plan fields whose value differs from the plan the pane had, as paths (`objectives.annualRevenueTarget`). */
  readonly changedFields: readonly string[];
}

export interface LeadershipCopyReport {
  /** Name of the new sheet(s) or copy holding values instead of PLAN.* formulas. */
  readonly sheets: readonly string[];
  /** How many PLAN.* formulas were frozen to their current values in the copy. */
  readonly frozenFormulas: number;
  /** How the copy falls short on this host (for example values without formats where sheets cannot be copied). */
  readonly degraded?: readonly string[];
}

/** How a re-import merged with the records already in the actuals tables (upsert by CRM id, see src/crm/upsert.ts). */
export interface ActualsMergeCounts {
  readonly added: number;
  readonly updated: number;
  /** Rows kept as they were: typed by hand (no CRM id), or whose id the new export does not hold. */
  readonly kept: number;
}

export interface ActualsImportReport extends GenerationReport {
  readonly deals: ActualsMergeCounts;
  readonly activities: ActualsMergeCounts;
  /** Backup sheets holding the actuals tables as they were before this import. */
  readonly actualsBackups: readonly string[];
}

export interface WorkbookGateway {
  /** True inside Excel; false in a plain browser, where the actions below reject. */
  readonly available: boolean;
  /** Writes the plan's sheets for the first time (or again), keeping user edits and never touching other sheets. */
  generate(plan: Plan, onProgress?: ProgressListener): Promise<GenerationReport>;
  /** Reads edits back from the generated sheets, merges them into `plan`, then rewrites the sheets. */
  update(plan: Plan, onProgress?: ProgressListener): Promise<GenerationReport>;
  /** Rebuilds the plan from the generated sheets (edits made in Excel), without writing anything. */
  readFromWorkbook(current: Plan, onProgress?: ProgressListener): Promise<ReadReport>;
  /** Makes the shareable copy where PLAN.* formulas become values. */
  leadershipCopy(onProgress?: ProgressListener): Promise<LeadershipCopyReport>;
  /**
   * Merges records imported from a CRM export into the workbook's actuals tables (same CRM id: updated; new: added;
   * rows typed by hand kept), after backing the tables up, and rewrites the tracking sheet. All or nothing: a failure
   * leaves the tables as they were. `plan` carries the owner → role mapping the rows' roles come from.
   */
  importActuals(plan: Plan, incoming: Actuals, onProgress?: ProgressListener): Promise<ActualsImportReport>;
  /** The plan stored in the workbook (custom XML part), if any, with its id; used to restore the pane when it opens. */
  loadStoredPlan(): Promise<StoredWorkbookPlan | undefined>;
}

/** An action failed; `message` is for the user and says what was left unchanged. */
export class WorkbookActionError extends Error {
  constructor(
    message: string,
    /** The action that failed. */
    readonly action: WorkbookActionKind,
    /** The underlying error (an Office.js error, a validation error), for diagnostics. */
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WorkbookActionError";
  }
}
