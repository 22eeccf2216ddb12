/**
 * A CRM export chosen in the pane, from the file to a RawTable. The parsers load on demand (papaparse for text,
 * ExcelJS for .xlsx, which is large), and the work yields to the browser between phases so the pane can show its
 * progress instead of freezing on a large export.
 */
import type { RawTable } from "../../crm/raw-table";

export type ExportFormat = "csv" | "xlsx";

/** CSV, TXT (Excel's "Unicode text", tab-separated) and TSV are text; .xlsx is a workbook. */
export function exportFormatOf(fileName: string): ExportFormat | undefined {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (extension === "csv" || extension === "txt" || extension === "tsv") return "csv";
  if (extension === "xlsx") return "xlsx";
  return undefined;
}

export const EXPORT_FILE_TYPES = ".csv,.txt,.tsv,.xlsx,text/csv,text/plain";

/** The file's bytes; FileReader works in every webview Office uses, `Blob.arrayBuffer()` not in all of them. */
export function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error("unreadable file"));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable file"));
    reader.readAsArrayBuffer(file);
  });
}

/** Lets the browser paint (the progress bar) before the next block of work. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function parseExport(bytes: ArrayBuffer, format: ExportFormat): Promise<RawTable> {
  if (format === "xlsx") {
    const { parseXlsx } = await import(/* webpackChunkName: "crm-xlsx" */ "../../crm/parse-xlsx");
    return parseXlsx(bytes);
  }
  const { parseCsv } = await import(/* webpackChunkName: "crm-csv" */ "../../crm/parse-csv");
  return parseCsv(bytes);
}
