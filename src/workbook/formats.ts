/**
 * Excel number format codes for the generated sheets, written in the en-US syntax every writer uses (`,` groups
 * thousands, `.` marks decimals; Excel shows them in the user's own separators).
 */
import type { PlanLocale } from "../plan/schema";

/** Windows locale ids Excel expects inside a `[$symbol-lcid]` currency tag. */
const LCID: Readonly<Record<PlanLocale, string>> = { "en-US": "409", "fr-FR": "40C" };

/**
 * Currency symbols per locale. A fixed table rather than `Intl`, so golden files do not change with the runtime's ICU
 * data; any other ISO 4217 code is shown as the code itself (`1,234 NOK`).
 */
const SYMBOLS: Readonly<Record<string, Readonly<Record<PlanLocale, string>>>> = {
  EUR: { "en-US": "€", "fr-FR": "€" },
  USD: { "en-US": "$", "fr-FR": "$US" },
  GBP: { "en-US": "£", "fr-FR": "£GB" },
  JPY: { "en-US": "¥", "fr-FR": "JPY" },
  CHF: { "en-US": "CHF", "fr-FR": "CHF" },
  CAD: { "en-US": "CA$", "fr-FR": "$CA" },
  AUD: { "en-US": "A$", "fr-FR": "$AU" },
};

/**
 * A whole-unit currency format: `[$$-409]#,##0` for USD in English (symbol first), `#,##0 [$€-40C]` in French
 * (symbol after the amount, as French writes it), `#,##0 [$NOK-409]` for a code without a known symbol.
 */
export function currencyFormat(currency: string, locale: PlanLocale, decimals = 0): string {
  const symbol = SYMBOLS[currency]?.[locale] ?? currency;
  const tag = `[$${symbol}-${LCID[locale]}]`;
  const number = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return locale === "en-US" && SYMBOLS[currency] !== undefined ? `${tag}${number}` : `${number} ${tag}`;
}

export interface NumberFormats {
  /** Money in whole units. */
  readonly currency: string;
  /** Money with cents, for per-rep targets. */
  readonly currencyCents: string;
  /** Rates typed by the user: 12.5%. */
  readonly percent: string;
  /** Small computed rates: 1.35% monthly attrition. */
  readonly percentPrecise: string;
  /** Whole people, deals, volumes. */
  readonly whole: string;
  /** Expected (fractional) headcounts and reps. */
  readonly oneDecimal: string;
  /** Any number the user types (capacity 1.5, 200 emails). */
  readonly general: string;
  /** Helper values of the largest-remainder method. */
  readonly sixDecimals: string;
  readonly date: string;
  /** Text typed by the user stays text (`2027-01` is not turned into a date). */
  readonly text: string;
  /** 1 shows as a dot, 0 as nothing: the execution sheet's quarter grid. */
  readonly activeMark: string;
}

export function numberFormats(currency: string, locale: PlanLocale): NumberFormats {
  return {
    currency: currencyFormat(currency, locale),
    currencyCents: currencyFormat(currency, locale, 2),
    percent: "0.0%",
    percentPrecise: "0.00%",
    whole: "#,##0",
    oneDecimal: "#,##0.0",
    general: "General",
    sixDecimals: "0.000000",
    date: locale === "fr-FR" ? "dd/mm/yyyy" : "mm/dd/yyyy",
    text: "@",
    activeMark: '"●";"●";""',
  };
}
