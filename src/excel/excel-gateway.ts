/**
 * The WorkbookGateway inside Excel: the only code that calls `Excel.run`.
 *
 * Round trips (context.sync calls) per action, as counted on the test fake (FakeExcel.syncCount):
 * - generate / update: 1 to read the inventory, 1 to read the generated sheets and the stored plan (skipped when
 *   there are none; when a plan is stored but its sheets were deleted it reads the stored plan alone), more when the
 *   sheets' responses would exceed the budget (read-bands.ts), then 1 write request per 4 MB of queued writes
 *   (request-budget.ts). Measured: generate 2 on a new workbook (3 for a 5,000-row plan: two write requests), 3 over
 *   existing sheets or over a stored plan alone; update 3 on the examples, 5 for a 5,000-row plan (two read
 *   responses, two write requests).
 * - readFromWorkbook: 2 (3 for a 5,000-row plan, read in two responses), writes nothing.
 * - loadStoredPlan: 2 (1 when nothing is stored), writes nothing.
 * - leadershipCopy: 3 reads (inventory, used-range sizes, cells) plus one per further 4 MB of estimated cells, one
 *   per 4 MB of spill lookups (leadership-copy.ts), then one write request per 4 MB (none when no sheet calls PLAN.*):
 *   5 for a sheet calling PLAN.* beside the examples.
 *
 * The optional writes (charts, conditional formats, validations, page layout, tab colours, links) travel after the
 * critical ones in the last request, so they add no sync when all goes well.
 *
 * Everything that can refuse an action (plan and spec validation, requirement sets, name clashes with the user's
 * sheets, tables and names, unreadable cells) is checked between the reads and the first write, so a refusal
 * changes nothing. A request that Excel rejects part-way is followed by the repair of the optional parts
 * (optional-parts.ts: one request per part, and per refused chart) when the critical part is known to have run, or
 * else by a compensating request that puts the workbook back as it was (undo.ts: one read, then one write request
 * per 4 MB), and the action fails saying nothing was changed.
 * Every error reaches the caller as a `WorkbookActionError` whose message is in the plan's language.
 */
import type { Actuals } from "../plan/actuals";
import type { Plan, PlanLocale } from "../plan/schema";
import { upsertByCrmId } from "../crm/upsert";
import { localIsoDate } from "../plan/calendar";
import { validatePlan } from "../plan/validate";
import { cellAddress, quoteSheetName, type RangePosition } from "../workbook/address";
import {
  WorkbookActionError,
  type ActionProgress,
  type ActualsImportReport,
  type ActualsMergeCounts,
  type GenerationReport,
  type LeadershipCopyReport,
  type ProgressListener,
  type ReadReport,
  type StoredWorkbookPlan,
  type WorkbookActionKind,
  type WorkbookGateway,
} from "../workbook/gateway";
import {
  GENERATED_SHEET_TAG,
  nonFiniteNumbers,
  workbookSpecSchema,
  type SheetKey,
  type SheetSnapshot,
  type SheetSpec,
  type WorkbookSpec,
} from "../workbook/spec";
import { literalText } from "../workbook/text";
import { excelMessage, localeForLanguage, type ExcelMessageKey } from "./messages";
import { officeExcelRun, type ExcelContext, type ExcelRun, type TableApi, type WorksheetApi } from "./office-port";
import { findSpills, gridWrites, guessedSpill, readUsedRanges, spillCandidates, withSpills } from "./leadership-copy";
import { frozenCells, sheetsToFreeze } from "./plan-formulas";
import { newWorkbookId, PLAN_XML_NAMESPACE, planFromXml, workbookIdFromXml } from "./plan-storage";
import { DEFAULT_REQUEST_BUDGET_BYTES, operationBytes, type QueuedWrite } from "./request-budget";
import {
  excelSupport,
  FEATURE_REQUIREMENTS,
  MINIMUM_EXCEL_API,
  officeIsSetSupported,
  type ExcelSupport,
  type IsSetSupported,
} from "./requirements";
import { contentOutsideRegions, overwrittenLayoutCell, sheetSnapshot, sheetsHoldingFields } from "./sheet-contents";
import {
  identifyGeneratedSheets,
  planNameChanges,
  planSheetChanges,
  sameName,
  uniqueSheetName,
} from "./sheet-identity";
import { writeSheetCharts } from "./charts";
import type { ChartWriter } from "./sheet-writer";
import { queueInventory, readGeneratedSheets, type GeneratedReads, type WorkbookInventory } from "./workbook-reads";
import { layoutRowBytes } from "./read-bands";
import { tablesKeptInPlace, workbookWrites, type BackupDecision, type GeneratedSheet } from "./workbook-writer";
import type { ReadBackIssue, ReadBackResult } from "../workbook/read-back";
import { executeWrites, WriteFailure, type WriteExecution } from "./write-executor";
import { criticalFirst, repairOptionalParts } from "./optional-parts";
import { undoAction, type WorkbookBefore } from "./undo";
import { sheetWrites } from "./sheet-writer";
import { mergeSheetEdits } from "../workbook/merge-edits";
import { readActuals } from "../workbook/read-actuals";
import type { ActualsRows } from "../workbook/sheets/actuals";
import { GROWING_ROW_BYTES } from "./workbook-reads";

