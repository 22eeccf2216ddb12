/**
 * The reads every action starts with, each queued in one go and resolved by a single `context.sync()`:
 *
 * 1. the inventory: every sheet (name, position, tag property), workbook name, table (name, sheet) and the plan's
 *    custom XML parts;
 * 2. the generated sheets: their used ranges (values and formulas), their charts' names, their tables' current
 *    addresses, and the stored plan's XML.
 *
 * Each `queue…` function loads what it needs and returns a function to call after the sync.
 */
import { GENERATED_SHEET_TAG, type SheetKey } from "../workbook/spec";
import type {
  ChartApi,
  ClientResultApi,
  CustomXmlPartApi,
  ExcelContext,
  NamedItemApi,
  TableApi,
  WorksheetApi,
} from "./office-port";
import { PLAN_XML_NAMESPACE } from "./plan-storage";
import type { ExcelSupport } from "./requirements";
import { sameName, type ExistingName, type ExistingSheet, type ExistingTable } from "./sheet-identity";
import { unqualifiedAddress, type UsedRangeRead } from "./sheet-contents";

export interface InventorySheet extends ExistingSheet {
  readonly proxy: WorksheetApi;
}
export interface InventoryName extends ExistingName {
  readonly proxy: NamedItemApi;
}
export interface InventoryTable extends ExistingTable {
  readonly proxy: TableApi;
}

export interface WorkbookInventory {
  readonly sheets: readonly InventorySheet[];
  readonly names: readonly InventoryName[];
  readonly tables: readonly InventoryTable[];
  /** The custom XML parts in the plan's namespace (none when the host lacks ExcelApi 1.5). */
  readonly planParts: readonly CustomXmlPartApi[];
}

export function queueInventory(context: ExcelContext, support: ExcelSupport): () => WorkbookInventory {
  const { worksheets, names, tables } = context.workbook;
  const withProperties = support.has("worksheetCustomProperties");
  worksheets.load(
    withProperties
      ? "items/name,items/position,items/customProperties/items/key,items/customProperties/items/value"
      : "items/name,items/position",
  );
  names.load("items/name,items/type,items/value");
  tables.load("items/name,items/worksheet/name");
  // `customXmlParts` is not even touched on a host without ExcelApi 1.5.
  const parts = support.has("planStorage")
    ? context.workbook.customXmlParts.getByNamespace(PLAN_XML_NAMESPACE)
    : undefined;
  parts?.load("items/id");
  return () => ({
    sheets: worksheets.items.map((sheet) => ({
      proxy: sheet,
      name: sheet.name,
      position: sheet.position,
      tagProperty: withProperties
        ? sheet.customProperties.items.find((property) => property.key === GENERATED_SHEET_TAG)?.value
        : undefined,
    })),
    names: names.items.map((name) => ({
      proxy: name,
      name: name.name,
      type: String(name.type),
      value: name.value,
    })),
    tables: tables.items.map((table) => ({ proxy: table, name: table.name, sheetName: table.worksheet.name })),
    planParts: parts ? parts.items : [],
  });
}

export interface GeneratedSheetRead {
  readonly used: UsedRangeRead | undefined;
  readonly charts: readonly ChartApi[];
}

export interface GeneratedReads {
  readonly sheets: ReadonlyMap<SheetKey, GeneratedSheetRead>;
  /** Current address (without sheet) of each table on a generated sheet, by sheet name then table name. */
  tableRanges(sheetName: string): Readonly<Record<string, string>>;
  /** The stored plan's XML (the last part in the plan's namespace: generation leaves only one), if any. */
  readonly storedPlanXml: string | undefined;
}

/** Queues the reads of the generated sheets (one sync for all of them). */
export function queueGeneratedReads(
  generated: ReadonlyMap<SheetKey, { readonly name: string; readonly proxy: WorksheetApi }>,
  inventory: WorkbookInventory,
  options: { readonly charts: boolean },
): () => GeneratedReads {
  const used = new Map(
    [...generated].map(([key, { proxy: sheet }]) => {
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,values,formulas");
      if (options.charts) sheet.charts.load("items/name");
      return [key, { sheet, range }] as const;
    }),
  );
  const generatedNames = [...generated.values()].map((sheet) => sheet.name);
  const tableRanges = inventory.tables
    .filter((table) => generatedNames.some((name) => sameName(name, table.sheetName)))
    .map((table) => {
      const range = table.proxy.getRange();
      range.load("address");
      return { table, range };
    });
  const xml: ClientResultApi<string> | undefined = inventory.planParts.at(-1)?.getXml();
  return () => ({
    sheets: new Map(
      [...used].map(([key, { sheet, range }]) => [
        key,
        {
          used: range.isNullObject
            ? undefined
            : {
                rowIndex: range.rowIndex,
                columnIndex: range.columnIndex,
                values: range.values,
                formulas: range.formulas,
              },
          charts: options.charts ? sheet.charts.items : [],
        },
      ]),
    ),
    tableRanges: (sheetName) =>
      Object.fromEntries(
        tableRanges
          .filter(({ table }) => sameName(table.sheetName, sheetName))
          .map(({ table, range }) => [table.name, unqualifiedAddress(range.address)]),
      ),
    storedPlanXml: xml?.value,
  });
}
