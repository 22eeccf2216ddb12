/**
 * Putting the workbook back as it was when the critical part of an action fails part-way.
 *
 * Excel runs a request's commands in order and stops at the first one it refuses; a failed `context.sync()` does not
 * undo the commands of that request that ran before the refused one, and earlier requests stay applied. So after a
 * failure the workbook is somewhere between "before" and "after", and only the add-in can bring it back. It does so
 * with a compensating request built from what it read before writing (the inventory and the generated sheets' used
 * ranges), after one read of where things stand now:
 *
 * - sheets the action added (new generated sheets, backups, temporary copies) are deleted, by id;
 * - the sheets it renamed get their names back (through temporary names, in case two swapped);
 * - names it added are deleted, names it deleted are defined again, the stored plan's XML part is put back;
 * - each generated sheet it may have cleared is rewritten: the layout it was generated from (formats, number formats,
 *   merges, tables at their read size), then exactly the values and formulas read before the action. The tables the
 *   action resized in place (ExcelApi 1.13, `tablesKeptInPlace` in workbook-writer.ts) are resized back, never
 *   deleted: a user's structured reference to a deleted table breaks even if one of the same name is added again.
 *
 * The compensating request is assumed to succeed (one failure at a time); if it fails too, the error says so.
 */
import type { ExcelContext, TableApi, WorksheetApi } from "./office-port";
import { PLAN_XML_NAMESPACE } from "./plan-storage";
import { OPERATION_OVERHEAD_BYTES, operationBytes, utf8Length, type QueuedWrite } from "./request-budget";
import type { ExcelSupport } from "./requirements";
import { keyOfTagName, sameName, uniqueSheetName } from "./sheet-identity";
import type { UsedRangeRead } from "./sheet-contents";
import { valuesAndFormulas } from "./workbook-writer";
import { gridWrites } from "./leadership-copy";
import { parseRangeAddress } from "../workbook/address";

/** A sheet the action may clear and rewrite: what it held before, to put back. */
export interface SheetToRestore {
  readonly id: string;
  /** The values and formulas read before the action (undefined: the sheet was empty). */
  readonly used: UsedRangeRead | undefined;
  /**
   * The writes of the layout the sheet was generated from, without values and formulas of their own meaning (they
   * are overwritten by `used`): formats, number formats, merges, column widths, tables at their size before (the ones
   * in `tablesToResize` resized to it, the others added).
   */
  readonly layout: (
    worksheet: () => WorksheetApi,
    tablesToResize: ReadonlyMap<string, TableApi>,
  ) => readonly QueuedWrite[];
  /**
   * The tables of the sheet the action resizes in place rather than deleting them: whether it ran or not, each is
   * at its size before or at the new one, and `Table.resize` takes it back (the same rule holds both ways).
   */
  readonly tablesResizedInPlace: ReadonlySet<string>;
}

/** The workbook before the action, as far as the action can change it. */
export interface WorkbookBefore {
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly names: readonly { readonly name: string; readonly value: unknown; readonly type: string }[];
  readonly planPartIds: readonly string[];
  readonly storedPlanXml: string | undefined;
  readonly restore: readonly SheetToRestore[];
}

/**
 * Queues and runs the compensating writes (one read, then as few requests as the budget allows).
 * `execute` runs writes like the action's executor does.
 */
