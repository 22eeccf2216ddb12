/**
 * Step 1: the mission, positioning and value proposition (inputs), the differentiators (one per line), the insights by
 * source and the positioning questions (tables).
 */
import type { Plan } from "../../plan/schema";
import { inputColumn, placeInput } from "../inputs";
import { headingCell, labelCell, listTable, SheetBuilder, subtitleCell, titleCell } from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import type { LayoutContext, SheetLayout } from "./context";

type Insight = Plan["mission"]["insights"][number];
type Question = Plan["mission"]["positioningQuestions"][number];

export function missionSheet(context: LayoutContext): SheetLayout {
  const { plan, text, kinds, sheetNames } = context;
  const t = text.mission;
  const sheet = new SheetBuilder("mission", sheetNames.mission, TAB_COLORS.mission);
  sheet.width(0, 34);
  sheet.width(1, 100);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.mission));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const statements = sheet.block("statements");
  statements.set({ row: 3, column: 0 }, headingCell(t.statementsSection, 1));
  const mission = plan.mission;
  const fields = [
    { field: t.missionStatement, path: "mission.missionStatement", value: mission.missionStatement },
    { field: t.positioningStatement, path: "mission.positioningStatement", value: mission.positioningStatement },
    { field: t.valueProposition, path: "mission.valueProposition", value: mission.valueProposition },
  ];
  fields.forEach((entry, index) => {
    statements.set({ row: 4 + index, column: 0 }, labelCell(entry.field.header));
    placeInput(
      sheet,
      statements,
      { row: 4 + index, column: 1 },
      entry.value,
      entry.path,
      entry.field,
      kinds.text(2000),
    );
  });
  statements.set({ row: 7, column: 0 }, labelCell(t.differentiators.header));
  placeInput(
    sheet,
    statements,
    { row: 7, column: 1 },
    mission.differentiators.join("\n"),
    "mission.differentiators",
    t.differentiators,
    kinds.textList,
  );

  const insights = sheet.block("insights");
  insights.set({ row: 9, column: 0 }, headingCell(t.insightsSection, 1));
  const insightTable = listTable<Insight>(sheet, insights, {
    name: "PlanInsights",
    anchor: { row: 10, column: 0 },
    items: mission.insights,
    binding: { list: "mission.insights", label: t.insights },
    columns: [
      {
        key: "source",
        ...inputColumn("source", t.source, kinds.choice(text.insightSources)),
        cell: (item) => ({ value: text.insightSources[item.source] }),
      },
      {
        key: "text",
        ...inputColumn("text", t.insight, kinds.text(2000)),
        cell: (item) => ({ value: item.text }),
      },
    ],
  });

  const questions = sheet.block("questions");
  const questionsTop = insightTable.lastRow + 2;
  questions.set({ row: questionsTop, column: 0 }, headingCell(t.questionsSection, 1));
  listTable<Question>(sheet, questions, {
    name: "PlanPositioningQuestions",
    anchor: { row: questionsTop + 1, column: 0 },
    items: mission.positioningQuestions,
    binding: { list: "mission.positioningQuestions", label: t.questions },
    columns: [
      {
        key: "question",
        ...inputColumn("question", t.question, kinds.text(500)),
        cell: (item) => ({ value: item.question }),
      },
      { key: "answer", ...inputColumn("answer", t.answer, kinds.text(2000)), cell: (item) => ({ value: item.answer }) },
    ],
  });

  sheet.freeze(2, 0);
  sheet.printing("portrait");
  return { sheet: sheet.build(), names: [] };
}
