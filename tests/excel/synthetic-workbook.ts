/**
 * Small stand-ins for the pure layout, read-back and known-regions functions (written in another branch), so the
 * adapter is tested on specs built here: valid under `workbookSpecSchema`, using every spec feature, with cells
 * bound to a few plan fields. The real functions replace them when the branches merge.
 */
import type { KnownRegions, LayoutWorkbook, ReadBackIssue, ReadPlanFromSnapshots } from "../../src/excel/excel-gateway";
import { exampleForLocale, parsePlan, type Plan, type PlanLocale } from "../../src/plan";
import { parseCellAddress, parseRangeAddress, rangeAddress, type RangePosition } from "../../src/workbook/address";
import {
  workbookSpecSchema,
  type CellSpec,
  type SheetSpec,
  type SheetSnapshot,
  type WorkbookSpec,
} from "../../src/workbook/spec";

export function testPlan(locale: PlanLocale = "en-US", edit: (plan: Plan) => void = () => undefined): Plan {
  const plan = parsePlan(exampleForLocale(locale));
  edit(plan);
  return plan;
}

const print = (area: string) => ({ area, orientation: "portrait" as const, fitToWidth: true });

export interface SyntheticOptions {
  /** Rows of a synthetic initiatives table on a sixth sheet (0: no such sheet). */
  readonly executionRows?: number;
}

/** Sheet names by locale. */
export const SHEET_NAMES = {
  "en-US": {
    plan: "Plan",
    mission: "1 Mission",
    objectives: "2 Objectives",
    audience: "4 Audience",
    execution: "6 Execution",
  },
  "fr-FR": {
    plan: "Plan",
    mission: "1 Mission",
    objectives: "2 Objectifs",
    audience: "4 Audience",
    execution: "6 Exécution",
  },
} as const;

function executionSheet(name: string, rows: number): SheetSpec {
  const header: CellSpec[] = ["Id", "Initiative", "Owner", "Start", "End", "Days", "Status", "Note"].map((text) => ({
    value: text,
    style: "tableHeader",
  }));
  const body = Array.from({ length: rows }, (_, i): CellSpec[] => {
    const row = i + 2;
    return [
      { value: `init-${i + 1}`, style: "text" },
      { value: `Initiative number ${i + 1} for the pipeline`, style: "inputText" },
      { value: i % 7 === 0 ? "-owner with a dash" : `Owner ${i % 13}`, style: "inputText" },
      { value: 46023 + (i % 300), format: "yyyy-mm-dd", style: "input" },
      { value: 46053 + (i % 300), format: "yyyy-mm-dd", style: "input" },
      { formula: `=E${row}-D${row}+1`, result: 31, format: "0", style: "formula" },
      { value: i % 3 === 0 ? "In progress" : "Not started", style: "inputText" },
      { value: `Quarter ${1 + (i % 4)}`, style: "text" },
    ];
  });
  const end = rows + 1;
  return {
    key: "execution",
    name,
    columnWidths: [
      { column: 0, width: 10 },
      { column: 1, width: 40 },
      { column: 2, width: 20 },
      { column: 3, width: 12 },
      { column: 4, width: 12 },
    ],
    blocks: [{ id: "initiatives", anchor: "A1", rows: [header, ...body] }],
    tables: [{ name: "Initiatives", range: `A1:H${end}`, style: "TableStyleMedium2", showBandedRows: true }],
    validations: [
      { range: `D2:E${end}`, rule: { kind: "date", min: 36526 }, errorMessage: "Enter a date after 2000-01-01." },
    ],
    conditionalFormats: [{ range: `F2:F${end}`, formula: "=F2>90", style: { fill: "#FFE0E0" } }],
    freeze: { rows: 1, columns: 0 },
    print: { ...print(`A1:H${end}`), orientation: "landscape", repeatRows: "1:1" },
    charts: [],
  };
}

