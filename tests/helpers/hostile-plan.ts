/**
 * A valid plan whose every free-text field holds hostile text: formula-like strings, characters XML 1.0 forbids,
 * XML's special characters, look-alikes of Office Open XML's `_xHHHH_` escapes, long strings, emoji, right-to-left
 * text and bidirectional controls, leading and trailing spaces.
 *
 * Each string of the English example is replaced by the next hostile text (in turn for each field of a list, so that
 * each kind reaches many fields) that the plan schema still accepts; identifiers, enumerations, dates and codes the schema
 * constrains keep their value. The result is deterministic.
 */
import { examplePlan, parsePlan, planSchema, type Plan, type PlanInput } from "../../src/plan";

export const HOSTILE_TEXTS: readonly string[] = [
  '=HYPERLINK("http://evil.example","click")',
  "+SUM(A1:A9)",
  "-2+3",
  "@cmd|' /C calc'!A0",
  "\tTabbed\tand\r\nwrapped\nlines",
  "vertical\u000Btab from PowerPoint, bell\u0007, escape\u001B, NUL\u0000 and form feed\u000C",
  `<tag attr="x" other='y'>&amp; ]]> </tag>`,
  "_x0041_ is not A, _x000B_ is not a tab",
  // Short and without comma or quote, so that it can also be a choice of a dropdown list.
  "Kick\u0001off\u000Bqualified_x0041_\r\nnext",
  "  padded with spaces  ",
  "🚀 Croissance 👩🏽‍💻 et 🇫🇷 drapeaux",
  "مرحبا بالعالم، خطة المبيعات",
  "abc\u202Eevil\u202C and שלום עולם",
  "lone surrogates \uD800 and \uDFFF, non-characters \uFFFE\uFFFF",
  "'quoted sheet'!A1 & [Book1]Sheet1!$A$1 #REF! #N/A",
  `${"Long text with every kind: <>&\"' 🚀 \u000B ".repeat(40)}end`,
  `${"x".repeat(4000)}`,
  // Web addresses the plan schema accepts (http or https, no space): quotes, markup, control characters, non-ASCII.
  "https://example.com/a?q=\"<b>\"&x='y'#top",
  "https://example.com/bell\u0007and\u0001start-of-heading",
  "https://exämple.com/日本語/🚀",
  `https://example.com/${"long/".repeat(390)}end`,
];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function stringPaths(value: Json, path: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [[...path]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

function setAt(root: Json, path: readonly (string | number)[], text: string): void {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = text;
}

function getAt(root: Json, path: readonly (string | number)[]): Json {
  let node = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key]!;
  return node;
}

/** The hostile plan's input, and how many fields took hostile text. */
export function hostilePlanInput(): { input: PlanInput; hostileFields: number } {
  const input = examplePlan("en-saas") as unknown as Json;
  let hostileFields = 0;
  // Each field of a list takes the hostile texts in turn, row after row, so each kind reaches each field.
  const nextByPattern = new Map<string, number>();
  // Whether a field of a list (`roles[*].title`) takes any hostile text is learnt on its first occurrence, since each
  // parse takes a while: enumerations, dates and codes then cost one try per list instead of one per row.
  const takesHostileText = new Map<string, boolean>();
  for (const path of stringPaths(input)) {
    const original = getAt(input, path) as string;
    const pattern = path.map((key) => (typeof key === "number" ? "*" : key)).join(".");
    if (takesHostileText.get(pattern) === false) continue;
    let taken = false;
    const next = nextByPattern.get(pattern) ?? 0;
    for (let attempt = 0; attempt < HOSTILE_TEXTS.length; attempt++) {
      const candidate = HOSTILE_TEXTS[(next + attempt) % HOSTILE_TEXTS.length]!;
      setAt(input, path, candidate);
      if (planSchema.safeParse(input).success) {
        nextByPattern.set(pattern, (next + attempt + 1) % HOSTILE_TEXTS.length);
        hostileFields++;
        taken = true;
        break;
      }
      setAt(input, path, original);
    }
    if (!takesHostileText.has(pattern)) takesHostileText.set(pattern, taken);
  }
  return { input: input as unknown as PlanInput, hostileFields };
}

export function hostilePlan(): Plan {
  return parsePlan(hostilePlanInput().input);
}
