/**
 * Where a CRM export is parsed and checked. Both steps are pure (src/crm) but take seconds on 100,000 rows; in the
 * page they run in a Web Worker (worker-engine.ts), so the pane stays responsive. The engine keeps the last file's
 * rows: the pane only receives its headers, its first rows and, once checked, its records and bad rows.
 */
import type { ColumnMapping } from "../../crm/presets";
import type { RawRow, RawTable } from "../../crm/raw-table";
import { checkImport, type CheckedImport, type ReadingChoices } from "./import-model";
import { parseExport, type ExportFormat } from "./read-export";

/** How many rows of a file the mapping form shows. */
export const PREVIEW_ROWS = 5;

export interface ExportSummary {
  readonly headers: readonly string[];
  /** The first rows, for the mapping form's preview. */
  readonly preview: readonly RawRow[];
  readonly rowCount: number;
}

export interface CrmImportEngine {
  /** Parses a file and keeps its rows for the checks that follow (replacing the previous file's). */
  load(bytes: ArrayBuffer, format: ExportFormat): Promise<ExportSummary>;
  /** Reads the loaded file's rows with a mapping and the user's answers; rejects when no file is loaded. */
  check(mapping: ColumnMapping, planCurrency: string, choices: ReadingChoices): Promise<CheckedImport>;
}

export function summaryOf(table: RawTable): ExportSummary {
  return { headers: table.headers, preview: table.rows.slice(0, PREVIEW_ROWS), rowCount: table.rows.length };
}

/** The engine on the page's own thread: in tests (jsdom has no workers), and where a worker cannot start. */
export function inThreadEngine(): CrmImportEngine {
  let table: RawTable | undefined;
  return {
    async load(bytes, format) {
      table = await parseExport(bytes, format);
      return summaryOf(table);
    },
    check(mapping, planCurrency, choices) {
      if (!table) return Promise.reject(new Error("No CRM export is loaded."));
      return Promise.resolve(checkImport(table, mapping, planCurrency, choices));
    },
  };
}
