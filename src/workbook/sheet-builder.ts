/**
 * Builders shared by every sheet's layout: blocks of cells placed at absolute positions, sheets with their tables,
 * validations, conditional formats, widths and print settings, and the list tables most steps are made of.
 */
import {
  cellAddress,
  columnLetters,
  parseCellAddress,
  rangeAddress,
  type CellPosition,
  type RangePosition,
} from "./address";
import type {
  CellBinding,
  CellBlock,
  CellSpec,
  ChartSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  SheetKey,
  SheetSpec,
  StyleName,
  TableBinding,
  TableSpec,
} from "./spec";

/**
 * A block being filled cell by cell at absolute positions; built into the smallest rectangle holding them. Cells are
 * kept per row and the bounds updated as cells arrive, because large plans place over a hundred thousand cells.
 */
export class BlockBuilder {
  private readonly rowsByIndex = new Map<number, (CellSpec | undefined)[]>();
  private count = 0;
  private minRow = Infinity;
  private minColumn = Infinity;
  private maxRow = -Infinity;
  private maxColumn = -Infinity;

  constructor(readonly id: string) {}

  /** Places a cell (nothing for `undefined`) and returns its position. */
  set(position: CellPosition, cell: CellSpec | undefined): CellPosition {
    if (cell === undefined) return position;
    const { row, column } = position;
    let cells = this.rowsByIndex.get(row);
    if (!cells) {
      cells = [];
      this.rowsByIndex.set(row, cells);
    }
    if (cells[column] === undefined) this.count++;
    cells[column] = cell;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (column < this.minColumn) this.minColumn = column;
    if (column > this.maxColumn) this.maxColumn = column;
    return position;
  }

