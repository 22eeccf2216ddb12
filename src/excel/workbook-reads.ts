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
import { partitionByBudget, rowBands, rowBytes } from "./request-budget";

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

/**
 * What one row of a growing sheet is assumed to weigh before any of it is read (values and formulas of a 12-column
 * actuals row with ids, names and dates: about 250 bytes measured on the CRM fixtures, doubled for longer text).
 */
export const GROWING_ROW_BYTES = 500;

/**
 * The bands (0-based rows, inclusive) reading a growing sheet's rows after its first `firstRows`, up to `lastRow`
 * (exclusive), each sized from the measured weight of the first rows (with half again as margin) to fit the budget.
 */
export function growingReads<K>(
  key: K,
  firstBand: UsedRangeRead | undefined,
  firstRows: number,
  lastRow: number,
  budgetBytes: number,
): { key: K; start: number; end: number; bytes: number }[] {
  if (lastRow <= firstRows) return [];
  const measured = firstBand
    ? [...rowBytes(firstBand.values), ...rowBytes(firstBand.formulas)].reduce((a, b) => a + b, 0)
    : 0;
  const measuredRows = firstBand?.values.length ?? 0;
  const perRow = Math.max(
    GROWING_ROW_BYTES / 4,
    measuredRows > 0 ? (measured / measuredRows) * 1.5 : GROWING_ROW_BYTES,
  );
  const rows = lastRow - firstRows;
  return rowBands(new Array<number>(rows).fill(perRow), budgetBytes).map(([start, end]) => ({
    key,
    start: firstRows + start,
    end: firstRows + end - 1,
    bytes: (end - start) * perRow,
  }));
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
    /**
     * Sheets whose size the layout cannot predict (the actuals tables: the user adds rows), with how many rows to read
     * in the first request. The rest is read in bands sized from what those first rows weighed (see `growingReads`).
     */
    readonly growing?: ReadonlyMap<SheetKey, number>;
  },
): Promise<GeneratedReads> {
  const growing = new Map([...(options.growing ?? [])].filter(([key]) => generated.has(key)));
  const growingReserve = [...growing.values()].reduce((sum, rows) => sum + rows * GROWING_ROW_BYTES, 0);
  const estimated = new Map([...options.rowBytes].filter(([key]) => generated.has(key) && !growing.has(key)));
  const requests = planReadRequests(estimated, Math.max(1, options.budgetBytes - growingReserve));
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
  const whole = [...generated].filter(([key]) => !growing.has(key) && (requests === undefined || !estimated.has(key)));
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
  // The growing sheets' first rows and their extent travel with the first request.
  const firstBands = new Map(
    [...growing].map(([key, rows]) => {
      const { proxy } = generated.get(key)!;
      const extent = proxy.getUsedRangeOrNullObject(true);
      extent.load("rowIndex,rowCount");
      const band = proxy.getRange(`A1:XFD${rows}`).getUsedRangeOrNullObject(true);
      band.load("rowIndex,columnIndex,values,formulas");
      used.set(key, [band]);
      return [key, { rows, extent, band }] as const;
    }),
  );
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
  // Bounded too: one request per budget's worth of the growing sheets' remaining rows.
  const remaining = [...firstBands].flatMap(([key, { rows, extent, band }]) => {
    if (extent.isNullObject) return [];
    const lastRow = extent.rowIndex + extent.rowCount;
    return growingReads(key, readOf(band), rows, lastRow, options.budgetBytes);
  });
  for (const request of partitionByBudget(remaining, options.budgetBytes)) {
    for (const band of request) {
      const range = generated
        .get(band.key)!
        .proxy.getRange(`A${band.start + 1}:XFD${band.end + 1}`)
        .getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,values,formulas");
      used.get(band.key)!.push(range);
    }
    await sync();
  }
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
