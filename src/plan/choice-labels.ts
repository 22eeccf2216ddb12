/**
 * The words for every choice a plan offers (statuses, sources, frequencies…), in each language: one catalog that the
 * task pane's selects and the workbook's cells and drop-down lists both show, so a user meets one word for one thing.
 *
 * Keys are the schema's enumeration values (src/plan/schema.ts); `CHOICE_FIELDS` says which plan field each group
 * labels, and tests/plan/choice-labels.test.ts checks the catalog against every enumeration of the schema.
 */
import type { CRM_ACTIVITY_TYPES, DEAL_STATUSES } from "./actuals";
import type {
  ACTIVITY_PERIODS,
  INITIATIVE_CATEGORIES,
  INITIATIVE_STATUSES,
  INSIGHT_SOURCES,
  KPI_FREQUENCIES,
  KPI_UNITS,
  LOCALES,
  METHODOLOGIES,
  PIPELINE_SOURCES,
  PlanLocale,
  SEGMENT_PRIORITIES,
  TARGET_PERIODS,
} from "./schema";

type LabelsOf<Values extends readonly string[]> = Readonly<Record<Values[number], string>>;

export interface ChoiceLabels {
  readonly locale: LabelsOf<typeof LOCALES>;
  readonly insightSource: LabelsOf<typeof INSIGHT_SOURCES>;
  readonly activityPeriod: LabelsOf<typeof ACTIVITY_PERIODS>;
  readonly targetPeriod: LabelsOf<typeof TARGET_PERIODS>;
  readonly funnelRounding: LabelsOf<readonly ["up", "none"]>;
  readonly granularity: LabelsOf<readonly ["quarter", "month"]>;
  readonly priority: LabelsOf<typeof SEGMENT_PRIORITIES>;
  readonly pipelineSource: LabelsOf<typeof PIPELINE_SOURCES>;
  readonly methodology: LabelsOf<typeof METHODOLOGIES>;
  readonly initiativeCategory: LabelsOf<typeof INITIATIVE_CATEGORIES>;
  readonly initiativeStatus: LabelsOf<typeof INITIATIVE_STATUSES>;
  readonly tier: LabelsOf<readonly ["primary", "secondary"]>;
  readonly kpiUnit: LabelsOf<typeof KPI_UNITS>;
  readonly kpiFrequency: LabelsOf<typeof KPI_FREQUENCIES>;
  readonly targetKind: LabelsOf<
    readonly ["fixed", "revenueTarget", "deals", "averageDealValue", "winRate", "funnelStage", "activity", "sla"]
  >;
  /** A CRM deal's status, as the `CRM deals` table's status column shows it and the tracking formulas count it. */
  readonly dealStatus: LabelsOf<typeof DEAL_STATUSES>;
  /** A CRM activity's type, as the `CRM activities` table's type column shows it and the tracking links count it. */
  readonly activityType: LabelsOf<typeof CRM_ACTIVITY_TYPES>;
  /** Which export a remembered column mapping is for. */
  readonly actualsKind: LabelsOf<readonly ["deals", "activities"]>;
}

export type ChoiceGroup = keyof ChoiceLabels;

/** The plan fields (paths, `[]` for each row of a list) whose values each group labels. */
export const CHOICE_FIELDS: Readonly<Record<ChoiceGroup, readonly string[]>> = {
  locale: ["meta.locale"],
  insightSource: ["mission.insights[].source"],
  activityPeriod: ["objectives.activityTargets[].period"],
  targetPeriod: ["measurement.kpis[].target.period", "measurement.repKpis[].target.period"],
  funnelRounding: ["objectives.funnelRounding"],
  granularity: ["objectives.seasonality.granularity", "scenarios[].overrides.seasonality.granularity"],
  priority: ["audience.segments[].priority"],
  pipelineSource: ["objectives.pipelineSources[].source"],
  methodology: ["methodology.stages[].methodology"],
  initiativeCategory: ["execution.initiatives[].category"],
  initiativeStatus: ["execution.initiatives[].status"],
  tier: ["measurement.kpis[].tier"],
  kpiUnit: ["measurement.kpis[].unit", "measurement.repKpis[].unit"],
  kpiFrequency: ["measurement.kpis[].frequency"],
  targetKind: ["measurement.kpis[].target.kind", "measurement.repKpis[].target.kind"],
  // A record's field (src/plan/actuals.ts), not a plan field.
  dealStatus: [],
  activityType: ["measurement.tracking.activityTypes[].type"],
  actualsKind: ["measurement.tracking.mappings[].kind"],
};

