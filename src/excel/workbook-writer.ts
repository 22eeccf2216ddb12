/**
 * The writes of one generation, in the order that keeps the workbook safe if Excel stops part-way:
 *
 * 1. backups of generated sheets that hold content of the user's (copies; values and formulas on old hosts);
 * 2. the add-in's charts, tables and names that are about to be replaced are deleted;
 * 3. generated sheets are renamed to their spec names (through temporary names when two swap);
 * 4. generated sheets being rewritten are cleared; new sheets are added and tagged;
 * 5. each sheet's content (sheet-writer.ts), then the workbook names, then the stored plan.
 *
 * Only sheets, tables and names the decisions (sheet-identity.ts) marked as the add-in's are deleted, cleared or
 * renamed; every other sheet is only ever read (or copied).
 */
import type { PlanLocale } from "../plan/schema";
import { parseRangeAddress, rangeAddress } from "../workbook/address";
import { GENERATED_SHEET_TAG, type SheetKey, type WorkbookSpec } from "../workbook/spec";
import { literalText } from "../workbook/text";
import { excelMessage } from "./messages";
import type { CellScalar, ExcelContext, TableApi, WorksheetApi } from "./office-port";
import { isFormula } from "./plan-formulas";
import { planToXml } from "./plan-storage";
import { OPERATION_OVERHEAD_BYTES, operationBytes, utf8Length, type QueuedWrite } from "./request-budget";
import { FEATURE_REQUIREMENTS, type ExcelSupport } from "./requirements";
import type { UsedRangeRead } from "./sheet-contents";
import {
  keyOfTagName,
  sameName,
  tagNameFor,
  tagReference,
  uniqueSheetName,
  type NameChanges,
  type SheetChanges,
} from "./sheet-identity";
import { sheetWrites, type ChartWriter } from "./sheet-writer";
import { gridWrites } from "./leadership-copy";
import type { GeneratedSheetRead, WorkbookInventory } from "./workbook-reads";

export interface GeneratedSheet {
  readonly key: SheetKey;
  readonly name: string;
  readonly proxy: WorksheetApi;
  /** True when the sheet carries the tag as a custom property (a copy of it would carry it too). */
  readonly taggedByProperty: boolean;
}

export interface BackupDecision {
  readonly key: SheetKey;
  /** The backup sheet's name, unique in the workbook. */
  readonly name: string;
  readonly source: GeneratedSheet;
  readonly read: GeneratedSheetRead | undefined;
}

export interface WorkbookWritePlan {
  readonly spec: WorkbookSpec;
  readonly locale: PlanLocale;
  readonly support: ExcelSupport;
  readonly inventory: WorkbookInventory;
  readonly generated: ReadonlyMap<SheetKey, GeneratedSheet>;
  readonly reads: ReadonlyMap<SheetKey, GeneratedSheetRead>;
  readonly changes: SheetChanges;
  readonly nameChanges: NameChanges;
  readonly backups: readonly BackupDecision[];
  readonly degrade: (message: string) => void;
  readonly writeCharts: ChartWriter | undefined;
  readonly bandBytes: number;
  /** Stored with the plan: the workbook's id, kept across writes (src/workbook/stored-plan.ts). */
  readonly workbookId?: string | undefined;
  /** Current address (without sheet) of each table on a generated sheet, by sheet name then table name. */
  readonly tableRanges: (sheetName: string) => Readonly<Record<string, string>>;
}

/**
 * The add-in's tables on rewritten sheets that are resized in place rather than deleted and added again: same name,
 * same sheet, and a new range that keeps the header row and overlaps the old one (what `Table.resize` accepts). A
 * sheet's `Range.clear` leaves its tables ("without affecting the worksheet structure",
 * docs/excel/excel-add-ins-ranges-clear-delete.md), and keeping the table keeps the user's structured references.
 */
export function tablesKeptInPlace(
  plan: Pick<WorkbookWritePlan, "support" | "changes" | "generated" | "spec" | "tableRanges" | "inventory">,
): Map<SheetKey, Map<string, TableApi>> {
  const kept = new Map<SheetKey, Map<string, TableApi>>();
  if (!plan.support.has("tableResize")) return kept;
  for (const rewrite of plan.changes.rewrites) {
    const generated = plan.generated.get(rewrite.key)!;
    const sheet = plan.spec.sheets.find((candidate) => candidate.key === rewrite.key);
    const ranges = plan.tableRanges(generated.name);
    for (const table of sheet?.tables ?? []) {
      const existing = plan.inventory.tables.find(
        (candidate) => sameName(candidate.name, table.name) && sameName(candidate.sheetName, generated.name),
      );
      const current = existing && ranges[existing.name];
      if (!existing || current === undefined) continue;
      const from = parseRangeAddress(current);
      const to = parseRangeAddress(table.range);
      const overlap = !(
        from.end.row < to.start.row ||
        to.end.row < from.start.row ||
        from.end.column < to.start.column ||
        to.end.column < from.start.column
      );
      if (!overlap || from.start.row !== to.start.row || existing.name !== table.name) continue;
      const forSheet = kept.get(rewrite.key) ?? new Map<string, TableApi>();
      forSheet.set(table.name, existing.proxy);
      kept.set(rewrite.key, forSheet);
    }
  }
  return kept;
}

