/**
 * `npm run export -- <plan> <out.xlsx> --deals <export> --activities <export> [--as-of]`: the CRM exports fill the
 * workbook's tracking figures, all or nothing, with the file, the rows and the reasons when anything cannot be read.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { generateCrmFixture } from "../../scripts/crm-fixtures";
import { main, type CliIo } from "../../src/cli/export-workbook";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), today: () => "2027-07-01" };
}

const dir = mkdtempSync(path.join(tmpdir(), "spb-actuals-"));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const planFile = (name: string, plan: Plan) => write(name, JSON.stringify(plan));

/** The cached value of a defined name's cell in the written workbook. */
async function namedValue(file: string, name: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const [ranges] = workbook.definedNames.getRanges(name).ranges;
  const match = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ranges!)!;
  const cell = workbook.getWorksheet(match[1]!.replace(/''/g, "'"))!.getCell(`${match[2]}${match[3]}`);
  return (cell.value as { result?: unknown }).result;
}

// Pipedrive in French: no currency column, so every deal counts in the plan's currency.
const fixture = generateCrmFixture({ crm: "pipedrive-fr", deals: 150, activities: 300, badRows: 0, seed: 3 });

describe("exporting a plan with its CRM actuals", () => {
  it("imports both exports, warns about owners without a role, and fills the headline figures", async () => {
    const deals = write("deals.csv", fixture.dealsCsv);
    const activities = write("activities.csv", fixture.activitiesCsv);
    const out = path.join(dir, "with-actuals.xlsx");
    const io = capture();
    const args = ["fr-reference", out, "--deals", deals, "--activities", activities, "--as-of", "2027-06-30"];
    expect(await main(args, io)).toBe(0);
    expect(io.lines[0]).toMatch(/\(150 deals, 300 activities\)$/);
    const owners = new Set(fixture.truth.deals.map((deal) => deal.owner));
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toMatch(/^Warning: \d+ owner\(s\) have no role in the plan/);
    for (const owner of owners) expect(io.errors[0]).toContain(owner);
    // Independent: the generator's own records, won and closed from 2027-01-01 to 2027-06-30.
    let revenue = 0;
    let won = 0;
    for (const deal of fixture.truth.deals) {
      if (deal.status !== "won" || deal.closedOn === null || deal.closedOn > "2027-06-30") continue;
      revenue += deal.value;
      won += 1;
    }
    expect(await namedValue(out, "ActualWonDealsToDate")).toBe(won);
    expect(await namedValue(out, "ActualRevenueToDate")).toBeCloseTo(revenue, 6);
  });

  it("refuses an export with bad rows, naming the file and each row, and writes nothing", async () => {
    const bad = generateCrmFixture({ crm: "pipedrive-fr", deals: 60, activities: 10, badRows: 2, seed: 4 });
    const deals = write("bad-deals.csv", bad.dealsCsv);
    const out = path.join(dir, "bad-rows.xlsx");
    const io = capture();
    expect(await main(["fr-reference", out, "--deals", deals], io)).toBe(1);
    expect(io.errors[0]).toBe("The CRM exports cannot be imported in full:");
    for (const row of bad.badDealRows) expect(io.errors.join("\n")).toContain(`${deals}: Row ${row}, column`);
    expect(io.errors[io.errors.length - 1]).toBe("Nothing was written.");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses deals in another currency than the plan's, by row", async () => {
    const mixed = generateCrmFixture({ crm: "pipedrive-en", deals: 200, activities: 10, badRows: 0, seed: 11 });
    const foreign = mixed.truth.deals.filter((deal) => deal.currency !== "EUR");
    expect(foreign.length).toBeGreaterThan(0);
    const deals = write("usd-deals.csv", mixed.dealsCsv);
    const io = capture();
    expect(await main(["fr-reference", path.join(dir, "usd.xlsx"), "--deals", deals], io)).toBe(1);
    const text = io.errors.join("\n");
    expect(text).toContain("the deal is in USD, not the plan's currency EUR");
    expect(text).toMatch(new RegExp(`usd-deals\\.csv: row \\d+: the deal is in USD`));
  });

  it("refuses a date column whose day/month order it cannot tell, rather than guess", async () => {
    const deals = write(
      "ambiguous.csv",
      "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Won time\n" +
        "1,A,Ana Lima,100,EUR,won,03/04/2027\n2,B,Ana Lima,200,EUR,won,05/06/2027\n",
    );
    const io = capture();
    expect(await main(["fr-reference", path.join(dir, "ambiguous.xlsx"), "--deals", deals], io)).toBe(1);
    expect(io.errors.join("\n")).toContain('column "Deal - Won time" can be read two ways');
  });

  it("maps an export no preset knows with the mapping remembered in the plan, and refuses it without", async () => {
    const csv = "Ref;Rep;Amount;Outcome;Closed\nA1;Ana Lima;1500;won;2027-03-10\nA2;Ana Lima;900;lost;2027-03-12\n";
    const deals = write("custom.csv", csv);
    const base = parsePlan(examplePlan("fr-reference"));
    const io = capture();
    expect(await main([planFile("plain.json", base), path.join(dir, "custom-no.xlsx"), "--deals", deals], io)).toBe(1);
    expect(io.errors.join("\n")).toContain(
      "no deals preset recognises its headers (Ref, Rep, Amount, Outcome, Closed)",
    );

    const remembered = parsePlan({
      ...base,
      measurement: {
        ...base.measurement,
        tracking: {
          ...base.measurement.tracking,
          owners: [{ owner: "Ana Lima", roleId: "account-executive" }],
          mappings: [
            {
              kind: "deals",
              headers: ["amount", "closed", "outcome", "ref", "rep"],
              columns: { crmId: "Ref", owner: "Rep", value: "Amount", status: "Outcome", closedOn: "Closed" },
            },
          ],
        },
      },
    });
    const out = path.join(dir, "custom.xlsx");
    const ok = capture();
    const args = [planFile("remembered.json", remembered), out, "--deals", deals, "--as-of", "2027-03-31"];
    expect(await main(args, ok)).toBe(0);
    expect(ok.errors).toEqual([]);
    expect(await namedValue(out, "ActualRevenueToDate")).toBe(1500);
    expect(await namedValue(out, "ActualWinRateToDate")).toBe(0.5);
  });

  it("refuses an as-of date that is not a date, as bad usage", async () => {
    const io = capture();
    expect(await main(["fr-reference", path.join(dir, "x.xlsx"), "--as-of", "2027-02-30"], io)).toBe(2);
    expect(io.errors[0]).toBe(
      'sales-plan-export: --as-of must be a real date from 1900-03-01 on, written YYYY-MM-DD (got "2027-02-30")',
    );
  });
});
