/**
 * Every numeric input cell's data validation offers exactly the plan field's range: its bounds are accepted by the
 * plan, and a value just outside either bound is refused by both the data validation and the plan.
 */
import { computabilityIssues, type BoundedPlan } from "../../src/plan/bounds";
import { formatPath, renderMessage } from "../../src/plan/messages";
import { examplePlan, fromExcelSerial, parsePlan, validatePlan, type Plan } from "../../src/plan";
import { cellAddress, parseRangeAddress } from "../../src/workbook/address";
import { getPath, parsePath, setPath, type PathSegment } from "../../src/workbook/field-path";
import { layoutWorkbook } from "../../src/workbook/layout";
import type { DataValidationSpec, SheetSpec } from "../../src/workbook/spec";
import { cellsOf } from "../helpers/spec-lookup";

type NumberRule = Extract<DataValidationSpec["rule"], { kind: "decimal" | "whole" }>;

interface ValidatedInput {
  readonly where: string;
  readonly path: string;
  readonly rule: NumberRule;
  readonly errorMessage: string;
}

/** Plan path of every number (or date) cell of a sheet: cells bound one by one, and table cells bound by their column. */
function boundPaths(sheet: SheetSpec, type: "number" | "date"): Map<string, string> {
  const paths = new Map<string, string>();
  for (const { address, cell } of cellsOf(sheet)) {
    if (cell.bind?.type === type) paths.set(address, cell.bind.path);
  }
  for (const table of sheet.tables) {
    if (!table.binding) continue;
    const range = parseRangeAddress(table.range);
    for (let row = range.start.row + 1; row <= range.end.row; row++) {
      for (const column of table.binding.columns) {
        if (column.type !== type) continue;
        const address = cellAddress({ row, column: range.start.column + column.column });
        paths.set(address, `${table.binding.list}[${row - range.start.row - 1}].${column.field}`);
      }
    }
  }
  return paths;
}

function validatedInputs(plan: Plan): { inputs: ValidatedInput[]; unvalidated: string[] } {
  const spec = layoutWorkbook(plan, { generatedOn: "2026-12-15" });
  const inputs: ValidatedInput[] = [];
  const unvalidated: string[] = [];
  for (const sheet of spec.sheets) {
    const paths = boundPaths(sheet, "number");
    const covered = new Set<string>();
    for (const validation of sheet.validations) {
      const { rule } = validation;
      if (rule.kind !== "decimal" && rule.kind !== "whole") continue;
      const range = parseRangeAddress(validation.range);
      for (let row = range.start.row; row <= range.end.row; row++) {
        for (let column = range.start.column; column <= range.end.column; column++) {
          const address = cellAddress({ row, column });
          const path = paths.get(address);
          if (path === undefined) continue;
          covered.add(address);
          inputs.push({ where: `${sheet.name}!${address}`, path, rule, errorMessage: validation.errorMessage });
        }
      }
    }
    for (const [address, path] of paths)
      if (!covered.has(address)) unvalidated.push(`${sheet.name}!${address} ${path}`);
  }
  return { inputs, unvalidated };
}

/** What Excel's data validation (between, inclusive; whole numbers only for `whole`) lets a user type. */
function excelAccepts(rule: NumberRule, value: number): boolean {
  if (rule.kind === "whole" && !Number.isInteger(value)) return false;
  return (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max);
}

/**
 * The plan's field-level problems at `path` once it holds `value`. The computability rules (bounds.ts) are left out:
 * they judge a field with the others (a smallest conversion rate with the example's target), not the field's range;
 * so are a scenario's rules on the plan its drivers make (`(scenario "Upside") makes the conversion rate…`).
 */
function fieldProblems(plan: Plan, path: string, value: number): string[] {
  const draft = structuredClone(plan) as unknown as Record<string, unknown>;
  const segments = parsePath(path);
  withNeighboursThatLetItCount(draft, segments);
  setPath(draft, segments, value);
  const validation = validatePlan(draft);
  if (validation.ok) return [];
  const combined = new Set(
    computabilityIssues(draft as unknown as BoundedPlan)
      .filter((issue) => formatPath(issue.path) === path)
      .map((issue) => renderMessage("en-US", issue.key, issue.params)),
  );
  return validation.issues
    .filter((issue) => issue.field === path && !combined.has(issue.problem) && !issue.problem.startsWith("(scenario "))
    .map((issue) => issue.problem);
}

