/**
 * A recording fake of the part of Excel the adapter uses, typed against the Office.js port (src/excel/office-port.ts,
 * itself checked against @types/office-js), with Excel's load/sync semantics:
 *
 * - every method call and property assignment is queued and only takes effect at the next `context.sync()`, in
 *   order; object paths (`getItemOrNullObject`, `getRange`, `add`, `copy`) are bound at their place in the queue;
 * - a property can be read only after it was loaded and a sync ran (`PropertyNotLoaded` otherwise); collections
 *   expose `items` only after a load; `isNullObject` is known after the sync;
 * - members above the fake host's ExcelApi version throw `ApiNotFound` when called, as a host without the set would;
 * - Excel's input rules: a string written to `values` that starts with `=` (or `+`, `-`, `@` when it is not a
 *   number) becomes a formula, a leading apostrophe marks text; names, tables and sheets are unique
 *   case-insensitively; 2-D arrays must match the range's shape;
 * - every executed command is recorded (`ops`: which sync, which sheet, what), with the bytes of its arguments, so
 *   tests assert the operations issued, the number of syncs and each request's size;
 * - Excel on the web's 5 MB limit on one request and on one response (`payloadLimitBytes`), with its error codes;
 * - spilled arrays: the anchor holds the formula, the cells it spills into hold values only (`setSpill`).
 *
 * Sources, each cited where it is modelled: the requirement set of each member is its `[Api set: ExcelApi 1.x]` tag in
 * @types/office-js (the same tags as OfficeDev/office-js-docs-reference, docs/requirement-sets/excel/); a host
 * without the set has no such member, which the fake reports as `ApiNotFound` (office-js-docs-pr,
 * docs/testing/application-specific-api-error-handling.md).
 *
 * Formula cells hold a cached value: the one a test seeded, or 0 (the fake does not calculate).
 */
import {
  columnIndex,
  parseCellAddress,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
  type RangePosition,
} from "../../src/workbook/address";
import type {
  ApplicationApi,
  CellScalar,
  ChartApi,
  ChartAxesApi,
  ChartAxisApi,
  ChartBorderApi,
  ChartCollectionApi,
  ChartFillApi,
  ChartLegendApi,
  ChartLineFormatApi,
  ChartPointApi,
  ChartPointsApi,
  ChartSeriesApi,
  ChartSeriesCollectionApi,
  ChartSeriesFormatApi,
  ChartTitleApi,
  ChartTypeName,
  ClientResultApi,
  ConditionalFormatApi,
  ConditionalFormatCollectionApi,
  CustomXmlPartApi,
  CustomXmlPartCollectionApi,
  CustomXmlPartScopedCollectionApi,
  DataValidationApi,
  ExcelContext,
  ExcelRun,
  NamedItemApi,
  NamedItemCollectionApi,
  PageLayoutApi,
  RangeApi,
  RangeBorderApi,
  RangeBorderCollectionApi,
  RangeFillApi,
  RangeFontApi,
  RangeFormatApi,
  TableApi,
  TableCollectionApi,
  WorkbookApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetCustomPropertyApi,
  WorksheetCustomPropertyCollectionApi,
  WorksheetFreezePanesApi,
  WorksheetTableCollectionApi,
} from "../../src/excel/office-port";

// ---------------------------------------------------------------------------------------------------------------
// The workbook model
// ---------------------------------------------------------------------------------------------------------------

export interface CellModel {
  value: string | number | boolean;
  formula?: string;
  /** Set when the cell was written with Excel's leading-apostrophe text marker. */
  quotePrefix?: boolean;
  numberFormat?: string;
  /** On a dynamic array's anchor: the size of the range it spills into (anchor included). */
  spill?: { rows: number; columns: number };
  /** On a cell a dynamic array spills into: the anchor's position (`row,column`); the cell has no formula. */
  spilledFrom?: string;
}

export interface FormatRecord {
  readonly address: string;
  readonly property: string;
  readonly value: unknown;
}

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<string, CellModel>;
  formats: FormatRecord[];
  columnWidths: Map<number, number>;
  merges: string[];
  hyperlinks: Map<string, Excel.RangeHyperlink>;
  conditionalFormats: { address: string; formula: string; fill?: string; fontColor?: string; bold?: boolean }[];
  validations: Map<
    string,
    {
      rule?: Excel.DataValidationRule;
      errorAlert?: Excel.DataValidationErrorAlert;
      prompt?: Excel.DataValidationPrompt;
    }
  >;
  freeze: { rows: number; columns: number } | undefined;
  page: { printArea?: string; orientation?: string; zoom?: Excel.PageLayoutZoomOptions; titleRows?: string };
  customProperties: Map<string, string>;
  charts: ChartModel[];
}

export interface ChartFormatModel {
  /** A solid colour, or null once cleared (no fill). */
  fill?: string | null;
  line?: { color?: string; lineStyle?: string; weight?: number };
  border?: { color?: string; lineStyle?: string; weight?: number };
}

export interface ChartSeriesModel extends ChartFormatModel {
  name: string;
  /** The values' and the categories' ranges (`E8:E16`; sheet-qualified when on another sheet). */
  values?: string;
  xValues?: string;
  chartType?: string;
  gapWidth?: number;
  marker?: { style?: string; background?: string; foreground?: string };
  /** Formats of single points, by index. */
  points?: Record<number, ChartFormatModel>;
}

export interface ChartAxisModel {
  minimum?: unknown;
  maximum?: unknown;
  majorUnit?: unknown;
  numberFormat?: string;
  reversePlotOrder?: boolean;
  position?: string;
  tickLabelPosition?: string;
}

/** A chart: a user's (`addChart`: a name only) or one the adapter added (`ChartCollection.add`). */
export interface ChartModel {
  name: string;
  type?: string;
  /** The range the chart was created from and how it was split into series. */
  source?: { address: string; seriesBy: string };
  title?: string;
  legend?: { visible?: boolean; position?: string };
  /** The cells the chart covers. */
  position?: { start: string; end?: string };
  series?: ChartSeriesModel[];
  axes?: { category: ChartAxisModel; value: ChartAxisModel };
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  address: string;
  style: string;
  showBandedRows: boolean;
}

export interface NameModel {
  name: string;
  /** A range reference bound to its sheet (follows renames, breaks when the sheet is deleted), or a formula. */
  reference: { sheet: SheetModel; address: string } | { formula: string };
  comment: string;
  visible: boolean;
}

export interface PartModel {
  readonly id: string;
  readonly namespaceUri: string;
  xml: string;
}

export interface FakeOp {
  /** 1-based number of the sync that executed it. */
  readonly sync: number;
  /** `Worksheet.delete`, `Range.values`, `NamedItemCollection.add`… */
  readonly kind: string;
  /** The sheet the operation acts on, when it acts on one. */
  readonly sheetId: string | undefined;
  /** False for reads and for copying a sheet (the source is unchanged). */
  readonly mutates: boolean;
  readonly detail: unknown;
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const key = (row: number, column: number) => `${row},${column}`;
const upper = (name: string) => name.toLocaleUpperCase();
const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null) ?? "null", "utf8");
/** What one command costs in a request beyond its arguments (object path, method, ids). */
const COMMAND_OVERHEAD = 150;

function validSheetName(name: string): boolean {
  return (
    name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'")
  );
}

/** The fake's version of how Excel turns typed input into a cell. */
function parseInput(input: string | number | boolean): CellModel | undefined {
  if (typeof input !== "string") return { value: input };
  if (input === "") return undefined;
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input.trim())) return { value: Number(input) };
  if (/^(TRUE|FALSE)$/i.test(input)) return { value: upper(input) === "TRUE" };
  if (input.startsWith("=") || input.startsWith("+") || input.startsWith("-") || input.startsWith("@")) {
    return { value: 0, formula: input.startsWith("=") ? input : `=${input}` };
  }
  return { value: input };
}

/** A sheet region: cell rectangle in 0-based positions. */
interface Region {
  readonly sheet: SheetModel;
  readonly range: RangePosition;
  /** The whole sheet (`getRange()`). */
  readonly whole: boolean;
}

function parseRegionAddress(address: string | undefined): { range: RangePosition; whole: boolean } {
  if (address === undefined) {
    return {
      range: { start: { row: 0, column: 0 }, end: { row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 } },
      whole: true,
    };
  }
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  if (columns) {
    return {
      range: {
        start: { row: 0, column: columnIndex(columns[1]!) },
        end: { row: MAX_ROWS - 1, column: columnIndex(columns[2]!) },
      },
      whole: false,
    };
  }
  return { range: parseRangeAddress(address), whole: false };
}

const regionAddress = (region: Region): string => rangeAddress(region.range);
const rowCountOf = (range: RangePosition) => range.end.row - range.start.row + 1;
const columnCountOf = (range: RangePosition) => range.end.column - range.start.column + 1;

// ---------------------------------------------------------------------------------------------------------------
// The host: state, recording, configuration
// ---------------------------------------------------------------------------------------------------------------

export interface FakeExcelOptions {
  /** The host's ExcelApi minor version: 12 means ExcelApi 1.1 to 1.12 are supported. */
  readonly apiVersion?: number;
  /**
   * The largest request and response, in bytes (default: 5 MB, Excel on the web's limit; `null`: no limit, as on
   * Windows and Mac). Source: office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md
   * ("Excel on the web has a payload size limit for requests and responses of 5MB") and docs/excel/performance.md.
   */
  readonly payloadLimitBytes?: number | null;
}

