import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import {
  cellAddress,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
  type RangePosition,
} from "../../src/workbook/address";
import { layoutText } from "../../src/workbook/i18n";
import { fitsLiteralList } from "../../src/workbook/inputs";
import { layoutWorkbook } from "../../src/workbook/layout";
import { FIELDS_KEPT_FROM_CURRENT_PLAN } from "../../src/workbook/read-back";
import { SHEET_KEYS, workbookSpecSchema, type SheetSpec, type WorkbookSpec } from "../../src/workbook/spec";
import { generatePlan } from "../helpers/plan-generator";
import { boundCell, cellAt, cellsOf, sheetByKey, tableCell, validationsAt } from "../helpers/spec-lookup";

const GENERATED_ON = "2026-12-15";
const goldenDir = path.resolve(__dirname, "..", "golden");

const french = parsePlan(examplePlan("fr-reference"));
const english = parsePlan(examplePlan("en-saas"));
const large = generatePlan(1700);
const largeMonthly = generatePlan(600, { granularity: "month", funnelRounding: "none", horizonMonths: 13, seed: 7 });
const specs: [string, Plan, WorkbookSpec][] = [
  ["the French example", french, layoutWorkbook(french, { generatedOn: GENERATED_ON })],
  ["the English example", english, layoutWorkbook(english, { generatedOn: GENERATED_ON })],
  ["a large generated plan", large, layoutWorkbook(large, { generatedOn: GENERATED_ON })],
  [
    "a generated plan with monthly seasonality and exact volumes",
    largeMonthly,
    layoutWorkbook(largeMonthly, { generatedOn: GENERATED_ON }),
  ],
];

/** A formula with its string literals and quoted sheet names blanked out, for scanning its syntax. */
function code(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "'sheet'!");
}

function stringLiterals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replace(/""/g, '"'));
}

function formulas(spec: WorkbookSpec): { sheet: string; address: string; formula: string }[] {
  return spec.sheets.flatMap((sheet) =>
    cellsOf(sheet).flatMap(({ address, cell }) =>
      cell.formula === undefined ? [] : [{ sheet: sheet.name, address, formula: cell.formula }],
    ),
  );
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return (
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row &&
    a.start.column <= b.end.column &&
    b.start.column <= a.end.column
  );
}

/** Functions every target engine evaluates the same way: Excel 2016, LibreOffice Calc and HyperFormula. */
const PORTABLE_FUNCTIONS = new Set([
  "ROUNDUP",
  "ROUND",
  "INT",
  "MAX",
  "MIN",
  "SUM",
  "SUMPRODUCT",
  "SUMIFS",
  "COUNTIFS",
  "COUNTIF",
  "TRUE",
  "IF",
  "AND",
  "OR",
  "INDEX",
  "YEAR",
  "MONTH",
  "MOD",
  "ABS",
  "LOG10",
]);