/** What the read-back (src/workbook/read-back.ts) returns: the plan, or the cells it could not read. */
export type { ReadBackIssue, ReadBackResult } from "../workbook/read-back";

/** `layoutWorkbook` (src/workbook): `actuals` is what the CRM tables hold (absent: empty tables). */
export type LayoutWorkbook = (
  plan: Plan,
  options: { readonly generatedOn: string; readonly actuals?: ActualsRows },
) => WorkbookSpec;

/** The sheets holding the CRM's records: their rows are data, kept across every rewrite, not layout. */
const ACTUALS_SHEETS: readonly SheetKey[] = ["deals", "activities"];

/**
 * Rows of a CRM table the spec schema checks. Every row of a table is built by the same code from validated records,
 * so a layout defect shows in its first rows; parsing each of 5 million cell objects (100,000 deals and 500,000
 * activities) would take longer than writing them (40 s measured). Every number is still checked to be finite.
 */
const CHECKED_RECORD_ROWS = 200;

/** The spec with each CRM table's block cut to its first rows, for the schema check. */
function sampledRecords(spec: WorkbookSpec): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) =>
      ACTUALS_SHEETS.includes(sheet.key)
        ? {
            ...sheet,
            blocks: sheet.blocks.map((block) =>
              block.rows.length > CHECKED_RECORD_ROWS
                ? { ...block, rows: block.rows.slice(0, CHECKED_RECORD_ROWS) }
                : block,
            ),
          }
        : sheet,
    ),
  };
}

/** The checked spec with the CRM tables' blocks whole again (the schema leaves their cells as they were). */
function withAllRecords(checked: WorkbookSpec, full: WorkbookSpec): WorkbookSpec {
  return {
    ...checked,
    sheets: checked.sheets.map((sheet, index) =>
      ACTUALS_SHEETS.includes(sheet.key)
        ? {
            ...sheet,
            blocks: sheet.blocks.map((block, blockIndex) => ({
              ...block,
              rows: full.sheets[index]!.blocks[blockIndex]!.rows,
            })),
          }
        : sheet,
    ),
  };
}
/** `readPlanFromSnapshots` (src/workbook): the sheets' values merged into `current`, laid out as `spec`. */
export type ReadPlanFromSnapshots = (
  spec: WorkbookSpec,
  snapshots: readonly SheetSnapshot[],
  current: Plan,
) => ReadBackResult;
/** `knownRegions` (src/workbook): the cells a generated sheet legitimately holds, tables at their current size. */
export type KnownRegions = (
  sheet: SheetSpec,
  tableRanges?: Readonly<Record<string, string>>,
) => readonly RangePosition[];

export interface ExcelGatewayDependencies {
  readonly layout: LayoutWorkbook;
  readonly readBack: ReadPlanFromSnapshots;
  readonly knownRegions: KnownRegions;
  /** The clock: the generation date shown on the cover sheet and in backup names (local calendar date). */
  readonly now: () => Date;
  /** Default: Office's `Excel.run`. */
  readonly run?: ExcelRun;
  /** Default: `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: IsSetSupported;
  /** The charts step. Default: `writeSheetCharts` (charts.ts), which draws every chart of the spec. */
  readonly writeCharts?: ChartWriter;
  /** Language for actions that have no plan at hand (leadership copy, restore). Default: Office's display language. */
  readonly displayLanguage?: () => string | undefined;
  /** Size at which a write request is closed and synced (default 4,000,000 bytes, under the 5 MB limit). */
  readonly requestBudgetBytes?: number;
}

/** Thrown by a read sync: Excel could not read the workbook; nothing was written. */
class ReadFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
    this.name = "ReadFailure";
  }
}

/** A critical write failed and the compensating request put the workbook back as it was. */
class UndoneFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
    this.name = "UndoneFailure";
  }
}

/** A critical write failed, and so did the compensating request. */
class UndoFailure extends Error {
  constructor(
    readonly failure: WriteFailure,
    readonly undoError: unknown,
  ) {
    super(describe(failure.cause));
    this.name = "UndoFailure";
  }
}

/** An Office.js error's message and code (`InvalidArgument`), or any error's message. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !error.message.includes(code)
      ? `${error.message} [${code}]`
      : error.message;
  }
  return String(error);
}

function officeDisplayLanguage(): string | undefined {
  return typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
}

/** The request context with its round trips counted (`syncCount`), as reported in `GenerationReport.syncs`. */
interface CountedContext extends ExcelContext {
  readonly syncCount: number;
}

function countingContext(context: ExcelContext): CountedContext {
  let syncCount = 0;
  return {
    workbook: context.workbook,
    sync: async () => {
      syncCount++;
      return context.sync();
    },
    get syncCount() {
      return syncCount;
    },
  };
}

/** Marks a failed read sync: Excel could not read the workbook, and nothing had been written. */
async function reading(sync: Promise<unknown>): Promise<void> {
  try {
    await sync;
  } catch (error) {
    throw new ReadFailure(error);
  }
}

interface WorkbookState {
  readonly inventory: WorkbookInventory;
  readonly generated: ReadonlyMap<SheetKey, GeneratedSheet>;
  readonly reads: GeneratedReads | undefined;
  /** The stored plan's XML (the last part in the plan's namespace), read whenever there is one. */
  readonly storedPlanXml: string | undefined;
}

