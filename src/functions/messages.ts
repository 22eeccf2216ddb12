/**
 * Every message a PLAN.* function can show, in English and French: the one catalog of the custom functions.
 *
 * A message is a subject (an argument such as `capacity_per_person`, or one item of a range argument) followed by a
 * rule. Rules that also exist for the plan's fields are taken from the plan's own catalog (`src/plan/messages.ts`), so
 * a rate reads the same in a cell's error tooltip as in the task pane. Argument names stay in snake_case in both
 * languages: they are the names Excel shows, which are identical in every locale.
 */
import { PLAN_LIMITS } from "../plan/bounds";
import { toExcelSerial } from "../plan/calendar";
import { formatMessageNumber, planMessages, type MessageLocale } from "../plan/messages";

export type { MessageLocale };

/** The date serials of Excel's (and the plan's) first and last dates, as each language writes them. */
const firstSerial = toExcelSerial(PLAN_LIMITS.dates.min);
const lastSerial = toExcelSerial(PLAN_LIMITS.dates.max);
const enSerials = `${formatMessageNumber(firstSerial, "en-US")} to ${formatMessageNumber(lastSerial, "en-US")}`;
const frSerials = `${formatMessageNumber(firstSerial, "fr-FR")} à ${formatMessageNumber(lastSerial, "fr-FR")}`;

const en = planMessages["en-US"];
const fr = planMessages["fr-FR"];

