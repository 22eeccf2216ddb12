/** The Scenarios sheet's words, in English and French (kept beside the sheet: no other sheet uses them). */
import type { PlanLocale } from "../../plan/schema";
import type { FieldText } from "../i18n";

const field = (header: string, subject: string): FieldText => ({ header, subject });

const en = {
  note: "Type a value in a scenario's yellow cell to override the base; a blank cell takes the base's value. Every result is an Excel formula.",
  driver: "Driver",
  base: "Base",
  driversSection: "Drivers",
  resultsSection: "Results (plan year 1)",
  scenarioName: field("Scenario", "the scenario's name"),
  annualRevenueTarget: field("Annual revenue target", "the scenario's revenue target"),
  annualGrowthRate: field("Annual growth rate", "the scenario's growth rate"),
  averageDealValue: field("Average deal value", "the scenario's average deal value"),
  conversionRate: (stage: string) => field(`Conversion rate: ${stage}`, `the scenario's conversion rate of ${stage}`),
  conversionFactor: field("Factor on every conversion rate", "the scenario's conversion factor"),
  capacityFactor: field("Factor on every capacity per person", "the scenario's capacity factor"),
  utilization: field("Utilization (roles with an activity)", "the scenario's utilization"),
  quotaAttainment: field("Quota attainment (quota roles)", "the scenario's quota attainment"),
  perRole: "per role",
  deals: "Won deals needed",
  stageVolume: (stage: string) => `Volume a year: ${stage}`,
  topPerDay: "Top of the funnel per working day",
  headcount: (role: string) => `Headcount: ${role}`,
  cost: (role: string) => `Annual cost: ${role}`,
  totalHeadcount: "Total headcount",
  totalCost: "Total annual cost",
  sensitivitySection: "Sensitivity: top of the funnel a year",
  sensitivityNote:
    "Rows: every conversion rate of the base × the factor (at most 100 %). Columns: the base's average deal value × the factor. Green: fewer than the base needs; red: more.",
  rateFactor: "Conversion × / deal value ×",
  stepsSection: "Calculation steps of the sensitivity table",
  step: (factor: number, stage: string) => `Conversion × ${factor}: ${stage}`,
  recordSection: (label: string, date: string) => `Plan of record${label ? `: ${label}` : ""}, approved ${date}`,
  figure: "Figure",
  approved: "Approved",
  working: "Working plan",
  variance: "Variance",
  headcountChart: "Total headcount by scenario",
  costChart: "Total annual cost by scenario",
  factorValidation: "Enter a factor from 0.000001 to 10 (1.1 is +10 %).",
};

const fr: typeof en = {
  note: "Saisissez une valeur dans une cellule jaune d'un scénario pour remplacer la base ; une cellule vide reprend la valeur de la base. Chaque résultat est une formule Excel.",
  driver: "Hypothèse",
  base: "Base",
  driversSection: "Hypothèses",
  resultsSection: "Résultats (année 1 du plan)",
  scenarioName: field("Scénario", "le nom du scénario"),
  annualRevenueTarget: field("Objectif de chiffre d'affaires annuel", "l'objectif de chiffre d'affaires du scénario"),
  annualGrowthRate: field("Croissance annuelle", "la croissance du scénario"),
  averageDealValue: field("Valeur moyenne d'une affaire", "la valeur moyenne d'une affaire du scénario"),
  conversionRate: (stage: string) =>
    field(`Taux de conversion : ${stage}`, `le taux de conversion de ${stage} du scénario`),
  conversionFactor: field("Facteur sur chaque taux de conversion", "le facteur de conversion du scénario"),
  capacityFactor: field("Facteur sur chaque capacité par personne", "le facteur de capacité du scénario"),
  utilization: field("Taux d'occupation (rôles avec une activité)", "le taux d'occupation du scénario"),
  quotaAttainment: field("Atteinte du quota (rôles à quota)", "l'atteinte du quota du scénario"),
  perRole: "par rôle",
  deals: "Affaires gagnées nécessaires",
  stageVolume: (stage: string) => `Volume par an : ${stage}`,
  topPerDay: "Haut de l'entonnoir par jour ouvré",
  headcount: (role: string) => `Effectif : ${role}`,
  cost: (role: string) => `Coût annuel : ${role}`,
  totalHeadcount: "Effectif total",
  totalCost: "Coût annuel total",
  sensitivitySection: "Sensibilité : haut de l'entonnoir par an",
  sensitivityNote:
    "Lignes : chaque taux de conversion de la base × le facteur (au plus 100 %). Colonnes : la valeur moyenne d'une affaire de la base × le facteur. Vert : moins que la base ; rouge : plus.",
  rateFactor: "Conversion × / valeur ×",
  stepsSection: "Étapes de calcul du tableau de sensibilité",
  step: (factor: number, stage: string) => `Conversion × ${String(factor).replace(".", ",")} : ${stage}`,
  recordSection: (label: string, date: string) => `Plan de référence${label ? ` : ${label}` : ""}, approuvé le ${date}`,
  figure: "Indicateur",
  approved: "Approuvé",
  working: "Plan de travail",
  variance: "Écart",
  headcountChart: "Effectif total par scénario",
  costChart: "Coût annuel total par scénario",
  factorValidation: "Saisissez un facteur compris entre 0,000001 et 10 (1,1 vaut +10 %).",
};

export type ScenariosText = typeof en;

export function scenariosText(locale: PlanLocale): ScenariosText {
  return locale === "fr-FR" ? fr : en;
}