  /** Places cells left to right from `start`; `undefined` and `null` leave a cell empty. */
  setRow(start: CellPosition, cells: readonly (CellSpec | null | undefined)[]): void {
    cells.forEach((cell, offset) => {
      if (cell) this.set({ row: start.row, column: start.column + offset }, cell);
    });
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  bounds(): RangePosition {
    return {
      start: { row: this.minRow, column: this.minColumn },
      end: { row: this.maxRow, column: this.maxColumn },
    };
  }

  build(): CellBlock {
    const rows: (CellSpec | null)[][] = [];
    for (let row = this.minRow; row <= this.maxRow; row++) {
      const cells = this.rowsByIndex.get(row);
      const out = new Array<CellSpec | null>(this.maxColumn - this.minColumn + 1);
      for (let column = this.minColumn; column <= this.maxColumn; column++) {
        out[column - this.minColumn] = cells?.[column] ?? null;
      }
      rows.push(out);
    }
    return { id: this.id, anchor: cellAddress({ row: this.minRow, column: this.minColumn }), rows };
  }
}

export class SheetBuilder {
  private readonly blocks: BlockBuilder[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly validations: DataValidationSpec[] = [];
  private readonly conditionalFormats: ConditionalFormatSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly widths = new Map<number, number>();
  private frozen: { rows: number; columns: number } | undefined;
  private orientation: "portrait" | "landscape" = "portrait";
  private repeatRows: string | undefined;

  constructor(
    readonly key: SheetKey,
    readonly name: string,
    private readonly tabColor: string,
  ) {}

  block(id: string): BlockBuilder {
    if (this.blocks.some((block) => block.id === id)) throw new Error(`block "${id}" exists twice on ${this.name}`);
    const block = new BlockBuilder(id);
    this.blocks.push(block);
    return block;
  }

  table(table: TableSpec): void {
    this.tables.push(table);
  }

  validate(range: RangePosition, rule: DataValidationSpec["rule"], errorMessage: string): void {
    this.validations.push({ range: rangeAddress(range), rule, errorMessage });
  }

  highlight(range: RangePosition, formula: string, style: ConditionalFormatSpec["style"]): void {
    this.conditionalFormats.push({ range: rangeAddress(range), formula, style });
  }

  /** Adds a chart; its id names it in Excel, so it must be unique on the sheet. */
  chart(chart: ChartSpec): void {
    if (this.charts.some((existing) => existing.id === chart.id))
      throw new Error(`chart "${chart.id}" exists twice on ${this.name}`);
    this.charts.push(chart);
  }

  /** The last row (0-based) holding a cell of any block so far; -1 on an empty sheet. */
  lastRow(): number {
    return Math.max(-1, ...this.blocks.filter((block) => !block.isEmpty).map((block) => block.bounds().end.row));
  }

  /** Sets a column's width (characters); the widest request wins. */
  width(column: number, width: number): void {
    this.widths.set(column, Math.max(width, this.widths.get(column) ?? 0));
  }

  freeze(rows: number, columns: number): void {
    this.frozen = { rows, columns };
  }

  printing(orientation: "portrait" | "landscape", repeatRows?: { first: number; last: number }): void {
    this.orientation = orientation;
    this.repeatRows = repeatRows && `${repeatRows.first + 1}:${repeatRows.last + 1}`;
  }

  build(): SheetSpec {
    const used = this.blocks.filter((block) => !block.isEmpty);
    // The print area holds the charts too: a printed plan shows its Gantt.
    const bounds = [
      ...used.map((block) => block.bounds()),
      ...this.charts.map((chart) => ({
        start: parseCellAddress(chart.anchor.from),
        end: parseCellAddress(chart.anchor.to),
      })),
    ];
    const area: RangePosition = {
      start: { row: 0, column: 0 },
      end: {
        row: Math.max(...bounds.map((b) => b.end.row)),
        column: Math.max(...bounds.map((b) => b.end.column)),
      },
    };
    return {
      key: this.key,
      name: this.name,
      tabColor: this.tabColor,
      columnWidths: [...this.widths].sort(([a], [b]) => a - b).map(([column, width]) => ({ column, width })),
      blocks: used.map((block) => block.build()),
      tables: this.tables,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      ...(this.frozen ? { freeze: this.frozen } : {}),
      print: {
        area: rangeAddress(area),
        orientation: this.orientation,
        fitToWidth: true,
        ...(this.repeatRows ? { repeatRows: this.repeatRows } : {}),
      },
      charts: this.charts,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------------------

export function styled(style: StyleName, value: string | number | boolean, extra: Partial<CellSpec> = {}): CellSpec {
  return { value, style, ...extra };
}

export const titleCell = (text: string): CellSpec => ({ value: text, style: "title" });
export const subtitleCell = (text: string): CellSpec => ({ value: text, style: "subtitle" });
export const headingCell = (text: string, mergeAcross?: number): CellSpec => ({
  value: text,
  style: "sectionHeading",
  ...(mergeAcross ? { mergeAcross } : {}),
});
export const labelCell = (text: string, mergeAcross?: number): CellSpec => ({
  value: text,
  style: "label",
  ...(mergeAcross ? { mergeAcross } : {}),
});
export const headerCell = (text: string): CellSpec => ({ value: text, style: "tableHeader" });
export const noteCell = (text: string, mergeAcross?: number): CellSpec => ({
  value: text,
  style: "note",
  ...(mergeAcross ? { mergeAcross } : {}),
});

/** A computed cell: a native formula and the plan core's prediction of its result. */
export function formulaCell(
  formula: string,
  result: number | string | boolean,
  format?: string,
  style: StyleName = "formula",
): CellSpec {
  return { formula, result, style, ...(format ? { format } : {}) };
}

/** A constant shown for reading (not an input). */
export function valueCell(value: number | string | boolean, format?: string, style: StyleName = "text"): CellSpec {
  return { value, style, ...(format ? { format } : {}) };
}

/** An input bound to a plan field; `undefined` leaves it empty (an absent optional field). */
export function inputCell(
  value: number | string | boolean | undefined,
  bind: CellBinding,
  format?: string,
  style: StyleName = typeof value === "string" || bind.type === "text" || bind.type === "textList"
    ? "inputText"
    : "input",
): CellSpec {
  return { ...(value === undefined ? {} : { value }), style, bind, ...(format ? { format } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Formula references
// ---------------------------------------------------------------------------------------------------------------

/** `C5`, or `$C$5`. */
export const ref = (position: CellPosition, absolute = false): string => cellAddress(position, absolute);
/** `$C5`: column fixed, row relative. */
export const refColumnFixed = (position: CellPosition): string => `$${cellAddress(position)}`;
/** `C$5`: row fixed, column relative. */
export const refRowFixed = (position: CellPosition): string => `${columnLetters(position.column)}$${position.row + 1}`;
export const rangeRef = (start: CellPosition, end: CellPosition, absolute = false): string =>
  rangeAddress({ start, end }, absolute);

export const right = (position: CellPosition, columns = 1): CellPosition => ({
  row: position.row,
  column: position.column + columns,
});
export const below = (position: CellPosition, rows = 1): CellPosition => ({
  row: position.row + rows,
  column: position.column,
});

// ---------------------------------------------------------------------------------------------------------------
// List tables
// ---------------------------------------------------------------------------------------------------------------

export interface RowContext {
  /** 0-based index of the item in its list. */
  readonly index: number;
  /** Absolute 0-based sheet row of the item. */
  readonly row: number;
  /** The position of another column's cell in this row. */
  at(key: string): CellPosition;
}

export interface TableColumn<T> {
  readonly key: string;
  readonly header: string;
  readonly width?: number;
  readonly style?: StyleName;
  readonly format?: string;
  /** For input columns: the item field it reads back into. */
  readonly binding?: Omit<TableBinding["columns"][number], "column">;
  readonly validation?: { readonly rule: DataValidationSpec["rule"]; readonly errorMessage: string };
  /** The value, formula or nothing of this column in an item's row (style and format come from the column). */
  readonly cell: (item: T, row: RowContext) => Partial<CellSpec> | undefined;
}

export interface ListTableOptions<T> {
  /** Workbook-unique Excel table name. */
  readonly name: string;
  /** Where the header row starts. */
  readonly anchor: CellPosition;
  readonly columns: readonly TableColumn<T>[];
  readonly items: readonly T[];
  /** The list the rows read back into, when the table holds plan inputs. */
  readonly binding?: Omit<TableBinding, "columns">;
}

export interface ListTable {
  readonly headerRow: number;
  /** The first data row; an empty table keeps one empty row so Excel has a table body. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly range: RangePosition;
  /** Absolute column of a column key. */
  column(key: string): number;
  /** The cell of item `index` in column `key`. */
  cell(index: number, key: string): CellPosition;
}

/**
 * Writes a list as an Excel table into `block`: a header row, one row per item, validations per input column, the
 * table binding built from the columns' bindings.
 */
export function listTable<T>(sheet: SheetBuilder, block: BlockBuilder, options: ListTableOptions<T>): ListTable {
  const { anchor, columns, items } = options;
  const columnOf = new Map(columns.map((column, offset) => [column.key, anchor.column + offset]));
  const column = (key: string): number => {
    const found = columnOf.get(key);
    if (found === undefined) throw new Error(`table ${options.name} has no column "${key}"`);
    return found;
  };
  const headerRow = anchor.row;
  const firstRow = headerRow + 1;
  const lastRow = firstRow + Math.max(items.length, 1) - 1;

  columns.forEach((col) => {
    block.set({ row: headerRow, column: column(col.key) }, headerCell(col.header));
    if (col.width) sheet.width(column(col.key), col.width);
  });
  // Each column's style and format, built once: a large plan's tables hold tens of thousands of cells.
  const bases = columns.map((col): CellSpec => ({
    ...(col.style ? { style: col.style } : {}),
    ...(col.format ? { format: col.format } : {}),
  }));
  const absoluteColumns = columns.map((col) => column(col.key));
  items.forEach((item, index) => {
    const row = firstRow + index;
    const context: RowContext = { index, row, at: (key) => ({ row, column: column(key) }) };
    columns.forEach((col, offset) => {
      const content = col.cell(item, context);
      const position = { row, column: absoluteColumns[offset]! };
      if (content !== undefined) block.set(position, { ...bases[offset], ...content });
      else if (col.binding) block.set(position, { ...bases[offset] });
    });
  });
  if (items.length === 0) {
    columns.forEach((col, offset) => {
      if (col.style || col.format) block.set({ row: firstRow, column: absoluteColumns[offset]! }, { ...bases[offset] });
    });
  }
  columns.forEach((col) => {
    if (col.validation) {
      sheet.validate(
        { start: { row: firstRow, column: column(col.key) }, end: { row: lastRow, column: column(col.key) } },
        col.validation.rule,
        col.validation.errorMessage,
      );
    }
  });
  const range: RangePosition = {
    start: { row: headerRow, column: anchor.column },
    end: { row: lastRow, column: anchor.column + columns.length - 1 },
  };
  const binding: TableBinding | undefined = options.binding && {
    ...options.binding,
    columns: columns.flatMap((col, offset) => (col.binding ? [{ column: offset, ...col.binding }] : [])),
  };
  sheet.table({
    name: options.name,
    range: rangeAddress(range),
    style: "TableStyleLight9",
    showBandedRows: true,
    ...(binding ? { binding } : {}),
  });
  return {
    headerRow,
    firstRow,
    lastRow,
    range,
    column,
    cell: (index, key) => ({ row: firstRow + index, column: column(key) }),
  };
}

/** A text constant inside a formula: `"Week"` (inner quotes doubled). Only for the layout's own words. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
