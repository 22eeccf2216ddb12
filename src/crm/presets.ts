/**
 * The default export headers of Pipedrive, HubSpot and Salesforce, and how a file's headers are recognised.
 *
 * Every header below was looked up, never guessed; the source is cited beside each preset. Where a CRM's French
 * headers could not be found in its documentation or in public exports, there is no French preset: such a file is
 * mapped by hand in the pane (the mapping is then remembered under the file's header signature).
 * Headers compare without case, accents or repeated spaces (`normaliseHeader`).
 */
import { z } from "zod";

export const DEAL_FIELDS = [
  "crmId",
  "title",
  "owner",
  "value",
  "currency",
  "status",
  "isWon",
  "isClosed",
  "createdOn",
  "closedOn",
  "wonOn",
  "lostOn",
  "stage",
  "pipeline",
  "source",
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

export const ACTIVITY_FIELDS = ["crmId", "type", "subject", "owner", "dueOn", "done", "doneAt"] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export type ImportKind = "deals" | "activities";
export type FieldOf<K extends ImportKind> = K extends "deals" ? DealField : ActivityField;

/** Which header of the file feeds each field (a field left out is not in the file). */
export type ColumnMapping<K extends ImportKind = ImportKind> = {
  readonly kind: K;
  readonly columns: Partial<Record<FieldOf<K>, string>>;
};

export const columnMappingSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("deals"), columns: z.partialRecord(z.enum(DEAL_FIELDS), z.string().min(1)) }),
  z.strictObject({
    kind: z.literal("activities"),
    columns: z.partialRecord(z.enum(ACTIVITY_FIELDS), z.string().min(1)),
  }),
]);

export type CrmName = "pipedrive" | "hubspot" | "salesforce";

export interface Preset<K extends ImportKind = ImportKind> {
  readonly id: string;
  readonly crm: CrmName;
  readonly kind: K;
  readonly language: "en" | "fr";
  /** Accepted headers per field, the first being the one the CRM writes today (older exports used the others). */
  readonly columns: Partial<Record<FieldOf<K>, readonly string[]>>;
  /** Fields whose column must be present for the preset to apply. */
  readonly required: readonly FieldOf<K>[];
}

/*
 * Pipedrive, English. "Deal - ID", "Deal - Title", "Deal - Owner", "Deal - Value", "Deal - Currency", "Deal - Status",
 * "Deal - Stage", "Deal - Pipeline", "Deal - Deal created", "Deal - Won time", "Deal - Lost time" appear together in
 * public scripts that read or reproduce Pipedrive deal exports (found with the code index: find_string "Deal - Won
 * time"); "Deal - Currency of value", "Deal - Closed on", "Deal - Creation date" and the activity headers
 * "Activity - Type", "Activity - Done" (Done/Undone), "Activity - Due date", "Activity - Assigned to user",
 * "Activity - Marked as done time" come from a public summary of Pipedrive's import/export field reference (found
 * with find_string "Activity - Marked as done time"); "Activity - ID", "Activity - Subject" from public Pipedrive
 * connector code; "Deal - Source" from a public Pipedrive header map.
 */
const pipedriveDealsEn: Preset<"deals"> = {
  id: "pipedrive-deals-en",
  crm: "pipedrive",
  kind: "deals",
  language: "en",
  columns: {
    crmId: ["Deal - ID", "Deal - Pipedrive System ID"],
    title: ["Deal - Title"],
    owner: ["Deal - Owner"],
    value: ["Deal - Value"],
    currency: ["Deal - Currency", "Deal - Currency of value"],
    status: ["Deal - Status"],
    createdOn: ["Deal - Deal created", "Deal - Creation date", "Deal - Add time"],
    closedOn: ["Deal - Closed on"],
    wonOn: ["Deal - Won time"],
    lostOn: ["Deal - Lost time"],
    stage: ["Deal - Stage"],
    pipeline: ["Deal - Pipeline"],
    source: ["Deal - Source"],
  },
  required: ["title", "owner", "value", "status"],
};

/*
 * Pipedrive, French. "Affaire - ID", "Affaire - Titre", "Affaire - Propriétaire", "Affaire - Valeur",
 * "Affaire - Statut", "Affaire - Étape", "Affaire - Pipeline", "Affaire - Affaire créée", "Affaire - Date de gain",
 * "Affaire - Date de perte" come from public scripts that read French Pipedrive exports (find_string "Affaire -
 * Titre", "Affaire - Propriétaire"). No French header for the currency, the source, or the activity type and done
 * flag was found: those columns are left to a manual mapping, and there is no French activities preset.
 */