/**
 * A few cells count only with a neighbour: a KPI's target value with a fixed target, the largest employee count
 * above the smallest (0 here), a role's attainment and target share with a quota. Give the neighbour that state, so
 * the cell's own range is what is judged.
 */
function withNeighboursThatLetItCount(draft: Record<string, unknown>, segments: readonly PathSegment[]): void {
  const field = segments[segments.length - 1];
  const parentPath = segments.slice(0, -1);
  const parent = getPath(draft, parentPath) as Record<string, unknown>;
  if (field === "value" && segments[segments.length - 2] === "target") {
    setPath(draft, parentPath, { kind: "fixed", value: 0 });
  } else if (field === "max" && segments[segments.length - 2] === "employeeRange") {
    parent["min"] = 0;
  } else if ((field === "quotaAttainment" || field === "targetShare") && parent["quotaPerMonth"] === undefined) {
    parent["quotaPerMonth"] = 10_000;
  } else if (field === "amberAt") {
    // Amber is at most green: with green at its largest, amber's own range is judged.
    parent["greenAt"] = 10;
  }
}

/** The nearest value beyond `bound`, in the direction `sign`: the next whole number, or a step Excel keeps. */
function justOutside(rule: NumberRule, bound: number, sign: 1 | -1): number {
  if (rule.kind === "whole") return bound + sign;
  return bound + sign * Math.max(Math.abs(bound) * 1e-12, 1e-15);
}

describe.each(["en-saas", "fr-reference"] as const)("the data validations of %s", (example) => {
  const plan = parsePlan(examplePlan(example));
  const { inputs, unvalidated } = validatedInputs(plan);

  it("give every number input cell a validation", () => {
    expect(inputs.length).toBeGreaterThan(20);
    expect(unvalidated).toEqual([]);
  });

  it.each(inputs.map((input) => [`${input.where} ${input.path}`, input] as const))(
    "%s offers exactly the plan's range",
    (_name, { path, rule }) => {
      expect(rule.min).toBeDefined();
      expect(rule.max).toBeDefined();
      const min = rule.min!;
      const max = rule.max!;
      expect({ min: fieldProblems(plan, path, min), max: fieldProblems(plan, path, max) }).toEqual({
        min: [],
        max: [],
      });
      for (const outside of [justOutside(rule, min, -1), justOutside(rule, max, 1)]) {
        expect({ outside, excel: excelAccepts(rule, outside) }).toEqual({ outside, excel: false });
        expect({ outside, plan: fieldProblems(plan, path, outside).length > 0 }).toEqual({ outside, plan: true });
      }
    },
  );
});

describe("the data validation of a date cell", () => {
  const plan = parsePlan(examplePlan("en-saas"));
  const spec = layoutWorkbook(plan, { generatedOn: "2026-12-15" });
  const dated = spec.sheets.flatMap((sheet) => {
    const paths = boundPaths(sheet, "date");
    return sheet.validations.flatMap((validation) => {
      if (validation.rule.kind !== "date") return [];
      const { start } = parseRangeAddress(validation.range);
      const path = paths.get(cellAddress(start));
      return path === undefined ? [] : [{ path, rule: validation.rule }];
    });
  });

  it("offers the plan's first and last dates, and both refuse the day outside", () => {
    expect(dated.length).toBeGreaterThan(0);
    for (const { path, rule } of dated) {
      const problems = (date: string) => {
        const draft = structuredClone(plan) as unknown as Record<string, unknown>;
        const segments = parsePath(path);
        // An initiative ends on or after its start: give both ends the date, so the date's own range is judged.
        const field = segments[segments.length - 1];
        if (field === "start" || field === "end")
          for (const end of ["start", "end"]) setPath(draft, [...segments.slice(0, -1), end], date);
        else setPath(draft, segments, date);
        const validation = validatePlan(draft);
        return validation.ok ? [] : validation.issues.filter((issue) => issue.field === path);
      };
      expect({ path, first: problems(fromExcelSerial(rule.min!)), last: problems(fromExcelSerial(rule.max!)) }).toEqual(
        { path, first: [], last: [] },
      );
      // Serial 60 is Excel's 1900-02-29, a day that never was: the day before the first is serial 59, 1900-02-28.
      expect(problems("1900-02-28").length > 0 && rule.min! > 59).toBe(true);
      expect(problems("10000-01-01").length > 0 && rule.max! < 2_958_466).toBe(true);
    }
  });
});
