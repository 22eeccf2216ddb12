/**
 * The seeded fixtures of each CRM, imported end to end (parse, detect, normalise) and checked against figures computed
 * here from the generator's own records, not through the import code.
 */
import ExcelJS from "exceljs";
import {
  detectPreset,
  normaliseActivities,
  normaliseDeals,
  parseCsv,
  parseXlsx,
  type DealRecord,
  type RawTable,
} from "../../src/crm";
import { FIXTURE_CRMS, generateCrmFixture, type CrmFixture, type TruthDeal } from "../../scripts/crm-fixtures";

const SIZE = { deals: 240, activities: 600, badRows: 4, seed: 11 };

function wonTotalsByOwner(deals: readonly { owner: string; value: number }[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const deal of deals) totals[deal.owner] = Math.round(((totals[deal.owner] ?? 0) + deal.value) * 100) / 100;
  return totals;
}

function importDeals(table: RawTable) {
  const match = detectPreset(table.headers, "deals");
  if (!match) throw new Error(`no deals preset for ${table.headers.join(", ")}`);
  return { preset: match.preset.id, result: normaliseDeals(table, match.mapping, { planCurrency: "EUR" }) };
}

function checkDeals(fixture: CrmFixture, table: RawTable): void {
  const { result } = importDeals(table);
  const truth = fixture.truth.deals;
  expect(result.questions).toEqual([]);
  expect(result.bad.map((row) => row.rowNumber)).toEqual(fixture.badDealRows);
  expect(result.good).toHaveLength(truth.length);

  const wonInPlanCurrency = (deal: { status: string; currency: string | null }) =>
    deal.status === "won" && (deal.currency ?? "EUR") === "EUR";
  const imported: DealRecord[] = result.good.map((row) => row.record);
  expect(wonTotalsByOwner(imported.filter(wonInPlanCurrency))).toEqual(
    wonTotalsByOwner(truth.filter(wonInPlanCurrency)),
  );
  for (const status of ["won", "lost", "open"] as const) {
    expect(imported.filter((deal) => deal.status === status)).toHaveLength(
      truth.filter((deal) => deal.status === status).length,
    );
  }
  expect(result.foreignCurrency.map((row) => row.crmId)).toEqual(
    truth.filter((deal) => deal.currency !== "EUR").map((deal) => deal.id),
  );
  const truthById = new Map<string, TruthDeal>(truth.map((deal) => [deal.id, deal]));
  for (const deal of imported) {
    const expected = truthById.get(deal.crmId ?? "")!;
    expect([deal.crmId, deal.closedOn?.slice(0, 10) ?? null, deal.createdOn?.slice(0, 10)]).toEqual([
      expected.id,
      expected.closedOn,
      expected.createdOn,
    ]);
  }
}

describe.each(FIXTURE_CRMS)("the %s fixture", (crm) => {
  const fixture = generateCrmFixture({ crm, ...SIZE });

  it("is recognised by its CRM's preset", () => {
    const expected = {
      "pipedrive-en": "pipedrive-deals-en",
      "pipedrive-fr": "pipedrive-deals-fr",
      hubspot: "hubspot-deals-en",
      salesforce: "salesforce-deals-en",
    }[crm];
    expect(importDeals(parseCsv(fixture.dealsCsv)).preset).toBe(expected);
  });

  it("imports its deals with the counts and won totals of the generated records, bad rows by row number", () => {
    checkDeals(fixture, parseCsv(fixture.dealsCsv));
  });

  it("imports its activities with the generated counts per type and done flag", () => {
    const table = parseCsv(fixture.activitiesCsv);
    const match = detectPreset(table.headers, "activities")!;
    const result = normaliseActivities(table, match.mapping, {});
    const truth = fixture.truth.activities;
    expect(result.bad.map((row) => row.rowNumber)).toEqual(fixture.badActivityRows);
    const countBy = (list: readonly { kind: string; done: boolean }[]) => {
      const counts: Record<string, number> = {};
      for (const item of list) counts[`${item.kind}/${item.done}`] = (counts[`${item.kind}/${item.done}`] ?? 0) + 1;
      return counts;
    };
    expect(countBy(result.good.map((row) => ({ kind: row.record.type, done: row.record.done })))).toEqual(
      countBy(truth),
    );
    expect(result.good.map((row) => row.record.dueOn?.slice(0, 10))).toEqual(truth.map((activity) => activity.dueOn));
  });
});

it("imports the same deals from an .xlsx sheet holding numbers and dates as from the CSV", async () => {
  const fixture = generateCrmFixture({ crm: "pipedrive-en", ...SIZE });
  const csv = parseCsv(fixture.dealsCsv);
  const typed = new Set(["Deal - Value"]);
  const dates = new Set(["Deal - Deal created", "Deal - Won time", "Deal - Lost time"]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Deals");
  sheet.addRow([...csv.headers]);
  let last = 1;
  for (const row of csv.rows) {
    const cells = row.cells.map((cell, index) => {
      const header = csv.headers[index]!;
      if (cell === null || typeof cell !== "string") return cell;
      if (typed.has(header) && /^\d+(\.\d+)?$/.test(cell)) return Number(cell);
      if (dates.has(header) && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(cell)) {
        return new Date(`${cell.replace(" ", "T")}Z`);
      }
      return cell;
    });
    // Keep the CSV's row numbers: the bad rows must be found at the same rows in the sheet.
    for (; last < row.rowNumber - 1; last++) sheet.addRow([]);
    sheet.addRow(cells);
    last = row.rowNumber;
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  checkDeals(fixture, await parseXlsx(bytes));
});

it("generates the same files from the same seed, and others from another seed", () => {
  const a = generateCrmFixture({ crm: "hubspot", deals: 20, activities: 20, badRows: 1, seed: 3 });
  const b = generateCrmFixture({ crm: "hubspot", deals: 20, activities: 20, badRows: 1, seed: 3 });
  const c = generateCrmFixture({ crm: "hubspot", deals: 20, activities: 20, badRows: 1, seed: 4 });
  expect(b.dealsCsv).toBe(a.dealsCsv);
  expect(c.dealsCsv).not.toBe(a.dealsCsv);
});
