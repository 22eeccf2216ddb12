/**
 * Every user-visible validation message of the plan, in English and French. The schema only names a message
 * (its key and parameters); `formatIssue` turns it into a sentence in the user's language, prefixed by the path of
 * the field (`objectives.funnel[2].conversionRate must be greater than 0 and at most 1`).
 */

import { toExcelPrecision } from "./excel-precision";

export type MessageLocale = "en-US" | "fr-FR";

export const planMessages = {
  "en-US": {
    required: "is required",
    number: "must be a number",
    notFinite: "is too large a number",
    integer: "must be a whole number",
    text: "must be text",
    boolean: "must be true or false",
    list: "must be a list",
    object: "must be a group of fields",
    nonEmpty: "must not be empty",
    maxLength: "must be at most {max} characters",
    minItems: "must hold at least {min} item(s)",
    maxItems: "must hold at most {max} item(s)",
    exactItems: "must hold exactly {count} item(s)",
    rate: "must be greater than 0 and at most 1",
    fraction: "must be from 0 to 1",
    attrition: "must be 0 or more and less than 1",
    positive: "must be greater than 0",
    nonNegative: "must be 0 or more",
    range: "must be from {min} to {max}",
    max: "must be at most {max}",
    min: "must be at least {min}",
    above: "must be greater than {min}",
    oneOf: "must be one of: {options}",
    yearMonth: "must be a month written YYYY-MM, such as 2027-01",
    isoDate: "must be a real date written YYYY-MM-DD, such as 2027-03-31",
    dateRange: "must be from {min} to {max}",
    currency: "must be an ISO 4217 currency code such as EUR or USD",
    id: 'must be 1 to 40 letters, digits, "-" or "_"',
    url: "must be an http or https address",
    unknownKeys: "has unknown field(s): {keys}",
    weightsAllZero: "must not all be zero",
    endBeforeStart: "must be on or after the start date {start}",
    duplicateId: 'repeats the id "{id}" already used at {other}',
    unknownReference: 'refers to "{id}", which is not an id in {list}',
    schemaVersion: "must be {expected} (this file was written for version {actual})",
    rampVector: "must hold 1 to 60 fractions from 0 to 1",
    ramp: "must be a number of months from 0 to 60, or a list of 1 to 60 fractions from 0 to 1",
    quotaWithoutValue: "is set but the role has no quota per month",
    zeroOrAtLeast: "must be 0, or from {min} to {max}",
    weightsTooSmall: "must hold at least one weight of {min} or more",
    startMonthRange: "must be a month from {min} to {max}",
    dealsOverLimit:
      "gives {value} won deals a year (annual revenue target ÷ average deal value), more than the limit of {limit}: raise the average deal value or lower the revenue target",
    funnelOverLimit:
      'makes the stage "{name}" need {value} a year, more than the limit of {limit}: raise this conversion rate (or those of the stages below it) or the average deal value',
    growthOverLimit:
      "makes the revenue target of plan year {year} reach {value}, more than the limit of {limit}: lower the growth rate or the annual revenue target",
    workloadHeadcountOverLimit:
      "makes the role need {value} people for its activity, more than the limit of {limit}: raise the capacity per person or the utilization, or lower the activity's quantity",
    revenueHeadcountOverLimit:
      "makes the role need {value} people in plan year {year}, more than the limit of {limit}: raise the quota, the attainment, or lower the target share or the revenue target",
    roleCostOverLimit:
      "makes the role cost {value} in plan year {year} (people × (base salary + variable pay)), more than the limit of {limit}: lower the base salary or the variable pay, or the role's headcount",
    totalCostOverLimit:
      "makes all roles together cost {value} in plan year {year}, more than the limit of {limit}: lower the pay or the headcount of the costliest roles",
    scenarioRateRange:
      'makes the conversion rate of the stage "{stage}" {value}, outside {min} to 1 (100 %): change the factor or the stage\'s rate',
    scenarioCapacityRange:
      'makes the capacity per person per day of the role "{role}" {value}, outside {min} to {max}: change the factor',
    overlayOfOverlay:
      'refers to "{id}", which is itself an overlay role: an overlay supports a role sized on its own (by activity, quota or planned headcount)',
    overlayWithDriver:
      "sizes the role from the role it supports, so the role must have no activity, no quota per month and no planned headcount",
    duplicateSource: 'repeats the source "{source}": list each pipeline source once',
    sharesSum: "must have shares adding up to 1 (100 %); they add up to {value}",
  },
  "fr-FR": {
    required: "est obligatoire",
    number: "doit être un nombre",
    notFinite: "est un nombre trop grand",
    integer: "doit être un nombre entier",
    text: "doit être du texte",
    boolean: "doit valoir vrai ou faux",
    list: "doit être une liste",
    object: "doit être un groupe de champs",
    nonEmpty: "ne doit pas être vide",
    maxLength: "doit compter au plus {max} caractères",
    minItems: "doit contenir au moins {min} élément(s)",
    maxItems: "doit contenir au plus {max} élément(s)",
    exactItems: "doit contenir exactement {count} élément(s)",
    rate: "doit être supérieur à 0 et au plus égal à 1",
    fraction: "doit être compris entre 0 et 1",
    attrition: "doit être supérieur ou égal à 0 et inférieur à 1",
    positive: "doit être supérieur à 0",
    nonNegative: "doit être supérieur ou égal à 0",
    range: "doit être compris entre {min} et {max}",
    max: "doit être au plus égal à {max}",
    min: "doit être au moins égal à {min}",
    above: "doit être supérieur à {min}",
    oneOf: "doit être l'une des valeurs : {options}",
    yearMonth: "doit être un mois écrit AAAA-MM, par exemple 2027-01",
    isoDate: "doit être une date réelle écrite AAAA-MM-JJ, par exemple 2027-03-31",
    dateRange: "doit être comprise entre {min} et {max}",
    currency: "doit être un code de devise ISO 4217 tel que EUR ou USD",
    id: "doit compter 1 à 40 lettres, chiffres, « - » ou « _ »",
    url: "doit être une adresse http ou https",
    unknownKeys: "contient des champs inconnus : {keys}",
    weightsAllZero: "ne doivent pas tous valoir zéro",
    endBeforeStart: "doit être postérieure ou égale à la date de début {start}",
    duplicateId: "reprend l'identifiant « {id} » déjà utilisé en {other}",
    unknownReference: "fait référence à « {id} », qui n'est pas un identifiant de {list}",
    schemaVersion: "doit valoir {expected} (ce fichier a été écrit pour la version {actual})",
    rampVector: "doit contenir de 1 à 60 fractions comprises entre 0 et 1",
    ramp: "doit être un nombre de mois de 0 à 60, ou une liste de 1 à 60 fractions comprises entre 0 et 1",
    quotaWithoutValue: "est renseigné mais le rôle n'a pas de quota mensuel",
    zeroOrAtLeast: "doit valoir 0, ou être compris entre {min} et {max}",
    weightsTooSmall: "doit contenir au moins un poids supérieur ou égal à {min}",
    startMonthRange: "doit être un mois compris entre {min} et {max}",
    dealsOverLimit:
      "donne {value} affaires gagnées par an (objectif annuel ÷ valeur moyenne d'une affaire), au-delà de la limite de {limit} : augmentez la valeur moyenne ou baissez l'objectif de chiffre d'affaires",
    funnelOverLimit:
      "porte l'étape « {name} » à {value} par an, au-delà de la limite de {limit} : augmentez ce taux de conversion (ou ceux des étapes suivantes) ou la valeur moyenne d'une affaire",
    growthOverLimit:
      "porte l'objectif de chiffre d'affaires de l'année {year} du plan à {value}, au-delà de la limite de {limit} : baissez le taux de croissance ou l'objectif annuel",
    workloadHeadcountOverLimit:
      "porte l'effectif nécessaire à l'activité du rôle à {value} personnes, au-delà de la limite de {limit} : augmentez la capacité par personne ou le taux d'utilisation, ou baissez la quantité de l'activité",
    revenueHeadcountOverLimit:
      "porte l'effectif du rôle à {value} personnes l'année {year} du plan, au-delà de la limite de {limit} : augmentez le quota ou le taux d'atteinte, ou baissez la part de l'objectif ou l'objectif de chiffre d'affaires",
    roleCostOverLimit:
      "porte le coût du rôle à {value} l'année {year} du plan (effectif × (salaire fixe + rémunération variable)), au-delà de la limite de {limit} : baissez le salaire fixe ou la rémunération variable, ou l'effectif du rôle",
    totalCostOverLimit:
      "porte le coût de l'ensemble des rôles à {value} l'année {year} du plan, au-delà de la limite de {limit} : baissez la rémunération ou l'effectif des rôles les plus coûteux",
    scenarioRateRange:
      "porte le taux de conversion de l'étape « {stage} » à {value}, hors de {min} à 1 (100 %) : changez le facteur ou le taux de l'étape",
    scenarioCapacityRange:
      "porte la capacité par personne et par jour du rôle « {role} » à {value}, hors de {min} à {max} : changez le facteur",
    overlayOfOverlay:
      "fait référence à « {id} », qui est lui-même un rôle d'appui : un rôle d'appui accompagne un rôle dimensionné par lui-même (activité, quota ou effectif prévu)",
    overlayWithDriver:
      "dimensionne le rôle d'après le rôle qu'il accompagne : le rôle ne doit avoir ni activité, ni quota mensuel, ni effectif prévu",
    duplicateSource: "reprend la source « {source} » : indiquez chaque source de pipeline une seule fois",
    sharesSum: "doit avoir des parts dont la somme vaut 1 (100 %) ; leur somme vaut {value}",
  },
} as const satisfies Record<MessageLocale, Record<string, string>>;