export function createExcelGateway(dependencies: ExcelGatewayDependencies): WorkbookGateway {
  const run = dependencies.run ?? officeExcelRun;
  const isSetSupported = dependencies.isSetSupported ?? officeIsSetSupported;
  const budgetBytes = dependencies.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
  const writeCharts = dependencies.writeCharts ?? writeSheetCharts;
  // A single block band stays well inside one request.
  const bandBytes = Math.max(1, Math.floor(budgetBytes / 4));
  // The actuals tables' first rows are read with the other sheets; a large table's rest in further requests.
  const actualsFirstRows = Math.max(1, Math.floor(budgetBytes / 16 / GROWING_ROW_BYTES));
  const displayLocale = (): PlanLocale => localeForLanguage((dependencies.displayLanguage ?? officeDisplayLanguage)());

  const progress =
    (onProgress: ProgressListener | undefined, locale: PlanLocale) =>
    (fraction: number | undefined, key: ExcelMessageKey, params?: Record<string, string | number>) =>
      onProgress?.({ fraction, message: excelMessage(locale, key, params) } satisfies ActionProgress);

  function requireSupport(action: WorkbookActionKind, locale: PlanLocale): ExcelSupport {
    const support = excelSupport(isSetSupported);
    if (!support.minimum) {
      throw new WorkbookActionError(excelMessage(locale, "belowMinimum", { version: MINIMUM_EXCEL_API }), action);
    }
    return support;
  }

  /** Runs an action's Excel batch and turns every failure into a `WorkbookActionError` in `locale`. */
  async function guarded<T>(
    action: WorkbookActionKind,
    locale: PlanLocale,
    batch: (context: CountedContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await run((context) => batch(countingContext(context)));
    } catch (error) {
      if (error instanceof WorkbookActionError) throw error;
      if (error instanceof UndoneFailure) {
        throw new WorkbookActionError(
          excelMessage(locale, "writeUndone", { detail: describe(error.cause) }),
          action,
          error.cause,
        );
      }
      if (error instanceof UndoFailure) {
        throw new WorkbookActionError(
          excelMessage(locale, "undoFailed", {
            detail: describe(error.failure.cause),
            undoDetail: describe(error.undoError),
            partial: [...error.failure.partial, ...error.failure.complete].join(", ") || "—",
          }),
          action,
          error.failure.cause,
        );
      }
      if (error instanceof WriteFailure) {
        const none = "—";
        throw new WorkbookActionError(
          excelMessage(locale, "writeFailed", {
            detail: describe(error.cause),
            partial: error.partial.join(", ") || none,
            complete:
              error.complete.length > 0
                ? excelMessage(locale, "writeFailedComplete", { sheets: error.complete.join(", ") })
                : "",
          }),
          action,
          error.cause,
        );
      }
      if (error instanceof ReadFailure) {
        throw new WorkbookActionError(
          excelMessage(locale, "readFailed", { detail: describe(error.cause) }),
          action,
          error.cause,
        );
      }
      throw new WorkbookActionError(excelMessage(locale, "unexpected", { detail: describe(error) }), action, error);
    }
  }

  /**
   * Runs an action's writes: the critical ones first (the stored plan last of them), then the optional ones, in as
   * few requests as the budget allows. When Excel refuses a request, either the critical part is known to have run
   * (the failed request held only optional writes, or the new stored plan is found in the workbook) and the optional
   * parts are repaired (optional-parts.ts), or the compensating request puts the workbook back as it was (undo.ts)
   * and the action fails with `UndoneFailure`.
   */
  async function writeSafely(
    context: ExcelContext,
    writes: readonly QueuedWrite[],
    before: WorkbookBefore,
    options: {
      readonly support: ExcelSupport;
      readonly locale: PlanLocale;
      readonly degrade: (message: string) => void;
      readonly onRequest?: WriteExecution["onRequest"];
    },
  ): Promise<void> {
    const { support } = options;
    const execution = {
      sync: () => context.sync(),
      application: context.workbook.application,
      support,
      budgetBytes,
    };
    try {
      await executeWrites(criticalFirst(writes), {
        ...execution,
        onRequest: options.onRequest,
        // Without a stored plan to look for, nothing could tell whether a shared request's critical writes all ran.
        separateOptional: !writes.some((write) => write.storesPlan),
      });
      return;
    } catch (error) {
      if (!(error instanceof WriteFailure)) throw error;
      if (await criticalPartRan(context, error, before)) {
        await repairOptionalParts(
          [...error.failed, ...error.notRun].filter((write) => write.part !== undefined),
          {
            sync: () => context.sync(),
            locale: options.locale,
            support,
            worksheet: (name) => context.workbook.worksheets.getItemOrNullObject(name),
            degrade: options.degrade,
            describe,
          },
        );
        return;
      }
      try {
        await undoAction(context, before, support, (undoWrites) => executeWrites(undoWrites, execution), bandBytes);
      } catch (undoError) {
        throw new UndoFailure(error, undoError);
      }
      throw new UndoneFailure(error.cause);
    }
  }

  /** True when every critical write of a failed run is known to have run (see `writeSafely`). */
  async function criticalPartRan(context: ExcelContext, failure: WriteFailure, before: WorkbookBefore) {
    if (failure.failed.every((write) => write.part !== undefined)) return true;
    if (!failure.failed.some((write) => write.storesPlan)) return false;
    const parts = context.workbook.customXmlParts.getByNamespace(PLAN_XML_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    return parts.items.some((part) => !before.planPartIds.includes(part.id));
  }

  /** What an action may change, as read before it writes anything. */
  function workbookBefore(
    inventory: WorkbookInventory,
    storedPlanXml: string | undefined,
    restore: WorkbookBefore["restore"] = [],
  ): WorkbookBefore {
    return {
      sheets: inventory.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name })),
      names: inventory.names.map((name) => ({ name: name.name, value: name.value, type: name.type })),
      planPartIds: inventory.planParts.map((part) => part.id),
      storedPlanXml,
      restore,
    };
  }

  function layoutChecked(
    action: WorkbookActionKind,
    plan: Plan,
    generatedOn: string,
    actuals?: ActualsRows,
  ): WorkbookSpec {
    const locale = plan.meta.locale;
    let spec: WorkbookSpec;
    try {
      spec = dependencies.layout(plan, actuals ? { generatedOn, actuals } : { generatedOn });
    } catch (error) {
      throw new WorkbookActionError(excelMessage(locale, "layoutFailed", { detail: describe(error) }), action, error);
    }
    const checked = workbookSpecSchema.safeParse(sampledRecords(spec));
    if (checked.success) {
      const unreadable = nonFiniteNumbers(spec);
      if (unreadable.length > 0) {
        throw new WorkbookActionError(
          excelMessage(locale, "specInvalid", { detail: unreadable.slice(0, 5).join("; ") }),
          action,
        );
      }
      return withAllRecords(checked.data, spec);
    }
    const detail = checked.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new WorkbookActionError(excelMessage(locale, "specInvalid", { detail }), action, checked.error);
  }

  function validated(action: WorkbookActionKind, plan: unknown, locale: PlanLocale, key: ExcelMessageKey): Plan {
    const validation = validatePlan(plan, locale);
    if (validation.ok) return validation.plan;
    throw new WorkbookActionError(
      excelMessage(locale, key, { list: validation.issues.map((issue) => `- ${issue.message}`).join("\n") }),
      action,
    );
  }

  function badCellsError(action: WorkbookActionKind, locale: PlanLocale, issues: readonly ReadBackIssue[]) {
    const list = issues.map((issue) => `- ${quoteSheetName(issue.sheet)}!${issue.cell}: ${issue.message}`).join("\n");
    return new WorkbookActionError(excelMessage(locale, "badCells", { list }), action, issues);
  }

  /**
   * Sync 1 (inventory) and, when generated sheets exist, sync 2 (their contents and the stored plan). When a plan is
   * stored but its sheets are gone, sync 2 reads the stored plan alone (unless `storedPlanWithoutSheets` is false):
   * a write keeps its workbook id, and an undo can put the part back after the write deleted it.
   */
  async function readState(
    context: ExcelContext,
    support: ExcelSupport,
    spec: WorkbookSpec,
    onRead: () => void,
    storedPlanWithoutSheets = true,
  ): Promise<WorkbookState> {
    const specNames = Object.fromEntries(spec.sheets.map((sheet) => [sheet.key, sheet.name]));
    const inventoryOf = queueInventory(context, support);
    await reading(context.sync());
    const inventory = inventoryOf();
    const generatedNames = identifyGeneratedSheets(inventory.sheets, inventory.names, specNames);
    const generated = new Map<SheetKey, GeneratedSheet>();
    for (const [key, name] of generatedNames) {
      const sheet = inventory.sheets.find((candidate) => candidate.name === name)!;
      generated.set(key, { key, name, proxy: sheet.proxy, taggedByProperty: sheet.tagProperty === key });
    }
    if (generated.size === 0) {
      const part = storedPlanWithoutSheets ? inventory.planParts.at(-1) : undefined;
      if (!part) return { inventory, generated, reads: undefined, storedPlanXml: undefined };
      const xml = part.getXml();
      await reading(context.sync());
      // A ClientResult has no load(): its value arrives with the sync.
      // eslint-disable-next-line office-addins/load-object-before-read
      return { inventory, generated, reads: undefined, storedPlanXml: xml.value };
    }
    onRead();
    const reads = await readGeneratedSheets(() => reading(context.sync()), generated, inventory, {
      charts: true,
      rowBytes: new Map(spec.sheets.map((sheet) => [sheet.key, layoutRowBytes(sheet)])),
      budgetBytes,
      growing: new Map(ACTUALS_SHEETS.map((key) => [key, actualsFirstRows])),
    });
    return { inventory, generated, reads, storedPlanXml: reads.storedPlanXml };
  }

  function snapshotsOf(state: WorkbookState): SheetSnapshot[] {
    return [...state.generated.values()].map((sheet) =>
      sheetSnapshot(
        sheet.key,
        sheet.name,
        state.reads?.sheets.get(sheet.key)?.used,
        state.reads?.tableRanges(sheet.name) ?? {},
      ),
    );
  }

  /** The plan stored in the workbook, when there is a readable one. */
  function storedPlanOf(state: WorkbookState, locale: PlanLocale): Plan | undefined {
    const xml = state.storedPlanXml;
    if (xml === undefined) return undefined;
    const stored = planFromXml(xml, locale);
    return stored.ok ? stored.plan : undefined;
  }

  /**
   * The records the actuals sheets hold now (imported or typed by hand), read back so that every rewrite keeps them;
   * a cell that cannot be read refuses the action before anything is written.
   */
  function actualsOf(
    state: WorkbookState,
    action: WorkbookActionKind,
    locale: PlanLocale,
  ): { readonly all: ActualsRows; readonly inTables: ActualsRows } {
    const snapshots = snapshotsOf(state).filter((snapshot) => ACTUALS_SHEETS.includes(snapshot.key));
    const read = readActuals(snapshots, locale);
    if (read.issues.length > 0) {
      const list = read.issues.map((issue) => `- ${issue.message}`).join("\n");
      throw new WorkbookActionError(excelMessage(locale, "badActualsCells", { list }), action, read.issues);
    }
    const { deals, activities } = read.actuals;
    return {
      all: read.actuals,
      inTables: { deals: deals.slice(0, read.inTable.deals), activities: activities.slice(0, read.inTable.activities) },
    };
  }

  /**
   * Generate, Update and Import: one flow. The actuals tables' records are read first and laid out again (with the
   * `incoming` records merged in by CRM id for an import), so no action loses a row; an import backs the tables up.
   */
  async function writePlan(
    action: "generate" | "update" | "importActuals",
    input: Plan,
    onProgress: ProgressListener | undefined,
    incoming?: Actuals,
  ): Promise<GenerationReport & Partial<Omit<ActualsImportReport, keyof GenerationReport>>> {
    const locale: PlanLocale = input.meta.locale === "fr-FR" ? "fr-FR" : "en-US";
    const report = progress(onProgress, locale);
    const support = requireSupport(action, locale);
    const plan = validated(action, input, locale, "planInvalid");
    const generatedOn = localIsoDate(dependencies.now());
    const planSpec = layoutChecked(action, plan, generatedOn);

    return guarded(action, locale, async (context) => {
      report(0, "progressReading");
      const state = await readState(context, support, planSpec, () => report(0.15, "progressReadingSheets"));
      report(0.3, "progressChecking");

      // What the sheets were laid out from (`basis`), and what will be written (`spec`).
      let basisSpec = planSpec;
      let spec = planSpec;
      let basisPlanUsed = plan;
      let specPlan = plan;
      let editedKeys = new Set<SheetKey>();
      const existingRead = actualsOf(state, action, locale);
      const existing = existingRead.all;
      if (state.generated.size > 0) {
        const snapshots = snapshotsOf(state);
        if (action !== "generate") {
          // The sheets are read against the plan they were generated from (stored in the workbook), so rows line up
          // even when the pane's plan has changed since; the sheets' edits and the pane's are then merged.
          const basisPlan = storedPlanOf(state, locale) ?? plan;
          basisPlanUsed = basisPlan;
          if (basisPlan !== plan) basisSpec = layoutChecked(action, basisPlan, generatedOn);
          const fromSheets = dependencies.readBack(basisSpec, snapshots, basisPlan);
          if (!fromSheets.ok) throw badCellsError(action, locale, fromSheets.issues);
          const merge = mergeSheetEdits(basisPlan, fromSheets.plan, plan, "report");
          if (merge.conflicts.length > 0) {
            throw new WorkbookActionError(
              excelMessage(locale, "editConflict", { fields: merge.conflicts.join(", ") }),
              action,
            );
          }
          const mergedPlan = validated(action, merge.plan, locale, "readPlanInvalid");
          if (merge.changedFromPane.length > 0) {
            specPlan = mergedPlan;
            spec = layoutChecked(action, mergedPlan, generatedOn);
          }
        } else {
          // Generating over existing sheets writes the pane's plan; edits made in Excel since the last generation
          // (read against the stored plan the sheets came from) are kept in backups.
          const basisPlan = storedPlanOf(state, locale) ?? plan;
          basisPlanUsed = basisPlan;
          if (basisPlan !== plan) basisSpec = layoutChecked(action, basisPlan, generatedOn);
          const edits = dependencies.readBack(basisSpec, snapshots, basisPlan);
          editedKeys = edits.ok
            ? sheetsHoldingFields(basisSpec, edits.changedFields)
            : new Set(
                [...state.generated.values()]
                  .filter((sheet) => edits.issues.some((issue) => sameName(issue.sheet, sheet.name)))
                  .map((sheet) => sheet.key),
              );
        }
      }

      // The records laid out again: as they are (Generate, Update), or merged with the import by CRM id.
      const deals = incoming ? upsertByCrmId(existing.deals, incoming.deals) : undefined;
      const activities = incoming ? upsertByCrmId(existing.activities, incoming.activities) : undefined;
      const actuals: ActualsRows = {
        deals: deals?.records ?? existing.deals,
        activities: activities?.records ?? existing.activities,
      };
      const holdsRecords = (rows: ActualsRows) => rows.deals.length > 0 || rows.activities.length > 0;
      if (holdsRecords(existing)) basisSpec = layoutChecked(action, basisPlanUsed, generatedOn, existing);
      // Undo rewrites a sheet's layout, then its cells as read: the layout the actuals sheets were written from holds
      // the rows inside their tables, not rows typed below them (which keep their own formats).
      const typedBelow =
        existingRead.inTables.deals.length !== existing.deals.length ||
        existingRead.inTables.activities.length !== existing.activities.length;
      const restoreSpec = typedBelow
        ? layoutChecked(action, basisPlanUsed, generatedOn, existingRead.inTables)
        : basisSpec;
      if (holdsRecords(actuals)) spec = layoutChecked(action, specPlan, generatedOn, actuals);

      const changes = planSheetChanges(
        spec,
        new Map([...state.generated].map(([key, sheet]) => [key, sheet.name])),
        state.inventory.sheets.map((sheet) => sheet.name),
      );
      if (changes.clash !== undefined) {
        throw new WorkbookActionError(excelMessage(locale, "sheetClash", { name: changes.clash }), action);
      }
      const nameChanges = planNameChanges(
        spec,
        changes.rewrites.map((rewrite) => rewrite.from),
        [...state.generated.values()].map((sheet) => sheet.name),
        state.inventory.names,
        state.inventory.tables,
      );
      if (nameChanges.clash?.kind === "table") {
        throw new WorkbookActionError(
          excelMessage(locale, "tableClash", { name: nameChanges.clash.name, sheet: nameChanges.clash.sheet }),
          action,
        );
      }
      if (nameChanges.clash?.kind === "name") {
        throw new WorkbookActionError(excelMessage(locale, "nameClash", { name: nameChanges.clash.name }), action);
      }

      // An import keeps the actuals tables as they were in backups, when they held records.
      const forced = new Set<SheetKey>(
        incoming
          ? ([existing.deals.length > 0 && "deals", existing.activities.length > 0 && "activities"].filter(
              Boolean,
            ) as SheetKey[])
          : [],
      );
      const backups = decideBackups(state, changes.rewrites, basisSpec, editedKeys, generatedOn, locale, forced);
      // The workbook keeps its id across writes; a workbook without one (new, or stored before ids) gets one now.
      const workbookId = workbookIdFromXml(state.storedPlanXml) ?? newWorkbookId();
      const degraded: string[] = [];
      const degrade = (message: string) => {
        if (!degraded.includes(message)) degraded.push(message);
      };
      const writes = workbookWrites(context, {
        spec,
        locale,
        support,
        inventory: state.inventory,
        generated: state.generated,
        reads: state.reads?.sheets ?? new Map(),
        changes,
        nameChanges,
        backups,
        degrade,
        writeCharts,
        bandBytes,
        workbookId,
        tableRanges: (sheetName) => state.reads?.tableRanges(sheetName) ?? {},
      });
      // What undoing the action would rewrite: each sheet it clears, as its layout and its cells were.
      const keptTables = tablesKeptInPlace({
        spec,
        support,
        inventory: state.inventory,
        generated: state.generated,
        changes,
        tableRanges: (sheetName) => state.reads?.tableRanges(sheetName) ?? {},
      });
      const restore = changes.rewrites.map((rewrite) => {
        const generated = state.generated.get(rewrite.key)!;
        const layout = restoreSpec.sheets.find((sheet) => sheet.key === rewrite.key);
        const tableRanges = state.reads?.tableRanges(generated.name) ?? {};
        return {
          id: state.inventory.sheets.find((sheet) => sheet.name === generated.name)!.id,
          used: state.reads?.sheets.get(rewrite.key)?.used,
          tablesResizedInPlace: new Set(keptTables.get(rewrite.key)?.keys() ?? []),
          layout: (worksheet: () => WorksheetApi, tablesToResize: ReadonlyMap<string, TableApi>) =>
            layout
              ? sheetWrites(
                  {
                    ...layout,
                    tables: layout.tables.map((table) => ({ ...table, range: tableRanges[table.name] ?? table.range })),
                  },
                  worksheet,
                  {
                    support,
                    locale,
                    styles: basisSpec.styles,
                    degrade: () => undefined,
                    writeCharts: undefined,
                    bandBytes,
                    tablesToResize,
                  },
                ).filter((write) => write.part === undefined)
              : [],
        };
      });
      await writeSafely(context, writes, workbookBefore(state.inventory, state.storedPlanXml, restore), {
        support,
        locale,
        degrade,
        onRequest: (part, parts) =>
          report(0.4 + (0.6 * (part - 1)) / parts, parts > 1 ? "progressWritingPart" : "progressWriting", {
            part,
            parts,
          }),
      });
      report(1, "progressDone");
      const counts = (result: { counts: ActualsMergeCounts } | undefined) =>
        result && { added: result.counts.added, updated: result.counts.updated, kept: result.counts.kept };
      return {
        created: changes.creates.map((create) => create.name),
        updated: changes.rewrites.map((rewrite) => rewrite.to),
        backups: backups.map((backup) => backup.name),
        degraded,
        syncs: context.syncCount,
        workbookId: support.has("planStorage") ? workbookId : undefined,
        ...(incoming
          ? {
              deals: counts(deals),
              activities: counts(activities),
              actualsBackups: backups
                .filter((backup) => ACTUALS_SHEETS.includes(backup.key))
                .map((backup) => backup.name),
            }
          : {}),
      };
    });
  }

  /**
   * A generated sheet is copied to a backup before it is rewritten when it holds a non-empty cell outside the
   * regions its layout knows, a chart the charts step did not name, or (generate only) edits to bound cells. An
   * empty sheet has nothing to keep.
   */
  function decideBackups(
    state: WorkbookState,
    rewrites: readonly { readonly key: SheetKey }[],
    basisSpec: WorkbookSpec,
    editedKeys: ReadonlySet<SheetKey>,
    generatedOn: string,
    locale: PlanLocale,
    forced: ReadonlySet<SheetKey> = new Set(),
  ): BackupDecision[] {
    const taken = [
      ...state.inventory.sheets.map((sheet) => sheet.name),
      ...basisSpec.sheets.map((sheet) => sheet.name),
    ];
    const backups: BackupDecision[] = [];
    for (const { key } of rewrites) {
      const source = state.generated.get(key)!;
      const read = state.reads?.sheets.get(key);
      const layout = basisSpec.sheets.find((sheet) => sheet.key === key);
      const tableRanges = state.reads?.tableRanges(source.name) ?? {};
      const regions = layout ? dependencies.knownRegions(layout, tableRanges) : [];
      const foreignContent =
        contentOutsideRegions(read?.used, regions) !== undefined ||
        (layout !== undefined && overwrittenLayoutCell(layout, read?.used, tableRanges) !== undefined);
      const foreignChart = (read?.charts ?? []).some((chart) => !layout?.charts.some((spec) => spec.id === chart.name));
      const edited = editedKeys.has(key) && read?.used !== undefined;
      if (!foreignContent && !foreignChart && !edited && !(forced.has(key) && read?.used !== undefined)) continue;
      const name = uniqueSheetName(source.name, `${excelMessage(locale, "backupWord")} ${generatedOn}`, taken);
      taken.push(name);
      backups.push({ key, name, source, read });
    }
    return backups;
  }

  async function readFromWorkbook(current: Plan, onProgress?: ProgressListener): Promise<ReadReport> {
    const action = "read";
    const locale: PlanLocale = current.meta.locale === "fr-FR" ? "fr-FR" : "en-US";
    const report = progress(onProgress, locale);
    const support = requireSupport(action, locale);
    const plan = validated(action, current, locale, "planInvalid");
    const spec = layoutChecked(action, plan, localIsoDate(dependencies.now()));
    return guarded(action, locale, async (context) => {
      report(0, "progressReading");
      const state = await readState(context, support, spec, () => report(0.4, "progressReadingSheets"), false);
      if (state.generated.size === 0) throw new WorkbookActionError(excelMessage(locale, "noGeneratedSheets"), action);
      // Read against the plan the sheets came from; the pane's own edits survive unless the sheets changed them too.
      const basisPlan = storedPlanOf(state, locale) ?? plan;
      const basisSpec = basisPlan === plan ? spec : layoutChecked(action, basisPlan, localIsoDate(dependencies.now()));
      const result = dependencies.readBack(basisSpec, snapshotsOf(state), basisPlan);
      if (!result.ok) throw badCellsError(action, locale, result.issues);
      const merge = mergeSheetEdits(basisPlan, result.plan, plan, "sheets-win");
      const readPlan = validated(action, merge.plan, locale, "readPlanInvalid");
      report(1, "progressDone");
      return { plan: readPlan, changedFields: [...merge.changedFromPane] };
    });
  }

  async function loadStoredPlan(): Promise<StoredWorkbookPlan | undefined> {
    const action = "restore";
    const locale = displayLocale();
    const support = requireSupport(action, locale);
    // Without custom XML parts nothing can have been stored: the pane starts empty.
    if (!support.has("planStorage")) return undefined;
    return guarded(action, locale, async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(PLAN_XML_NAMESPACE);
      parts.load("items/id");
      await reading(context.sync());
      const part = parts.items.at(-1);
      if (!part) return undefined;
      const xml = part.getXml();
      await reading(context.sync());
      // A ClientResult has no load(): its value arrives with the sync.
      // eslint-disable-next-line office-addins/load-object-before-read
      const stored = planFromXml(xml.value, locale);
      if (!stored.ok) throw new WorkbookActionError(stored.message, action);
      return { plan: stored.plan, workbookId: stored.workbookId };
    });
  }

  async function leadershipCopy(onProgress?: ProgressListener): Promise<LeadershipCopyReport> {
    const action = "leadershipCopy";
    const locale = displayLocale();
    const report = progress(onProgress, locale);
    const support = requireSupport(action, locale);
    const copySupported = support.has("worksheetCopy");
    return guarded(action, locale, async (context) => {
      report(0, "progressReading");
      const inventoryOf = queueInventory(context, support);
      await reading(context.sync());
      const inventory = inventoryOf();
      // Every sheet's used range (the formulas to find, the values to freeze), in requests sized for the 5 MB limit.
      // Without Worksheet.copy the copy is rebuilt from values, so it needs the number formats too.
      const cells = await readUsedRanges(
        inventory.sheets.map((sheet) => sheet.proxy),
        { numberFormats: !copySupported, budgetBytes, sync: () => reading(context.sync()) },
      );
      const reads = inventory.sheets.map((sheet, index) => ({ sheet, ...cells[index]! }));
      const chosen = sheetsToFreeze(reads.map((read) => ({ name: read.sheet.name, used: read.used })));
      const withPlan = reads.filter((read) => chosen.includes(read.sheet.name));
      if (withPlan.length === 0) {
        report(1, "progressDone");
        return { sheets: [], frozenFormulas: 0, degraded: [] };
      }
      report(0.4, "progressCopying");
      const taken = inventory.sheets.map((sheet) => sheet.name);
      const planSheetNames = withPlan.map((read) => read.sheet.name);
      const degraded = copySupported
        ? []
        : [excelMessage(locale, "copyUnavailable", { version: FEATURE_REQUIREMENTS.worksheetCopy })];
      const frozenBySheet = withPlan.map(({ sheet, used }) =>
        frozenCells(
          used!,
          planSheetNames.filter((other) => other !== sheet.name),
        ),
      );
      // A frozen formula that spills keeps its whole spilled range (leadership-copy.ts): found below, guessed otherwise.
      const candidates = withPlan.map(({ used }, index) =>
        copySupported ? spillCandidates(used!, frozenBySheet[index]!.values) : [],
      );
      const exactSpills = support.has("spillRanges");
      const spills = exactSpills
        ? await findSpills(
            withPlan.map(({ sheet, used }, index) => ({
              sheet: sheet.proxy,
              used: used!,
              candidates: candidates[index]!,
            })),
            { budgetBytes, sync: () => reading(context.sync()) },
          )
        : withPlan.map(({ used }, index) => candidates[index]!.map((cell) => guessedSpill(used!, cell)));
      const guessedSpills: string[] = [];
      let frozenFormulas = 0;
      const writes: QueuedWrite[] = [];
      const names: string[] = [];
      for (const [index, { sheet, used, numberFormat }] of withPlan.entries()) {
        const name = uniqueSheetName(sheet.name, excelMessage(locale, "leadershipSuffix"), taken);
        taken.push(name);
        names.push(name);
        const origin = { row: used!.rowIndex, column: used!.columnIndex };
        const frozen = frozenBySheet[index]!;
        frozenFormulas += frozen.planFormulas;
        if (copySupported) {
          if (!exactSpills) {
            for (const cell of candidates[index]!) {
              const at = cellAddress({ row: origin.row + cell.row, column: origin.column + cell.column });
              guessedSpills.push(`${quoteSheetName(name)}!${at}`);
            }
          }
          let copy: WorksheetApi | undefined;
          writes.push({
            bytes: operationBytes(name),
            sheet: name,
            apply: () => {
              copy = sheet.proxy.copy("After", sheet.proxy);
              copy.name = name;
              if (sheet.tagProperty !== undefined)
                copy.customProperties.getItemOrNullObject(GENERATED_SHEET_TAG).delete();
            },
          });
          for (const band of gridWrites(withSpills(used!, frozen.values, spills[index]!), origin, bandBytes)) {
            writes.push({
              bytes: band.bytes,
              sheet: name,
              apply: () => (copy!.getRange(band.address).values = band.values),
            });
          }
        } else {
          // Values of every cell (formulas included) with their number formats: nothing left to recalculate.
          const values = used!.values.map((row) =>
            row.map((value) => (typeof value === "string" ? literalText(value) : value)),
          );
          let copy: WorksheetApi | undefined;
          writes.push({
            bytes: operationBytes(name),
            sheet: name,
            apply: () => (copy = context.workbook.worksheets.add(name)),
          });
          for (const band of gridWrites(values, origin, bandBytes, true)) {
            writes.push({
              bytes: band.bytes,
              sheet: name,
              apply: () => (copy!.getRange(band.address).values = band.values),
            });
          }
          for (const band of gridWrites(numberFormat!, origin, bandBytes, true)) {
            writes.push({
              bytes: band.bytes,
              sheet: name,
              apply: () => (copy!.getRange(band.address).numberFormat = band.values),
            });
          }
        }
      }
      if (guessedSpills.length > 0) {
        degraded.push(
          excelMessage(locale, "spillsGuessed", {
            version: FEATURE_REQUIREMENTS.spillRanges,
            count: guessedSpills.length,
            cells: guessedSpills.slice(0, 10).join(", ") + (guessedSpills.length > 10 ? ", …" : ""),
          }),
        );
      }
      await writeSafely(context, writes, workbookBefore(inventory, undefined), {
        support,
        locale,
        degrade: (message) => degraded.push(message),
      });
      report(1, "progressDone");
      return { sheets: names, frozenFormulas, degraded };
    });
  }

  return {
    available: true,
    generate: (plan, onProgress) => writePlan("generate", plan, onProgress),
    update: (plan, onProgress) => writePlan("update", plan, onProgress),
    readFromWorkbook,
    leadershipCopy,
    importActuals: async (plan, incoming, onProgress) => {
      const report = await writePlan("importActuals", plan, onProgress, incoming);
      const none: ActualsMergeCounts = { added: 0, updated: 0, kept: 0 };
      return {
        ...report,
        deals: report.deals ?? none,
        activities: report.activities ?? none,
        actualsBackups: report.actualsBackups ?? [],
      };
    },
    loadStoredPlan,
  };
}
