import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/export-workbook";
import { examplePlan, parsePlan, writePlanFile } from "../../src/plan";

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), today: () => "2027-01-15" };
}

const dir = mkdtempSync(path.join(tmpdir(), "spb-export-"));

describe("the export command", () => {
  it("prints its usage and exits 2 without a plan and an output", async () => {
    const io = capture();
    expect(await main([], io)).toBe(2);
    expect(io.errors[0]).toBe("sales-plan-export: expected a plan and an output file");
    expect(io.errors.join("\n")).toContain("Usage: npm run export --");
  });

  it("refuses an output that is not .xlsx and an unknown option", async () => {
    expect(await main(["fr-reference", "out.csv"], capture())).toBe(2);
    const io = capture();
    expect(await main(["fr-reference", "out.xlsx", "--colour", "red"], io)).toBe(2);
    expect(io.errors[0]).toBe("sales-plan-export: unknown option --colour");
  });

  it("refuses a malformed plan with the messages naming its fields, and writes nothing", async () => {
    const plan = examplePlan("en-saas");
    plan.objectives.funnel[2]!.conversionRate = 1.4;
    plan.meta.currency = "EUX";
    const file = path.join(dir, "bad-plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const out = path.join(dir, "bad.xlsx");
    const io = capture();
    expect(await main([file, out], io)).toBe(1);
    expect(io.errors).toEqual([
      `${file} is not a valid plan:`,
      "  - meta.currency must be an ISO 4217 currency code such as EUR or USD",
      "  - objectives.funnel[2].conversionRate must be greater than 0 and at most 1",
      "Nothing was written.",
    ]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("gives the messages in French on request", async () => {
    const file = path.join(dir, "bad-fr.json");
    writeFileSync(file, JSON.stringify({ ...examplePlan("fr-reference"), schemaVersion: 3 }));
    const io = capture();
    expect(await main([file, path.join(dir, "fr.xlsx"), "--lang", "fr-FR"], io)).toBe(1);
    expect(io.errors[1]).toBe("  - schemaVersion doit valoir 1 (ce fichier a été écrit pour la version 3)");
  });

  it("refuses a file that is not JSON", async () => {
    const file = path.join(dir, "not-json.json");
    writeFileSync(file, "{ plan: ");
    const io = capture();
    expect(await main([file, path.join(dir, "x.xlsx")], io)).toBe(1);
    expect(io.errors[0]).toMatch(/not-json\.json is not valid JSON$/);
  });

  it("exports the plan file the task pane saves, also with a byte-order mark", async () => {
    const file = path.join(dir, "from-pane.plan.json");
    writeFileSync(file, `\uFEFF${writePlanFile(parsePlan(examplePlan("en-saas")), new Date(Date.UTC(2027, 0, 15)))}`);
    const out = path.join(dir, "from-pane.xlsx");
    const io = capture();
    expect(await main([file, out], io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    ["UTF-16 LE", "utf16le", [0xff, 0xfe]],
    ["UTF-16 BE", "utf16be", [0xfe, 0xff]],
  ] as const)(
    "exports a plan file saved as %s with a byte-order mark (Notepad's Unicode, PowerShell's >)",
    async (_name, encoding, bom) => {
      const text = writePlanFile(parsePlan(examplePlan("en-saas")), new Date(Date.UTC(2027, 0, 15)));
      const little = Buffer.from(text, "utf16le");
      const body = encoding === "utf16le" ? little : Buffer.from(little).swap16();
      const file = path.join(dir, `${encoding}.plan.json`);
      writeFileSync(file, Buffer.concat([Buffer.from(bom), body]));
      const out = path.join(dir, `${encoding}.xlsx`);
      const io = capture();
      expect(await main([file, out], io)).toBe(0);
      expect(io.errors).toEqual([]);
      expect(existsSync(out)).toBe(true);
    },
  );

  it("refuses a plan file of a newer version, saying which", async () => {
    const file = path.join(dir, "newer.plan.json");
    writeFileSync(file, JSON.stringify({ format: "sales-plan-builder/plan", formatVersion: 9, plan: {} }));
    const io = capture();
    expect(await main([file, path.join(dir, "newer.xlsx")], io)).toBe(1);
    expect(io.errors[0]).toBe(`${file} is a plan file of version 9; this version reads up to 1`);
  });

  it.each(["2027-02-30", "1899-01-01", "27-01-01"])("treats --date %s as bad usage (exit 2)", async (date) => {
    const io = capture();
    expect(await main(["fr-reference", path.join(dir, "date.xlsx"), "--date", date], io)).toBe(2);
    expect(io.errors[0]).toBe(
      `sales-plan-export: --date must be a real date from 1900-03-01 on, written YYYY-MM-DD (got "${date}")`,
    );
  });

  it("exports an example by name as a workbook with every sheet", async () => {
    const out = path.join(dir, "fr-reference.xlsx");
    const io = capture();
    expect(await main(["fr-reference", out, "--date", "2027-02-01"], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^Wrote .*fr-reference\.xlsx: 12 sheets, \d+ named figures, \d+ charts\.$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Plan",
      "1 Mission",
      "2 Objectifs",
      "3 Organisation",
      "4 Audience",
      "5 Méthodologie",
      "6 Exécution",
      "7 KPI",
      "8 Suivi",
      "9 Scénarios",
      "Affaires CRM",
      "Activités CRM",
    ]);
  });

  it("refuses an output inside a file, in one line naming the path asked for, and writes nothing", async () => {
    const notes = path.join(dir, "notes.txt");
    writeFileSync(notes, "my notes");
    const asked = path.join(notes, "plan.xlsx");
    const io = capture();
    expect(await main(["en-saas", asked], io)).toBe(1);
    expect(io.errors).toEqual([
      `sales-plan-export: could not write ${asked}: ${notes} is a file, not a folder. Nothing was written.`,
    ]);
    expect(io.lines).toEqual([]);
  });

  it("writes a long but legal output name, and refuses one too long in one line, leaving nothing behind", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "spb-long-"));
    // 255 bytes, the longest name most file systems allow.
    const longest = `${"p".repeat(250)}.xlsx`;
    const io = capture();
    expect(await main(["en-saas", path.join(folder, longest)], io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(readdirSync(folder)).toEqual([longest]);

    const tooLong = path.join(folder, `${"q".repeat(251)}.xlsx`);
    const refused = capture();
    expect(await main(["en-saas", tooLong], refused)).toBe(1);
    expect(refused.errors).toEqual([
      `sales-plan-export: could not write ${tooLong}: the file name is too long. Nothing was written.`,
    ]);
    expect(readdirSync(folder)).toEqual([longest]);
  });

  it("refuses an output in a folder that does not exist, naming only the path asked for", async () => {
    const asked = path.join(dir, "no-such-folder", "plan.xlsx");
    const io = capture();
    expect(await main(["en-saas", asked], io)).toBe(1);
    expect(io.errors).toEqual([
      `sales-plan-export: could not write ${asked}: the folder ${path.dirname(asked)} does not exist. Nothing was written.`,
    ]);
  });

  it("runs as the sales-plan-export command and exits non-zero on a bad plan", () => {
    const bin = path.resolve(__dirname, "..", "..", "bin", "sales-plan-export.cjs");
    const file = path.join(dir, "empty.json");
    writeFileSync(file, "{}");
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [bin, file, path.join(dir, "empty.xlsx")], { stdio: "pipe" });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toContain("empty.json is neither a plan file exported by the task pane nor a plan");
    expect(existsSync(path.join(dir, "empty.xlsx"))).toBe(false);
  });
});