/**
 * A used range split into constants (escaped) and formulas, to write back as it was read: a backup written without
 * `Worksheet.copy` (`emptyText: "skip"`, a new sheet has nothing to clear), or a cleared sheet put back by undo.ts
 * (`emptyText: "clear"`: an empty string clears what the layout wrote there, where null would leave it).
 */
export function valuesAndFormulas(
  used: UsedRangeRead,
  emptyText: "skip" | "clear" = "skip",
): {
  readonly address: string;
  readonly values: CellScalar[][];
  readonly formulas: CellScalar[][];
} {
  const formulaAt = (r: number, c: number): boolean => {
    const formula = used.formulas[r]?.[c];
    return isFormula(formula) && formula !== used.values[r]?.[c];
  };
  const values = used.formulas.map((row, r) =>
    row.map((_, c): CellScalar => {
      if (formulaAt(r, c)) return null;
      const value = used.values[r]?.[c] ?? null;
      if (typeof value !== "string") return value;
      return value === "" && emptyText === "skip" ? null : literalText(value);
    }),
  );
  const formulas = used.formulas.map((row, r) =>
    row.map((formula, c): CellScalar => (formulaAt(r, c) ? formula : null)),
  );
  const rows = Math.max(used.formulas.length, 1);
  const columns = Math.max(used.formulas[0]?.length ?? 0, 1);
  return {
    address: rangeAddress({
      start: { row: used.rowIndex, column: used.columnIndex },
      end: { row: used.rowIndex + rows - 1, column: used.columnIndex + columns - 1 },
    }),
    values,
    formulas,
  };
}

