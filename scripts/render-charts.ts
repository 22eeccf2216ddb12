/**
 * `npm run charts [-- <folder>]`: writes every chart of both example plans as SVG pictures, light and dark, to
 * `<folder>/<example>/<chart id>.svg` and `<chart id>-dark.svg` (default folder: artifacts/charts), at the size of the
 * chart's frame on its sheet. No browser and no Excel needed: open the files in any browser or image viewer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chartFrameSize } from "../src/chart-svg/frame-size";
import { renderChartSvg } from "../src/chart-svg/render";
import { EXAMPLE_PLANS, examplePlan, parsePlan, type ExampleName } from "../src/plan";
import { layoutWorkbook } from "../src/workbook/layout";

/** Writes the SVGs of one example into `folder/<example>/` and returns the files written. */
export function renderExampleCharts(example: ExampleName, folder: string, generatedOn: string): string[] {
  const plan = parsePlan(examplePlan(example));
  const spec = layoutWorkbook(plan, { generatedOn });
  const target = path.join(folder, example);
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  for (const sheet of spec.sheets) {
    for (const chart of sheet.charts) {
      const size = chartFrameSize(sheet, chart);
      for (const theme of ["light", "dark"] as const) {
        const file = path.join(target, `${chart.id}${theme === "dark" ? "-dark" : ""}.svg`);
        writeFileSync(file, renderChartSvg(chart, { ...size, theme, locale: plan.meta.locale }));
        written.push(file);
      }
    }
  }
  return written;
}

function main(): void {
  const folder = path.resolve(process.argv[2] ?? path.join("artifacts", "charts"));
  const today = new Date().toISOString().slice(0, 10);
  for (const example of Object.keys(EXAMPLE_PLANS) as ExampleName[]) {
    const files = renderExampleCharts(example, folder, today);
    console.log(`${example}: ${files.length} SVG files in ${path.join(folder, example)}`);
  }
}

if (require.main === module) main();
