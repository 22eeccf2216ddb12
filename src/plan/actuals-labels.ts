/**
 * The words the actuals tables show for a deal's status and an activity's type, in each language. Reading the tables
 * back accepts the labels of every language (a workbook generated in French and updated from an English pane still
 * reads), and the plan values themselves (`won`, `call`), case and accents aside.
 *
 * Provisional home: the one catalog of choice labels is src/plan/choice-labels.ts; these join it when the tracking
 * sheet's labels land there (the same words, one source).
 */
import { CRM_ACTIVITY_TYPES, DEAL_STATUSES, type ActivityType, type DealStatus } from "./actuals";
import { LOCALES, type PlanLocale } from "./schema";

export interface ActualsLabels {
  readonly dealStatus: Readonly<Record<DealStatus, string>>;
  readonly activityType: Readonly<Record<ActivityType, string>>;
}

const CATALOG: Readonly<Record<PlanLocale, ActualsLabels>> = {
  "en-US": {
    dealStatus: { won: "Won", lost: "Lost", open: "Open" },
    activityType: { call: "Call", email: "Email", meeting: "Meeting", demo: "Demo", task: "Task", other: "Other" },
  },
  "fr-FR": {
    dealStatus: { won: "Gagnée", lost: "Perdue", open: "Ouverte" },
    activityType: {
      call: "Appel",
      email: "E-mail",
      meeting: "Réunion",
      demo: "Démo",
      task: "Tâche",
      other: "Autre",
    },
  },
};

export function actualsLabels(locale: PlanLocale): ActualsLabels {
  return CATALOG[locale];
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
    for (const locale of LOCALES) byText.set(comparable(labelsOf(CATALOG[locale])[value]), value);
  }
  return (text: string): T | undefined => byText.get(comparable(text));
}

/** The status a cell's label stands for, in any language; undefined for anything else. */
export const dealStatusOfLabel = lookup(DEAL_STATUSES, (labels) => labels.dealStatus);

/** The activity type a cell's label stands for, in any language; undefined for anything else. */
export const activityTypeOfLabel = lookup(CRM_ACTIVITY_TYPES, (labels) => labels.activityType);
