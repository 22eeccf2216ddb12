import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/**
 * Drives LibreOffice Calc headless as a real spreadsheet application: it opens an .xlsx, recalculates every formula
 * (a dedicated profile sets OOXMLRecalcMode to "always", otherwise Calc trusts the cached values), and saves it again
 * as .xlsx and .pdf. The PDF pages are rendered to PNG (pdftoppm) so a person can look at the sheets and charts.
 */
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function requireLibreOffice(): string {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    "LibreOffice is not installed: `apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils` (.ci/run does it)",
  );
}

function profileDirectory(): string {
  const profile = mkdtempSync(path.join(tmpdir(), "spb-lo-profile-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  return profile;
}

export interface LibreOfficeOutput {
  /** The workbook as LibreOffice recalculated and saved it. */
  readonly xlsx: string;
  readonly pdf: string;
  /** PNG renderings of the PDF pages. */
  readonly pages: readonly string[];
}

/** Recalculates `file` in LibreOffice and converts it; outputs go to `outputDir`. */
export function recalculateInLibreOffice(file: string, outputDir: string): LibreOfficeOutput {
  const soffice = requireLibreOffice();
  mkdirSync(outputDir, { recursive: true });
  const profile = `file://${profileDirectory()}`;
  const base = path.basename(file, ".xlsx");
  const recalculated = path.join(outputDir, "recalculated");
  mkdirSync(recalculated, { recursive: true });
  const run = (target: string, dir: string): void => {
    execFileSync(
      soffice,
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", target, "--outdir", dir, file],
      {
        stdio: "pipe",
        timeout: 120_000,
      },
    );
  };
  run("xlsx:Calc MS Excel 2007 XML", recalculated);
  run("pdf", outputDir);
  const pdf = path.join(outputDir, `${base}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
  execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(outputDir, base)], { stdio: "pipe", timeout: 120_000 });
  const pages = readdirSync(outputDir)
    .filter((name) => name.startsWith(`${base}-`) && name.endsWith(".png"))
    .sort()
    .map((name) => path.join(outputDir, name));
  return { xlsx: path.join(recalculated, `${base}.xlsx`), pdf, pages };
}

export interface RecalculatedCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  /** The value LibreOffice computed: a number, text, boolean, or `{ error: "#VALUE!" }`. */
  readonly result: unknown;
}

/** Every formula cell of a recalculated workbook with the value LibreOffice computed. */
export async function formulaResults(xlsxFile: string): Promise<RecalculatedCell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxFile);
  const cells: RecalculatedCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          cells.push({ sheet: sheet.name, address: cell.address, formula: cell.formula, result: cell.result });
        }
      });
    });
  });
  return cells;
}

export function isErrorValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && "error" in value;
}