export async function undoAction(
  context: ExcelContext,
  before: WorkbookBefore,
  support: ExcelSupport,
  execute: (writes: readonly QueuedWrite[]) => Promise<unknown>,
  /** The largest single write: a sheet's cells (an actuals table of 100,000 rows) are put back in row bands. */
  bandBytes = Number.POSITIVE_INFINITY,
): Promise<void> {
  const { workbook } = context;
  workbook.worksheets.load("items/id,items/name");
  workbook.names.load("items/name");
  workbook.tables.load("items/name,items/worksheet/id");
  const parts = support.has("planStorage") ? workbook.customXmlParts.getByNamespace(PLAN_XML_NAMESPACE) : undefined;
  parts?.load("items/id");
  await context.sync();

  const writes: QueuedWrite[] = [];
  const write = (bytes: number, apply: () => void) => writes.push({ bytes, sheet: undefined, apply });
  const originalIds = new Set(before.sheets.map((sheet) => sheet.id));
  const restoredIds = new Set(before.restore.map((sheet) => sheet.id));
  const current = workbook.worksheets.items;

  // Names first: a name added by the action may refer to a sheet about to be deleted.
  for (const name of workbook.names.items) {
    if (!before.names.some((original) => sameName(original.name, name.name))) {
      write(OPERATION_OVERHEAD_BYTES, () => name.delete());
    }
  }
  // Tables on the sheets being rewritten go, except the ones resized in place; the layout's writes add them back (or
  // resize them) at their former size.
  const resizedInPlace = (table: TableApi) =>
    before.restore.some((restore) => restore.id === table.worksheet.id && restore.tablesResizedInPlace.has(table.name));
  for (const table of workbook.tables.items) {
    if (restoredIds.has(table.worksheet.id) && !resizedInPlace(table)) {
      write(OPERATION_OVERHEAD_BYTES, () => table.delete());
    }
  }
  for (const sheet of current) {
    if (!originalIds.has(sheet.id)) write(OPERATION_OVERHEAD_BYTES, () => sheet.delete());
  }
  // Names back, through temporary names so that two sheets that swapped names can swap back.
  const renamed = before.sheets.flatMap((original) => {
    const sheet = current.find((candidate) => candidate.id === original.id);
    return sheet && sheet.name !== original.name ? [{ sheet, name: original.name }] : [];
  });
  const taken = [...current.map((sheet) => sheet.name), ...before.sheets.map((sheet) => sheet.name)];
  for (const { sheet } of renamed) {
    const temporary = uniqueSheetName("SPB undo", "", taken);
    taken.push(temporary);
    write(operationBytes(temporary), () => (sheet.name = temporary));
  }
  for (const { sheet, name } of renamed) write(operationBytes(name), () => (sheet.name = name));

  for (const restore of before.restore) {
    const sheet = current.find((candidate) => candidate.id === restore.id);
    if (!sheet) continue;
    write(OPERATION_OVERHEAD_BYTES * 4, () => {
      const whole = sheet.getRange();
      whole.unmerge();
      whole.clear("All");
      if (support.has("conditionalFormats")) whole.conditionalFormats.clearAll();
      if (support.has("dataValidation")) whole.dataValidation.clear();
    });
    const tablesToResize = new Map(
      workbook.tables.items
        .filter((table) => table.worksheet.id === restore.id && resizedInPlace(table))
        .map((table) => [table.name, table] as const),
    );
    writes.push(...restore.layout(() => sheet, tablesToResize));
    // The layout's own values give way to exactly what the sheet held.
    write(OPERATION_OVERHEAD_BYTES, () => sheet.getRange().clear("Contents"));
    if (restore.used) {
      const cells = valuesAndFormulas(restore.used, "clear");
      const origin = parseRangeAddress(cells.address).start;
      for (const band of gridWrites(cells.values, origin, bandBytes, true)) {
        write(band.bytes, () => (sheet.getRange(band.address).values = band.values));
      }
      // Bands without a formula are dropped: a null formula leaves the value just written.
      for (const band of gridWrites(cells.formulas, origin, bandBytes)) {
        write(band.bytes, () => (sheet.getRange(band.address).formulas = band.values));
      }
    }
  }

  for (const original of before.names) {
    if (workbook.names.items.some((name) => sameName(name.name, original.name))) continue;
    if (typeof original.value !== "string") continue;
    // A name whose sheet was deleted evaluates to #REF! (its type is Error): it is defined again as `=#REF!`, which
    // keeps it broken as it was (unverified in Excel: the Name Manager accepts that formula).
    const broken = original.value.includes("#REF!");
    const reference = broken ? "=#REF!" : original.value.startsWith("=") ? original.value : `=${original.value}`;
    write(operationBytes(reference), () => {
      const added = workbook.names.add(original.name, reference);
      // The add-in's sheet tags are hidden names.
      if (keyOfTagName(original.name) !== undefined) added.visible = false;
    });
  }
  if (parts) {
    const originalParts = new Set(before.planPartIds);
    const added = parts.items.filter((part) => !originalParts.has(part.id));
    const kept = parts.items.filter((part) => originalParts.has(part.id));
    for (const part of added) write(OPERATION_OVERHEAD_BYTES, () => part.delete());
    if (kept.length === 0 && before.storedPlanXml !== undefined) {
      const xml = before.storedPlanXml;
      write(OPERATION_OVERHEAD_BYTES + utf8Length(xml), () => workbook.customXmlParts.add(xml));
    }
  }
  await execute(writes);
}