const pipedriveDealsFr: Preset<"deals"> = {
  id: "pipedrive-deals-fr",
  crm: "pipedrive",
  kind: "deals",
  language: "fr",
  columns: {
    crmId: ["Affaire - ID"],
    title: ["Affaire - Titre"],
    owner: ["Affaire - Propriétaire"],
    value: ["Affaire - Valeur"],
    status: ["Affaire - Statut"],
    createdOn: ["Affaire - Affaire créée"],
    wonOn: ["Affaire - Date de gain"],
    lostOn: ["Affaire - Date de perte"],
    stage: ["Affaire - Étape"],
    pipeline: ["Affaire - Pipeline"],
  },
  required: ["title", "owner", "value", "status"],
};

const pipedriveActivitiesEn: Preset<"activities"> = {
  id: "pipedrive-activities-en",
  crm: "pipedrive",
  kind: "activities",
  language: "en",
  columns: {
    crmId: ["Activity - ID", "Activity - Pipedrive System ID"],
    type: ["Activity - Type"],
    subject: ["Activity - Subject"],
    owner: ["Activity - Assigned to user"],
    dueOn: ["Activity - Due date"],
    done: ["Activity - Done"],
    doneAt: ["Activity - Marked as done time"],
  },
  required: ["type", "owner", "dueOn"],
};

/*
 * HubSpot, English. A public script's comment lists the columns of a file named
 * "hubspot-crm-exports-all-deals-2024-08-27.csv": "Record ID","Deal Name",…,"Deal Stage","Close Date","Deal owner",
 * "Amount",…,"Pipeline" (find_string '"Record ID","Deal Name"'); "Create Date", "Is Closed Won" and "Is Deal Closed?"
 * are HubSpot's deal property labels (public dump hairsolutionsco/automations_hub hubspot/objects/deals/properties.md).
 * Activities: "Activity date" (hs_timestamp), "Activity assigned to" (hubspot_owner_id), "Record ID" (hs_object_id),
 * "Task Status" (hs_task_status) and "Task Type" are HubSpot engagement property labels found in several public
 * HubSpot property lists; "Activity Type" in a public table of HubSpot export headers. The label of the currency
 * property (deal_currency_code) was not found: map it by hand. HubSpot's French labels were not found (only
 * unrelated uses of "Nom de la transaction"): no French HubSpot preset.
 */
const hubspotDealsEn: Preset<"deals"> = {
  id: "hubspot-deals-en",
  crm: "hubspot",
  kind: "deals",
  language: "en",
  columns: {
    crmId: ["Record ID"],
    title: ["Deal Name"],
    owner: ["Deal owner"],
    value: ["Amount"],
    stage: ["Deal Stage"],
    isWon: ["Is Closed Won"],
    isClosed: ["Is Deal Closed?"],
    createdOn: ["Create Date"],
    closedOn: ["Close Date"],
    pipeline: ["Pipeline"],
  },
  required: ["title", "owner", "value", "stage"],
};

const hubspotActivitiesEn: Preset<"activities"> = {
  id: "hubspot-activities-en",
  crm: "hubspot",
  kind: "activities",
  language: "en",
  columns: {
    crmId: ["Record ID"],
    type: ["Activity Type", "Task Type"],
    owner: ["Activity assigned to"],
    dueOn: ["Activity date", "Due date"],
    done: ["Task Status"],
  },
  required: ["type", "owner", "dueOn"],
};

/*
 * Salesforce, English. Field labels from Salesforce's Field Reference, Opportunity
 * (https://developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Opportunity.htm
 * and the 192.0 version): "Opportunity ID", "Amount", "Close Date", "Closed" (IsClosed), "Created Date",
 * "Lead Source", "Opportunity Currency"; "Won" (IsWon) and "Stage" from the OpportunityStage reference. A report
 * export names the record "Opportunity Name" and the owner "Opportunity Owner" (a public report describe:
 * FULL_NAME → "Opportunity Owner"; public report exports with "Opportunity ID","Opportunity Name","Account Name",
 * "Stage","Is Won","Amount"). Activities: labels from the ActivityHistory/OpenActivity field reference
 * (https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-openactivity.html):
 * "Activity ID", "Type", "Subject", "Date" (ActivityDate), "Closed", "Completed Date/Time", "Assigned To".
 * Salesforce's French labels were not found in its documentation (only "Propriétaire de l'opportunité" in one
 * public script, not a whole export): no French Salesforce preset.
 */
