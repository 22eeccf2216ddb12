/**
 * What the benchmark reports: figures (each with its baseline and the ratio value ÷ baseline) and budget checks
 * (PASS, OVER, or NOT MEASURED when a figure could not be taken on this machine). Printed as Markdown tables, so the
 * same text reads in a terminal and pastes into docs/performance.md, and written to bench/results.json.
 */

export type BudgetStatus = "PASS" | "OVER" | "NOT MEASURED";

export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export interface Figure {
  /** `Round trips and payload`, `Core compute`, `Custom functions`, `Load size`. */
  readonly section: string;
  readonly name: string;
  /** Null when the figure could not be measured here (`note` says why). */
  readonly value: number | null;
  readonly unit: Unit;
  readonly spread?: Spread;
  readonly baseline?: { readonly label: string; readonly value: number | null; readonly spread?: Spread };
  /** value ÷ baseline. */
  readonly ratio?: number | null;
  readonly note?: string;
}

export type Unit = "syncs" | "bytes" | "ms" | "calls/s" | "count";

export interface BudgetCheck {
  readonly budget: string;
  /** What was compared with the limit, in words: `3 (5,000 rows, update)`. */
  readonly measured: string;
  readonly status: BudgetStatus;
}

/** A budget on one number: PASS when `value` is within `limit` (at most, or at least), OVER otherwise. */
export function checkBudget(
  budget: string,
  value: number | null,
  limit: { readonly atMost: number } | { readonly atLeast: number },
  describe: (value: number) => string,
): BudgetCheck {
  if (value === null) return { budget, measured: "not measured", status: "NOT MEASURED" };
  const within = "atMost" in limit ? value <= limit.atMost : value >= limit.atLeast;
  return { budget, measured: describe(value), status: within ? "PASS" : "OVER" };
}

/** value ÷ baseline, or null when either is missing or the baseline is 0. */
export function ratioOf(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0) return null;
  return value / baseline;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `1,234,567 B (1.23 MB)`, `850 ms`, `1.52 M/s`. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return "not measured";
  switch (unit) {
    case "syncs":
      return `${grouped.format(value)} ${value === 1 ? "sync" : "syncs"}`;
    case "count":
      return grouped.format(value);
    case "bytes":
      return `${grouped.format(value)} B${value >= 10_000 ? ` (${formatBytes(value)})` : ""}`;
    case "ms":
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case "calls/s":
      return formatRate(value);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(2)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${bytes} B`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1_000_000) return `${(perSecond / 1_000_000).toFixed(2)} M/s`;
  if (perSecond >= 1_000) return `${(perSecond / 1_000).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)}/s`;
}

export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === undefined) return "";
  if (ratio === null) return "n/a";
  if (ratio >= 100) return `${ratio.toFixed(0)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  if (ratio >= 0.01) return `${ratio.toFixed(2)}×`;
  return `${ratio.toPrecision(2)}×`;
}

function valueCell(figure: Figure): string {
  const value = formatValue(figure.value, figure.unit);
  if (!figure.spread || figure.value === null) return value;
  const { min, max, runs } = figure.spread;
  return `${value} (${formatValue(min, figure.unit)} – ${formatValue(max, figure.unit)}, ${runs} runs)`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** A Markdown table with aligned columns. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => [...(row[column] ?? "")].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, column) => cell + " ".repeat(widths[column]! - [...cell].length)).join(" | ")} |`;
  return [
    line(cells[0]!),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...cells.slice(1).map(line),
  ].join("\n");
}

/** One Markdown table per section: figure, value (median and spread), baseline, ratio, notes. */
export function figuresTables(figures: readonly Figure[]): string {
  const sections = [...new Set(figures.map((figure) => figure.section))];
  return sections
    .map((section) => {
      const rows = figures
        .filter((figure) => figure.section === section)
        .map((figure) => [
          figure.name,
          valueCell(figure),
          figure.baseline ? `${figure.baseline.label}: ${formatValue(figure.baseline.value, figure.unit)}` : "",
          formatRatio(figure.ratio),
          figure.note ?? "",
        ]);
      return `### ${section}\n\n${markdownTable(["Figure", "Value", "Baseline", "Ratio (value ÷ baseline)", "Note"], rows)}`;
    })
    .join("\n\n");
}

export function budgetTable(checks: readonly BudgetCheck[]): string {
  return markdownTable(
    ["Status", "Budget", "Measured"],
    checks.map((check) => [`**${check.status}**`, check.budget, check.measured]),
  );
}

/** The plain lines a reader scans for: `PASS  at most 3 syncs per generation … (measured 3)`. */
export function budgetLines(checks: readonly BudgetCheck[]): string {
  return checks.map((check) => `${check.status.padEnd(12)} ${check.budget}: ${check.measured}`).join("\n");
}