export const functionMessages = {
  "en-US": {
    // Subjects.
    item: "item {index} of {argument}",
    // What an argument received, inside "(got …)".
    gotText: 'the text "{text}"',
    gotTrue: "TRUE",
    gotFalse: "FALSE",
    gotNumber: "{number}",
    gotRange: "a range",
    gotOther: "a value of type {type}",
    // Rules.
    required: `{subject} ${en.required}`,
    number: "{subject} must be a number (got {got})",
    finite: "{subject} must be a finite number",
    boolean: "{subject} must be TRUE or FALSE (got {got})",
    singleValue: "{subject} must be a single value, not a range",
    range: "{subject} must be a cell, a row or a column of values",
    vector: "{subject} must be a single row or column (got {rows} rows × {columns} columns)",
    emptyRange: "{subject} must hold at least one value",
    tooManyCells: "{subject} must hold at most {limit} cells (got {count})",
    positive: `{subject} ${en.positive}`,
    nonNegative: `{subject} ${en.nonNegative}`,
    rate: `{subject} ${en.rate}`,
    attritionRate: `{subject} ${en.attrition}`,
    fraction: `{subject} ${en.fraction}`,
    wholePeriods: "{subject} must be a whole number of periods",
    wholeNonNegative: "{subject} must be a whole number, 0 or more",
    sameShape: "{subject} must have the same shape as {other} ({rows} rows × {columns} columns)",
    onePerActual: "{subject} must hold one quota per actual ({count})",
    quotaBesideActual: "{subject} must be greater than 0 beside an actual: a rep's attainment is actual ÷ quota",
    noQuota:
      "{subject} must hold a quota greater than 0 in at least one pair (pairs with a blank cell, or two zeros, are skipped)",
    elapsedShare: "{subject} must be greater than 0 and at most total ({total})",
    elapsedWeights: "{subject} must be a whole number from 1 to the number of weights ({count})",
    totalWeights: "{subject} must be the number of weights ({count}) when weights are given",
    elapsedWeightsZero: "{subject} must not all be 0 in the first {elapsed} sub-periods",
    month: "{subject} must be a whole number from 1 to 12",
    date: `{subject} must be a date from 1900-03-01 to 9999-12-31 (a date serial from ${enSerials}, or text YYYY-MM-DD)`,
    dateGot: "{subject} must be a date from 1900-03-01 to 9999-12-31 (got {got})",
    rampPeriods: "{subject} must be 0 or more periods, or a row or column of fractions from 0 to 1",
    weightsAllZero: `{subject} ${en.weightsAllZero}`,
    weightsTooLarge: "{subject} must add up to a number within Excel's range",
    periodsMismatch:
      "{subject} must be a single rate per period, or a row or column of departure counts, one per period ({count} values)",
    departuresExceedRamped:
      "{subject}: departures through period {period} ({departed}) exceed the fully ramped reps available ({available})",
    wholeTotal: "{subject} must be a whole number, 0 or more, when whole is TRUE",
    splitInexact: "{subject} is too large to be split into whole parts that add up to it exactly",
    outOfRange: "{function} cannot give a result within Excel's number range for these arguments",
    unexpected: "{function} failed unexpectedly: {detail}",
  },
  "fr-FR": {
    item: "l'élément {index} de {argument}",
    gotText: "le texte « {text} »",
    gotTrue: "VRAI",
    gotFalse: "FAUX",
    gotNumber: "{number}",
    gotRange: "une plage",
    gotOther: "une valeur de type {type}",
    required: `{subject} ${fr.required}`,
    number: "{subject} doit être un nombre (reçu : {got})",
    finite: "{subject} doit être un nombre fini",
    boolean: "{subject} doit valoir VRAI ou FAUX (reçu : {got})",
    singleValue: "{subject} doit être une valeur unique, pas une plage",
    range: "{subject} doit être une cellule, une ligne ou une colonne de valeurs",
    vector: "{subject} doit être une seule ligne ou colonne (reçu : {rows} lignes × {columns} colonnes)",
    emptyRange: "{subject} doit contenir au moins une valeur",
    tooManyCells: "{subject} doit contenir au plus {limit} cellules (reçu : {count})",
    positive: `{subject} ${fr.positive}`,
    nonNegative: `{subject} ${fr.nonNegative}`,
    rate: `{subject} ${fr.rate}`,
    attritionRate: `{subject} ${fr.attrition}`,
    fraction: `{subject} ${fr.fraction}`,
    wholePeriods: "{subject} doit être un nombre entier de périodes",
    wholeNonNegative: "{subject} doit être un nombre entier supérieur ou égal à 0",
    sameShape: "{subject} doit avoir la même forme que {other} ({rows} lignes × {columns} colonnes)",
    onePerActual: "{subject} doit contenir un quota par réalisé ({count})",
    quotaBesideActual:
      "{subject} doit être supérieur à 0 à côté d'un réalisé : l'atteinte d'un commercial est réalisé ÷ quota",
    noQuota:
      "{subject} doit contenir un quota supérieur à 0 dans au moins une paire (les paires avec une cellule vide, ou deux zéros, sont ignorées)",
    elapsedShare: "{subject} doit être supérieur à 0 et au plus égal à total ({total})",
    elapsedWeights: "{subject} doit être un nombre entier de 1 au nombre de poids ({count})",
    totalWeights: "{subject} doit être égal au nombre de poids ({count}) quand weights est renseigné",
    elapsedWeightsZero: "{subject} ne doivent pas tous valoir 0 dans les {elapsed} premières sous-périodes",
    month: "{subject} doit être un nombre entier de 1 à 12",
    date: `{subject} doit être une date du 1900-03-01 au 9999-12-31 (un numéro de série de ${frSerials}, ou un texte AAAA-MM-JJ)`,
    dateGot: "{subject} doit être une date du 1900-03-01 au 9999-12-31 (reçu : {got})",
    rampPeriods:
      "{subject} doit être un nombre de périodes supérieur ou égal à 0, ou une ligne ou colonne de fractions de 0 à 1",
    weightsAllZero: `{subject} ${fr.weightsAllZero}`,
    weightsTooLarge: "{subject} doivent avoir une somme dans la plage des nombres d'Excel",
    periodsMismatch:
      "{subject} doit être un taux unique par période, ou une ligne ou colonne de nombres de départs, un par période ({count} valeurs)",
    departuresExceedRamped:
      "{subject} : les départs cumulés jusqu'à la période {period} ({departed}) dépassent les commerciaux pleinement productifs disponibles ({available})",
    wholeTotal: "{subject} doit être un nombre entier supérieur ou égal à 0 quand whole vaut VRAI",
    splitInexact:
      "{subject} est trop grand pour être réparti en parts entières dont la somme lui soit exactement égale",
    outOfRange: "{function} ne peut pas donner de résultat dans la plage des nombres d'Excel pour ces arguments",
    unexpected: "{function} a échoué de façon inattendue : {detail}",
  },
} as const satisfies Record<MessageLocale, Record<string, string>>;

export type FunctionMessageKey = keyof (typeof functionMessages)["en-US"];

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fills the `{name}` placeholders of a catalog message. Numbers are written in the user's number format, as the plan's
 * messages write them (`100,000`, `100 000`, a decimal comma in French), so "(2,5)" in a French tooltip reads as the
 * value the user typed.
 */
export function renderFunctionMessage(locale: MessageLocale, key: FunctionMessageKey, params: MessageParams): string {
  return functionMessages[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === "number" ? formatNumber(locale, value) : value;
  });
}

function formatNumber(locale: MessageLocale, value: number): string {
  const text = String(value);
  // Written out in full, 1E-300 would round to 0 and 1E308 take 309 digits: a number JavaScript writes with an
  // exponent keeps it (with a decimal comma in French).
  if (/e/i.test(text)) return locale === "fr-FR" ? text.replace(".", ",") : text;
  return formatMessageNumber(value, locale);
}