const en: ChoiceLabels = {
  locale: { "fr-FR": "French (France)", "en-US": "English (United States)" },
  insightSource: {
    marketing: "Marketing",
    customerSuccess: "Customer success",
    customers: "Customers",
    content: "Content",
    webMentions: "Web mentions",
    other: "Other",
  },
  activityPeriod: { day: "Day", week: "Week", month: "Month" },
  targetPeriod: { day: "Working day", week: "Week", month: "Month", quarter: "Quarter", year: "Year" },
  funnelRounding: { up: "Rounded up to whole numbers", none: "Exact" },
  granularity: { quarter: "Fiscal quarter", month: "Fiscal month" },
  priority: { high: "High", medium: "Medium", low: "Low" },
  pipelineSource: {
    marketing: "Marketing",
    bizdev: "Business developers (SDR)",
    ae: "Account executives",
    partners: "Partners",
  },
  methodology: {
    SPIN: "SPIN",
    BANT: "BANT",
    MEDDIC: "MEDDIC",
    Challenger: "Challenger",
    SolutionSelling: "Solution selling",
    Other: "Other",
  },
  initiativeCategory: {
    hiring: "Hiring",
    process: "Process",
    tooling: "Tooling",
    training: "Training",
    campaign: "Campaign",
    other: "Other",
  },
  initiativeStatus: {
    notStarted: "Not started",
    inProgress: "In progress",
    done: "Done",
    atRisk: "At risk",
    blocked: "Blocked",
  },
  tier: { primary: "Primary", secondary: "Secondary" },
  kpiUnit: { currency: "Currency", percent: "Percent", count: "Count", hours: "Hours", days: "Days" },
  kpiFrequency: { daily: "Daily", weekly: "Weekly", monthly: "Monthly", quarterly: "Quarterly" },
  // Short enough for a cell and a drop-down list: the row's stage, activity or SLA sits in the next columns.
  targetKind: {
    fixed: "Fixed value",
    revenueTarget: "Revenue target",
    deals: "Won deals",
    averageDealValue: "Average deal value",
    winRate: "Win rate",
    funnelStage: "Funnel stage volume",
    activity: "Activity target",
    sla: "Response-time SLA",
  },
  dealStatus: { won: "Won", lost: "Lost", open: "Open" },
  activityType: { call: "Call", email: "Email", meeting: "Meeting", demo: "Demo", task: "Task", other: "Other" },
  actualsKind: { deals: "Deals", activities: "Activities" },
};

const fr: ChoiceLabels = {
  locale: { "fr-FR": "Français (France)", "en-US": "Anglais (États-Unis)" },
  insightSource: {
    marketing: "Marketing",
    // The customer success team (onboarding, renewals), not "Service client", which is customer support.
    customerSuccess: "Succès client",
    customers: "Clients",
    content: "Contenus",
    webMentions: "Mentions sur le web",
    other: "Autre",
  },
  activityPeriod: { day: "Jour", week: "Semaine", month: "Mois" },
  targetPeriod: { day: "Jour ouvré", week: "Semaine", month: "Mois", quarter: "Trimestre", year: "Année" },
  funnelRounding: { up: "Arrondis à l'entier supérieur", none: "Exacts" },
  // The sheets' other headers say "Trimestre fiscal" too.
  granularity: { quarter: "Trimestre fiscal", month: "Mois fiscal" },
  priority: { high: "Haute", medium: "Moyenne", low: "Basse" },
  pipelineSource: {
    marketing: "Marketing",
    bizdev: "Business developers",
    ae: "Commerciaux (AE)",
    partners: "Partenaires",
  },
  methodology: {
    SPIN: "SPIN",
    BANT: "BANT",
    MEDDIC: "MEDDIC",
    Challenger: "Challenger",
    SolutionSelling: "Vente de solutions",
    Other: "Autre",
  },
  initiativeCategory: {
    hiring: "Recrutement",
    process: "Processus",
    tooling: "Outils",
    training: "Formation",
    campaign: "Campagne",
    other: "Autre",
  },
  // Agreeing with "initiative" (feminine); "Non démarrée" is the usual status word in French project tools.
  initiativeStatus: {
    notStarted: "Non démarrée",
    inProgress: "En cours",
    done: "Terminée",
    atRisk: "À risque",
    blocked: "Bloquée",
  },
  tier: { primary: "Principal", secondary: "Secondaire" },
  kpiUnit: { currency: "Devise", percent: "Pourcentage", count: "Nombre", hours: "Heures", days: "Jours" },
  // Adjectives agreeing with "fréquence", the column and field they answer.
  kpiFrequency: { daily: "Quotidienne", weekly: "Hebdomadaire", monthly: "Mensuelle", quarterly: "Trimestrielle" },
  targetKind: {
    fixed: "Valeur fixe",
    revenueTarget: "Objectif de CA",
    deals: "Affaires gagnées",
    averageDealValue: "Valeur moyenne d'une affaire",
    winRate: "Taux de closing",
    funnelStage: "Volume d'une étape de l'entonnoir",
    activity: "Objectif d'activité",
    sla: "Délai de réponse (SLA)",
  },
  // Agreeing with "affaire" (feminine).
  dealStatus: { won: "Gagnée", lost: "Perdue", open: "Ouverte" },
  activityType: { call: "Appel", email: "E-mail", meeting: "Réunion", demo: "Démo", task: "Tâche", other: "Autre" },
  actualsKind: { deals: "Affaires", activities: "Activités" },
};

const catalogs: Readonly<Record<PlanLocale, ChoiceLabels>> = { "en-US": en, "fr-FR": fr };

/** The labels of every choice in `locale`. */
export function choiceLabels(locale: PlanLocale): ChoiceLabels {
  return catalogs[locale];
}

/**
 * Labels that earlier versions wrote into the sheets, by group, still read back as their value: a workbook generated
 * before the labels were unified keeps updating.
 */
export const FORMER_SHEET_LABELS: Readonly<Partial<Record<ChoiceGroup, Readonly<Record<string, string>>>>> = {
  insightSource: { "Service client": "customerSuccess" },
  targetKind: { "Funnel stage": "funnelStage", "Étape de l'entonnoir": "funnelStage" },
};
