/**
 * CRM import: parse (papaparse) and normalise (presets, amounts, dates, statuses) seeded synthetic exports of
 * 100,000 deals and 500,000 activities, in Node (the pane runs the same pure code in the browser).
 * The deals are the French Pipedrive shape (semicolons, decimal commas with no-break spaces, DD/MM/YYYY dates), the
 * costliest to read; the activities the English Pipedrive shape.
 */
import { detectPreset, normaliseActivities, normaliseDeals, parseCsv } from "../src/crm";
import { generateCrmFixture } from "../scripts/crm-fixtures";
import type { Figure, Spread } from "./report";

export interface CrmImportMeasurement {
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
  readonly median: number;
  readonly spread: Spread;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, run: () => number): { median: number; spread: Spread; rows: number } {
  const durations: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = run();
    durations.push(performance.now() - started);
  }
  return {
    median: median(durations),
    spread: { min: Math.min(...durations), max: Math.max(...durations), runs },
    rows,
  };
}

export function measureCrmImport(
  sizes: { readonly deals: number; readonly activities: number },
  runs: number,
): CrmImportMeasurement[] {
  const deals = generateCrmFixture({ crm: "pipedrive-fr", deals: sizes.deals, activities: 0, badRows: 5, seed: 7 });
  const activities = generateCrmFixture({
    crm: "pipedrive-en",
    deals: 0,
    activities: sizes.activities,
    badRows: 5,
    seed: 7,
  });
  const dealsTiming = time(runs, () => {
    const table = parseCsv(deals.dealsCsv);
    const result = normaliseDeals(table, detectPreset(table.headers, "deals")!.mapping, { planCurrency: "EUR" });
    if (result.good.length !== deals.truth.deals.length) throw new Error("deals: the import lost rows");
    return table.rows.length;
  });
  const activitiesTiming = time(runs, () => {
    const table = parseCsv(activities.activitiesCsv);
    const result = normaliseActivities(table, detectPreset(table.headers, "activities")!.mapping, {});
    if (result.good.length !== activities.truth.activities.length) throw new Error("activities: the import lost rows");
    return table.rows.length;
  });
  return [
    {
      name: `${sizes.deals.toLocaleString("en-US")} deals (Pipedrive, French CSV)`,
      bytes: deals.dealsCsv.length,
      ...dealsTiming,
    },
    {
      name: `${sizes.activities.toLocaleString("en-US")} activities (Pipedrive CSV)`,
      bytes: activities.activitiesCsv.length,
      ...activitiesTiming,
    },
  ];
}

export function crmImportFigures(results: readonly CrmImportMeasurement[]): Figure[] {
  return results.map((result) => ({
    section: "CRM import",
    name: `parse + normalise ${result.name}`,
    value: result.median,
    unit: "ms",
    spread: result.spread,
    note: `${result.rows.toLocaleString("en-US")} rows, ${(result.bytes / 1e6).toFixed(1)} M characters`,
  }));
}
