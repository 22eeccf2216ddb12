/**
 * Cell values read from a workbook → plan values, by binding type: dates from serials, choices from their localized
 * labels, text lists split on line breaks. A value that cannot be converted gives a problem in the sheet's language.
 */
import { fromExcelSerial } from "../plan/calendar";
import { FORMER_SHEET_LABELS } from "../plan/choice-labels";
import type { PlanLocale } from "../plan/schema";
import type { LayoutText } from "./i18n";
import type { BindType } from "./spec";

export type RawCell = string | number | boolean | null;

export interface ValueBinding {
  readonly type: BindType;
  readonly options?: Readonly<Record<string, string>>;
  readonly optional?: boolean;
}

export type Conversion =
  | { readonly ok: true; readonly present: true; readonly value: unknown }
  /** An empty cell: the field is absent (its default, or "is required"). */
  | { readonly ok: true; readonly present: false }
  | { readonly ok: false; readonly problem: string };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TRUE_WORDS = new Set(["TRUE", "VRAI", "YES", "OUI"]);
const FALSE_WORDS = new Set(["FALSE", "FAUX", "NO", "NON"]);

export function isEmptyCell(raw: RawCell | undefined): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** Converts one cell; `text` supplies the problems' wording. */
export function convertCell(raw: RawCell | undefined, binding: ValueBinding, text: LayoutText): Conversion {
  const messages = text.readBack;
  const value = (converted: unknown): Conversion => ({ ok: true, present: true, value: converted });
  const problem = (message: string): Conversion => ({ ok: false, problem: message });
  switch (binding.type) {
    case "text":
      if (raw === null || raw === undefined || raw === "")
        return binding.optional ? { ok: true, present: false } : value("");
      return value(typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : raw ? "TRUE" : "FALSE");
    case "textList":
      if (isEmptyCell(raw)) return value([]);
      return value(
        String(raw)
          .split(/\r\n|\n|\r/)
          .filter((line) => line.trim() !== ""),
      );
    case "number":
      if (isEmptyCell(raw)) return { ok: true, present: false };
      if (typeof raw === "number") return value(raw);
      if (typeof raw === "string" && NUMBER.test(raw.trim())) return value(Number(raw.trim()));
      return problem(messages.notNumber);
    case "date":
      if (isEmptyCell(raw)) return { ok: true, present: false };
      if (typeof raw === "number") {
        try {
          return value(fromExcelSerial(raw));
        } catch {
          return problem(messages.notDate);
        }
      }
      if (typeof raw === "string" && ISO_DATE.test(raw.trim())) return value(raw.trim());
      return problem(messages.notDate);
    case "boolean": {
      if (isEmptyCell(raw)) return { ok: true, present: false };
      if (typeof raw === "boolean") return value(raw);
      if (raw === 1 || raw === 0) return value(raw === 1);
      const word = String(raw).trim().toUpperCase();
      if (TRUE_WORDS.has(word)) return value(true);
      if (FALSE_WORDS.has(word)) return value(false);
      return problem(messages.notBoolean);
    }
    case "enum": {
      if (isEmptyCell(raw)) return { ok: true, present: false };
      const options = Object.entries(binding.options ?? {});
      const typed = String(raw).trim();
      const match =
        options.find(([, label]) => label === String(raw)) ??
        options.find(([, label]) => label.trim() === typed) ??
        options.find(([, label]) => label.toLocaleLowerCase() === typed.toLocaleLowerCase()) ??
        options.find(([option]) => option === typed) ??
        formerLabelMatch(options, typed);
      return match ? value(match[0]) : problem(messages.notInList(options.map(([, label]) => label).join(", ")));
    }
  }
}

/** A label an earlier version wrote for one of `options` (see FORMER_SHEET_LABELS), as its option. */
function formerLabelMatch(
  options: readonly (readonly [string, string])[],
  typed: string,
): readonly [string, string] | undefined {
  for (const former of Object.values(FORMER_SHEET_LABELS)) {
    const value = former[typed];
    const option = value === undefined ? undefined : options.find(([key]) => key === value);
    if (option) return option;
  }
  return undefined;
}

/**
 * A number for a message, without the runtime's ICU data: `1.4` / `1,4`, no grouping, up to 6 decimals, and at least
 * six significant digits below 1 so a tiny value (1E-9 shown as 0.0000001 %) never reads as 0. Past 100 decimals it is
 * written as Excel writes it, `1E-300`.
 */
export function formatNumber(value: number, locale: PlanLocale): string {
  const text = plainDecimal(value);
  return locale === "fr-FR" ? text.replace(".", ",") : text;
}

const MOST_DECIMALS = 100;

function plainDecimal(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(6, 5 - magnitude);
  if (decimals > MOST_DECIMALS) return Number(value.toPrecision(6)).toExponential().toUpperCase().replace("E+", "E");
  return value.toFixed(decimals).replace(/\.?0+$/, "");
}

/** A cell's value as a message shows it: numbers in the cell's unit (`140 %`), text in quotes. */
export function describeCell(raw: RawCell, percent: boolean, locale: PlanLocale, text: LayoutText): string {
  if (typeof raw === "number") return percent ? `${formatNumber(raw * 100, locale)} %` : formatNumber(raw, locale);
  if (typeof raw === "boolean") return raw ? text.readBack.trueWord : text.readBack.falseWord;
  return `"${String(raw)}"`;
}
