/**
 * Step 4: the target account criteria (lists one item per line, the employee range), the segments and the personas,
 * whose long texts wrap in wide columns.
 */
import type { Plan } from "../../plan/schema";
import { inputColumn, placeInput } from "../inputs";
import { headingCell, labelCell, listTable, SheetBuilder, subtitleCell, titleCell } from "../sheet-builder";
import { TAB_COLORS } from "../styles";
import type { LayoutContext, SheetLayout } from "./context";

type Segment = Plan["audience"]["segments"][number];
type Persona = Plan["audience"]["personas"][number];

export function audienceSheet(context: LayoutContext): SheetLayout {
  const { plan, text, kinds, sheetNames } = context;
  const t = text.audience;
  const audience = plan.audience;
  const sheet = new SheetBuilder("audience", sheetNames.audience, TAB_COLORS.audience);
  sheet.width(0, 30);
  sheet.width(1, 30);
  for (let column = 2; column <= 7; column++) sheet.width(column, 40);

  const header = sheet.block("title");
  header.set({ row: 0, column: 0 }, titleCell(text.sheetTitles.audience));
  header.set({ row: 1, column: 0 }, subtitleCell(plan.meta.planName));

  const criteria = sheet.block("criteria");
  criteria.set({ row: 3, column: 0 }, headingCell(t.criteriaSection, 2));
  const account = audience.accountCriteria;
  const rows = [
    {
      field: t.industries,
      path: "audience.accountCriteria.industries",
      value: account.industries.join("\n"),
      kind: kinds.textList,
    },
    {
      field: t.employeesMin,
      path: "audience.accountCriteria.employeeRange.min",
      value: account.employeeRange.min,
      kind: kinds.wholeCount(),
    },
    {
      field: t.employeesMax,
      path: "audience.accountCriteria.employeeRange.max",
      value: account.employeeRange.max,
      kind: kinds.wholeCount(true),
    },
    {
      field: t.fundingStages,
      path: "audience.accountCriteria.fundingStages",
      value: account.fundingStages.join("\n"),
      kind: kinds.textList,
    },
    {
      field: t.otherCriteria,
      path: "audience.accountCriteria.otherCriteria",
      value: account.otherCriteria.join("\n"),
      kind: kinds.textList,
    },
  ];
  rows.forEach((entry, index) => {
    criteria.set({ row: 4 + index, column: 0 }, labelCell(entry.field.header));
    placeInput(sheet, criteria, { row: 4 + index, column: 1 }, entry.value, entry.path, entry.field, entry.kind, 1);
  });

  const segments = sheet.block("segments");
  segments.set({ row: 10, column: 0 }, headingCell(t.segmentsSection, 2));
  const segmentTable = listTable<Segment>(sheet, segments, {
    name: "PlanSegments",
    anchor: { row: 11, column: 0 },
    items: audience.segments,
    binding: { list: "audience.segments", label: t.segments },
    columns: [
      { key: "name", ...inputColumn("name", t.segmentName, kinds.text(120)), cell: (s) => ({ value: s.name }) },
      {
        key: "criteria",
        ...inputColumn("criteria", t.criteria, kinds.text(1000)),
        cell: (s) => ({ value: s.criteria }),
      },
      {
        key: "priority",
        ...inputColumn("priority", t.priority, kinds.choice(text.priorities)),
        cell: (s) => ({ value: text.priorities[s.priority] }),
      },
    ],
  });

  const personas = sheet.block("personas");
  const personasTop = segmentTable.lastRow + 2;
  personas.set({ row: personasTop, column: 0 }, headingCell(t.personasSection, 2));
  const personaFields = [
    ["role", t.role, 200],
    ["profile", t.profile, 2000],
    ["demographics", t.demographics, 2000],
    ["traits", t.traits, 2000],
    ["challenges", t.challenges, 2000],
    ["goals", t.goals, 2000],
    ["ourSolution", t.ourSolution, 2000],
  ] as const;
  listTable<Persona>(sheet, personas, {
    name: "PlanPersonas",
    anchor: { row: personasTop + 1, column: 0 },
    items: audience.personas,
    binding: { list: "audience.personas", label: t.personas },
    columns: [
      { key: "name", ...inputColumn("name", t.personaName, kinds.text(120)), cell: (p) => ({ value: p.name }) },
      ...personaFields.map(([key, field, max]) => ({
        key,
        ...inputColumn(key, field, kinds.text(max)),
        cell: (p: Persona) => ({ value: p[key] }),
      })),
    ],
  });

  sheet.freeze(2, 1);
  sheet.printing("landscape");
  return { sheet: sheet.build(), names: [] };
}
