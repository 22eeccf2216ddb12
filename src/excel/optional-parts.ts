/**
 * The optional parts of a workbook action: what makes the sheets nicer but not what makes them right. A failure in
 * one of them never fails the action: the part is written again on its own, then (charts) in its fallback form, and
 * what still fails is left out and reported among the degraded features.
 *
 * Why retrying is needed at all: newer chart types refuse some chart and series calls on some hosts
 * (OfficeDev/office-js #2041, #2971; "UnsupportedOperation" for Waterfall and Sunburst series, OfficeDev/office-js-docs
 * #910), and Excel stops a request at the first refused command while keeping the ones before it. The optional writes
 * travel at the end of the last critical request (no extra sync when all goes well); after a failure each part gets
 * its own request, so the number of syncs stays bounded: one for the parts other than charts together (one more per
 * part if that is refused too), one to find the charts a failed request left, one per chart to draw it again, and,
 * only for a chart that is refused, up to three more (remove what was half drawn, draw the fallback, remove it too if
 * refused).
 */
import type { PlanLocale } from "../plan/schema";
import type { ChartKind } from "../workbook/spec";
import { chartFormName } from "./charts";
import { excelMessage, type ExcelMessageKey } from "./messages";
import type { WorksheetApi } from "./office-port";
import type { QueuedWrite } from "./request-budget";
import type { ExcelSupport } from "./requirements";

export type OptionalPart = "tabColors" | "hyperlinks" | "validations" | "conditionalFormats" | "pageLayout" | "charts";

/** A chart write's identity and its fallback drawing. */
export interface OptionalChart {
  readonly id: string;
  readonly title: string;
  readonly kind: ChartKind;
  readonly fallbackKind: ChartKind | undefined;
  /** Queues the chart in its fallback form (its spec `fallbackKind`, or a simpler form). */
  drawFallback(): void;
}

const PART_NAMES: Readonly<Record<OptionalPart, ExcelMessageKey>> = {
  tabColors: "partTabColors",
  hyperlinks: "partHyperlinks",
  validations: "partValidations",
  conditionalFormats: "partConditionalFormats",
  pageLayout: "partPageLayout",
  charts: "partCharts",
};

export interface OptionalRepair {
  readonly sync: () => Promise<unknown>;
  readonly locale: PlanLocale;
  readonly support: ExcelSupport;
  /** The generated sheets by name (they all exist once the critical part is done). */
  readonly worksheet: (name: string) => WorksheetApi;
  readonly degrade: (message: string) => void;
  readonly describe: (error: unknown) => string;
}

/** The writes in their critical-then-optional order (the critical part ends with the stored plan). */
export function criticalFirst(writes: readonly QueuedWrite[]): QueuedWrite[] {
  return [...writes.filter((write) => write.part === undefined), ...writes.filter((write) => write.part !== undefined)];
}

/**
 * Writes again the optional writes that a failed request may have left half done (`writes`: those of the failed
 * request and of the requests never sent). Never throws.
 */
export async function repairOptionalParts(writes: readonly QueuedWrite[], repair: OptionalRepair): Promise<void> {
  const parts = [...new Set(writes.flatMap((write) => write.part ?? []))];
  // First the parts other than charts together: one request when the refusal was a chart's (the usual case).
  const others = parts.filter((part) => part !== "charts");
  if (others.length > 1) {
    try {
      for (const part of others) resetPart(part, sheetsOf(writes.filter((write) => write.part === part)), repair);
      for (const write of writes) if (write.part !== undefined && write.part !== "charts") write.apply();
      await repair.sync();
      others.length = 0;
    } catch {
      // One of them is refused: each gets its own request below.
    }
  }
  for (const part of [...others, ...parts.filter((part) => part === "charts")]) {
    const own = writes.filter((write) => write.part === part);
    if (part === "charts") {
      await repairCharts(own, repair);
      continue;
    }
    const sheets = sheetsOf(own);
    try {
      resetPart(part, sheets, repair);
      for (const write of own) write.apply();
      await repair.sync();
    } catch (error) {
      // Leave nothing half done: the part is left out, and the report says so.
      await quietly(async () => {
        resetPart(part, sheets, repair);
        await repair.sync();
      });
      repair.degrade(
        excelMessage(repair.locale, "degradedPartRefused", {
          part: excelMessage(repair.locale, PART_NAMES[part]),
          detail: repair.describe(error),
        }),
      );
    }
  }
}

const sheetsOf = (writes: readonly QueuedWrite[]): string[] => [
  ...new Set(writes.flatMap((write) => write.sheet ?? [])),
];

/** Clears what a part may have added, where adding it twice would duplicate it. Queues only. */
function resetPart(part: OptionalPart, sheets: readonly string[], repair: OptionalRepair): void {
  for (const name of sheets) {
    const whole = repair.worksheet(name).getRange();
    if (part === "conditionalFormats") whole.conditionalFormats.clearAll();
    if (part === "validations") whole.dataValidation.clear();
    // Tab colours, links and page layout are set, not added: writing them again is harmless.
  }
}

async function repairCharts(writes: readonly QueuedWrite[], repair: OptionalRepair): Promise<void> {
  const charts = writes.filter((write) => write.chart !== undefined);
  // What the failed request drew of these charts (all of it, part of one, or nothing) goes first.
  await quietly(() => removeCharts(charts, repair));
  for (const write of charts) {
    const chart = write.chart!;
    try {
      write.apply();
      await repair.sync();
      continue;
    } catch (error) {
      const params = { chart: chart.title, sheet: write.sheet ?? "", detail: repair.describe(error) };
      try {
        await removeCharts([write], repair);
        chart.drawFallback();
        await repair.sync();
        // A fallback may draw nothing (no form of the chart fits the host): the report says what is on the sheet.
        if (!(await chartDrawn(write, repair))) throw new Error("no fallback form");
        repair.degrade(
          excelMessage(repair.locale, "degradedChartRefused", {
            ...params,
            form: chart.fallbackKind
              ? chartFormName(repair.locale, chart.fallbackKind)
              : excelMessage(repair.locale, "chartFormSimpler"),
          }),
        );
      } catch {
        await quietly(() => removeCharts([write], repair, true));
        repair.degrade(excelMessage(repair.locale, "degradedChartRefusedSkipped", params));
      }
    }
  }
}

/** Deletes the charts these writes draw (by their names), wherever a failed request left them. */
async function removeCharts(writes: readonly QueuedWrite[], repair: OptionalRepair, flush = false): Promise<void> {
  const sheets = [...new Set(writes.flatMap((write) => write.sheet ?? []))];
  const collections = sheets.map((name) => {
    const charts = repair.worksheet(name).charts;
    charts.load("items/name");
    return { name, charts };
  });
  await repair.sync();
  for (const { name, charts } of collections) {
    const ids = new Set(writes.filter((write) => write.sheet === name).map((write) => write.chart!.id));
    for (const chart of charts.items) if (ids.has(chart.name)) chart.delete();
  }
  // Otherwise the deletions travel with the next drawing.
  if (flush) await repair.sync();
}

async function chartDrawn(write: QueuedWrite, repair: OptionalRepair): Promise<boolean> {
  const charts = repair.worksheet(write.sheet ?? "").charts;
  charts.load("items/name");
  await repair.sync();
  return charts.items.some((chart) => chart.name === write.chart!.id);
}

async function quietly(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch {
    // Best effort after a failure: what could not be cleaned is reported by the caller's message.
  }
}