const salesforceDealsEn: Preset<"deals"> = {
  id: "salesforce-deals-en",
  crm: "salesforce",
  kind: "deals",
  language: "en",
  columns: {
    crmId: ["Opportunity ID"],
    title: ["Opportunity Name"],
    owner: ["Opportunity Owner"],
    value: ["Amount"],
    currency: ["Opportunity Currency"],
    stage: ["Stage"],
    isWon: ["Won", "Is Won"],
    isClosed: ["Closed"],
    createdOn: ["Created Date"],
    closedOn: ["Close Date"],
    source: ["Lead Source"],
  },
  required: ["title", "owner", "value", "stage", "closedOn"],
};

const salesforceActivitiesEn: Preset<"activities"> = {
  id: "salesforce-activities-en",
  crm: "salesforce",
  kind: "activities",
  language: "en",
  columns: {
    crmId: ["Activity ID"],
    type: ["Type", "Activity Subtype", "Task Subtype"],
    subject: ["Subject"],
    owner: ["Assigned To", "Assigned"],
    dueOn: ["Date", "Due Date"],
    done: ["Closed"],
    doneAt: ["Completed Date/Time"],
  },
  // "Type" and "Date" are common words: the activity id makes the preset specific to Salesforce.
  required: ["crmId", "type", "owner", "dueOn"],
};

export const PRESETS: readonly Preset[] = [
  pipedriveDealsEn,
  pipedriveDealsFr,
  pipedriveActivitiesEn,
  hubspotDealsEn,
  hubspotActivitiesEn,
  salesforceDealsEn,
  salesforceActivitiesEn,
];

/** Lower case, no accents, one kind of apostrophe and dash, single spaces: "Affaire – Étape " → "affaire - etape". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .trim()
    .toLowerCase();
}

export interface PresetMatch<K extends ImportKind = ImportKind> {
  readonly preset: Preset<K>;
  readonly mapping: ColumnMapping<K>;
}

function mappingFor<K extends ImportKind>(preset: Preset<K>, headers: readonly string[]): ColumnMapping<K> {
  const byNormal = new Map<string, string>();
  for (const header of headers)
    if (!byNormal.has(normaliseHeader(header))) byNormal.set(normaliseHeader(header), header);
  const columns: Partial<Record<FieldOf<K>, string>> = {};
  for (const [field, accepted] of Object.entries(preset.columns) as [FieldOf<K>, readonly string[]][]) {
    const found = accepted.map((name) => byNormal.get(normaliseHeader(name))).find((h) => h !== undefined);
    if (found !== undefined) columns[field] = found;
  }
  return { kind: preset.kind, columns };
}

/**
 * The preset whose required headers are all in the file, the one recognising the most columns when several do;
 * null when none does (the user then maps the columns by hand).
 */
export function detectPreset<K extends ImportKind>(headers: readonly string[], kind: K): PresetMatch<K> | null {
  let best: PresetMatch<K> | null = null;
  let bestCount = -1;
  for (const preset of PRESETS) {
    if (preset.kind !== kind) continue;
    const typed = preset as Preset<K>;
    const mapping = mappingFor(typed, headers);
    const columns = mapping.columns as Partial<Record<string, string>>;
    if (!typed.required.every((field) => columns[field] !== undefined)) continue;
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      best = { preset: typed, mapping };
      bestCount = count;
    }
  }
  return best;
}

/** FNV-1a, 32 bits: a short stable hash, enough to key remembered mappings (not a security measure). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A stable key for a set of headers, whatever their order, case, accents or spacing: the pane remembers a manual
 * mapping under it and offers it again for the next export with the same columns.
 */
export function headerSignature(headers: readonly string[]): string {
  const normal = [...new Set(headers.map(normaliseHeader).filter((h) => h !== ""))].sort();
  return `crm-headers-${normal.length}-${fnv1a(normal.join("\n"))}`;
}
