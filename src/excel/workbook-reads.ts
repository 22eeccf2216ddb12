/**
 * The reads every action starts with, each queued in one go and resolved by a single `context.sync()`:
 *
 * 1. the inventory: every sheet (name, position, tag property), workbook name, table (name, sheet) and the plan's
 *    custom XML parts;
 * 2. the generated sheets: their used ranges (values and formulas), their charts' names, their tables' current
 *    addresses, and the stored plan's XML (in row bands over a few requests for plans of thousands of rows).
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
  RangeApi,
  TableApi,
  WorksheetApi,
} from "./office-port";
import { PLAN_XML_NAMESPACE } from "./plan-storage";
import type { ExcelSupport } from "./requirements";
import { sameName, type ExistingName, type ExistingSheet, type ExistingTable } from "./sheet-identity";
import { unqualifiedAddress, type UsedRangeRead } from "./sheet-contents";
import { planReadRequests, stitchBands, type ReadBand } from "./read-bands";

/** Excel's last row: a sheet's last band reads to the end, so rows added below the layout are read too. */
const LAST_ROW = 1_048_576;

export interface InventorySheet extends ExistingSheet {
  readonly proxy: WorksheetApi;
  /** Excel's id of the sheet: it survives renames, so an undo finds the sheet whatever its name now. */
  readonly id: string;
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
      ? "items/id,items/name,items/position,items/customProperties/items/key,items/customProperties/items/value"
      : "items/id,items/name,items/position",
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
      id: sheet.id,
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

/**
 * Reads the generated sheets: one request for all of them, unless the layout predicts their used ranges would make a
 * response over the budget (read-bands.ts); then the large sheets are read in row bands over a few more requests.
 *
 * @param rowBytes estimated response bytes of each row of each sheet (`layoutRowBytes`); a sheet without an
 * estimate is read whole in the first request
 */
export async function readGeneratedSheets(
  sync: () => Promise<unknown>,
  generated: ReadonlyMap<SheetKey, { readonly name: string; readonly proxy: WorksheetApi }>,
  inventory: WorkbookInventory,
  options: {
    readonly charts: boolean;
    readonly rowBytes: ReadonlyMap<SheetKey, readonly number[]>;
    readonly budgetBytes: number;
  },
): Promise<GeneratedReads> {
  const estimated = new Map([...options.rowBytes].filter(([key]) => generated.has(key)));
  const requests = planReadRequests(estimated, options.budgetBytes);
  const queueUsed = (band: ReadBand<SheetKey> | undefined, sheet: WorksheetApi): RangeApi => {
    const range =
      band === undefined
        ? sheet.getUsedRangeOrNullObject(true)
        : sheet
            .getRange(`A${band.start + 1}:XFD${band.end === undefined ? LAST_ROW : band.end + 1}`)
            .getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,values,formulas");
    return range;
  };
  const whole = [...generated].filter(([key]) => requests === undefined || !estimated.has(key));
  const used = new Map<SheetKey, RangeApi[]>(whole.map(([key, { proxy }]) => [key, [queueUsed(undefined, proxy)]]));
  const queueRequest = (request: readonly ReadBand<SheetKey>[]) => {
    for (const band of request) {
      const ranges = used.get(band.key) ?? [];
      ranges.push(queueUsed(band, generated.get(band.key)!.proxy));
      used.set(band.key, ranges);
    }
  };
  if (options.charts) for (const { proxy } of generated.values()) proxy.charts.load("items/name");
  const generatedNames = [...generated.values()].map((sheet) => sheet.name);
  const tableRanges = inventory.tables
    .filter((table) => generatedNames.some((name) => sameName(name, table.sheetName)))
    .map((table) => {
      const range = table.proxy.getRange();
      range.load("address");
      return { table, range };
    });
  const xml: ClientResultApi<string> | undefined = inventory.planParts.at(-1)?.getXml();
  const [first, ...rest] = requests ?? [[]];
  queueRequest(first!);
  await sync();
  // Bounded: one more request per budget's worth of rows, only for plans of thousands of rows (read-bands.ts).
  for (const request of rest) {
    queueRequest(request);
    await sync();
  }
  const readOf = (range: RangeApi): UsedRangeRead | undefined =>
    range.isNullObject
      ? undefined
      : { rowIndex: range.rowIndex, columnIndex: range.columnIndex, values: range.values, formulas: range.formulas };
  return {
    sheets: new Map(
      [...generated].map(([key, { proxy }]) => {
        const ranges = used.get(key) ?? [];
        return [
          key,
          {
            used: stitchBands(ranges.map(readOf)),
            charts: options.charts ? proxy.charts.items : [],
          },
        ];
      }),
    ),
    tableRanges: (sheetName) =>
      Object.fromEntries(
        tableRanges
          .filter(({ table }) => sameName(table.sheetName, sheetName))
          .map(({ table, range }) => [table.name, unqualifiedAddress(range.address)]),
      ),
    storedPlanXml: xml?.value,
  };
}