describe("the golden workbook specs", () => {
  it.each([
    ["workbook-fr-reference.json", french],
    ["workbook-en-saas.json", english],
  ])("matches the reviewed %s", (file, plan) => {
    const spec = layoutWorkbook(plan, { generatedOn: GENERATED_ON });
    const goldenPath = path.join(goldenDir, file);
    // After an intended change: UPDATE_GOLDEN=1 npx jest tests/workbook/layout.test.ts, then review the diff.
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, `${JSON.stringify(spec, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
  });
});

describe.each(specs)("the layout of %s", (_name, plan, spec) => {
  it("validates with the WorkbookSpec schema and survives JSON", () => {
    const parsed = workbookSpecSchema.safeParse(JSON.parse(JSON.stringify(spec)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it("has the eight sheets in order, named in the plan's language, each tagged by its key", () => {
    const text = layoutText(plan.meta.locale);
    expect(spec.sheets.map((sheet) => sheet.key)).toEqual([...SHEET_KEYS]);
    expect(spec.sheets.map((sheet) => sheet.name)).toEqual(SHEET_KEYS.map((key) => text.sheetNames[key]));
    expect(new Set(spec.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name))).size).toBe(
      spec.sheets.reduce((count, sheet) => count + sheet.tables.length, 0),
    );
  });

  it("stores the validated plan as JSON", () => {
    expect(JSON.parse(spec.planJson)).toEqual(plan);
    expect(spec.currency).toBe(plan.meta.currency);
    expect(spec.locale).toBe(plan.meta.locale);
  });

  it("writes every formula in en-US syntax with A1 references and portable functions, never PLAN.*", () => {
    const problems = formulas(spec).flatMap(({ sheet, address, formula }) => {
      const scanned = code(formula);
      const found: string[] = [];
      if (/PLAN\./i.test(formula)) found.push("calls PLAN.*");
      if (/[[\]{};]/.test(scanned)) found.push("has a structured reference, array constant or ; separator");
      if (/\bR\d*C\d*\b|R\[-?\d+\]C/.test(scanned)) found.push("has an R1C1 reference");
      for (const match of scanned.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) {
        if (!PORTABLE_FUNCTIONS.has(match[1]!)) found.push(`calls ${match[1]}`);
      }
      return found.map((problem) => `${sheet}!${address} ${problem}: ${formula}`);
    });
    expect(problems).toEqual([]);
  });

  it("builds no formula from user text: a formula's only text constants are the layout's own words", () => {
    const text = layoutText(plan.meta.locale);
    const ownWords = new Set([
      "FY",
      " Q",
      "<=",
      "",
      // The tracking sheet's criteria: comparisons, and the actuals tables' status and type labels.
      ">=",
      "<",
      ">",
      ">0",
      ">=1",
      ">=0.8",
      "<0.5",
      ...Object.values(text.activityPeriods),
      ...Object.values(text.statuses),
      ...Object.values(text.dealStatuses),
      ...Object.values(text.activityTypes),
    ]);
    const foreign = formulas(spec).flatMap(({ sheet, address, formula }) =>
      stringLiterals(formula)
        .filter((literal) => !ownWords.has(literal))
        .map((literal) => `${sheet}!${address}: "${literal}"`),
    );
    expect(foreign).toEqual([]);
  });

  it("refers only to defined names that the workbook defines", () => {
    const names = new Set(spec.names.map((name) => name.name));
    const unknown = formulas(spec).flatMap(({ formula }) =>
      [...code(formula).matchAll(/(?<![A-Za-z0-9_$'!.])([A-Z][A-Za-z]+[a-z][A-Za-z]*)(?![A-Za-z0-9(!])/g)]
        .map((match) => match[1]!)
        .filter((name) => !names.has(name)),
    );
    expect([...new Set(unknown)]).toEqual([]);
  });

  it("defines the key figures as workbook-scoped names pointing at single cells", () => {
    const names = spec.names.map((name) => name.name);
    for (const required of [
      "RevenueTarget",
      "AverageDealValue",
      "DealsNeeded",
      "TopOfFunnelVolume",
      "TotalHeadcount",
      "TotalAnnualCost",
      "WinRateTarget",
      "WorkingDaysPerMonth",
    ]) {
      expect(names).toContain(required);
    }
    for (const name of spec.names) expect(name.refersTo).toMatch(/^='[^']+'!\$[A-Z]+\$\d+$|^=[A-Za-z]+!\$[A-Z]+\$\d+$/);
  });

  it("never overlaps two blocks, and writes every table's header row as unique text", () => {
    for (const sheet of spec.sheets) {
      const bounds = sheet.blocks.map((block) => {
        const start = parseCellAddress(block.anchor);
        return {
          start,
          end: { row: start.row + block.rows.length - 1, column: start.column + block.rows[0]!.length - 1 },
        };
      });
      bounds.forEach((a, i) => bounds.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
      for (const table of sheet.tables) {
        const range = parseRangeAddress(table.range);
        const headers = Array.from(
          { length: range.end.column - range.start.column + 1 },
          (_, offset) =>
            cellAt(sheet, cellAddress({ row: range.start.row, column: range.start.column + offset }))?.value,
        );
        expect(headers.every((header) => typeof header === "string" && header !== "")).toBe(true);
        expect(new Set(headers).size).toBe(headers.length);
      }
    }
  });

  it("keeps every bound cell above the sheet's tables or inside one, so tables can grow without moving it", () => {
    for (const sheet of spec.sheets) {
      const tables = sheet.tables.map((table) => parseRangeAddress(table.range));
      const firstTableRow = Math.min(...tables.map((range) => range.start.row));
      for (const { address, cell } of cellsOf(sheet)) {
        if (!cell.bind) continue;
        const position = parseCellAddress(address);
        const inside = tables.some((range) => overlaps(range, { start: position, end: position }));
        expect(inside || position.row < firstTableRow).toBe(true);
      }
    }
  });

  it("styles inputs and formulas differently and gives every input a validation, except free lists and flags", () => {
    const problems: string[] = [];
    for (const sheet of spec.sheets) {
      for (const { address, cell } of cellsOf(sheet)) {
        const where = `${sheet.name}!${address}`;
        if (cell.formula !== undefined && cell.style !== "formula" && cell.style !== "keyFigure")
          problems.push(`${where} is a formula styled ${cell.style}`);
        if (!cell.bind) continue;
        if (cell.style !== "input" && cell.style !== "inputText")
          problems.push(`${where} is an input styled ${cell.style}`);
        if (cell.bind.type !== "textList" && validationsAt(sheet, address).length === 0)
          problems.push(`${where} has no validation`);
      }
      for (const table of sheet.tables) {
        const range = parseRangeAddress(table.range);
        for (const column of table.binding?.columns ?? []) {
          const at = (row: number) => ({ row, column: range.start.column + column.column });
          const first = cellAddress(at(range.start.row + 1));
          const style = cellAt(sheet, first)?.style;
          if (style !== "input" && style !== "inputText")
            problems.push(`${table.name}.${column.field} is styled ${style}`);
          if (column.type === "textList" || column.type === "boolean") continue;
          const ranges = validationsAt(sheet, first).map((validation) => validation.range);
          // Choices too long or with commas for an Excel literal list get no dropdown (read-back still checks them).
          if (column.type === "enum" && !fitsLiteralList(Object.values(column.options ?? {}))) {
            if (ranges.length > 0) problems.push(`${table.name}.${column.field} has a list Excel cannot hold`);
            continue;
          }
          const expected = rangeAddress({ start: at(range.start.row + 1), end: at(range.end.row) });
          if (ranges.join() !== expected)
            problems.push(`${table.name}.${column.field} is validated on ${ranges.join()}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("sets widths, a print area fitted to the page width and holding the charts, and frozen panes on every sheet", () => {
    for (const sheet of spec.sheets) {
      expect(sheet.columnWidths.length).toBeGreaterThan(0);
      expect(sheet.print.fitToWidth).toBe(true);
      expect(sheet.print.area).toMatch(/^A1:/);
      expect(sheet.freeze).toBeDefined();
      expect(sheet.tabColor).toMatch(/^#[0-9A-F]{6}$/);
      const area = parseRangeAddress(sheet.print.area);
      for (const chart of sheet.charts) {
        const corner = parseCellAddress(chart.anchor.to);
        expect([chart.id, corner.row <= area.end.row && corner.column <= area.end.column]).toEqual([chart.id, true]);
      }
    }
  });

  it("links the cover to every step's sheet", () => {
    const links = cellsOf(sheetByKey(spec, "plan")).flatMap(({ cell }) =>
      cell.link && "sheet" in cell.link ? [cell.link.sheet] : [],
    );
    expect(links).toEqual(spec.sheets.slice(1).map((sheet: SheetSpec) => sheet.name));
  });
});

describe("what every sheet shows", () => {
  const spec = specs[0]![2];
  const englishSpec = specs[1]![2];

  it("formats money in the plan's currency, rates as percentages, dates as dates", () => {
    expect(
      cellAt(sheetByKey(spec, "objectives"), boundCell(spec, "objectives.annualRevenueTarget").address)?.format,
    ).toBe("#,##0 [$€-40C]");
    expect(
      cellAt(sheetByKey(englishSpec, "objectives"), boundCell(englishSpec, "objectives.annualRevenueTarget").address)
        ?.format,
    ).toBe("[$$-409]#,##0");
    const rate = tableCell(spec, "PlanFunnel", "Taux de conversion", "leads");
    expect(cellAt(rate.sheet, rate.address)).toMatchObject({ value: 0.05, format: "0.0%", style: "input" });
    const start = tableCell(spec, "PlanInitiatives", "Début", "crm");
    expect(cellAt(start.sheet, start.address)).toMatchObject({ value: 46398, format: "dd/mm/yyyy" });
  });

  it("carries a ROUNDUP chain in the funnel and the workload headcount", () => {
    const leads = tableCell(spec, "PlanFunnel", "Par an", "leads");
    expect(cellAt(leads.sheet, leads.address)).toMatchObject({ formula: "=ROUNDUP(D23/C22,0)", result: 20_000 });
    const bizdev = tableCell(spec, "PlanRoles", "Effectif selon la charge", "bizdev");
    expect(cellAt(bizdev.sheet, bizdev.address)?.formula).toMatch(
      /^=ROUNDUP\([A-Z]+\d+\/\([A-Z]+\d+\*[A-Z]+\d+\),0\)$/,
    );
    expect(cellAt(bizdev.sheet, bizdev.address)?.result).toBe(10);
    const workload = tableCell(spec, "PlanRoles", "Charge par jour", "bizdev");
    expect(cellAt(workload.sheet, workload.address)?.formula).toMatch(/^='2 Objectifs'!\$F\$\d+$/);
  });

  it("writes exact volumes without ROUNDUP when the funnel is not rounded", () => {
    const exact = specs[3]![2];
    const stage = tableCell(exact, "PlanFunnel", "Per year", "stage-1");
    expect(cellAt(stage.sheet, stage.address)?.formula).toMatch(/^=D\d+\/C\d+$/);
  });

  it("labels choices in the plan's language and lists them in the cell's validation", () => {
    const status = tableCell(spec, "PlanInitiatives", "Statut", "crm");
    expect(cellAt(status.sheet, status.address)?.value).toBe("En cours");
    const [validation] = validationsAt(status.sheet, status.address);
    expect(validation?.rule).toEqual({
      kind: "list",
      values: ["Non démarrée", "En cours", "Terminée", "À risque", "Bloquée"],
    });
    expect(validation?.errorMessage).toBe("Choisissez une valeur dans la liste.");
  });

  it("names the accepted range in the validation of a rate", () => {
    const rate = tableCell(englishSpec, "PlanFunnel", "Conversion rate", "leads");
    expect(validationsAt(rate.sheet, rate.address)).toEqual([
      {
        range: expect.stringMatching(/^C\d+:C\d+$/) as unknown,
        rule: { kind: "decimal", min: 1e-9, max: 1 },
        errorMessage: "Enter a percentage from 0.0000001 % to 100 %.",
      },
    ]);
  });

  it("flags quarters where a quota role's capacity is below its target", () => {
    const organization = sheetByKey(englishSpec, "organization");
    expect(organization.conditionalFormats.length).toBeGreaterThan(0);
    for (const format of organization.conditionalFormats) expect(format.formula).toMatch(/^=[A-Z]+\d+<[A-Z]+\d+$/);
  });
});

describe("hostile text in a plan", () => {
  const hostile = parsePlan({
    ...examplePlan("en-saas"),
    meta: { ...examplePlan("en-saas").meta, planName: "=1+1" },
  });
  hostile.audience.personas[0]!.name = '=HYPERLINK("http://x","y")';
  hostile.audience.segments[0]!.name = "+SUM(A1:A9)";
  hostile.mission.insights[0]!.text = "-2+3";
  hostile.organization.roles[0]!.title = "@cmd";
  hostile.methodology.stages[0]!.owner = "\tTabbed";
  hostile.objectives.funnel[0]!.name = '"; =PLAN.HEADCOUNT(1,1) "';
  const spec = layoutWorkbook(hostile, { generatedOn: GENERATED_ON });
  const texts = [
    '=HYPERLINK("http://x","y")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "\tTabbed",
    "=1+1",
    '"; =PLAN.HEADCOUNT(1,1) "',
  ];

  it("keeps each hostile text a literal value, never a formula", () => {
    for (const text of texts) {
      const holders = spec.sheets.flatMap((sheet) => cellsOf(sheet).filter(({ cell }) => cell.value === text));
      expect(holders.length).toBeGreaterThan(0);
      for (const { cell } of holders) expect(cell.formula).toBeUndefined();
    }
  });

  it("never puts user text inside a formula", () => {
    for (const { formula } of formulas(spec)) {
      expect(formula).not.toMatch(/HYPERLINK|PLAN\.|SUM\(A1|@cmd|Tabbed/);
      for (const text of texts) expect(formula.includes(text)).toBe(false);
    }
  });
});

describe("every field of the plan", () => {
  /** Leaf paths with list indices dropped: `organization.roles[].ramp[]`. */
  function leaves(value: unknown, path: string): string[] {
    if (Array.isArray(value)) {
      // An empty list holds no field (the other plans show its items' fields).
      if (value.length === 0) return [];
      if (value.every((item) => typeof item !== "object" || item === null)) return [`${path}[]`];
      return value.flatMap((item) => leaves(item, `${path}[]`));
    }
    if (typeof value === "object" && value !== null) {
      return Object.entries(value).flatMap(([key, child]) => leaves(child, path === "" ? key : `${path}.${key}`));
    }
    return [path];
  }

  it("lands in a bound cell or table column of the generated workbook, so it comes back when read", () => {
    const plans = [french, english, large, largeMonthly];
    const allLeaves = plans.flatMap((plan) => leaves(plan, ""));
    // An empty list of objects in one plan (`owners[]`) is covered by the fields its items have in another plan.
    const planLeaves = new Set(
      allLeaves.filter((leaf) => !(leaf.endsWith("[]") && allLeaves.some((other) => other.startsWith(`${leaf}.`)))),
    );
    const bound = new Set<string>();
    const kept: string[] = [...FIELDS_KEPT_FROM_CURRENT_PLAN];
    for (const plan of plans) {
      for (const sheet of layoutWorkbook(plan, { generatedOn: GENERATED_ON }).sheets) {
        for (const { cell } of cellsOf(sheet)) {
          if (!cell.bind) continue;
          const path = cell.bind.path.replace(/\[\d+\]/g, "[]");
          bound.add(cell.bind.type === "textList" ? `${path}[]` : path);
        }
        for (const table of sheet.tables) {
          if (!table.binding) continue;
          for (const column of table.binding.columns) {
            const path = `${table.binding.list}[].${column.field}`;
            bound.add(column.type === "textList" ? `${path}[]` : path);
          }
          for (const field of table.binding.keepFields ?? []) kept.push(`${table.binding.list}[].${field}`);
        }
      }
    }
    // The plans exercise every optional field, so the check is not vacuous.
    for (const path of [
      "organization.roles[].quotaPerMonth",
      "organization.roles[].ramp[]",
      "measurement.kpis[].target.value",
      "audience.accountCriteria.employeeRange.max",
      "measurement.tracking.asOf",
      "measurement.tracking.owners[].roleId",
      "measurement.tracking.activityTypes[].type",
      "measurement.tracking.mappings[].columns.owner",
    ]) {
      expect(planLeaves).toContain(path);
    }
    const missing = [...planLeaves].filter(
      (path) => path !== "schemaVersion" && !bound.has(path) && !kept.some((prefix) => path.startsWith(prefix)),
    );
    expect(missing).toEqual([]);
  });
});