export function workbookWrites(context: ExcelContext, plan: WorkbookWritePlan): QueuedWrite[] {
  const { spec, support, inventory, changes, nameChanges } = plan;
  const { workbook } = context;
  const writes: QueuedWrite[] = [];
  const write = (bytes: number, sheet: string | undefined, apply: () => void) => writes.push({ bytes, sheet, apply });
  /** Worksheet proxies by key: the generated ones now, the new ones once their `add` has been queued. */
  const sheets = new Map<SheetKey, WorksheetApi>([...plan.generated].map(([key, sheet]) => [key, sheet.proxy]));
  const rewritten = new Set(changes.rewrites.map((rewrite) => rewrite.key));

  // 1. Backups, before anything of the sheet changes.
  const copySupported = support.has("worksheetCopy");
  if (plan.backups.length > 0 && !copySupported) {
    plan.degrade(
      excelMessage(plan.locale, "degradedBackupValuesOnly", { version: FEATURE_REQUIREMENTS.worksheetCopy }),
    );
  }
  for (const backup of plan.backups) {
    if (copySupported) {
      write(operationBytes(backup.name), backup.name, () => {
        const copy = backup.source.proxy.copy("End");
        copy.name = backup.name;
        // The copy is the user's now: without the tag it is never rewritten or deleted.
        if (backup.source.taggedByProperty) copy.customProperties.getItemOrNullObject(GENERATED_SHEET_TAG).delete();
      });
    } else {
      const used = backup.read?.used;
      const cells = used ? valuesAndFormulas(used) : undefined;
      let copy: WorksheetApi | undefined;
      write(operationBytes(backup.name), backup.name, () => (copy = workbook.worksheets.add(backup.name)));
      if (cells) {
        // In row bands: a backed-up actuals table can hold far more than one request.
        const origin = parseRangeAddress(cells.address).start;
        for (const band of gridWrites(cells.values, origin, plan.bandBytes)) {
          write(band.bytes, backup.name, () => (copy!.getRange(band.address).values = band.values));
        }
        for (const band of gridWrites(cells.formulas, origin, plan.bandBytes)) {
          write(band.bytes, backup.name, () => (copy!.getRange(band.address).formulas = band.values));
        }
      }
    }
  }

  // 2. The add-in's charts, tables and names that are replaced.
  for (const key of rewritten) {
    const sheet = plan.generated.get(key)!;
    for (const chart of plan.reads.get(key)?.charts ?? [])
      write(OPERATION_OVERHEAD_BYTES, sheet.name, () => chart.delete());
  }
  const keptTables = tablesKeptInPlace(plan);
  const isKept = (table: TableApi) => [...keptTables.values()].some((tables) => [...tables.values()].includes(table));
  for (const table of inventory.tables) {
    if (isKept(table.proxy)) continue;
    if (nameChanges.tablesToDelete.some((name) => sameName(name, table.name))) {
      write(OPERATION_OVERHEAD_BYTES, table.sheetName, () => table.proxy.delete());
    }
  }
  for (const name of inventory.names) {
    if (nameChanges.namesToDelete.some((deleted) => sameName(deleted, name.name))) {
      write(OPERATION_OVERHEAD_BYTES, undefined, () => name.proxy.delete());
    }
  }

  // 3. Renames; through temporary names when a target name is held by another generated sheet.
  const renames = changes.rewrites.filter((rewrite) => rewrite.from !== rewrite.to);
  const swaps = renames.some((rename) =>
    [...plan.generated.values()].some((other) => other.key !== rename.key && sameName(other.name, rename.to)),
  );
  if (swaps) {
    const taken = [...inventory.sheets.map((sheet) => sheet.name), ...spec.sheets.map((sheet) => sheet.name)];
    for (const rename of renames) {
      const temporary = uniqueSheetName(`SPB ${rename.key}`, "", taken);
      taken.push(temporary);
      write(operationBytes(temporary), rename.to, () => (sheets.get(rename.key)!.name = temporary));
    }
  }
  for (const rename of renames)
    write(operationBytes(rename.to), rename.to, () => (sheets.get(rename.key)!.name = rename.to));

  // 4. Clear the sheets being rewritten; add and tag the new ones.
  for (const rewrite of changes.rewrites) {
    write(OPERATION_OVERHEAD_BYTES * 5, rewrite.to, () => {
      const sheet = sheets.get(rewrite.key)!;
      const whole = sheet.getRange();
      whole.unmerge();
      whole.clear("All");
      if (support.has("conditionalFormats")) whole.conditionalFormats.clearAll();
      if (support.has("dataValidation")) whole.dataValidation.clear();
      if (support.has("frozenPanes")) sheet.freezePanes.unfreeze();
    });
    const generated = plan.generated.get(rewrite.key)!;
    if (support.has("worksheetCustomProperties") && !generated.taggedByProperty) {
      write(OPERATION_OVERHEAD_BYTES, rewrite.to, () =>
        sheets.get(rewrite.key)!.customProperties.add(GENERATED_SHEET_TAG, rewrite.key),
      );
    }
  }
  for (const create of changes.creates) {
    write(operationBytes(create.name), create.name, () => {
      const sheet = workbook.worksheets.add(create.name);
      sheets.set(create.key, sheet);
      if (support.has("worksheetCustomProperties")) sheet.customProperties.add(GENERATED_SHEET_TAG, create.key);
    });
    if (!support.has("worksheetCustomProperties")) {
      const stale = inventory.names.find((name) => keyOfTagName(name.name) === create.key);
      write(OPERATION_OVERHEAD_BYTES * 2, create.name, () => {
        // A tag name left by a deleted sheet (#REF!) is replaced.
        stale?.proxy.delete();
        workbook.names.add(tagNameFor(create.key), tagReference(create.name)).visible = false;
      });
    }
  }

  // 5. Content, names, storage.
  for (const sheet of spec.sheets) {
    writes.push(
      ...sheetWrites(sheet, () => sheets.get(sheet.key)!, {
        support,
        locale: plan.locale,
        styles: spec.styles,
        degrade: plan.degrade,
        writeCharts: plan.writeCharts,
        bandBytes: plan.bandBytes,
        tablesToResize: keptTables.get(sheet.key),
      }),
    );
  }
  for (const name of spec.names) {
    write(operationBytes(name), undefined, () => {
      if (name.comment !== undefined) workbook.names.add(name.name, name.refersTo, name.comment);
      else workbook.names.add(name.name, name.refersTo);
    });
  }
  const first = spec.sheets[0];
  if (first && changes.creates.some((create) => create.key === first.key)) {
    // Showing the cover sheet changes no content: not attributed to it in failure reports.
    write(OPERATION_OVERHEAD_BYTES, undefined, () => sheets.get(first.key)!.activate());
  }
  // The stored plan comes last of the critical writes: finding it after a failed request proves they all ran.
  if (support.has("planStorage")) {
    const xml = planToXml(spec.planJson, spec.schemaVersion, plan.workbookId);
    writes.push({
      bytes: OPERATION_OVERHEAD_BYTES * (1 + inventory.planParts.length) + utf8Length(xml),
      sheet: undefined,
      storesPlan: true,
      apply: () => {
        for (const part of inventory.planParts) part.delete();
        workbook.customXmlParts.add(xml);
      },
    });
  } else {
    plan.degrade(excelMessage(plan.locale, "degradedStorage", { version: FEATURE_REQUIREMENTS.planStorage }));
  }
  return writes;
}
