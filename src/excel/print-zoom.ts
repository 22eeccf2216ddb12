/**
 * The page zoom that prints a sheet one page wide, using only what `Excel.PageLayoutZoomOptions` documents
 * (@types/office-js; OfficeDev/office-js-docs-reference, excel.pagelayoutzoomoptions): `horizontalFitToPages` and
 * `verticalFitToPages` are "Number of pages to fit", and nothing gives 0 (or a missing count) the meaning
 * "automatic", as the xlsx format's `fitToHeight="0"` has. So the height is given as a number of pages that is
 * never the binding constraint: Excel picks the largest scale at which the print area fits both counts, and with
 * more pages allowed tall than the rows can fill, the width decides the scale. Pure.
 */
import { parseRangeAddress } from "../workbook/address";

/**
 * Fewest rows a printed page holds once fitted to the width (the scale is then 100% or less): a landscape Letter page
 * keeps about 500 points of printable height at 100%, so 8 rows allows rows over 60 points tall on average (wrapped
 * text of four lines), where a default row is 15 points.
 */
export const MIN_ROWS_PER_PAGE = 8;

/** One page wide; tall enough (in pages) for every row of `printArea` even at `MIN_ROWS_PER_PAGE`. */
export function fitToWidthZoom(printArea: string): { horizontalFitToPages: number; verticalFitToPages: number } {
  const { start, end } = parseRangeAddress(printArea);
  const rows = end.row - start.row + 1;
  return { horizontalFitToPages: 1, verticalFitToPages: Math.max(1, Math.ceil(rows / MIN_ROWS_PER_PAGE)) };
}
