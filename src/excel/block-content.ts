/**
 * A spec block as the 2-D arrays and rectangles the writer assigns: constants (`values`), native formulas
 * (`formulas`) and number formats, each one array per block with `null` for the cells it leaves alone, plus style
 * runs, merges and links. Pure.
 *
 * Constants and formulas go through separate properties so that text is only ever written as a value, escaped by
 * `literalText`: `=HYPERLINK("http://x","y")` typed as a persona name stays text.
 */
import type { CellSpec, CellBlock, StyleName } from "../workbook/spec";
import { parseCellAddress, rangeAddress } from "../workbook/address";
import { literalText } from "../workbook/text";
import { uniformRuns, type CellRun } from "./cell-runs";
import type { CellScalar } from "./office-port";
import { rowBands, rowBytes } from "./request-budget";

export type CellLink = NonNullable<CellSpec["link"]>;

export interface BlockContent {
  /** 0-based sheet position of the block's top-left cell. */
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Constants, strings escaped; undefined when the block has none. */
  readonly values: CellScalar[][] | undefined;
  readonly formulas: CellScalar[][] | undefined;
  readonly numberFormats: CellScalar[][] | undefined;
  /** Offsets relative to the block. */
  readonly styles: readonly CellRun<StyleName>[];
  /** Sheet positions of merged cells: the first cell and how many columns the merge spans. */
  readonly merges: readonly { readonly row: number; readonly column: number; readonly columnCount: number }[];
  readonly links: readonly { readonly row: number; readonly column: number; readonly link: CellLink }[];
}

/** What one cell contributes to the `values` array. */
function constantOf(cell: CellSpec): CellScalar {
  if (cell.value === undefined) return null;
  return typeof cell.value === "string" ? literalText(cell.value) : cell.value;
}

export function blockContent(block: CellBlock): BlockContent {
  const anchor = parseCellAddress(block.anchor);
  const rowCount = block.rows.length;
  const columnCount = block.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const grid = (pick: (cell: CellSpec) => CellScalar): CellScalar[][] | undefined => {
    let any = false;
    const rows = block.rows.map((row) =>
      Array.from({ length: columnCount }, (_, column) => {
        const cell = row[column];
        const value = cell ? pick(cell) : null;
        if (value !== null) any = true;
        return value;
      }),
    );
    return any ? rows : undefined;
  };
  const merges: { row: number; column: number; columnCount: number }[] = [];
  const links: { row: number; column: number; link: CellLink }[] = [];
  block.rows.forEach((row, rowOffset) =>
    row.forEach((cell, columnOffset) => {
      if (!cell) return;
      const position = { row: anchor.row + rowOffset, column: anchor.column + columnOffset };
      if (cell.mergeAcross !== undefined) merges.push({ ...position, columnCount: cell.mergeAcross + 1 });
      if (cell.link !== undefined) links.push({ ...position, link: cell.link });
    }),
  );
  return {
    top: anchor.row,
    left: anchor.column,
    rowCount,
    columnCount,
    values: grid(constantOf),
    formulas: grid((cell) => cell.formula ?? null),
    numberFormats: grid((cell) => cell.format ?? null),
    styles: uniformRuns(block.rows.map((row) => row.map((cell) => cell?.style))),
    merges,
    links,
  };
}

/** One row band of a block: the address it covers and its slice of each array. */
export interface BlockBand {
  readonly address: string;
  readonly values: CellScalar[][] | undefined;
  readonly formulas: CellScalar[][] | undefined;
  readonly numberFormats: CellScalar[][] | undefined;
}

/**
 * Splits a block's arrays into row bands of at most `maxBytes` of JSON (all three arrays together), so a very
 * large block never makes one oversized request. A realistic block is a single band.
 */
export function blockBands(content: BlockContent, maxBytes: number): BlockBand[] {
  if (content.rowCount === 0 || content.columnCount === 0) return [];
  const arrays = [content.values, content.formulas, content.numberFormats];
  const perRow = new Array<number>(content.rowCount).fill(0);
  for (const array of arrays) if (array) rowBytes(array).forEach((bytes, row) => (perRow[row]! += bytes));
  return rowBands(perRow, maxBytes).map(([start, end]) => ({
    address: rangeAddress({
      start: { row: content.top + start, column: content.left },
      end: { row: content.top + end - 1, column: content.left + content.columnCount - 1 },
    }),
    values: content.values?.slice(start, end),
    formulas: content.formulas?.slice(start, end),
    numberFormats: content.numberFormats?.slice(start, end),
  }));
}
