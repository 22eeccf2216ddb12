/**
 * Round trips and payload: a full generation of each plan by the Office.js adapter (createExcelGateway wired with the
 * real layout, read-back and known regions, as the task pane wires it), counted on the recording fake of Excel
 * (tests/excel/fake-excel.ts: every context.sync and the estimated bytes of each request and response), side by side
 * with the naive row-by-row writer of the same WorkbookSpec on the same fake. An update (read the sheets back, merge,
 * write again) is reported separately: it adds one read round trip.
 */
import { createExcelGateway } from "../src/excel";
import type { Plan } from "../src/plan";
import { knownRegions } from "../src/workbook/known-region";
import { layoutWorkbook } from "../src/workbook/layout";
import { readPlanFromSnapshots } from "../src/workbook/read-back";
import type { WorkbookSpec } from "../src/workbook/spec";
import { FakeExcel, type CellModel } from "../tests/excel/fake-excel";
import { writeRowByRow } from "./naive-writer";
import { ratioOf, type Figure } from "./report";

/** The fixed clock of the runs, so that every run lays out the same workbook. */
const NOW = new Date(2027, 0, 15, 9);
const GENERATED_ON = "2027-01-15";

export interface RequestStats {
  readonly syncs: number;
  readonly totalRequestBytes: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
}

export interface PlanRoundTrips {
  readonly plan: string;
  /** Rows of the generated sheets' blocks (the naive writer's round trips are about this many). */
  readonly sheetRows: number;
  readonly generate: RequestStats;
  readonly update: RequestStats;
  readonly naive: RequestStats;
  /** Cells on which the two writers' workbooks differ (0: both wrote the same workbook). */
  readonly differingCells: number;
}

function freshWorkbook(): { excel: FakeExcel; gateway: ReturnType<typeof createExcelGateway> } {
  const excel = new FakeExcel();
  excel.addSheet("Sheet1");
  const gateway = createExcelGateway({
    layout: layoutWorkbook,
    readBack: readPlanFromSnapshots,
    knownRegions,
    now: () => NOW,
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
  });
  return { excel, gateway };
}

/** Requests and responses of the syncs numbered from `firstSync` (0-based) on. */
function statsSince(excel: FakeExcel, firstSync: number): RequestStats {
  const requests = excel.requestBytes.slice(firstSync);
  const responses = excel.responseBytes.slice(firstSync);
  return {
    syncs: excel.syncCount - firstSync,
    totalRequestBytes: requests.reduce((sum, bytes) => sum + bytes, 0),
    largestRequestBytes: Math.max(0, ...requests),
    largestResponseBytes: Math.max(0, ...responses),
  };
}

function cellKey(cell: CellModel | undefined): string {
  if (!cell) return "";
  return JSON.stringify([cell.value, cell.formula ?? null, cell.quotePrefix ?? false, cell.numberFormat ?? null]);
}

/** Cells (of the spec's sheets) where two workbooks differ in value, formula, text marker or number format. */
function differingCells(spec: WorkbookSpec, a: FakeExcel, b: FakeExcel): number {
  let differing = 0;
  for (const sheet of spec.sheets) {
    const left = a.sheet(sheet.name).cells;
    const right = b.sheet(sheet.name).cells;
    for (const key of new Set([...left.keys(), ...right.keys()])) {
      if (cellKey(left.get(key)) !== cellKey(right.get(key))) differing++;
    }
  }
  return differing;
}

export async function measureRoundTrips(name: string, plan: Plan): Promise<PlanRoundTrips> {
  const spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON });
  const baseline = new FakeExcel();
  baseline.addSheet("Sheet1");
  await writeRowByRow(baseline.run, spec);
  const naive = statsSince(baseline, 0);

  const product = freshWorkbook();
  const report = await product.gateway.generate(plan);
  const generate = statsSince(product.excel, 0);
  if (report.syncs !== generate.syncs) {
    throw new Error(`${name}: the gateway reported ${report.syncs} syncs, the fake counted ${generate.syncs}`);
  }
  const differing = differingCells(spec, product.excel, baseline);
  const beforeUpdate = product.excel.syncCount;
  await product.gateway.update(plan);
  return {
    plan: name,
    sheetRows: spec.sheets.reduce((sum, sheet) => sum + sheet.blocks.reduce((n, block) => n + block.rows.length, 0), 0),
    generate,
    update: statsSince(product.excel, beforeUpdate),
    naive,
    differingCells: differing,
  };
}

const SECTION = "Round trips and payload";

export function roundTripFigures(results: readonly PlanRoundTrips[]): Figure[] {
  return results.flatMap((result) => {
    const naiveLabel = "naive row-by-row writer";
    const rows = `${result.sheetRows.toLocaleString("en-US")} sheet rows`;
    const same =
      result.differingCells === 0
        ? "both writers leave the same cells"
        : `the writers' cells differ in ${result.differingCells} places`;
    return [
      {
        section: SECTION,
        name: `${result.plan}: syncs to generate`,
        value: result.generate.syncs,
        unit: "syncs",
        baseline: { label: naiveLabel, value: result.naive.syncs },
        ratio: ratioOf(result.generate.syncs, result.naive.syncs),
        note: `${rows}; ${same}`,
      },
      {
        section: SECTION,
        name: `${result.plan}: request bytes to generate, total`,
        value: result.generate.totalRequestBytes,
        unit: "bytes",
        baseline: { label: naiveLabel, value: result.naive.totalRequestBytes },
        ratio: ratioOf(result.generate.totalRequestBytes, result.naive.totalRequestBytes),
      },
      {
        section: SECTION,
        name: `${result.plan}: largest request to generate`,
        value: result.generate.largestRequestBytes,
        unit: "bytes",
        baseline: { label: naiveLabel, value: result.naive.largestRequestBytes },
        ratio: ratioOf(result.generate.largestRequestBytes, result.naive.largestRequestBytes),
        note: `largest response ${result.generate.largestResponseBytes.toLocaleString("en-US")} B`,
      },
      {
        section: SECTION,
        name: `${result.plan}: syncs to update (read back, then generate)`,
        value: result.update.syncs,
        unit: "syncs",
        note:
          `largest request ${result.update.largestRequestBytes.toLocaleString("en-US")} B, ` +
          `largest response ${result.update.largestResponseBytes.toLocaleString("en-US")} B`,
      },
    ];
  });
}