/** A layout over a few plan fields, with links, tables, validations, formats and names: every spec feature. */
export function syntheticLayout(options: SyntheticOptions = {}): LayoutWorkbook {
  return (plan, { generatedOn }) => {
    const locale = plan.meta.locale;
    const names = SHEET_NAMES[locale];
    const personas = plan.audience.personas;
    const sheets: SheetSpec[] = [
      {
        key: "plan",
        name: names.plan,
        tabColor: "#1F4E79",
        columnWidths: [
          { column: 0, width: 28 },
          { column: 1, width: 18 },
          { column: 2, width: 18 },
        ],
        blocks: [
          {
            id: "title",
            anchor: "A1",
            rows: [
              [
                {
                  value: plan.meta.planName,
                  style: "title",
                  mergeAcross: 2,
                  bind: { path: "meta.planName", type: "text" },
                },
              ],
              [{ value: plan.meta.company, style: "subtitle", bind: { path: "meta.company", type: "text" } }],
            ],
          },
          {
            id: "keyFigures",
            anchor: "A4",
            rows: [
              [
                { value: "Deals needed", style: "label" },
                {
                  formula: `='${names.objectives}'!C2/'${names.objectives}'!C3`,
                  result: plan.objectives.annualRevenueTarget / plan.objectives.averageDealValue,
                  format: "#,##0",
                  style: "keyFigure",
                },
              ],
              [
                { value: names.objectives, style: "link", link: { sheet: names.objectives, cell: "A1" } },
                { value: "Playbook", style: "link", link: { url: "https://example.com/playbook" } },
              ],
              [{ value: `Generated on ${generatedOn}`, style: "note" }],
            ],
          },
        ],
        tables: [],
        validations: [],
        conditionalFormats: [],
        print: print("A1:C6"),
        charts: [],
      },
      {
        key: "mission",
        name: names.mission,
        columnWidths: [{ column: 0, width: 80 }],
        blocks: [
          {
            id: "statements",
            anchor: "A1",
            rows: [
              [{ value: "Mission", style: "sectionHeading" }],
              [
                {
                  value: plan.mission.missionStatement,
                  style: "longText",
                  bind: { path: "mission.missionStatement", type: "text" },
                },
              ],
            ],
          },
        ],
        tables: [],
        validations: [],
        conditionalFormats: [],
        print: print("A1:A2"),
        charts: [],
      },
      {
        key: "objectives",
        name: names.objectives,
        tabColor: "#2E75B6",
        columnWidths: [
          { column: 1, width: 30 },
          { column: 2, width: 16 },
          { column: 3, width: 16 },
        ],
        blocks: [
          {
            id: "inputs",
            anchor: "B2",
            rows: [
              [
                { value: "Revenue target", style: "label" },
                {
                  value: plan.objectives.annualRevenueTarget,
                  format: "#,##0",
                  style: "input",
                  bind: { path: "objectives.annualRevenueTarget", type: "number" },
                },
              ],
              [
                { value: "Average deal value", style: "label" },
                {
                  value: plan.objectives.averageDealValue,
                  format: "#,##0",
                  style: "input",
                  bind: { path: "objectives.averageDealValue", type: "number" },
                },
              ],
              [
                { value: "Win rate", style: "label" },
                {
                  value: plan.objectives.winRateTarget,
                  format: "0%",
                  style: "input",
                  bind: { path: "objectives.winRateTarget", type: "number" },
                },
              ],
            ],
          },
          {
            id: "deals",
            anchor: "B6",
            rows: [
              [
                { value: "Deals", style: "label" },
                {
                  formula: "=ROUNDUP(C2/C3,0)",
                  result: Math.ceil(plan.objectives.annualRevenueTarget / plan.objectives.averageDealValue),
                  format: "#,##0",
                  style: "formula",
                },
              ],
            ],
          },
        ],
        tables: [],
        validations: [
          { range: "C2:C3", rule: { kind: "decimal", min: 0 }, errorMessage: "Enter an amount of 0 or more." },
          {
            range: "C4",
            rule: { kind: "decimal", min: 0, max: 1 },
            errorMessage: "Enter a rate from 0% to 100%.",
            prompt: "The share of qualified opportunities won.",
          },
        ],
        conditionalFormats: [{ range: "C6", formula: "=C6>1000", style: { fontColor: "#C00000", bold: true } }],
        freeze: { rows: 1, columns: 1 },
        print: { ...print("B2:C6"), repeatRows: "1:1" },
        charts: [],
      },
      {
        key: "audience",
        name: names.audience,
        columnWidths: [
          { column: 0, width: 30 },
          { column: 1, width: 30 },
        ],
        blocks: [
          {
            id: "personas",
            anchor: "A1",
            rows: [
              [
                { value: "Persona", style: "tableHeader" },
                { value: "Role", style: "tableHeader" },
              ],
              ...personas.map((persona): CellSpec[] => [
                { value: persona.name, style: "inputText" },
                { value: persona.role, style: "inputText" },
              ]),
            ],
          },
        ],
        tables: [
          {
            name: "Personas",
            range: `A1:B${Math.max(personas.length, 1) + 1}`,
            style: "TableStyleLight9",
            showBandedRows: true,
            binding: {
              list: "audience.personas",
              columns: [
                { column: 0, field: "name", type: "text" },
                { column: 1, field: "role", type: "text" },
              ],
            },
          },
        ],
        validations: [
          {
            range: "B2:B51",
            rule: { kind: "list", values: ["Buyer", "Champion", "User"] },
            errorMessage: "Pick a role from the list.",
          },
        ],
        conditionalFormats: [],
        print: print(`A1:B${personas.length + 1}`),
        charts: [],
      },
    ];
    if ((options.executionRows ?? 0) > 0) sheets.push(executionSheet(names.execution, options.executionRows!));
    const spec: WorkbookSpec = {
      specVersion: 1,
      locale,
      schemaVersion: plan.schemaVersion,
      generatedOn,
      currency: plan.meta.currency,
      styles: {
        title: { bold: true, fontSize: 16, fontColor: "#1F4E79" },
        subtitle: { italic: true },
        sectionHeading: { bold: true, fontSize: 13 },
        label: { bold: true },
        text: {},
        longText: { wrapText: true, verticalAlignment: "top" },
        input: { fill: "#FFF2CC", fontColor: "#0000FF", border: "#BFBFBF" },
        inputText: { fill: "#FFF2CC", wrapText: true },
        formula: { fill: "#F2F2F2" },
        keyFigure: { bold: true, fontSize: 14, horizontalAlignment: "right" },
        tableHeader: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF", horizontalAlignment: "center" },
        note: { italic: true, fontColor: "#7F7F7F" },
        link: { fontColor: "#0563C1", underline: true },
      },
      sheets,
      names: [
        {
          name: "RevenueTarget",
          refersTo: `='${names.objectives}'!$C$2`,
          result: plan.objectives.annualRevenueTarget,
          comment: "Annual revenue target",
        },
        {
          name: "DealsNeeded",
          refersTo: `='${names.objectives}'!$C$6`,
          result: Math.ceil(plan.objectives.annualRevenueTarget / plan.objectives.averageDealValue),
        },
      ],
      planJson: JSON.stringify(plan),
    };
    // The stand-in must honour the contract it stands in for.
    return workbookSpecSchema.parse(spec);
  };
}