/** Excel on the web's limit on one request and one response (see `FakeExcelOptions.payloadLimitBytes`). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export class FakeExcel {
  readonly apiVersion: number;
  readonly payloadLimitBytes: number | null;
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  tables: TableModel[] = [];
  parts: PartModel[] = [];
  readonly ops: FakeOp[] = [];
  /** Estimated bytes of each request (by sync, 0-based) and of each response. */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  syncCount = 0;
  /** When set, the command for which it returns an error fails, and its sync rejects with that error. */
  failWhen:
    ((op: Omit<FakeOp, "mutates" | "detail"> & { sheetName: string | undefined }) => Error | undefined) | undefined;
  /**
   * When set, a chart or series command for which it returns an error fails with it: newer chart types refuse some
   * chart and series calls (OfficeDev/office-js #2041, #2971; OfficeDev/office-js-docs #910: "UnsupportedOperation"
   * for the series of Waterfall and Sunburst charts). Policies live in fault-injection.ts.
   */
  chartCallRefusal: ((chartType: string | undefined, kind: string) => Error | undefined) | undefined;
  private nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? 12;
    this.payloadLimitBytes =
      options.payloadLimitBytes === undefined ? WEB_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes;
  }

  /** `Office.context.requirements.isSetSupported` for this host. */
  readonly isSetSupported = (name: string, minVersion?: string): boolean => {
    if (name !== "ExcelApi") return false;
    const [major, minor] = (minVersion ?? "1.1").split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.apiVersion;
  };

  /** `Excel.run` for this host: a fresh request context per run; what is left queued is synced at the end. */
  readonly run: ExcelRun = async (batch) => {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  /** Throws the refusal `chartCallRefusal` gives for this call on this chart type, if any. */
  checkChartCall(chartType: string | undefined, kind: string): void {
    const refusal = this.chartCallRefusal?.(chartType, kind);
    if (refusal) throw refusal;
  }

  requires(minor: number, member: string): void {
    if (this.apiVersion < minor) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `${member} needs ExcelApi 1.${minor}; this host has 1.${this.apiVersion}`,
      );
    }
  }

  // --- set-up helpers ----------------------------------------------------------------------------------------

  addSheet(name: string, options: { tagProperty?: string } = {}): SheetModel {
    const sheet = this.createSheet(name);
    if (options.tagProperty !== undefined) sheet.customProperties.set("SalesPlanBuilder.sheet", options.tagProperty);
    return sheet;
  }

  /** Writes cells as a user would: `rows[r][c]` is typed input, or `{ formula, value }` for a formula with its value. */
  setCells(
    sheetName: string,
    anchor: string,
    rows: readonly (readonly (CellScalar | { formula: string; value: string | number | boolean })[])[],
  ): void {
    const sheet = this.sheet(sheetName);
    const start = parseRangeAddress(anchor).start;
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        const at = key(start.row + r, start.column + c);
        if (input === null) return;
        // Typing into a cell keeps its number format, as in Excel.
        const numberFormat = sheet.cells.get(at)?.numberFormat;
        const kept = numberFormat !== undefined ? { numberFormat } : {};
        if (typeof input === "object") sheet.cells.set(at, { value: input.value, formula: input.formula, ...kept });
        else {
          const cell = parseInput(input);
          if (cell) sheet.cells.set(at, { ...cell, ...kept });
          else sheet.cells.delete(at);
        }
      }),
    );
  }

  /**
   * A dynamic array formula at `anchor` with its results: the anchor holds the formula and the first value; the other
   * cells hold the values without a formula of their own (office-js-docs-pr, docs/excel/excel-add-ins-ranges-dynamic-arrays.md:
   * "Dynamic array formulas automatically spill results into neighboring cells", found from the anchor with
   * `getSpillingToRange`, and from a spilled cell back to "the original formula cell" with `getSpillParent`).
   */
  setSpill(
    sheetName: string,
    anchor: string,
    formula: string,
    values: readonly (readonly (string | number | boolean)[])[],
  ): void {
    const sheet = this.sheet(sheetName);
    const start = parseRangeAddress(anchor).start;
    const anchorKey = key(start.row, start.column);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const at = key(start.row + r, start.column + c);
        if (r === 0 && c === 0)
          sheet.cells.set(at, { value, formula, spill: { rows: values.length, columns: row.length } });
        else sheet.cells.set(at, { value, spilledFrom: anchorKey });
      }),
    );
  }

  addTable(sheetName: string, name: string, address: string): TableModel {
    const table: TableModel = {
      name,
      sheet: this.sheet(sheetName),
      address,
      style: "TableStyleLight1",
      showBandedRows: true,
    };
    this.tables.push(table);
    return table;
  }

  addName(name: string, reference: string): NameModel {
    const model = this.createName(name, reference, "");
    return model;
  }

  addChart(sheetName: string, name: string): void {
    this.sheet(sheetName).charts.push({ name });
  }

  // --- inspection ----------------------------------------------------------------------------------------------

  sheet(name: string): SheetModel {
    const found = this.findSheet(name);
    if (!found) throw new Error(`no sheet named ${name}`);
    return found;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => upper(sheet.name) === upper(name));
  }

  cell(sheetName: string, address: string): CellModel | undefined {
    const { row, column } = parseRangeAddress(address).start;
    return this.sheet(sheetName).cells.get(key(row, column));
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The value a name evaluates to for a range: its sheet-qualified address, or #REF! once the sheet is gone. */
  nameValue(model: NameModel): string {
    if ("formula" in model.reference) return model.reference.formula;
    const { sheet, address } = model.reference;
    return this.sheets.includes(sheet) ? `${quoteSheetName(sheet.name)}!${address}` : "#REF!";
  }

  // --- model operations (used by the proxies) ------------------------------------------------------------------

  createSheet(name: string, position?: number): SheetModel {
    if (!validSheetName(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name`);
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named "${name}" already exists`);
    const sheet: SheetModel = {
      id: this.newId("sheet"),
      name,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      formats: [],
      columnWidths: new Map(),
      merges: [],
      hyperlinks: new Map(),
      conditionalFormats: [],
      validations: new Map(),
      freeze: undefined,
      page: {},
      customProperties: new Map(),
      charts: [],
    };
    if (position === undefined) this.sheets.push(sheet);
    else this.sheets.splice(position, 0, sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (!validSheetName(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name`);
    const holder = this.findSheet(name);
    if (holder && holder !== sheet)
      throw new FakeOfficeError("ItemAlreadyExists", `a sheet named "${name}" already exists`);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((candidate) => candidate !== sheet);
    this.tables = this.tables.filter((table) => table.sheet !== sheet);
  }

  copySheet(source: SheetModel, positionType: string, relativeTo: SheetModel | undefined): SheetModel {
    let base = source.name.replace(/ \(\d+\)$/, "");
    let n = 2;
    let name = `${base} (${n})`;
    while (this.findSheet(name) || name.length > 31) {
      n++;
      if (`${base} (${n})`.length > 31) base = base.slice(0, 31 - ` (${n})`.length);
      name = `${base} (${n})`;
    }
    const index =
      positionType === "Beginning"
        ? 0
        : positionType === "Before" && relativeTo
          ? this.sheets.indexOf(relativeTo)
          : positionType === "After" && relativeTo
            ? this.sheets.indexOf(relativeTo) + 1
            : this.sheets.length;
    const copy = this.createSheet(name, index);
    copy.tabColor = source.tabColor;
    for (const [at, cell] of source.cells) copy.cells.set(at, { ...cell });
    copy.formats = [...source.formats];
    copy.columnWidths = new Map(source.columnWidths);
    copy.merges = [...source.merges];
    copy.hyperlinks = new Map(source.hyperlinks);
    copy.conditionalFormats = source.conditionalFormats.map((format) => ({ ...format }));
    copy.validations = new Map(source.validations);
    copy.freeze = source.freeze ? { ...source.freeze } : undefined;
    copy.page = { ...source.page };
    // Excel copies a sheet's custom properties with it.
    copy.customProperties = new Map(source.customProperties);
    copy.charts = source.charts.map((chart) => ({ ...chart }));
    for (const table of this.tables.filter((candidate) => candidate.sheet === source)) {
      let suffix = 2;
      while (this.nameTaken(`${table.name}${suffix}`)) suffix++;
      this.tables.push({ ...table, sheet: copy, name: `${table.name}${suffix}` });
    }
    return copy;
  }

  nameTaken(name: string): boolean {
    return (
      this.names.some((model) => upper(model.name) === upper(name)) ||
      this.tables.some((table) => upper(table.name) === upper(name))
    );
  }

  createName(name: string, reference: string, comment: string): NameModel {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
      throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name`);
    if (this.nameTaken(name)) throw new FakeOfficeError("ItemAlreadyExists", `the name "${name}" already exists`);
    const text = reference.startsWith("=") ? reference.slice(1) : reference;
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(text);
    let model: NameModel;
    if (match) {
      const sheetName = (match[1] ?? match[2]!).replace(/''/g, "'");
      const sheet = this.findSheet(sheetName);
      if (!sheet) throw new FakeOfficeError("InvalidArgument", `the reference ${reference} names no sheet`);
      model = { name, reference: { sheet, address: match[3]! }, comment, visible: true };
    } else model = { name, reference: { formula: reference }, comment, visible: true };
    this.names.push(model);
    return model;
  }

  record(op: FakeOp, bytes: number): void {
    this.ops.push(op);
    this.requestBytes[op.sync - 1] = (this.requestBytes[op.sync - 1] ?? 0) + bytes;
  }

  /** Operations that changed something on the sheet with this id. */
  mutationsOf(sheetId: string): FakeOp[] {
    return this.ops.filter((op) => op.mutates && op.sheetId === sheetId);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The request context and the proxy machinery
// ---------------------------------------------------------------------------------------------------------------

interface Action {
  readonly kind: string;
  readonly mutates: boolean;
  readonly bytes: number;
  readonly detail: unknown;
  /** The sheet acted on, resolved when the action runs. */
  readonly sheet: () => SheetModel | undefined;
  readonly run: () => void;
}

class FakeContext implements ExcelContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Action[] = [];
  private settle: (() => void)[] = [];
  responseBytes = 0;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /** Runs after the batch's commands: sets `isNullObject` of the batch's OrNullObject proxies. */
  afterSync(settle: () => void): void {
    this.settle.push(settle);
  }

  async sync(): Promise<void> {
    const host = this.host;
    host.syncCount++;
    const sync = host.syncCount;
    host.requestBytes[sync - 1] = host.requestBytes[sync - 1] ?? 0;
    const queue = this.queue;
    const settle = this.settle;
    this.queue = [];
    this.settle = [];
    this.responseBytes = 0;
    await Promise.resolve();
    const limit = host.payloadLimitBytes;
    // Excel on the web refuses a request over 5 MB before running any of it, and a response over 5 MB
    // (docs/testing/application-specific-api-error-handling.md: RequestPayloadSizeLimitExceeded and
    // ResponsePayloadSizeLimitExceeded, "This error only occurs in Office on the web").
    const requestBytes = queue.reduce((sum, action) => sum + action.bytes, 0);
    if (limit !== null && requestBytes > limit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes)`,
      );
    }
    for (const action of queue) {
      const sheet = action.sheet();
      const failure = host.failWhen?.({ sync, kind: action.kind, sheetId: sheet?.id, sheetName: sheet?.name });
      if (failure) throw failure;
      action.run();
      host.record(
        { sync, kind: action.kind, sheetId: sheet?.id, mutates: action.mutates, detail: action.detail },
        action.bytes,
      );
    }
    for (const done of settle) done();
    host.responseBytes[sync - 1] = this.responseBytes;
    // The commands have run: whether Excel keeps the writes of a request whose response is refused is not documented,
    // so the adapter only sends reads in requests whose responses can be large.
    if (limit !== null && this.responseBytes > limit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes)`,
      );
    }
  }
}

/** How a proxy finds its object: at once (items of a loaded collection), or by a queued command. */
type Binding<M> =
  | { readonly model: M }
  | {
      readonly kind: string;
      readonly mutates: boolean;
      readonly detail?: unknown;
      readonly sheet?: () => SheetModel | undefined;
      readonly resolve: () => M | null;
      /** An OrNullObject path: a missing object is a null object, not an error. */
      readonly nullable?: boolean;
    };

/** A proxy whose object is bound at its place in the queue (or at once, for items of a loaded collection). */
abstract class FakeObject<M> {
  private bound = false;
  private boundModel: M | null = null;
  protected readonly loaded = new Map<string, unknown>();
  private nullKnown: boolean | undefined;

  protected constructor(
    protected readonly context: FakeContext,
    bind:
      | { readonly model: M }
      | {
          readonly kind: string;
          readonly mutates: boolean;
          readonly detail?: unknown;
          readonly sheet?: () => SheetModel | undefined;
          readonly resolve: () => M | null;
          readonly nullable?: boolean;
        },
  ) {
    if ("model" in bind) {
      this.bound = true;
      this.boundModel = bind.model;
      this.nullKnown = false;
      return;
    }
    context.enqueue({
      kind: bind.kind,
      mutates: bind.mutates,
      bytes: COMMAND_OVERHEAD + bytesOf(bind.detail),
      detail: bind.detail,
      sheet: bind.sheet ?? (() => undefined),
      run: () => {
        this.boundModel = bind.resolve();
        this.bound = true;
        if (this.boundModel === null && !bind.nullable) {
          throw new FakeOfficeError("ItemNotFound", `${bind.kind}: the requested object does not exist`);
        }
      },
    });
    context.afterSync(() => (this.nullKnown = this.boundModel === null));
  }

  /** The bound object; operating on a null object is an error, as in Excel. */
  model(): M {
    if (!this.bound) throw new Error("fake: object used before its path was bound (a queue-order bug in the fake)");
    if (this.boundModel === null) throw new FakeOfficeError("ItemNotFound", "the object is a null object");
    return this.boundModel;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullKnown;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError("PropertyNotLoaded", `${this.constructor.name}.${property} was not loaded and synced`);
    }
    return this.loaded.get(property) as T;
  }

  /** Queues a command on this object. */
  protected command(kind: string, detail: unknown, run: (model: M) => void, options: { mutates?: boolean } = {}): void {
    this.context.enqueue({
      kind,
      mutates: options.mutates ?? true,
      bytes: COMMAND_OVERHEAD + bytesOf(detail),
      detail,
      sheet: () => (this.bound && this.boundModel !== null ? this.sheetOf(this.boundModel) : undefined),
      run: () => run(this.model()),
    });
  }

  protected abstract sheetOf(model: M): SheetModel | undefined;
  /** A loadable scalar's current value (throws for a property the fake does not know: a misspelled load). */
  protected abstract scalar(model: M, property: string): unknown;
  protected navigation(property: string): FakeObject<unknown> | FakeCollection<unknown, FakeObject<unknown>> {
    throw new Error(`fake: ${this.constructor.name} has no navigation property "${property}" to load through`);
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((path) => path.trim())
      .filter(Boolean);
    if (paths.length === 0) throw new Error("fake: load() without property names loads everything; name them");
    this.context.enqueue({
      kind: `${this.constructor.name}.load`,
      mutates: false,
      bytes: COMMAND_OVERHEAD,
      detail: paths,
      sheet: () => undefined,
      run: () => {
        for (const path of paths) this.applyLoad(path);
      },
    });
    return this;
  }

  applyLoad(path: string): void {
    if (this.boundModel === null) return;
    const [head, ...rest] = path.split("/");
    if (rest.length === 0) {
      const value = clone(this.scalar(this.model(), head!));
      this.context.responseBytes += bytesOf(value);
      this.loaded.set(head!, value);
    } else this.navigation(head!).applyLoad(rest.join("/"));
  }
}

/** A collection proxy: `items` after a load, each item bound to its object at load time. */
abstract class FakeCollection<M, P extends FakeObject<unknown>> {
  private loadedItems: P[] | undefined;

  protected constructor(protected readonly context: FakeContext) {}

  protected abstract models(): M[];
  protected abstract item(model: M): P;

  get items(): P[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", `${this.constructor.name}.items was not loaded and synced`);
    return this.loadedItems;
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((path) => path.trim())
      .filter(Boolean);
    if (paths.length === 0) throw new Error("fake: load() without property names loads everything; name them");
    this.context.enqueue({
      kind: `${this.constructor.name}.load`,
      mutates: false,
      bytes: COMMAND_OVERHEAD,
      detail: paths,
      sheet: () => undefined,
      run: () => this.applyLoad(paths.join(",")),
    });
    return this;
  }

  /** Item proxies by object, so several load paths through one collection fill the same items. */
  private readonly itemProxies = new Map<unknown, P>();

  /** What makes two models the same object (models built as tuples override it). */
  protected identity(model: M): unknown {
    return model;
  }

  applyLoad(pathList: string): void {
    this.loadedItems = this.models().map((model) => {
      const existing = this.itemProxies.get(this.identity(model));
      if (existing) return existing;
      const created = this.item(model);
      this.itemProxies.set(this.identity(model), created);
      return created;
    });
    for (const raw of pathList.split(",")) {
      const path = raw.startsWith("items/") ? raw.slice("items/".length) : raw;
      if (path === "items" || path === "") continue;
      for (const item of this.loadedItems) item.applyLoad(path);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook, application, sheets
// ---------------------------------------------------------------------------------------------------------------

class FakeWorkbookProxy implements WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  private parts: FakeCustomXmlPartCollection | undefined;

  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.tables = new FakeTableCollection(context);
    this.application = new FakeApplication(context);
  }

  get customXmlParts(): FakeCustomXmlPartCollection {
    this.context.host.requires(5, "Workbook.customXmlParts");
    return (this.parts ??= new FakeCustomXmlPartCollection(this.context));
  }
}

class FakeApplication implements ApplicationApi {
  constructor(private readonly context: FakeContext) {}
  private command(kind: string, minor: number): void {
    this.context.host.requires(minor, kind);
    this.context.enqueue({
      kind,
      mutates: false,
      bytes: COMMAND_OVERHEAD,
      detail: null,
      sheet: () => undefined,
      run: () => undefined,
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.command("Application.suspendApiCalculationUntilNextSync", 6);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.command("Application.suspendScreenUpdatingUntilNextSync", 9);
  }
}

class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> implements WorksheetCollectionApi {
  constructor(context: FakeContext) {
    super(context);
  }
  protected models(): SheetModel[] {
    return [...this.context.host.sheets];
  }
  protected item(model: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, { model });
  }
  add(name?: string): FakeWorksheet {
    const host = this.context.host;
    return new FakeWorksheet(this.context, {
      kind: "WorksheetCollection.add",
      mutates: true,
      detail: name ?? null,
      resolve: () => host.createSheet(name ?? `Sheet${host.sheets.length + 1}`),
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.host.requires(4, "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.context, {
      kind: "WorksheetCollection.getItemOrNullObject",
      mutates: false,
      detail: name,
      nullable: true,
      resolve: () => this.context.host.findSheet(name) ?? null,
    });
  }
}

class FakeWorksheet extends FakeObject<SheetModel> implements WorksheetApi {
  private properties: FakeCustomPropertyCollection | undefined;
  private chartCollection: FakeChartCollection | undefined;

  constructor(context: FakeContext, bind: Binding<SheetModel>) {
    super(context, bind);
  }
  protected sheetOf(model: SheetModel): SheetModel {
    return model;
  }
  protected scalar(model: SheetModel, property: string): unknown {
    switch (property) {
      case "id":
        return model.id;
      case "name":
        return model.name;
      case "position":
        return this.context.host.sheets.indexOf(model);
      case "visibility":
        return model.visibility;
      case "tabColor":
        return model.tabColor;
      default:
        throw new Error(`fake: Worksheet has no scalar property "${property}"`);
    }
  }
  protected override navigation(property: string) {
    if (property === "customProperties") return this.customProperties;
    if (property === "charts") return this.charts;
    return super.navigation(property);
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.command("Worksheet.name", name, (model) => this.context.host.renameSheet(model, name));
  }
  get position(): number {
    return this.read("position");
  }
  set position(_: number) {
    throw new Error("fake: the adapter does not move sheets");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(_: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    throw new Error("fake: the adapter does not hide sheets");
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(color: string) {
    this.context.host.requires(7, "Worksheet.tabColor");
    this.command("Worksheet.tabColor", color, (model) => (model.tabColor = color));
  }

  get customProperties(): FakeCustomPropertyCollection {
    this.context.host.requires(12, "Worksheet.customProperties");
    return (this.properties ??= new FakeCustomPropertyCollection(this.context, this));
  }
  get freezePanes(): FakeFreezePanes {
    this.context.host.requires(7, "Worksheet.freezePanes");
    return new FakeFreezePanes(this);
  }
  get pageLayout(): FakePageLayout {
    this.context.host.requires(9, "Worksheet.pageLayout");
    return new FakePageLayout(this);
  }
  get charts(): FakeChartCollection {
    return (this.chartCollection ??= new FakeChartCollection(this.context, this));
  }
  get tables(): WorksheetTableCollectionApi {
    return {
      add: (address: string, hasHeaders: boolean) =>
        new FakeTable(this.context, {
          kind: "TableCollection.add",
          mutates: true,
          detail: { address, hasHeaders },
          sheet: () => this.model(),
          resolve: () => {
            const host = this.context.host;
            const sheet = this.model();
            const overlapping = host.tables.some((table) => table.sheet === sheet && overlaps(table.address, address));
            if (overlapping) throw new FakeOfficeError("InvalidArgument", `a table already covers ${address}`);
            let n = 1;
            while (host.nameTaken(`Table${n}`)) n++;
            const table: TableModel = {
              name: `Table${n}`,
              sheet,
              address,
              style: "TableStyleMedium2",
              showBandedRows: true,
            };
            host.tables.push(table);
            return table;
          },
        }),
    };
  }

  /** Queues a command acting on this sheet (for the navigation proxies). */
  act(kind: string, detail: unknown, run: (model: SheetModel) => void): void {
    this.command(kind, detail, run);
  }

  delete(): void {
    this.command("Worksheet.delete", null, (model) => this.context.host.deleteSheet(model));
  }
  activate(): void {
    this.command("Worksheet.activate", null, () => undefined, { mutates: false });
  }
  copy(positionType?: "None" | "Before" | "After" | "Beginning" | "End", relativeTo?: WorksheetApi): FakeWorksheet {
    this.context.host.requires(7, "Worksheet.copy");
    const relative = relativeTo as FakeWorksheet | undefined;
    return new FakeWorksheet(this.context, {
      kind: "Worksheet.copy",
      // The source is only read; the new sheet is the copy.
      mutates: false,
      detail: positionType ?? "None",
      sheet: () => this.model(),
      resolve: () => this.context.host.copySheet(this.model(), positionType ?? "None", relative?.model()),
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, {
      kind: "Worksheet.getRange",
      mutates: false,
      detail: address ?? null,
      sheet: () => this.model(),
      resolve: () => ({ sheet: this.model(), ...parseRegionAddress(address) }),
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.host.requires(4, "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.context, {
      kind: "Worksheet.getUsedRangeOrNullObject",
      mutates: false,
      detail: valuesOnly ?? false,
      nullable: true,
      sheet: () => this.model(),
      resolve: () => usedRegion(this.model(), valuesOnly ?? false),
    });
  }
}

function overlaps(a: string, b: string): boolean {
  const x = parseRangeAddress(a);
  const y = parseRangeAddress(b);
  return !(
    x.end.row < y.start.row ||
    y.end.row < x.start.row ||
    x.end.column < y.start.column ||
    y.end.column < x.start.column
  );
}

/** The used range of the cells inside `within` (the whole sheet by default), or null when none is used. */
function usedRegion(sheet: SheetModel, valuesOnly: boolean, within?: RangePosition): Region | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (row: number, column: number) => {
    if (
      within &&
      (row < within.start.row || row > within.end.row || column < within.start.column || column > within.end.column)
    )
      return;
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  };
  for (const [at, cell] of sheet.cells) {
    if (cell.formula === undefined && cell.value === "") continue;
    const [row, column] = at.split(",").map(Number) as [number, number];
    include(row, column);
  }
  if (!valuesOnly) {
    for (const format of sheet.formats) {
      const { range } = parseRegionAddress(format.address);
      if (range.end.row < MAX_ROWS - 1) {
        include(range.start.row, range.start.column);
        include(range.end.row, range.end.column);
      }
    }
  }
  if (bottom < 0) return null;
  return { sheet, range: { start: { row: top, column: left }, end: { row: bottom, column: right } }, whole: false };
}

class FakeCustomPropertyCollection
  extends FakeCollection<[SheetModel, string], FakeCustomProperty>
  implements WorksheetCustomPropertyCollectionApi
{
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected models(): [SheetModel, string][] {
    const sheet = this.worksheet.model();
    return [...sheet.customProperties.keys()].map((name) => [sheet, name]);
  }
  protected override identity([sheet, name]: [SheetModel, string]): unknown {
    return `${sheet.id}/${name}`;
  }
  protected item(model: [SheetModel, string]): FakeCustomProperty {
    return new FakeCustomProperty(this.context, { model });
  }
  add(propertyKey: string, value: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, {
      kind: "WorksheetCustomPropertyCollection.add",
      mutates: true,
      detail: { key: propertyKey, value },
      sheet: () => this.worksheet.model(),
      resolve: (): [SheetModel, string] => {
        const sheet = this.worksheet.model();
        sheet.customProperties.set(propertyKey, value);
        return [sheet, propertyKey];
      },
    });
  }
  getItemOrNullObject(propertyKey: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, {
      kind: "WorksheetCustomPropertyCollection.getItemOrNullObject",
      mutates: false,
      detail: propertyKey,
      nullable: true,
      sheet: () => this.worksheet.model(),
      resolve: (): [SheetModel, string] | null => {
        const sheet = this.worksheet.model();
        return sheet.customProperties.has(propertyKey) ? [sheet, propertyKey] : null;
      },
    });
  }
}

class FakeCustomProperty extends FakeObject<[SheetModel, string]> implements WorksheetCustomPropertyApi {
  constructor(context: FakeContext, bind: Binding<[SheetModel, string]>) {
    super(context, bind);
  }
  protected sheetOf(model: [SheetModel, string]): SheetModel {
    return model[0];
  }
  protected scalar([sheet, name]: [SheetModel, string], property: string): unknown {
    if (property === "key") return name;
    if (property === "value") return sheet.customProperties.get(name);
    throw new Error(`fake: WorksheetCustomProperty has no scalar property "${property}"`);
  }
  get key(): string {
    return this.read("key");
  }
  get value(): string {
    return this.read("value");
  }
  set value(value: string) {
    this.command("WorksheetCustomProperty.value", value, ([sheet, name]) => sheet.customProperties.set(name, value));
  }
  delete(): void {
    this.command("WorksheetCustomProperty.delete", null, ([sheet, name]) => sheet.customProperties.delete(name));
  }
}

class FakeFreezePanes implements WorksheetFreezePanesApi {
  constructor(private readonly worksheet: FakeWorksheet) {}
  freezeRows(count = 1): void {
    this.worksheet.act(
      "WorksheetFreezePanes.freezeRows",
      count,
      (model) => (model.freeze = { rows: count, columns: 0 }),
    );
  }
  freezeColumns(count = 1): void {
    this.worksheet.act(
      "WorksheetFreezePanes.freezeColumns",
      count,
      (model) => (model.freeze = { rows: 0, columns: count }),
    );
  }
  freezeAt(frozenRange: string): void {
    const range = parseRangeAddress(frozenRange);
    if (range.start.row !== 0 || range.start.column !== 0)
      throw new FakeOfficeError("InvalidArgument", "freezeAt starts at A1");
    this.worksheet.act(
      "WorksheetFreezePanes.freezeAt",
      frozenRange,
      (model) => (model.freeze = { rows: range.end.row + 1, columns: range.end.column + 1 }),
    );
  }
  unfreeze(): void {
    this.worksheet.act("WorksheetFreezePanes.unfreeze", null, (model) => (model.freeze = undefined));
  }
}

class FakePageLayout implements PageLayoutApi {
  constructor(private readonly worksheet: FakeWorksheet) {}
  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    throw new Error("fake: PageLayout.orientation is not read by the adapter");
  }
  set orientation(value: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.worksheet.act("PageLayout.orientation", value, (model) => (model.page.orientation = value));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    throw new Error("fake: PageLayout.zoom is not read by the adapter");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    // Only what Excel.PageLayoutZoomOptions documents (@types/office-js; docs-reference excel.pagelayoutzoomoptions):
    // a scale "between 10 and 400", or numbers of pages to fit. A value the documentation gives no meaning (such as
    // 0 pages) is the adapter relying on undocumented behaviour: the fake refuses it.
    const pages = (count: number | undefined) => count === undefined || (Number.isInteger(count) && count >= 1);
    const scaleOk = value.scale === undefined || (value.scale >= 10 && value.scale <= 400);
    if (!pages(value.horizontalFitToPages) || !pages(value.verticalFitToPages) || !scaleOk) {
      throw new Error(`fake: PageLayout.zoom ${JSON.stringify(value)} has a value the documentation does not define`);
    }
    this.worksheet.act("PageLayout.zoom", value, (model) => (model.page.zoom = value));
  }
  setPrintArea(printArea: string): void {
    parseRangeAddress(printArea);
    this.worksheet.act("PageLayout.setPrintArea", printArea, (model) => (model.page.printArea = printArea));
  }
  setPrintTitleRows(titleRows: string): void {
    if (!/^\$\d+:\$\d+$/.test(titleRows)) throw new FakeOfficeError("InvalidArgument", `bad title rows ${titleRows}`);
    this.worksheet.act("PageLayout.setPrintTitleRows", titleRows, (model) => (model.page.titleRows = titleRows));
  }
}

type ChartBinding = [SheetModel, ChartModel];

/** Address of a range as a chart stores it: bare on the chart's sheet, sheet-qualified on another. */
function chartRangeAddress(chartSheet: SheetModel, region: Region): string {
  const address = regionAddress(region);
  return region.sheet === chartSheet ? address : `${quoteSheetName(region.sheet.name)}!${address}`;
}

/** Number of cells of a one-row or one-column range address (the points of a series). */
function pointCount(address: string): number {
  const range = parseRangeAddress(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
  return rowCountOf(range) * columnCountOf(range);
}

/**
 * The series Excel makes of a source range: one per column (or row), the first column (or row) taken as the
 * categories when it holds text, as Excel's "Auto" detection does for a block whose first line is labels.
 */
function seriesOfSource(region: Region, seriesBy: "Auto" | "Columns" | "Rows"): ChartSeriesModel[] {
  const { range, sheet } = region;
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rowCountOf(range) >= columnCountOf(range));
  const lines = byColumns ? columnCountOf(range) : rowCountOf(range);
  const line = (index: number): RangePosition =>
    byColumns
      ? {
          start: { row: range.start.row, column: range.start.column + index },
          end: { row: range.end.row, column: range.start.column + index },
        }
      : {
          start: { row: range.start.row + index, column: range.start.column },
          end: { row: range.start.row + index, column: range.end.column },
        };
  const holdsText = (position: RangePosition): boolean => {
    for (let row = position.start.row; row <= position.end.row; row++)
      for (let column = position.start.column; column <= position.end.column; column++)
        if (typeof sheet.cells.get(key(row, column))?.value === "string") return true;
    return false;
  };
  const categories = lines > 1 && holdsText(line(0)) ? rangeAddress(line(0)) : undefined;
  const first = categories === undefined ? 0 : 1;
  return Array.from({ length: lines - first }, (_, index) => ({
    name: `Series${index + 1}`,
    values: rangeAddress(line(first + index)),
    ...(categories !== undefined ? { xValues: categories } : {}),
  }));
}

class FakeChartCollection extends FakeCollection<ChartBinding, FakeChart> implements ChartCollectionApi {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected models(): ChartBinding[] {
    const sheet = this.worksheet.model();
    return sheet.charts.map((chart) => [sheet, chart]);
  }
  protected override identity([, chart]: ChartBinding): unknown {
    return chart;
  }
  protected item(model: ChartBinding): FakeChart {
    return new FakeChart(this.context, { model });
  }
  add(type: ChartTypeName, sourceData: RangeApi, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChart {
    // Office 2016's chart types (Funnel, Waterfall, Treemap…) arrived with ExcelApi 1.9.
    if (["Funnel", "Waterfall", "Treemap", "Sunburst", "Histogram", "Boxwhisker", "Pareto", "RegionMap"].includes(type))
      this.context.host.requires(9, `ChartType.${type}`);
    const source = sourceData as FakeRange;
    return new FakeChart(this.context, {
      kind: "ChartCollection.add",
      mutates: true,
      detail: { type, seriesBy },
      sheet: () => this.worksheet.model(),
      resolve: (): ChartBinding => {
        const sheet = this.worksheet.model();
        const region = source.model();
        if (region.whole) throw new FakeOfficeError("InvalidArgument", "a chart's source cannot be a whole sheet");
        const chart: ChartModel = {
          name: `Chart ${this.context.host.newId("chart")}`,
          type,
          source: { address: chartRangeAddress(sheet, region), seriesBy },
          series: seriesOfSource(region, seriesBy),
          axes: { category: {}, value: {} },
        };
        sheet.charts.push(chart);
        return [sheet, chart];
      },
    });
  }
}

class FakeChart extends FakeObject<ChartBinding> implements ChartApi {
  constructor(context: FakeContext, bind: Binding<ChartBinding>) {
    super(context, bind);
  }
  protected sheetOf(model: ChartBinding): SheetModel {
    return model[0];
  }
  protected scalar([, chart]: ChartBinding, property: string): unknown {
    if (property === "name") return chart.name;
    throw new Error(`fake: Chart has no scalar property "${property}"`);
  }
  /** Queues a command on this chart (for its parts: title, legend, axes, series). */
  act(kind: string, detail: unknown, run: (model: ChartBinding) => void, minor = 1): void {
    this.context.host.requires(minor, kind);
    this.command(kind, detail, (model) => {
      this.context.host.checkChartCall(model[1].type, kind);
      run(model);
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.act("Chart.name", name, ([, chart]) => (chart.name = name));
  }
  get title(): ChartTitleApi {
    const act = (kind: string, detail: unknown, run: (chart: ChartModel) => void) =>
      this.act(kind, detail, ([, chart]) => run(chart));
    return {
      get text(): string {
        throw new Error("fake: not read");
      },
      set text(text: string) {
        act("ChartTitle.text", text, (chart) => (chart.title = text));
      },
    };
  }
  get legend(): ChartLegendApi {
    const act = (kind: string, detail: unknown, run: (legend: NonNullable<ChartModel["legend"]>) => void) =>
      this.act(kind, detail, ([, chart]) => run((chart.legend ??= {})));
    return {
      get visible(): boolean {
        throw new Error("fake: not read");
      },
      set visible(visible: boolean) {
        act("ChartLegend.visible", visible, (legend) => (legend.visible = visible));
      },
      get position(): ChartLegendApi["position"] {
        throw new Error("fake: not read");
      },
      set position(position: ChartLegendApi["position"]) {
        act("ChartLegend.position", position, (legend) => (legend.position = position));
      },
    };
  }
  get axes(): ChartAxesApi {
    return { categoryAxis: new FakeChartAxis(this, "category"), valueAxis: new FakeChartAxis(this, "value") };
  }
  get series(): ChartSeriesCollectionApi {
    return {
      add: (name?: string, index?: number) => {
        this.context.host.requires(7, "ChartSeriesCollection.add");
        return new FakeChartSeries(this.context, this, {
          kind: "ChartSeriesCollection.add",
          mutates: true,
          detail: { name: name ?? null, index: index ?? null },
          sheet: () => this.model()[0],
          resolve: () => {
            const [, chart] = this.model();
            this.context.host.checkChartCall(chart.type, "ChartSeriesCollection.add");
            const series: ChartSeriesModel = { name: name ?? `Series${(chart.series?.length ?? 0) + 1}` };
            (chart.series ??= []).splice(index ?? chart.series.length, 0, series);
            return series;
          },
        });
      },
      getItemAt: (index: number) =>
        new FakeChartSeries(this.context, this, {
          kind: "ChartSeriesCollection.getItemAt",
          mutates: false,
          detail: index,
          sheet: () => this.model()[0],
          resolve: () => {
            this.context.host.checkChartCall(this.model()[1].type, "ChartSeriesCollection.getItemAt");
            return this.model()[1].series?.[index] ?? null;
          },
        }),
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    parseCellAddress(startCell);
    if (endCell !== undefined) parseCellAddress(endCell);
    this.act(
      "Chart.setPosition",
      { startCell, endCell: endCell ?? null },
      ([, chart]) => (chart.position = { start: startCell, ...(endCell !== undefined ? { end: endCell } : {}) }),
    );
  }
  delete(): void {
    this.command("Chart.delete", null, ([sheet, chart]) => (sheet.charts = sheet.charts.filter((c) => c !== chart)));
  }
}

/** Axis properties and the ExcelApi version each needs. */
const AXIS_PROPERTIES = {
  minimum: 1,
  maximum: 1,
  majorUnit: 1,
  reversePlotOrder: 7,
  tickLabelPosition: 7,
  numberFormat: 8,
  position: 8,
} as const;

class FakeChartAxis implements ChartAxisApi {
  constructor(
    private readonly chart: FakeChart,
    private readonly which: "category" | "value",
  ) {}
  private set<K extends keyof typeof AXIS_PROPERTIES>(property: K, value: ChartAxisModel[K]): void {
    const kind = `ChartAxis.${property}`;
    this.chart.act(
      kind,
      { axis: this.which, value },
      ([, chart]) => ((chart.axes ??= { category: {}, value: {} })[this.which][property] = value),
      AXIS_PROPERTIES[property],
    );
  }
  get minimum(): unknown {
    throw new Error("fake: not read");
  }
  set minimum(value: unknown) {
    this.set("minimum", value);
  }
  get maximum(): unknown {
    throw new Error("fake: not read");
  }
  set maximum(value: unknown) {
    this.set("maximum", value);
  }
  get majorUnit(): unknown {
    throw new Error("fake: not read");
  }
  set majorUnit(value: unknown) {
    this.set("majorUnit", value);
  }
  get numberFormat(): string {
    throw new Error("fake: not read");
  }
  set numberFormat(value: string) {
    this.set("numberFormat", value);
  }
  get reversePlotOrder(): boolean {
    throw new Error("fake: not read");
  }
  set reversePlotOrder(value: boolean) {
    this.set("reversePlotOrder", value);
  }
  get position(): ChartAxisApi["position"] {
    throw new Error("fake: not read");
  }
  set position(value: ChartAxisApi["position"]) {
    this.set("position", value);
  }
  get tickLabelPosition(): ChartAxisApi["tickLabelPosition"] {
    throw new Error("fake: not read");
  }
  set tickLabelPosition(value: ChartAxisApi["tickLabelPosition"]) {
    this.set("tickLabelPosition", value);
  }
}

/** Fill, line and border setters of a chart element, each queued and checked against the host's version. */
function chartFill(
  act: (kind: string, detail: unknown, run: (format: ChartFormatModel) => void) => void,
): ChartFillApi {
  return {
    setSolidColor: (color: string) => act("ChartFill.setSolidColor", color, (format) => (format.fill = color)),
    clear: () => act("ChartFill.clear", null, (format) => (format.fill = null)),
  };
}

function chartLine(
  part: "line" | "border",
  act: (kind: string, detail: unknown, run: (format: ChartFormatModel) => void, minor?: number) => void,
): ChartLineFormatApi & ChartBorderApi {
  const kind = part === "line" ? "ChartLineFormat" : "ChartBorder";
  // A line's colour is ExcelApi 1.1; its style and weight, and every border property, are 1.7.
  const set = (property: "color" | "lineStyle" | "weight", value: unknown, minor: number) =>
    act(
      `${kind}.${property}`,
      value,
      (format) => (((format[part] ??= {}) as Record<string, unknown>)[property] = value),
      minor,
    );
  return {
    get color(): string {
      throw new Error("fake: not read");
    },
    set color(value: string) {
      set("color", value, part === "line" ? 1 : 7);
    },
    get lineStyle(): ChartLineFormatApi["lineStyle"] {
      throw new Error("fake: not read");
    },
    set lineStyle(value: ChartLineFormatApi["lineStyle"]) {
      set("lineStyle", value, 7);
    },
    get weight(): number {
      throw new Error("fake: not read");
    },
    set weight(value: number) {
      set("weight", value, 7);
    },
  };
}

class FakeChartSeries extends FakeObject<ChartSeriesModel> implements ChartSeriesApi {
  constructor(
    context: FakeContext,
    private readonly chart: FakeChart,
    bind: Binding<ChartSeriesModel>,
  ) {
    super(context, bind);
  }
  protected sheetOf(): SheetModel {
    return this.chart.model()[0];
  }
  protected scalar(model: ChartSeriesModel, property: string): unknown {
    if (property === "name") return model.name;
    throw new Error(`fake: ChartSeries has no scalar property "${property}"`);
  }
  private act(kind: string, detail: unknown, run: (model: ChartSeriesModel) => void, minor = 1): void {
    this.context.host.requires(minor, kind);
    this.command(kind, detail, (model) => {
      this.context.host.checkChartCall(this.chart.model()[1].type, kind);
      run(model);
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.act("ChartSeries.name", name, (model) => (model.name = name));
  }
  get chartType(): ChartSeriesApi["chartType"] {
    throw new Error("fake: not read");
  }
  set chartType(type: ChartSeriesApi["chartType"]) {
    this.act("ChartSeries.chartType", type, (model) => (model.chartType = type), 7);
  }
  get gapWidth(): number {
    throw new Error("fake: not read");
  }
  set gapWidth(width: number) {
    this.act("ChartSeries.gapWidth", width, (model) => (model.gapWidth = width), 7);
  }
  get markerStyle(): ChartSeriesApi["markerStyle"] {
    throw new Error("fake: not read");
  }
  set markerStyle(style: ChartSeriesApi["markerStyle"]) {
    this.act("ChartSeries.markerStyle", style, (model) => ((model.marker ??= {}).style = style), 7);
  }
  get markerBackgroundColor(): string {
    throw new Error("fake: not read");
  }
  set markerBackgroundColor(color: string) {
    this.act("ChartSeries.markerBackgroundColor", color, (model) => ((model.marker ??= {}).background = color), 7);
  }
  get markerForegroundColor(): string {
    throw new Error("fake: not read");
  }
  set markerForegroundColor(color: string) {
    this.act("ChartSeries.markerForegroundColor", color, (model) => ((model.marker ??= {}).foreground = color), 7);
  }
  private setRange(kind: string, property: "values" | "xValues", sourceData: RangeApi): void {
    const source = sourceData as FakeRange;
    this.act(
      kind,
      null,
      (model) => {
        const region = source.model();
        const range = region.range;
        if (region.whole || (rowCountOf(range) > 1 && columnCountOf(range) > 1))
          throw new FakeOfficeError("InvalidArgument", `${kind}: a series takes one row or one column`);
        model[property] = chartRangeAddress(this.chart.model()[0], region);
      },
      7,
    );
  }
  setValues(sourceData: RangeApi): void {
    this.setRange("ChartSeries.setValues", "values", sourceData);
  }
  setXAxisValues(sourceData: RangeApi): void {
    this.setRange("ChartSeries.setXAxisValues", "xValues", sourceData);
  }
  get format(): ChartSeriesFormatApi {
    const act = (kind: string, detail: unknown, run: (format: ChartFormatModel) => void, minor = 1) =>
      this.act(kind, detail, run, minor);
    return { fill: chartFill(act), line: chartLine("line", act) };
  }
  get points(): ChartPointsApi {
    return {
      getItemAt: (index: number): ChartPointApi => {
        const act = (kind: string, detail: unknown, run: (format: ChartFormatModel) => void, minor = 1) =>
          this.act(
            kind,
            { point: index, value: detail },
            (model) => {
              // A point exists for each value of the series.
              if (model.values === undefined || index >= pointCount(model.values))
                throw new FakeOfficeError("ItemNotFound", `ChartPointsCollection.getItemAt(${index}): no such point`);
              run(((model.points ??= {})[index] ??= {}));
            },
            minor,
          );
        return { format: { fill: chartFill(act), border: chartLine("border", act) } };
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables and names
// ---------------------------------------------------------------------------------------------------------------

class FakeTableCollection extends FakeCollection<TableModel, FakeTable> implements TableCollectionApi {
  constructor(context: FakeContext) {
    super(context);
  }
  protected models(): TableModel[] {
    return [...this.context.host.tables];
  }
  protected item(model: TableModel): FakeTable {
    return new FakeTable(this.context, { model });
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, {
      kind: "TableCollection.getItem",
      mutates: false,
      detail: name,
      resolve: () => this.context.host.tables.find((table) => upper(table.name) === upper(name)) ?? null,
    });
  }
}

class FakeTable extends FakeObject<TableModel> implements TableApi {
  constructor(context: FakeContext, bind: Binding<TableModel>) {
    super(context, bind);
  }
  protected sheetOf(model: TableModel): SheetModel {
    return model.sheet;
  }
  protected scalar(model: TableModel, property: string): unknown {
    switch (property) {
      case "name":
        return model.name;
      case "style":
        return model.style;
      case "showBandedRows":
        return model.showBandedRows;
      default:
        throw new Error(`fake: Table has no scalar property "${property}"`);
    }
  }
  protected override navigation(property: string) {
    if (property === "worksheet") return this.worksheet;
    return super.navigation(property);
  }
  private worksheetProxy: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, { model: this.model().sheet }));
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.command("Table.name", name, (model) => {
      const host = this.context.host;
      if (upper(model.name) !== upper(name) && host.nameTaken(name)) {
        throw new FakeOfficeError("ItemAlreadyExists", `a table or name "${name}" already exists`);
      }
      model.name = name;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.command("Table.style", style, (model) => (model.style = style));
  }
  get showBandedRows(): boolean {
    return this.read("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.command("Table.showBandedRows", value, (model) => (model.showBandedRows = value));
  }
  delete(): void {
    this.command(
      "Table.delete",
      null,
      (model) => (this.context.host.tables = this.context.host.tables.filter((t) => t !== model)),
    );
  }
  /**
   * "The new range must overlap with the original table range and the headers (or the top of the table) must be in
   * the same row" (Table.resize, ExcelApi 1.13, @types/office-js; docs/excel/excel-add-ins-tables.md "Resize a table").
   */
  resize(newRange: string): void {
    this.context.host.requires(13, "Table.resize");
    this.command("Table.resize", newRange, (model) => {
      const from = parseRangeAddress(model.address);
      const to = parseRangeAddress(newRange);
      if (!overlaps(model.address, newRange) || from.start.row !== to.start.row) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `Table.resize: ${newRange} must overlap ${model.address} on its header row`,
        );
      }
      const host = this.context.host;
      if (
        host.tables.some((table) => table !== model && table.sheet === model.sheet && overlaps(table.address, newRange))
      ) {
        throw new FakeOfficeError("InvalidArgument", `Table.resize: another table covers part of ${newRange}`);
      }
      model.address = rangeAddress(to);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, {
      kind: "Table.getRange",
      mutates: false,
      detail: null,
      sheet: () => this.model().sheet,
      resolve: () => ({ sheet: this.model().sheet, range: parseRangeAddress(this.model().address), whole: false }),
    });
  }
}

class FakeNamedItemCollection extends FakeCollection<NameModel, FakeNamedItem> implements NamedItemCollectionApi {
  constructor(context: FakeContext) {
    super(context);
  }
  protected models(): NameModel[] {
    return [...this.context.host.names];
  }
  protected item(model: NameModel): FakeNamedItem {
    return new FakeNamedItem(this.context, { model });
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.context.host.requires(4, "NamedItemCollection.add");
    return new FakeNamedItem(this.context, {
      kind: "NamedItemCollection.add",
      mutates: true,
      detail: { name, reference, comment: comment ?? null },
      resolve: () => this.context.host.createName(name, reference, comment ?? ""),
    });
  }
}

class FakeNamedItem extends FakeObject<NameModel> implements NamedItemApi {
  constructor(context: FakeContext, bind: Binding<NameModel>) {
    super(context, bind);
  }
  protected sheetOf(): undefined {
    return undefined;
  }
  protected scalar(model: NameModel, property: string): unknown {
    switch (property) {
      case "name":
        return model.name;
      case "type":
        return this.context.host.nameValue(model) === "#REF!"
          ? "Error"
          : "formula" in model.reference
            ? "String"
            : "Range";
      case "value":
        return this.context.host.nameValue(model);
      case "visible":
        return model.visible;
      default:
        throw new Error(`fake: NamedItem has no scalar property "${property}"`);
    }
  }
  get name(): string {
    return this.read("name");
  }
  get type(): Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(visible: boolean) {
    this.command("NamedItem.visible", visible, (model) => (model.visible = visible));
  }
  delete(): void {
    this.context.host.requires(4, "NamedItem.delete");
    this.command(
      "NamedItem.delete",
      null,
      (model) => (this.context.host.names = this.context.host.names.filter((n) => n !== model)),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Custom XML parts
// ---------------------------------------------------------------------------------------------------------------

class FakeCustomXmlPartCollection implements CustomXmlPartCollectionApi {
  constructor(private readonly context: FakeContext) {}
  add(xml: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, {
      kind: "CustomXmlPartCollection.add",
      mutates: true,
      detail: xml,
      resolve: () => {
        const namespace = /^\s*(?:<\?xml[^>]*\?>\s*)?<[\w:.-]+\b[^>]*\bxmlns="([^"]*)"/.exec(xml);
        if (!namespace) throw new FakeOfficeError("InvalidArgument", "the XML has no root namespace");
        const part: PartModel = { id: `{${this.context.host.newId("part")}}`, namespaceUri: namespace[1]!, xml };
        this.context.host.parts.push(part);
        return part;
      },
    });
  }
  getByNamespace(namespaceUri: string): FakeScopedParts {
    return new FakeScopedParts(this.context, namespaceUri);
  }
}

class FakeScopedParts extends FakeCollection<PartModel, FakeCustomXmlPart> implements CustomXmlPartScopedCollectionApi {
  constructor(
    context: FakeContext,
    private readonly namespaceUri: string,
  ) {
    super(context);
  }
  protected models(): PartModel[] {
    return this.context.host.parts.filter((part) => part.namespaceUri === this.namespaceUri);
  }
  protected item(model: PartModel): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, { model });
  }
}

class FakeCustomXmlPart extends FakeObject<PartModel> implements CustomXmlPartApi {
  constructor(context: FakeContext, bind: Binding<PartModel>) {
    super(context, bind);
  }
  protected sheetOf(): undefined {
    return undefined;
  }
  protected scalar(model: PartModel, property: string): unknown {
    if (property === "id") return model.id;
    throw new Error(`fake: CustomXmlPart has no scalar property "${property}"`);
  }
  get id(): string {
    return this.read("id");
  }
  getXml(): ClientResultApi<string> {
    let value: string | undefined;
    this.command("CustomXmlPart.getXml", null, (model) => (value = model.xml), { mutates: false });
    return {
      get value(): string {
        if (value === undefined)
          throw new FakeOfficeError("PropertyNotLoaded", "a ClientResult's value is known only after sync");
        return value;
      },
    };
  }
  delete(): void {
    this.command(
      "CustomXmlPart.delete",
      null,
      (model) => (this.context.host.parts = this.context.host.parts.filter((p) => p !== model)),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------------------------

/**
 * Writes typed input into a cell (its number format stays), with what that does to dynamic arrays (the Microsoft
 * support article "Dynamic array formulas and spilled array behavior", linked from office-js-docs-pr
 * docs/excel/excel-add-ins-ranges-dynamic-arrays.md): replacing an anchor's formula removes its spill, so the cells
 * it spilled into become empty; writing into a spilled cell blocks the spill, and the anchor shows `#SPILL!`.
 */
function typeInto(sheet: SheetModel, row: number, column: number, input: string | number | boolean): void {
  const at = key(row, column);
  const previous = sheet.cells.get(at);
  const removeSpill = (anchorKey: string) => {
    for (const [other, cell] of sheet.cells) if (cell.spilledFrom === anchorKey) sheet.cells.delete(other);
    const anchor = sheet.cells.get(anchorKey);
    if (anchor) delete anchor.spill;
  };
  if (previous?.spill) removeSpill(at);
  if (previous?.spilledFrom !== undefined) {
    const anchor = sheet.cells.get(previous.spilledFrom);
    if (anchor?.spill) {
      removeSpill(previous.spilledFrom);
      anchor.value = "#SPILL!";
    }
  }
  const format = previous?.numberFormat;
  const cell = parseInput(input);
  if (cell) sheet.cells.set(at, { ...cell, ...(format !== undefined ? { numberFormat: format } : {}) });
  else sheet.cells.delete(at);
}

class FakeRange extends FakeObject<Region> implements RangeApi {
  constructor(context: FakeContext, bind: Binding<Region>) {
    super(context, bind);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.host.requires(4, "Range.getUsedRangeOrNullObject");
    return new FakeRange(this.context, {
      kind: "Range.getUsedRangeOrNullObject",
      mutates: false,
      detail: valuesOnly ?? false,
      nullable: true,
      sheet: () => this.model().sheet,
      resolve: () => {
        const region = this.model();
        return usedRegion(region.sheet, valuesOnly ?? false, region.range);
      },
    });
  }
  /**
   * ExcelApi 1.12. On an anchor cell, the range it spills into; a null object for any other range ("If the range
   * isn't an anchor cell or the spill range can't be found": @types/office-js, Excel.Range).
   */
  getSpillingToRangeOrNullObject(): FakeRange {
    this.context.host.requires(12, "Range.getSpillingToRangeOrNullObject");
    return new FakeRange(this.context, {
      kind: "Range.getSpillingToRangeOrNullObject",
      mutates: false,
      nullable: true,
      sheet: () => this.model().sheet,
      resolve: () => {
        const { sheet, range } = this.model();
        if (rowCountOf(range) !== 1 || columnCountOf(range) !== 1) return null;
        const spill = sheet.cells.get(key(range.start.row, range.start.column))?.spill;
        if (!spill) return null;
        const end = { row: range.start.row + spill.rows - 1, column: range.start.column + spill.columns - 1 };
        return { sheet, range: { start: range.start, end }, whole: false };
      },
    });
  }
  /**
   * ExcelApi 1.12. On a single spilled cell, its anchor cell (a single cell: OfficeDev/office-js#4778); a null object
   * otherwise, and for more than one cell (docs/excel/excel-add-ins-ranges-dynamic-arrays.md). Not in the port: the
   * adapter does not use it; tests of the fake's spill model do.
   */
  getSpillParentOrNullObject(): FakeRange {
    this.context.host.requires(12, "Range.getSpillParentOrNullObject");
    return new FakeRange(this.context, {
      kind: "Range.getSpillParentOrNullObject",
      mutates: false,
      nullable: true,
      sheet: () => this.model().sheet,
      resolve: () => {
        const { sheet, range } = this.model();
        if (rowCountOf(range) !== 1 || columnCountOf(range) !== 1) return null;
        const parent = sheet.cells.get(key(range.start.row, range.start.column))?.spilledFrom;
        if (parent === undefined) return null;
        const [row, column] = parent.split(",").map(Number) as [number, number];
        return { sheet, range: { start: { row, column }, end: { row, column } }, whole: false };
      },
    });
  }
  protected sheetOf(model: Region): SheetModel {
    return model.sheet;
  }
  protected scalar(model: Region, property: string): unknown {
    const { range, sheet } = model;
    const grid = (pick: (cell: CellModel | undefined) => CellScalar) => {
      if (model.whole) throw new Error("fake: reading every cell of a whole sheet");
      return Array.from({ length: rowCountOf(range) }, (_, r) =>
        Array.from({ length: columnCountOf(range) }, (_, c) =>
          pick(sheet.cells.get(key(range.start.row + r, range.start.column + c))),
        ),
      );
    };
    switch (property) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "address":
        return `${quoteSheetName(sheet.name)}!${regionAddress(model)}`;
      case "rowIndex":
        return range.start.row;
      case "columnIndex":
        return range.start.column;
      case "rowCount":
        return rowCountOf(range);
      case "columnCount":
        return columnCountOf(range);
      default:
        throw new Error(`fake: Range has no scalar property "${property}"`);
    }
  }

  /** Writes a 2-D array cell by cell; Excel refuses an array whose shape differs from the range's. */
  private writeGrid(
    kind: string,
    rows: CellScalar[][],
    apply: (model: Region, row: number, column: number, input: string | number | boolean) => void,
  ): void {
    this.command(kind, rows, (model) => {
      const { range } = model;
      if (rows.length !== rowCountOf(range) || rows.some((row) => row.length !== columnCountOf(range))) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `${kind}: a ${rows.length}-row array does not match ${regionAddress(model)}`,
        );
      }
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          if (input !== null) apply(model, range.start.row + r, range.start.column + c, input);
        }),
      );
    });
  }

  get values(): CellScalar[][] {
    return this.read("values");
  }
  set values(rows: CellScalar[][]) {
    this.writeGrid("Range.values", rows, ({ sheet }, row, column, input) => typeInto(sheet, row, column, input));
  }
  get formulas(): CellScalar[][] {
    return this.read("formulas");
  }
  set formulas(rows: CellScalar[][]) {
    this.writeGrid("Range.formulas", rows, ({ sheet }, row, column, input) => typeInto(sheet, row, column, input));
  }
  get numberFormat(): CellScalar[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: CellScalar[][]) {
    this.writeGrid("Range.numberFormat", rows, ({ sheet }, row, column, input) => {
      const at = key(row, column);
      sheet.cells.set(at, { ...(sheet.cells.get(at) ?? { value: "" }), numberFormat: String(input) });
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get hyperlink(): Excel.RangeHyperlink {
    throw new Error("fake: Range.hyperlink is not read by the adapter");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.context.host.requires(7, "Range.hyperlink");
    this.command("Range.hyperlink", link, (model) => model.sheet.hyperlinks.set(regionAddress(model), link));
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }
  get conditionalFormats(): ConditionalFormatCollectionApi {
    this.context.host.requires(6, "Range.conditionalFormats");
    return {
      add: (type: "Custom") => {
        let format: SheetModel["conditionalFormats"][number] | undefined;
        this.command("ConditionalFormatCollection.add", type, (model) => {
          format = { address: regionAddress(model), formula: "" };
          model.sheet.conditionalFormats.push(format);
        });
        const set = (kind: string, value: unknown, apply: (target: NonNullable<typeof format>) => void) =>
          this.command(kind, value, () => apply(format!));
        const custom: ConditionalFormatApi["custom"] = {
          rule: {
            get formula(): string {
              throw new Error("fake: not read");
            },
            set formula(value: string) {
              set("ConditionalFormatRule.formula", value, (target) => (target.formula = value));
            },
          },
          format: {
            fill: {
              get color(): string {
                throw new Error("fake: not read");
              },
              set color(value: string) {
                set("ConditionalRangeFill.color", value, (target) => (target.fill = value));
              },
            },
            font: {
              get color(): string {
                throw new Error("fake: not read");
              },
              set color(value: string) {
                set("ConditionalRangeFont.color", value, (target) => (target.fontColor = value));
              },
              get bold(): boolean {
                throw new Error("fake: not read");
              },
              set bold(value: boolean) {
                set("ConditionalRangeFont.bold", value, (target) => (target.bold = value));
              },
            },
          },
        };
        return { custom };
      },
      clearAll: () =>
        this.command("ConditionalFormatCollection.clearAll", null, (model) => {
          model.sheet.conditionalFormats = model.whole
            ? []
            : model.sheet.conditionalFormats.filter((f) => !overlaps(f.address, regionAddress(model)));
        }),
    };
  }
  get dataValidation(): DataValidationApi {
    this.context.host.requires(8, "Range.dataValidation");
    const act = (kind: string, detail: unknown, run: (model: Region) => void) => this.command(kind, detail, run);
    const entry = (model: Region) => {
      const at = regionAddress(model);
      const existing = model.sheet.validations.get(at) ?? {};
      model.sheet.validations.set(at, existing);
      return existing;
    };
    return {
      get rule(): Excel.DataValidationRule {
        throw new Error("fake: not read");
      },
      set rule(rule: Excel.DataValidationRule) {
        act("DataValidation.rule", rule, (model) => (entry(model).rule = rule));
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        throw new Error("fake: not read");
      },
      set errorAlert(alert: Excel.DataValidationErrorAlert) {
        // Excel's limits: a 32-character title, a 225-character message.
        if (alert.message.length > 225 || alert.title.length > 32)
          throw new FakeOfficeError("InvalidArgument", "error alert too long");
        act("DataValidation.errorAlert", alert, (model) => (entry(model).errorAlert = alert));
      },
      get prompt(): Excel.DataValidationPrompt {
        throw new Error("fake: not read");
      },
      set prompt(prompt: Excel.DataValidationPrompt) {
        if (prompt.message.length > 255) throw new FakeOfficeError("InvalidArgument", "prompt too long");
        act("DataValidation.prompt", prompt, (model) => (entry(model).prompt = prompt));
      },
      clear: () =>
        act("DataValidation.clear", null, (model) => {
          if (model.whole) model.sheet.validations.clear();
          else model.sheet.validations.delete(regionAddress(model));
        }),
    };
  }

  /** Queues a command on this range (for the format proxies). */
  act(kind: string, detail: unknown, run: (model: Region) => void): void {
    this.command(kind, detail, run);
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.command("Range.clear", applyTo, (model) => {
      const { sheet, range } = model;
      for (const at of [...sheet.cells.keys()]) {
        const [row, column] = at.split(",").map(Number) as [number, number];
        if (row < range.start.row || row > range.end.row || column < range.start.column || column > range.end.column)
          continue;
        const cell = sheet.cells.get(at)!;
        if (applyTo === "Formats") delete cell.numberFormat;
        // "Contents" keeps the formats (Excel.ClearApplyTo: "Clears the contents of the range", @types/office-js).
        else if (applyTo === "Contents" && cell.numberFormat !== undefined) {
          sheet.cells.set(at, { value: "", numberFormat: cell.numberFormat });
        } else sheet.cells.delete(at);
      }
      if (model.whole && applyTo !== "Contents") {
        sheet.formats = [];
        sheet.merges = [];
        sheet.hyperlinks.clear();
        sheet.conditionalFormats = [];
      }
    });
  }
  merge(across?: boolean): void {
    this.command("Range.merge", across ?? false, (model) => model.sheet.merges.push(regionAddress(model)));
  }
  unmerge(): void {
    this.command("Range.unmerge", null, (model) => {
      model.sheet.merges = model.whole
        ? []
        : model.sheet.merges.filter((merge) => !overlaps(merge, regionAddress(model)));
    });
  }
}
class FakeRangeFormat implements RangeFormatApi {
  constructor(private readonly range: FakeRange) {}
  private set(property: string, value: unknown, apply?: (model: Region) => void): void {
    this.range.act(`RangeFormat.${property}`, value, (model) => {
      model.sheet.formats.push({ address: regionAddress(model), property, value });
      apply?.(model);
    });
  }
  get columnWidth(): number {
    throw new Error("fake: not read");
  }
  set columnWidth(points: number) {
    this.set("columnWidth", points, (model) => {
      for (let column = model.range.start.column; column <= model.range.end.column; column++)
        model.sheet.columnWidths.set(column, points);
    });
  }
  get wrapText(): boolean {
    throw new Error("fake: not read");
  }
  set wrapText(value: boolean) {
    this.set("wrapText", value);
  }
  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    throw new Error("fake: not read");
  }
  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this.set("horizontalAlignment", value);
  }
  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    throw new Error("fake: not read");
  }
  set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
    this.set("verticalAlignment", value);
  }
  get font(): RangeFontApi {
    const set = (property: string, value: unknown) => this.set(`font.${property}`, value);
    return {
      get bold(): boolean {
        throw new Error("fake: not read");
      },
      set bold(value: boolean) {
        set("bold", value);
      },
      get italic(): boolean {
        throw new Error("fake: not read");
      },
      set italic(value: boolean) {
        set("italic", value);
      },
      get size(): number {
        throw new Error("fake: not read");
      },
      set size(value: number) {
        set("size", value);
      },
      get color(): string {
        throw new Error("fake: not read");
      },
      set color(value: string) {
        set("color", value);
      },
      get underline(): Excel.RangeFont["underline"] {
        throw new Error("fake: not read");
      },
      set underline(value: Excel.RangeFont["underline"]) {
        set("underline", value);
      },
    };
  }
  get fill(): RangeFillApi {
    const set = (value: string) => this.set("fill.color", value);
    return {
      get color(): string {
        throw new Error("fake: not read");
      },
      set color(value: string) {
        set(value);
      },
    };
  }
  get borders(): RangeBorderCollectionApi {
    return {
      getItem: (index) => {
        const set = (property: string, value: unknown) => this.set(`borders.${index}.${property}`, value);
        const border: RangeBorderApi = {
          get style(): Excel.RangeBorder["style"] {
            throw new Error("fake: not read");
          },
          set style(value: Excel.RangeBorder["style"]) {
            set("style", value);
          },
          get color(): string {
            throw new Error("fake: not read");
          },
          set color(value: string) {
            set("color", value);
          },
        };
        return border;
      },
    };
  }
}
