import { CHOICE_FIELDS, choiceLabels, type ChoiceGroup } from "../../src/plan/choice-labels";
import { LOCALES, planSchema, type PlanLocale } from "../../src/plan/schema";
import { en } from "../../src/taskpane/i18n/en";
import { fr } from "../../src/taskpane/i18n/fr";
import { convertCell } from "../../src/workbook/cell-values";
import { layoutText, type LayoutText } from "../../src/workbook/i18n";

type ZodDef = { readonly type: string; readonly [key: string]: unknown };

/** Every field of the schema whose values are a closed set of strings (an enum, or the literals of a union). */
function choiceFields(schema: unknown, path = "", found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const def = (schema as { _zod: { def: ZodDef } })._zod.def;
  const add = (values: readonly unknown[]) => {
    const strings = values.filter((value): value is string => typeof value === "string");
    if (strings.length === 0) return;
    const set = found.get(path) ?? new Set<string>();
    for (const value of strings) set.add(value);
    found.set(path, set);
  };
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape as object))
        choiceFields(child, path ? `${path}.${key}` : key, found);
      break;
    case "array":
      choiceFields(def.element, `${path}[]`, found);
      break;
    case "union":
      for (const option of def.options as unknown[]) choiceFields(option, path, found);
      break;
    case "enum":
      add(Object.values(def.entries as object));
      break;
    case "literal":
      add(def.values as unknown[]);
      break;
    case "optional":
    case "default":
    case "nullable":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      choiceFields(def.innerType, path, found);
      break;
    case "pipe":
      choiceFields(def.in, path, found);
      break;
  }
  return found;
}

/** The workbook catalog's name for each group (the sheets show no language choice). */
const SHEET_GROUPS: Readonly<Record<Exclude<ChoiceGroup, "locale">, keyof LayoutText>> = {
  insightSource: "insightSources",
  activityPeriod: "activityPeriods",
  targetPeriod: "targetPeriods",
  funnelRounding: "roundingModes",
  granularity: "granularities",
  priority: "priorities",
  pipelineSource: "pipelineSources",
  methodology: "methodologies",
  initiativeCategory: "categories",
  initiativeStatus: "statuses",
  tier: "tiers",
  kpiUnit: "kpiUnits",
  kpiFrequency: "frequencies",
  targetKind: "targetKinds",
  dealStatus: "dealStatuses",
  activityType: "activityTypes",
  actualsKind: "actualsKinds",
};

const PANE = { "en-US": en, "fr-FR": fr } as const;
const groups = Object.keys(CHOICE_FIELDS) as ChoiceGroup[];

describe("the labels of a plan's choices", () => {
  it("cover every closed set of values in the plan schema, each field in exactly one group", () => {
    const fields = choiceFields(planSchema);
    const claimed = groups.flatMap((group) => CHOICE_FIELDS[group]);
    expect([...claimed].sort()).toEqual([...fields.keys()].sort());
    expect(new Set(claimed).size).toBe(claimed.length);
  });

  it.each(LOCALES)("give every value of every choice exactly one label in %s, distinct within its group", (locale) => {
    const fields = choiceFields(planSchema);
    for (const group of groups) {
      const labels = choiceLabels(locale)[group] as Readonly<Record<string, string>>;
      for (const path of CHOICE_FIELDS[group])
        expect(Object.keys(labels).sort()).toEqual([...fields.get(path)!].sort());
      const words = Object.values(labels);
      expect(words.every((word) => word.trim() !== "" && word === word.trim())).toBe(true);
      expect(new Set(words.map((word) => word.toLocaleLowerCase(locale))).size).toBe(words.length);
    }
  });

  it.each(LOCALES)("are the same words in the pane and in the sheets (%s)", (locale: PlanLocale) => {
    const sheets = layoutText(locale);
    for (const group of groups) {
      expect([group, PANE[locale].enums[group]]).toEqual([group, choiceLabels(locale)[group]]);
      if (group !== "locale")
        expect([group, sheets[SHEET_GROUPS[group]]]).toEqual([group, choiceLabels(locale)[group]]);
    }
  });

  it("uses the chosen French words where the pane and the sheets used to disagree", () => {
    const labels = choiceLabels("fr-FR");
    expect(labels.initiativeStatus.notStarted).toBe("Non démarrée");
    expect(labels.insightSource.customerSuccess).toBe("Succès client");
    expect(labels.kpiFrequency.weekly).toBe("Hebdomadaire");
    expect(labels.granularity.quarter).toBe("Trimestre fiscal");
    expect(labels.targetKind.funnelStage).toBe("Volume d'une étape de l'entonnoir");
  });

  it("still reads back the labels that earlier workbooks wrote", () => {
    const frSheets = layoutText("fr-FR");
    const sources = { type: "enum" as const, options: frSheets.insightSources };
    expect(convertCell("Service client", sources, frSheets)).toEqual({
      ok: true,
      present: true,
      value: "customerSuccess",
    });
    const kinds = { type: "enum" as const, options: layoutText("en-US").targetKinds };
    expect(convertCell("Funnel stage", kinds, layoutText("en-US"))).toEqual({
      ok: true,
      present: true,
      value: "funnelStage",
    });
    // A former label of another choice is not a value of this one.
    const statuses = { type: "enum" as const, options: frSheets.statuses };
    expect(convertCell("Service client", statuses, frSheets).ok).toBe(false);
  });
});