export type MessageKey = keyof (typeof planMessages)["en-US"];

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(planMessages["en-US"], value);
}

/**
 * A message reference carried inside a zod issue: the key and its parameters, encoded as text
 * (`range|min=12|max=60`) because zod's built-in checks carry a message string only.
 */
export function encodeMessage(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return [key, ...Object.entries(params).map(([name, value]) => `${name}=${value}`)].join("|");
}

export function decodeMessage(text: string): { key: MessageKey; params: Record<string, string> } | undefined {
  const [key = "", ...pairs] = text.split("|");
  if (!isMessageKey(key)) return undefined;
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { key, params };
}

/**
 * Parameters that are numbers (bounds, counts, computed figures): shown in the user's number format (1,000,000 in
 * English, 1 000 000 in French), or as percentages for a field the user types in percent.
 */
const NUMBER_PARAMS: ReadonlySet<string> = new Set(["min", "max", "count", "limit", "value"]);
/** The parameters that are bounds of the field itself, shown as percentages on a field typed in percent. */
const BOUND_PARAMS: ReadonlySet<string> = new Set(["min", "max"]);

/**
 * The messages whose bounds are written in the text: their wording for a field typed in percent (where 1 means
 * 1 %), so "at most 1" reads "at most 100 %" as the user typed 150 for 150 %.
 */
