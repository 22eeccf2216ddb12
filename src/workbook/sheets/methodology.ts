/**
 * Step 5: the sales stages with their description, activities (one per line), owner, methodology, exit criteria and
 * playbook link.
 */
import type { SalesStage } from "../../plan/schema";
import { inputColumn } from "../inputs";
import { headingCell, listTable, SheetBuilder, subtitleCell, titleCell } from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import type { LayoutContext, SheetLayout } from "./context";

export function methodologySheet(context: LayoutContext): SheetLayout {
  const { plan, text, kinds, sheetNames } = context;
  const t = text.methodology;
  const sheet = new SheetBuilder("methodology", sheetNames.methodology, TAB_COLORS.methodology);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.methodology));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const stages = sheet.block("stages");
  stages.set({ row: 3, column: 0 }, headingCell(t.stagesSection, 2));
  const table = listTable<SalesStage>(sheet, stages, {
    name: "PlanSalesStages",
    anchor: { row: 4, column: 0 },
    items: plan.methodology.stages,
    binding: { list: "methodology.stages", idField: "id", nameField: "name", label: t.stages },
    columns: [
      { key: "id", width: 16, ...inputColumn("id", t.stageId, kinds.text(40)), cell: (s) => ({ value: s.id }) },
      { key: "name", width: 30, ...inputColumn("name", t.name, kinds.text(120)), cell: (s) => ({ value: s.name }) },
      {
        key: "description",
        width: 44,
        ...inputColumn("description", t.description, kinds.text(2000)),
        cell: (s) => ({ value: s.description }),
      },
      {
        key: "activities",
        width: 36,
        ...inputColumn("activities", t.activities, kinds.textList),
        cell: (s) => ({ value: s.activities.join("\n") }),
      },
      { key: "owner", width: 22, ...inputColumn("owner", t.owner, kinds.text(120)), cell: (s) => ({ value: s.owner }) },
      {
        key: "methodology",
        width: 18,
        ...inputColumn("methodology", t.methodology, kinds.choice(text.methodologies)),
        cell: (s) => ({ value: text.methodologies[s.methodology] }),
      },
      {
        key: "exit",
        width: 36,
        ...inputColumn("exitCriteria", t.exitCriteria, kinds.text(1000)),
        cell: (s) => ({ value: s.exitCriteria }),
      },
      {
        key: "playbook",
        width: 30,
        ...inputColumn("playbookUrl", t.playbookUrl, kinds.text(2000)),
        // The schema accepts http(s) in any case; the spec's link needs a lower-case scheme.
        cell: (s) => ({
          value: s.playbookUrl,
          ...(/^https?:\/\//.test(s.playbookUrl) ? { link: { url: s.playbookUrl } } : {}),
        }),
      },
    ],
  });

  sheet.freeze(table.headerRow + 1, 2);
  sheet.printing("landscape", { first: table.headerRow, last: table.headerRow });
  return { sheet: sheet.build(), names: [] };
}
