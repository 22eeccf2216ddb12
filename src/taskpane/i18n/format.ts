import type { UiLanguage } from "./language";

/**
 * Number, money, percentage and date formatting for the pane's language, with Intl. Money uses the plan's currency;
 * an unknown currency code (while the user types one) falls back to a plain number followed by the code.
 */
export interface Formatters {
  /** A count or volume: up to 2 decimals (1,234.5). */
  number(value: number): string;
  /** A whole number of people or items, rounded for display only. */
  integer(value: number): string;
  money(value: number): string;
  /** A fraction shown as a percentage: 0.25 → 25 %. */
  percent(value: number): string;
  /** `YYYY-MM` → "January 2027". */
  month(yearMonth: string): string;
  /** Name of calendar month 1-12. */
  monthName(month: number): string;
  /** Name of an ISO 4217 currency, or undefined when unknown. */
  currencyName(code: string): string | undefined;
  /** The decimal separator the user sees and may type. */
  readonly decimalSeparator: string;
}

export function createFormatters(language: UiLanguage, currency: string): Formatters {
  const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const integerFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percentFormat = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 2 });
  let moneyFormat: Intl.NumberFormat | undefined;
  try {
    moneyFormat = new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 });
  } catch {
    moneyFormat = undefined;
  }
  const monthYear = new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });
  const monthOnly = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
  let currencyNames: Intl.DisplayNames | undefined;
  try {
    currencyNames = new Intl.DisplayNames([language], { type: "currency", fallback: "none" });
  } catch {
    currencyNames = undefined;
  }
  const decimalSeparator = numberFormat.formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return {
    number: (value) => numberFormat.format(value),
    integer: (value) => integerFormat.format(value),
    money: (value) => (moneyFormat ? moneyFormat.format(value) : `${integerFormat.format(value)} ${currency}`),
    percent: (value) => percentFormat.format(value),
    month: (yearMonth) => {
      const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
      if (!match) return yearMonth;
      return monthYear.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },
    monthName: (month) => monthOnly.format(new Date(Date.UTC(2001, month - 1, 1))),
    currencyName: (code) => {
      if (!/^[A-Z]{3}$/.test(code)) return undefined;
      try {
        return currencyNames?.of(code);
      } catch {
        return undefined;
      }
    },
    decimalSeparator,
  };
}