const PERCENT_WORDING: Readonly<Record<MessageLocale, Partial<Record<MessageKey, string>>>> = {
  "en-US": {
    rate: "must be greater than 0 % and at most 100 %",
    fraction: "must be from 0 % to 100 %",
    attrition: "must be 0 % or more and less than 100 %",
  },
  "fr-FR": {
    rate: "doit être supérieur à 0 % et au plus égal à 100 %",
    fraction: "doit être compris entre 0 % et 100 %",
    attrition: "doit être supérieur ou égal à 0 % et inférieur à 100 %",
  },
};

const SCENARIO_PREFIX: Readonly<Record<MessageLocale, string>> = {
  "en-US": '(scenario "{scenario}") ',
  "fr-FR": "(scénario « {scenario} ») ",
};

const numberFormats = new Map<MessageLocale, Intl.NumberFormat>();
function numberFormat(locale: MessageLocale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    // Up to 20 decimals so a bound such as 0.000000001 shows every digit it has.
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    numberFormats.set(locale, format);
  }
  return format;
}

/**
 * A number parameter in the user's format (`1,000,000`, `1 000 000`), or as a percentage (`100 %`, written as the
 * workbook read-back writes it); text that is not a plain decimal number is shown as it is.
 */
export function formatMessageNumber(value: string | number, locale: MessageLocale, percent = false): string {
  const number = typeof value === "number" ? value : /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return String(value);
  if (!percent) return numberFormat(locale).format(number);
  return `${numberFormat(locale).format(toExcelPrecision(number * 100))} %`;
}

export interface RenderOptions {
  /** The field is typed in percent: bounds are shown as percentages (1 → 100 %). */
  readonly percent?: boolean;
}

/** Fills `{name}` placeholders of a catalog message; number parameters are shown in the locale's number format. */
export function renderMessage(
  locale: MessageLocale,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
  options: RenderOptions = {},
): string {
  const percent = options.percent === true;
  const problem = (percent ? PERCENT_WORDING[locale][key] : undefined) ?? planMessages[locale][key];
  // A problem of a scenario's plan names the scenario: `(scenario "Downside") makes the conversion rate…`.
  const template = params.scenario === undefined ? problem : `${SCENARIO_PREFIX[locale]}${problem}`;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return NUMBER_PARAMS.has(name)
      ? formatMessageNumber(value, locale, percent && BOUND_PARAMS.has(name))
      : String(value);
  });
}

/** `["objectives", "funnel", 2, "conversionRate"]` → `objectives.funnel[2].conversionRate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "plan" : out;
}
