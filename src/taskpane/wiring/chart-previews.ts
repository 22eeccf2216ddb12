/**
 * Pictures of the workbook's charts for the pane outside Excel: the plan's layout (the same charts the workbook will
 * hold) drawn by the SVG renderer. Loaded on demand, with the layout, so the pane's first load does not carry them.
 */
import { renderChartSvg } from "../../chart-svg/render";
import type { Plan } from "../../plan/schema";
import { localIsoDate } from "../../plan/calendar";
import { layoutWorkbook } from "../../workbook/layout";
import type { ChartPicture } from "../results/ChartPreviews";

/** Every chart of the plan's workbook as an SVG document, in the plan's language and the pane's theme. */
export function chartPictures(plan: Plan, theme: "light" | "dark", today: Date): ChartPicture[] {
  const spec = layoutWorkbook(plan, { generatedOn: localIsoDate(today) });
  return spec.sheets.flatMap((sheet) =>
    sheet.charts.map((chart) => ({
      id: chart.id,
      title: chart.title,
      sheet: sheet.name,
      svg: renderChartSvg(chart, { theme, locale: spec.locale, width: chart.kind === "gantt" ? 720 : 480 }),
    })),
  );
}
