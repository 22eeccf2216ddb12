/**
 * CSV and tab-separated exports to a RawTable, with papaparse. The separator (comma, semicolon or tab) is the one the
 * header row uses most outside quotes: a header row holds no amounts, so the decimal commas of a semicolon file
 * cannot mislead it, as they can a guess made on the data rows.
 */
import Papa from "papaparse";
import { decodeText, type CsvInput } from "./decode-text";
import { CrmFileError } from "./messages";
import type { RawRow, RawTable } from "./raw-table";

export type CsvSeparator = "," | ";" | "\t";
const SEPARATORS: readonly CsvSeparator[] = [",", ";", "\t"];

/** The separator the first record (the header row) uses most, outside quoted fields; comma when there is none. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (SEPARATORS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvSeparator = ",";
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
}

export interface CsvTable extends RawTable {
  readonly separator: CsvSeparator;
}

/** Parses a CSV export; blank lines are skipped but still counted, so row numbers stay those Excel shows. */
export function parseCsv(input: CsvInput): CsvTable {
  const text = decodeText(input);
  const separator = detectSeparator(text);
  const result = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: false });
  const records = result.data;
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === "")) throw new CrmFileError("fileEmpty");
  const headers = header.map((cell) => cell.trim());
  const rows: RawRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    if (record.every((cell) => cell.trim() === "")) continue;
    rows.push({
      rowNumber: index + 1,
      cells: headers.map((_, column) => {
        const cell = record[column];
        return cell === undefined || cell === "" ? null : cell;
      }),
    });
  }
  return { headers, rows, separator };
}
