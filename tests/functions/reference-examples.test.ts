import { readFileSync } from "node:fs";
import path from "node:path";
import { MAX_RANGE_CELLS } from "../../src/functions/arguments";
import { split } from "../../src/functions/functions";
import { SIGNATURES } from "../../src/functions/signatures";
import { formatMessageNumber } from "../../src/plan/messages";
import { valueError } from "../helpers/custom-functions";
import { buildSheet } from "../helpers/plan-formula-engine";

const repoRoot = path.resolve(__dirname, "..", "..");
/** The function reference, the whole of docs/functions.md. */
const section = readFileSync(path.join(repoRoot, "docs", "functions.md"), "utf8");
const help = readFileSync(path.join(repoRoot, "src", "help", "help.html"), "utf8");

/** The rows `| \`=PLAN.…\` | result |` of the reference's tables (docs/functions.md). */
const examples = [...section.matchAll(/^\| `(=PLAN\.[^`]+)`\s*\|\s*([^|]+?)\s*\|$/gm)].map((m) => ({
  formula: m[1]!,
  result: m[2]!,
}));

/** A result as docs/functions.md writes it: text, a number, or numbers down a column (`;`) or across a row (`,`). */
function expected(result: string): { values: (number | string)[][]; decimals: number } {
  const decimals = Math.max(0, ...(result.match(/\.\d+/g) ?? []).map((d) => d.length - 1));
  if (!/^[-\d.;, ]+$/.test(result)) return { values: [[result]], decimals };
  if (result.includes(";")) return { values: result.split(";").map((v) => [Number(v)]), decimals };
  return { values: [result.split(",").map(Number)], decimals };
}

/** HyperFormula writes the logical constants as functions. */
function forHyperFormula(formula: string): string {
  return formula.replace(/\b(TRUE|FALSE)\b(?!\()/g, "$1()");
}

describe("the custom functions reference (docs/functions.md)", () => {
  it("gives at least one worked example for every function, including PLAN.HEADCOUNT(200, 20) = 10", () => {
    for (const { formula } of Object.values(SIGNATURES)) {
      expect(examples.map((e) => e.formula.split("(")[0])).toContain(`=${formula}`);
    }
    expect(examples).toContainEqual({ formula: "=PLAN.HEADCOUNT(200, 20)", result: "10" });
  });

  it.each(examples)("$formula gives $result, typed into a spreadsheet", ({ formula, result }) => {
    const sheet = buildSheet([[forHyperFormula(formula)]]);
    const { values, decimals } = expected(result);
    const actual = sheet.spill("A1");
    expect(actual.map((row) => row.map((v) => (typeof v === "number" ? Number(v.toFixed(decimals)) : v)))).toEqual(
      values,
    );
  });

  it("is what help.html shows: every example there is one of docs/functions.md's tested examples", () => {
    const helpExamples = [...help.matchAll(/<code>(=PLAN\.[^<]+)<\/code>/g)].map((m) => m[1]!);
    expect(helpExamples.length).toBeGreaterThanOrEqual(8);
    for (const example of helpExamples) expect(examples.map((e) => e.formula)).toContain(example);
  });

  it("states the range limit in docs/functions.md and help.html, with the message a whole column really gets", () => {
    const wholeColumn = Array.from({ length: 1_048_576 }, () => [1]);
    const message = valueError(() => (split as (...args: unknown[]) => unknown)(10, wholeColumn));
    expect(message).toBe(
      `weights must hold at most ${formatMessageNumber(MAX_RANGE_CELLS, "en-US")} cells (got 1,048,576)`,
    );
    const helpText = help.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
    const referenceText = section.replace(/`/g, "").replace(/\s+/g, " ");
    for (const text of [referenceText, helpText]) {
      expect(text).toContain(`A range argument holds at most ${formatMessageNumber(MAX_RANGE_CELLS, "en-US")} cells`);
      expect(text).toContain(`is refused with ${message}`);
    }
  });
});