/** Writes `value` at a dotted plan path (`objectives.annualRevenueTarget`). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

function getPath(target: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], target);
}

/** Reads the bound cells of each snapshot back into a copy of `current`: numbers must be numbers. */
export const syntheticReadBack: ReadPlanFromSnapshots = (spec, snapshots, current) => {
  const plan = structuredClone(current) as unknown as Record<string, unknown>;
  const issues: ReadBackIssue[] = [];
  const changedFields: string[] = [];
  for (const snapshot of snapshots) {
    const sheet = spec.sheets.find((candidate) => candidate.key === snapshot.key);
    if (!sheet) continue;
    for (const block of sheet.blocks) {
      const anchor = parseCellAddress(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.bind) return;
          const position = { row: anchor.row + r, column: anchor.column + c };
          const value = snapshot.values[position.row]?.[position.column] ?? null;
          const address = rangeAddress({ start: position, end: position });
          if (cell.bind.type === "number" && typeof value !== "number") {
            issues.push({ sheet: snapshot.name, cell: address, message: "must be a number" });
            return;
          }
          const read = cell.bind.type === "text" ? String(value ?? "") : value;
          if (getPath(plan, cell.bind.path) !== read) {
            setPath(plan, cell.bind.path, read);
            changedFields.push(cell.bind.path);
          }
        }),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: plan as unknown as Plan, changedFields };
};

/** Each block's rectangle, and each table at its current size. */
export const syntheticKnownRegions: KnownRegions = (sheet, tableRanges = {}) => {
  const regions: RangePosition[] = sheet.blocks.map((block) => {
    const anchor = parseCellAddress(block.anchor);
    const width = block.rows.reduce((max, row) => Math.max(max, row.length), 1);
    return {
      start: anchor,
      end: { row: anchor.row + Math.max(block.rows.length, 1) - 1, column: anchor.column + width - 1 },
    };
  });
  for (const table of sheet.tables) regions.push(parseRangeAddress(tableRanges[table.name] ?? table.range));
  return regions;
};

/** The snapshot type is re-exported for tests that build snapshots by hand. */
export type { SheetSnapshot };
