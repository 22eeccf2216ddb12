/**
 * Writing imported CRM records into Excel: 100,000 deals and 500,000 activities imported by the Office.js adapter
 * (createExcelGateway's importActuals, wired with the real layout as the pane wires it) into a generated workbook on
 * the recording fake of Excel (tests/excel/fake-excel.ts, with Excel on the web's 5 MB limit on every request and
 * response), at the default request budget: round trips, the largest request and response, and the time the layout
 * takes to describe the two tables (a WorkbookSpec with one object per cell).
 */
import { createExcelGateway } from "../src/excel";
import { examplePlan, parsePlan, type Plan } from "../src/plan";
import type { ActivityRecord, Actuals, DealRecord } from "../src/plan/actuals";
import { knownRegions } from "../src/workbook/known-region";
import { layoutWorkbook } from "../src/workbook/layout";
import { readPlanFromSnapshots } from "../src/workbook/read-back";
import { FakeExcel } from "../tests/excel/fake-excel";
import { seededRandom } from "../tests/helpers/seeded-random";
import type { Figure } from "./report";

const NOW = new Date(2027, 0, 15, 9);

export interface ActualsWriteMeasurement {
  readonly deals: number;
  readonly activities: number;
  /** Laying out the whole workbook with the records (the spec's cells for both tables). */
  readonly layoutMs: number;
  /** Cells of the two tables' records blocks. */
  readonly tableCells: number;
  readonly importMs: number;
  readonly syncs: number;
  readonly writeRequests: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly totalRequestBytes: number;
}

const OWNERS = ["Kalo Mira", "Tibo Ren", "Sela Vun", "Dari Ost", "Mako Lin", "Pera Wu"];
const TYPES = ["call", "email", "meeting", "demo", "task", "other"] as const;
const STATUSES = ["won", "lost", "open"] as const;

/** Seeded records in the shape an import produces (ids, owners, amounts with cents, dates with and without time). */
export function syntheticActuals(deals: number, activities: number, seed = 7): Actuals {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const day = (offset: number) => new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);
  return {
    deals: Array.from({ length: deals }, (_, index): DealRecord => {
      const status = pick(STATUSES);
      const created = Math.floor(random() * 300);
      return {
        crmId: String(100_000 + index),
        title: `Deal ${index} ${pick(["renewal", "upsell", "new logo"])}`,
        owner: pick(OWNERS),
        value: Math.round(random() * 5_000_000) / 100,
        currency: "USD",
        status,
        createdOn: day(created),
        closedOn: status === "open" ? null : `${day(created + 30)}T14:30:00Z`,
        stage: pick(["Qualified", "Proposal", "Negotiation"]),
        pipeline: "New business",
        source: pick(["Inbound", "Outbound", "Partner"]),
      };
    }),
    activities: Array.from({ length: activities }, (_, index): ActivityRecord => {
      const done = random() < 0.6;
      const due = Math.floor(random() * 330);
      return {
        crmId: String(900_000 + index),
        type: pick(TYPES),
        rawType: pick(["Call", "Email", "Meeting", "Demo call", "Task", "Lunch"]),
        owner: pick(OWNERS),
        dueOn: day(due),
        done,
        doneAt: done ? `${day(due)}T09:15:00Z` : null,
      };
    }),
  };
}

function planWithOwners(): Plan {
  const plan = parsePlan(examplePlan("en-saas"));
  const roles = plan.organization.roles;
  return parsePlan({
    ...plan,
    measurement: {
      ...plan.measurement,
      tracking: {
        ...plan.measurement.tracking,
        owners: OWNERS.map((owner, index) => ({ owner, roleId: roles[index % roles.length]!.id })),
      },
    },
  });
}

export async function measureActualsWrite(sizes: {
  readonly deals: number;
  readonly activities: number;
}): Promise<ActualsWriteMeasurement> {
  const plan = planWithOwners();
  const actuals = syntheticActuals(sizes.deals, sizes.activities);
  const layoutStarted = performance.now();
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15", actuals });
  const layoutMs = performance.now() - layoutStarted;
  const tableCells = spec.sheets
    .filter((sheet) => sheet.key === "deals" || sheet.key === "activities")
    .flatMap((sheet) => sheet.blocks)
    .reduce((sum, block) => sum + block.rows.reduce((cells, row) => cells + row.length, 0), 0);

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
  await gateway.generate(plan);
  const firstSync = excel.syncCount;
  const started = performance.now();
  const report = await gateway.importActuals(plan, actuals);
  const importMs = performance.now() - started;
  if (report.deals.added !== sizes.deals || report.activities.added !== sizes.activities) {
    throw new Error("the import lost records");
  }
  const requests = excel.requestBytes.slice(firstSync).filter((bytes) => typeof bytes === "number");
  const responses = excel.responseBytes.slice(firstSync).filter((bytes) => typeof bytes === "number");
  return {
    ...sizes,
    layoutMs,
    tableCells,
    importMs,
    syncs: excel.syncCount - firstSync,
    // A request that writes is one that carried more than the reads' few hundred bytes.
    writeRequests: requests.filter((bytes) => bytes > 100_000).length,
    largestRequestBytes: Math.max(0, ...requests),
    largestResponseBytes: Math.max(0, ...responses),
    totalRequestBytes: requests.reduce((sum, bytes) => sum + bytes, 0),
  };
}

export function actualsWriteFigures(result: ActualsWriteMeasurement): Figure[] {
  const what = `${result.deals.toLocaleString("en-US")} deals + ${result.activities.toLocaleString("en-US")} activities`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  return [
    {
      section: "CRM import",
      name: `layout of the workbook with ${what}`,
      value: result.layoutMs,
      unit: "ms",
      note: `${result.tableCells.toLocaleString("en-US")} table cells described one object each`,
    },
    {
      section: "CRM import",
      name: `importActuals of ${what} into Excel (fake, 5 MB limit): round trips`,
      value: result.syncs,
      unit: "syncs",
      note: `${result.writeRequests} write requests, ${mb(result.totalRequestBytes)} in all; ${result.importMs.toFixed(0)} ms on the fake`,
    },
    {
      section: "CRM import",
      name: `importActuals of ${what}: largest request`,
      value: result.largestRequestBytes,
      unit: "bytes",
      note: `largest response ${mb(result.largestResponseBytes)}`,
    },
  ];
}
