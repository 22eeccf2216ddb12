/**
 * Fault injection on the Office.js fake (fake-excel.ts): make the k-th command (or the k-th sync) of an action fail,
 * as Excel does when it refuses a command: the request's commands before it ran and stay applied, the ones after it
 * do not run, and the sync rejects (Excel runs a request's commands in order and does not roll back a failed one;
 * the documented error object is `OfficeExtension.Error` with a `code`, docs/testing/application-specific-api-error-
 * handling.md in OfficeDev/office-js-docs-pr).
 *
 * Also: the chart refusals of newer chart types, and a snapshot of the fake's workbook to start each run from the
 * same state.
 */
import type { FakeExcel } from "./fake-excel";
import { FakeOfficeError, type CellModel, type SheetModel } from "./fake-excel";

/** A fault armed on a fake: it fires once, at its target, and says whether it did. */
export interface Fault {
  readonly fired: () => boolean;
  readonly disarm: () => void;
}

/** Makes the `k`-th command executed from now on (1-based) fail once, with a GeneralException. */
export function failCommand(excel: FakeExcel, k: number): Fault {
  let seen = 0;
  let fired = false;
  const previous = excel.failWhen;
  excel.failWhen = (op) => {
    const earlier = previous?.(op);
    if (earlier) return earlier;
    seen++;
    if (fired || seen !== k) return undefined;
    fired = true;
    return new FakeOfficeError("GeneralException", `injected fault at command ${k} (${op.kind})`);
  };
  return { fired: () => fired, disarm: () => (excel.failWhen = previous) };
}

/** Makes the first command of the `n`-th sync from now on (1-based) fail once. */
export function failSync(excel: FakeExcel, n: number): Fault {
  const first = excel.syncCount + n;
  let fired = false;
  const previous = excel.failWhen;
  excel.failWhen = (op) => {
    const earlier = previous?.(op);
    if (earlier) return earlier;
    if (fired || op.sync !== first) return undefined;
    fired = true;
    return new FakeOfficeError("GeneralException", `injected fault at sync ${n}`);
  };
  return { fired: () => fired, disarm: () => (excel.failWhen = previous) };
}

/** Counts the commands executed by `action` (what `failCommand` numbers). */
export async function commandsOf(excel: FakeExcel, action: () => Promise<unknown>): Promise<number> {
  const before = excel.ops.length;
  await action().catch(() => undefined);
  return excel.ops.length - before;
}

/**
 * Office 2016's newer chart types refuse calls on their series: OfficeDev/office-js-docs #910 ("Chart.series returns
 * UnsupportedOperation: This operation is not implemented" for Waterfall, Sunburst…), and OfficeDev/office-js #2041,
 * #2971 (Funnel, Waterfall, Treemap refusing chart and series calls). Which calls fail differs by host and build, so
 * the policy is a parameter: by default every series call of a Funnel, Waterfall or Treemap.
 */
export function refuseNewChartTypeCalls(
  excel: FakeExcel,
  options: { readonly types?: readonly string[]; readonly calls?: (kind: string) => boolean } = {},
): void {
  const types = options.types ?? ["Funnel", "Waterfall", "Treemap"];
  const calls = options.calls ?? ((kind: string) => kind.startsWith("ChartSeries"));
  excel.chartCallRefusal = (chartType, kind) =>
    chartType !== undefined && types.includes(chartType) && calls(kind)
      ? new FakeOfficeError("UnsupportedOperation", `This operation is not implemented (${kind} on ${chartType}).`)
      : undefined;
}

/** The fake's workbook (sheets, names, tables, parts), deep-copied with its shared references kept. */
export interface WorkbookState {
  readonly sheets: SheetModel[];
  readonly names: FakeExcel["names"];
  readonly tables: FakeExcel["tables"];
  readonly parts: FakeExcel["parts"];
}

export function snapshotState(excel: FakeExcel): WorkbookState {
  return structuredClone({ sheets: excel.sheets, names: excel.names, tables: excel.tables, parts: excel.parts });
}

export function restoreState(excel: FakeExcel, state: WorkbookState): void {
  const copy = structuredClone(state);
  excel.sheets = copy.sheets;
  excel.names = copy.names;
  excel.tables = copy.tables;
  excel.parts = copy.parts;
  excel.failWhen = undefined;
  // New objects get ids after the state's own, as they would in the workbook the state was taken from.
  const numbers = JSON.stringify(copy.sheets.map((sheet) => sheet.id).concat(copy.parts.map((part) => part.id)))
    .match(/-(\d+)"/g)
    ?.map((match) => Number(match.slice(1, -1)));
  const highest = Math.max(0, ...(numbers ?? []));
  while (Number(excel.newId("restored").split("-")[1]) < highest);
}

/** A cell as the user sees it: its value (and type), formula and number format. */
export function visibleCell(cell: CellModel | undefined): string {
  if (!cell || (cell.value === "" && cell.formula === undefined)) return "";
  return JSON.stringify([cell.value, cell.formula ?? null, cell.numberFormat ?? null]);
}

/** Every non-empty cell of a sheet, as `address → visibleCell`. */
export function visibleCells(sheet: SheetModel): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [at, cell] of sheet.cells) {
    const shown = visibleCell(cell);
    if (shown !== "") cells.set(at, shown);
  }
  return cells;
}
