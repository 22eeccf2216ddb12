import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { renderExampleCharts } from "../../scripts/render-charts";

describe("npm run charts", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "charts-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes every chart of an example as a light and a dark SVG, named by chart id", () => {
    const files = renderExampleCharts("fr-reference", folder, "2026-12-15").map((file) => path.relative(folder, file));
    const ids = [
      "targetAndCapacity",
      "funnel",
      "revenueByQuarter",
      "headcountByQuarter",
      "capacityByQuarter",
      "gantt",
      "cumulativeRevenue",
      "scenarioHeadcount",
      "scenarioCost",
    ];
    expect(files).toEqual(ids.flatMap((id) => [`fr-reference/${id}.svg`, `fr-reference/${id}-dark.svg`]));
    const gantt = readFileSync(path.join(folder, "fr-reference", "gantt.svg"), "utf8");
    expect(XMLValidator.validate(gantt)).toBe(true);
    expect(gantt).toContain("Plan d&#39;exécution");
    expect(readFileSync(path.join(folder, "fr-reference", "gantt-dark.svg"), "utf8")).toContain('fill="#262626"');
  });
});
