/**
 * Every user-visible message of the CRM import, in English and French (one catalog, as src/plan/messages.ts is for
 * the plan). An issue only names its message (a key and parameters); `formatCrmIssue` writes the sentence, always
 * naming the row and the column so the user can find the cell in the export.
 */
import type { MessageLocale } from "../plan/messages";

export const crmMessages = {
  "en-US": {
    rowColumn: 'Row {row}, column "{column}"',
    fileEmpty: "The file holds no header row.",
    fileEncoding: "The file is not text in UTF-8 or UTF-16; save it again as CSV UTF-8 or as Unicode text.",
    worksheetMissing: 'The workbook has no worksheet named "{name}" (it has: {names}).',
    duplicateHeader: 'The header "{header}" appears more than once; rename one of the columns.',
    missingColumn: 'no column is mapped to "{field}"; map one of the headers to it',
    unknownHeader: 'the mapping names the header "{header}", which the file does not have',
    required: "is empty; {field} is required",
    amount:
      '"{value}" is not an amount; write digits with one decimal separator, such as 1234.56, 1,234.56 or 1 234,56',
    amountConvention:
      '"{value}" does not follow this column\'s number format (decimal separator "{decimal}"); write it like {example}',
    amountAmbiguous:
      '"{value}" could be {asPoint} or {asComma}; choose the decimal separator of this column ("." or ",")',
    date: '"{value}" is not a date; write YYYY-MM-DD (with an optional time), DD/MM/YYYY, MM/DD/YYYY or an Excel date',
    dateInvalid: '"{value}" is not a real calendar date',
    dateRange: '"{value}" is outside the dates Excel counts correctly, {min} to {max}',
    dateOrderConflict: '"{value}" does not fit the day/month order of this column ({order})',
    dateAmbiguous: '"{value}" could be day/month or month/day; choose the date order of this column',
    status: '"{value}" is not a deal status; accepted: {accepted}',
    boolean: '"{value}" is not yes or no; accepted: {accepted}',
    wonWithoutDate: "the deal is won but has no close date",
    activityWithoutDate: "the activity has neither a due date nor a done time",
    duplicateId: 'repeats the CRM id "{id}" of row {other}',
  },
  "fr-FR": {
    rowColumn: "Ligne {row}, colonne « {column} »",
    fileEmpty: "Le fichier n’a pas de ligne d’en-tête.",
    fileEncoding:
      "Le fichier n’est pas du texte UTF-8 ni UTF-16 ; enregistrez-le à nouveau en CSV UTF-8 ou en texte Unicode.",
    worksheetMissing: "Le classeur n’a pas de feuille nommée « {name} » (il a : {names}).",
    duplicateHeader: "L’en-tête « {header} » apparaît plusieurs fois ; renommez l’une des colonnes.",
    missingColumn: "aucune colonne n’est associée à « {field} » ; associez-lui l’un des en-têtes",
    unknownHeader: "l’association cite l’en-tête « {header} », absent du fichier",
    required: "est vide ; {field} est obligatoire",
    amount:
      "« {value} » n’est pas un montant ; écrivez des chiffres avec un seul séparateur décimal, comme 1234,56, 1 234,56 ou 1,234.56",
    amountConvention:
      "« {value} » ne suit pas le format de nombre de cette colonne (séparateur décimal « {decimal} ») ; écrivez-le comme {example}",
    amountAmbiguous:
      "« {value} » peut valoir {asPoint} ou {asComma} ; choisissez le séparateur décimal de cette colonne (« . » ou « , »)",
    date: "« {value} » n’est pas une date ; écrivez AAAA-MM-JJ (heure facultative), JJ/MM/AAAA, MM/JJ/AAAA ou une date Excel",
    dateInvalid: "« {value} » n’est pas une date du calendrier",
    dateRange: "« {value} » est hors des dates qu’Excel compte juste, du {min} au {max}",
    dateOrderConflict: "« {value} » ne respecte pas l’ordre jour/mois de cette colonne ({order})",
    dateAmbiguous: "« {value} » peut se lire jour/mois ou mois/jour ; choisissez l’ordre des dates de cette colonne",
    status: "« {value} » n’est pas un statut d’affaire ; valeurs acceptées : {accepted}",
    boolean: "« {value} » n’est ni oui ni non ; valeurs acceptées : {accepted}",
    wonWithoutDate: "l’affaire est gagnée mais n’a pas de date de clôture",
    activityWithoutDate: "l’activité n’a ni date d’échéance ni date de réalisation",
    duplicateId: "répète l’identifiant CRM « {id} » de la ligne {other}",
  },
} as const satisfies Record<MessageLocale, Record<string, string>>;

export type CrmMessageKey = keyof (typeof crmMessages)["en-US"];
export type CrmMessageParams = Readonly<Record<string, string | number>>;

function fill(template: string, params: CrmMessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function formatCrmMessage(key: CrmMessageKey, params: CrmMessageParams, locale: MessageLocale): string {
  return fill(crmMessages[locale][key], params);
}

/** A problem with one cell (row and column known) or with the whole file (row 0 and no column). */
export interface CrmIssue {
  readonly rowNumber: number;
  readonly column: string | null;
  readonly key: CrmMessageKey;
  readonly params: CrmMessageParams;
}

/** `Row 12, column "Deal - Value": "12,5,0" is not an amount; …` in the user's language. */
export function formatCrmIssue(issue: CrmIssue, locale: MessageLocale): string {
  const message = formatCrmMessage(issue.key, issue.params, locale);
  if (issue.column === null) return message;
  const where = formatCrmMessage("rowColumn", { row: issue.rowNumber, column: issue.column }, locale);
  return `${where}: ${message}`;
}

/** Thrown when a whole file cannot be read (no header, wrong encoding, missing sheet): nothing is imported. */
export class CrmFileError extends Error {
  constructor(
    readonly key: CrmMessageKey,
    readonly params: CrmMessageParams = {},
  ) {
    super(formatCrmMessage(key, params, "en-US"));
    this.name = "CrmFileError";
  }
}
