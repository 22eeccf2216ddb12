/**
 * The .xlsx file as Excel would read it. LibreOffice opens nearly anything; Excel checks each part against the
 * ECMA-376 schemas and a few rules of its own, and offers to "repair" a file that breaks them, dropping what it cannot
 * read. For both example plans, a large generated plan, a plan whose lists are empty and a plan whose every free-text
 * field is hostile:
 * - every XML part is validated against the ECMA-376 Transitional schemas (tests/fixtures/ooxml-schemas) with
 *   libxml2's xmllint. xmllint runs as WebAssembly (the `xmllint-wasm` devDependency) rather than Debian's
 *   libxml2-utils binary, so a fresh machine needs only `npm ci`; Excel-only markup (`mc:Ignorable` attributes such as
 *   `x14ac:dyDescent`) is read the way ECMA-376 Part 3 tells a Transitional consumer to (tests/helpers/
 *   ooxml-schema-validation.ts);
 * - the rules Excel applies beyond the schemas (unique names, sheet names, shared formulas, style indexes, table
 *   headers, relationships, content types…) hold (tests/helpers/excel-package-rules.ts);
 * - the hostile text reads back exactly as typed.
 * Validation is not timed here; on the 2-core development machine the large plan's package (about 0.9 MB zipped)
 * takes a few seconds to build and a few more to validate.
 */
import ExcelJS from "exceljs";
import { examplePlan, parsePlan, planSchema, type PlanInput } from "../../src/plan";
import { parseCellAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { buildXlsx } from "../../src/xlsx/write-xlsx";
import { excelPackageViolations, readPackageParts } from "../helpers/excel-package-rules";
import { hostilePlanInput } from "../helpers/hostile-plan";
import { validatePackageParts } from "../helpers/ooxml-schema-validation";
import { generatePlan } from "../helpers/plan-generator";
import { LARGE_PLAN_ROWS } from "../helpers/test-scale";

const GENERATED_ON = "2026-12-15";
const TIMEOUT = 180_000;

/** The English example with every list the plan schema lets be empty emptied: tables with only a blank row. */
function emptyListsPlan(): PlanInput {
  const input = examplePlan("en-saas");
  for (const section of Object.values(input) as unknown[]) {
    if (typeof section !== "object" || section === null) continue;
    const fields = section as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      if (!Array.isArray(value)) continue;
      fields[key] = [];
      if (!planSchema.safeParse(input).success) fields[key] = value;
    }
  }
  return input;
}

const CASES: readonly (readonly [string, () => WorkbookSpec])[] = [
  ["the French example", () => layoutWorkbook(parsePlan(examplePlan("fr-reference")), { generatedOn: GENERATED_ON })],
  ["the English example", () => layoutWorkbook(parsePlan(examplePlan("en-saas")), { generatedOn: GENERATED_ON })],
  [
    `a large generated plan of ${LARGE_PLAN_ROWS} rows`,
    () => layoutWorkbook(generatePlan(LARGE_PLAN_ROWS), { generatedOn: GENERATED_ON }),
  ],
  ["a plan whose lists are empty", () => layoutWorkbook(parsePlan(emptyListsPlan()), { generatedOn: GENERATED_ON })],
  ["a plan of hostile text", () => layoutWorkbook(parsePlan(hostilePlanInput().input), { generatedOn: GENERATED_ON })],
];

/** The kinds of part every generated package has, each validated against its schema. */
const EXPECTED_PART_KINDS = [
  "[Content_Types].xml",
  "_rels/.rels",
  "docProps/core.xml",
  "docProps/app.xml",
  "customXml/itemProps1.xml",
  "customXml/_rels/item1.xml.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
  "xl/theme/theme1.xml",
  "xl/worksheets/sheet1.xml",
  "xl/tables/table1.xml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
];

describe.each(CASES)("%s, written as .xlsx", (_label, makeSpec) => {
  let spec: WorkbookSpec;
  let bytes: Uint8Array;

  beforeAll(async () => {
    spec = makeSpec();
    bytes = await buildXlsx(spec);
  }, TIMEOUT);

  it(
    "has only parts the ECMA-376 Transitional schemas accept",
    async () => {
      const result = await validatePackageParts(bytes);
      expect(result.errors).toEqual([]);
      expect(result.validated).toEqual(expect.arrayContaining(EXPECTED_PART_KINDS));
      expect(result.unvalidated).toEqual(["customXml/item1.xml"]);
      const charts = spec.sheets.reduce((count, sheet) => count + sheet.charts.length, 0);
      expect(result.validated.filter((part) => part.startsWith("xl/charts/"))).toHaveLength(charts);
    },
    TIMEOUT,
  );

  it(
    "breaks none of the rules Excel applies beyond the schemas",
    async () => {
      expect(excelPackageViolations(await readPackageParts(bytes))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe("a plan of hostile text, read back from its .xlsx file", () => {
  const { input, hostileFields } = hostilePlanInput();
  const spec = layoutWorkbook(parsePlan(input), { generatedOn: GENERATED_ON });
  let reread: ExcelJS.Workbook;

  beforeAll(async () => {
    reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(await buildXlsx(spec)) as unknown as ExcelJS.Buffer);
  }, TIMEOUT);

  it("puts hostile text in many fields", () => {
    expect(hostileFields).toBeGreaterThan(100);
  });

  it("gives back every text cell exactly as the spec wrote it", () => {
    const differences: string[] = [];
    let compared = 0;
    for (const sheet of spec.sheets) {
      const worksheet = reread.getWorksheet(sheet.name)!;
      for (const block of sheet.blocks) {
        const origin = parseCellAddress(block.anchor);
        block.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (typeof cell?.value !== "string" || cell.formula !== undefined) return;
            const value = worksheet.getCell(origin.row + r + 1, origin.column + c + 1).value;
            const text = typeof value === "object" && value !== null && "text" in value ? value.text : value;
            compared++;
            if (text !== cell.value)
              differences.push(`${sheet.name}!${block.anchor}+${r},${c}: ${JSON.stringify(text)}`);
          }),
        );
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(hostileFields);
  });
});
