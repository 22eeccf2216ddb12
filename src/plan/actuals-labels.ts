/**
 * The words the actuals tables show for a deal's status and an activity's type, from the one catalog of choice labels
 * (src/plan/choice-labels.ts), and their reading back: any language's label (a workbook generated in French and
 * updated from an English pane still reads) or the plan value itself (`won`, `call`), case and accents aside.
 */
import { CRM_ACTIVITY_TYPES, DEAL_STATUSES, type ActivityType, type DealStatus } from "./actuals";
import { choiceLabels } from "./choice-labels";
import { LOCALES, type PlanLocale } from "./schema";

export interface ActualsLabels {
  readonly dealStatus: Readonly<Record<DealStatus, string>>;
  readonly activityType: Readonly<Record<ActivityType, string>>;
}

export function actualsLabels(locale: PlanLocale): ActualsLabels {
  const { dealStatus, activityType } = choiceLabels(locale);
  return { dealStatus, activityType };
}

/** Case, accents and spaces do not matter: `gagnee`, ` GAGNÉE ` and `Gagnée` are one label. */
function comparable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function lookup<T extends string>(values: readonly T[], labelsOf: (labels: ActualsLabels) => Record<T, string>) {
  const byText = new Map<string, T>();
  for (const value of values) {
    byText.set(comparable(value), value);
    for (const locale of LOCALES) byText.set(comparable(labelsOf(actualsLabels(locale))[value]), value);
  }
  return (text: string): T | undefined => byText.get(comparable(text));
}

/** The status a cell's label stands for, in any language; undefined for anything else. */
export const dealStatusOfLabel = lookup(DEAL_STATUSES, (labels) => labels.dealStatus);

/** The activity type a cell's label stands for, in any language; undefined for anything else. */
export const activityTypeOfLabel = lookup(CRM_ACTIVITY_TYPES, (labels) => labels.activityType);
