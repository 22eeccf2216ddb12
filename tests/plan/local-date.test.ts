/**
 * The generation date is the user's local calendar day everywhere (the exporter, the pane's download, the Excel
 * gateway). A date computed in UTC differs from it for part of every day in any other time zone, so these tests run
 * the code in child processes with a time zone set (TZ), where the two days differ.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { fromExcelSerial } from "../../src/plan/calendar";

const root = path.resolve(__dirname, "..", "..");

/** Runs TypeScript `code` (CommonJS, awaits allowed) with tsx in a time zone; returns what it printed. */
function runIn(timeZone: string, code: string): string {
  return execFileSync(process.execPath, ["--import", "tsx", "-e", `(async () => { ${code} })()`], {
    cwd: root,
    env: { ...process.env, TZ: timeZone },
    encoding: "utf8",
  }).trim();
}

describe("the local date", () => {
  it("is the calendar day where the user is, not in UTC", () => {
    // 2027-01-14 at 12:00 UTC is the 15th in Kiritimati (UTC+14); 2027-01-15 at 06:00 UTC is the 14th in Los Angeles.
    const print = (iso: string) =>
      `const { localIsoDate } = require("./src/plan/calendar.ts"); console.log(localIsoDate(new Date("${iso}")));`;
    expect(runIn("Pacific/Kiritimati", print("2027-01-14T12:00:00Z"))).toBe("2027-01-15");
    expect(runIn("America/Los_Angeles", print("2027-01-15T06:00:00Z"))).toBe("2027-01-14");
    expect(runIn("UTC", print("2027-01-15T06:00:00Z"))).toBe("2027-01-15");
  });

  it("is the day the pane's downloaded workbook and the exporter's workbook say they were generated on", async () => {
    // Kiritimati from 10:00 UTC and Baker Island (UTC−12) before 12:00 UTC are on another day than UTC.
    const hour = new Date().getUTCHours();
    const timeZone = hour >= 12 ? "Etc/GMT-14" : "Etc/GMT+12";
    const offsetHours = hour >= 12 ? 14 : -12;
    const localDay = () => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 10);
    const before = localDay();
    expect(before).not.toBe(new Date().toISOString().slice(0, 10));

    const downloaded = runIn(
      timeZone,
      `const { buildWorkbookFile } = require("./src/taskpane/wiring/workbook-file.ts");
       const { examplePlan, parsePlan } = require("./src/plan/index.ts");
       const file = await buildWorkbookFile(parsePlan(examplePlan("en-saas")), new Date());
       process.stdout.write(Buffer.from(file.bytes).toString("base64"));`,
    );
    const out = path.join(mkdtempSync(path.join(tmpdir(), "spb-local-date-")), "exported.xlsx");
    execFileSync(process.execPath, [path.join(root, "bin", "sales-plan-export.cjs"), "en-saas", out], {
      env: { ...process.env, TZ: timeZone },
      stdio: "pipe",
    });
    const after = localDay();

    const generatedOn = async (load: (workbook: ExcelJS.Workbook) => Promise<unknown>) => {
      const workbook = new ExcelJS.Workbook();
      await load(workbook);
      // The cover's "Generated on" row moves as the contents list grows: found by its label.
      const cover = workbook.getWorksheet("Plan")!;
      let labelRow = 0;
      cover.eachRow((row, number) => {
        if (row.getCell(1).value === "Generated on") labelRow = number;
      });
      const value = cover.getCell(labelRow, 2).value;
      return fromExcelSerial(typeof value === "number" ? value : (value as Date).getTime() / 86_400_000 + 25_569);
    };
    expect([before, after]).toContain(
      await generatedOn((workbook) =>
        workbook.xlsx.load(Buffer.from(downloaded, "base64") as unknown as ExcelJS.Buffer),
      ),
    );
    expect([before, after]).toContain(await generatedOn((workbook) => workbook.xlsx.readFile(out)));
  }, 60_000);
});
