/**
 * The pane's side of the CRM import, as plain functions over the plan draft and the pure import (src/crm): which
 * mapping applies to a file (one the user made before for the same columns, else a CRM preset), what the plan
 * remembers (manual mappings, owners' roles), and the records of a checked file. No React here.
 */
import type { Actuals, ActivityRecord, DealRecord } from "../../plan/actuals";
import { CrmFileError, formatCrmMessage } from "../../crm/messages";
import { normaliseActivities, normaliseDeals, FIELDS_OF, type ImportResult } from "../../crm/normalise";
import { distinctOwners, unmappedOwners, type OwnerCount } from "../../crm/owners";
import { detectPreset, normaliseHeader, type ColumnMapping, type ImportKind, type Preset } from "../../crm/presets";
import type { RawTable } from "../../crm/raw-table";
import type { DateOrder, DecimalSeparator } from "../../crm/values";
import { upsertByCrmId, type UpsertCounts } from "../../crm/upsert";
import { listAt, setAt, type PlanDraft } from "../draft/path";
import type { UiLanguage } from "../i18n/language";
import { EngineError } from "./worker-protocol";

const TRACKING = ["measurement", "tracking"] as const;
/** The plan keeps at most this many remembered mappings (trackingSchema in src/plan/schema.ts); the oldest go first. */
export const MAX_REMEMBERED_MAPPINGS = 50;
/** rememberedMappingSchema's bounds: a file beyond them is mapped by hand each time rather than break the plan. */
const MAX_REMEMBERED_HEADERS = 200;
const MAX_HEADER_LENGTH = 200;

/** The key a manual mapping is remembered under: the file's headers as `normaliseHeader` writes them, sorted. */
export function headerKey(headers: readonly string[]): string[] {
  return [...new Set(headers.map(normaliseHeader).filter((header) => header !== ""))].sort();
}

function sameList(one: readonly unknown[], other: readonly unknown[]): boolean {
  return one.length === other.length && one.every((item, index) => item === other[index]);
}

interface StoredMapping {
  readonly kind?: unknown;
  readonly headers?: unknown;
  readonly columns?: unknown;
}

function isStoredFor(entry: unknown, kind: ImportKind, key: readonly string[]): boolean {
  if (entry === null || typeof entry !== "object") return false;
  const stored = entry as StoredMapping;
  return stored.kind === kind && Array.isArray(stored.headers) && sameList(stored.headers, key);
}

/** The mapping the user made before for a file with the same columns, pointed at this file's own spelling of them. */
export function rememberedMapping(
  draft: PlanDraft,
  kind: ImportKind,
  headers: readonly string[],
): ColumnMapping | undefined {
  const key = headerKey(headers);
  const stored = listAt(draft, [...TRACKING, "mappings"]).find((entry) => isStoredFor(entry, kind, key)) as
    StoredMapping | undefined;
  if (!stored || stored.columns === null || typeof stored.columns !== "object") return undefined;
  const byNormal = new Map(headers.map((header) => [normaliseHeader(header), header]));
  const fields = FIELDS_OF[kind] as readonly string[];
  const columns: Record<string, string> = {};
  for (const [field, header] of Object.entries(stored.columns as Record<string, unknown>)) {
    const actual = typeof header === "string" ? byNormal.get(normaliseHeader(header)) : undefined;
    if (actual !== undefined && fields.includes(field)) columns[field] = actual;
  }
  return { kind, columns };
}

/** Whether the plan can remember a mapping for these headers (its schema bounds the list and each header). */
export function canRemember(headers: readonly string[]): boolean {
  const key = headerKey(headers);
  return key.length > 0 && key.length <= MAX_REMEMBERED_HEADERS && key.every((h) => h.length <= MAX_HEADER_LENGTH);
}

/** The draft with `mapping` remembered for these headers, replacing an older one for the same columns. */
export function withRememberedMapping(draft: PlanDraft, mapping: ColumnMapping, headers: readonly string[]): PlanDraft {
  const key = headerKey(headers);
  const others = listAt(draft, [...TRACKING, "mappings"]).filter((entry) => !isStoredFor(entry, mapping.kind, key));
  const entry = { kind: mapping.kind, headers: key, columns: { ...mapping.columns } };
  return setAt(draft, [...TRACKING, "mappings"], [...others, entry].slice(-MAX_REMEMBERED_MAPPINGS));
}

/** Owner → role id, as the plan stores it (`measurement.tracking.owners`). */
export function ownerRoles(draft: PlanDraft): Record<string, string> {
  const roles: Record<string, string> = {};
  for (const entry of listAt(draft, [...TRACKING, "owners"])) {
    const { owner, roleId } = (entry ?? {}) as { owner?: unknown; roleId?: unknown };
    if (typeof owner === "string" && typeof roleId === "string" && !Object.hasOwn(roles, owner)) roles[owner] = roleId;
  }
  return roles;
}

/** The draft with `owner` in the role `roleId` (or in none when undefined); each owner appears once. */
export function withOwnerRole(draft: PlanDraft, owner: string, roleId: string | undefined): PlanDraft {
  const list = listAt(draft, [...TRACKING, "owners"]);
  const index = list.findIndex((entry) => (entry as { owner?: unknown } | null)?.owner === owner);
  const next =
    roleId === undefined
      ? list.filter((_, at) => at !== index)
      : index === -1
        ? [...list, { owner, roleId }]
        : list.map((entry, at) => (at === index ? { owner, roleId } : entry));
  return setAt(draft, [...TRACKING, "owners"], next);
}

export interface PlanRole {
  readonly id: string;
  readonly title: string;
}

export function planRoles(draft: PlanDraft): PlanRole[] {
  return listAt(draft, ["organization", "roles"]).flatMap((entry) => {
    const { id, title } = (entry ?? {}) as { id?: unknown; title?: unknown };
    return typeof id === "string" && id !== "" ? [{ id, title: typeof title === "string" && title ? title : id }] : [];
  });
}

/** Where a file's mapping came from: a CRM preset, the user's mapping for these columns, or a new hand-made one. */
export type MappingSource =
  { readonly kind: "preset"; readonly preset: Preset } | { readonly kind: "remembered" } | { readonly kind: "manual" };

/** The mapping to start from: the user's own for these columns first (they may have corrected a preset), else a preset. */
export function mappingFor(
  draft: PlanDraft,
  kind: ImportKind,
  headers: readonly string[],
): { readonly mapping: ColumnMapping; readonly source: MappingSource } | undefined {
  const remembered = rememberedMapping(draft, kind, headers);
  if (remembered) return { mapping: remembered, source: { kind: "remembered" } };
  const match = detectPreset(headers, kind);
  return match ? { mapping: match.mapping, source: { kind: "preset", preset: match.preset } } : undefined;
}

export interface ReadingChoices {
  readonly dateOrder?: DateOrder;
  readonly decimalSeparator?: DecimalSeparator;
}

/** A file read with its mapping: its records, bad rows, foreign-currency rows and open questions. */
export type CheckedImport =
  | { readonly kind: "deals"; readonly result: ImportResult<DealRecord> }
  | { readonly kind: "activities"; readonly result: ImportResult<ActivityRecord> };

export function checkImport(
  table: RawTable,
  mapping: ColumnMapping,
  planCurrency: string,
  choices: ReadingChoices,
): CheckedImport {
  if (mapping.kind === "deals") {
    return {
      kind: "deals",
      result: normaliseDeals(table, mapping as ColumnMapping<"deals">, { planCurrency, ...choices }),
    };
  }
  const { dateOrder } = choices;
  return {
    kind: "activities",
    result: normaliseActivities(
      table,
      mapping as ColumnMapping<"activities">,
      dateOrder === undefined ? {} : { dateOrder },
    ),
  };
}

/** The records of a checked file, as the gateway's `importActuals` takes them (the other kind empty). */
export function incomingActuals(checked: CheckedImport): Actuals {
  return checked.kind === "deals"
    ? { deals: checked.result.good.map((row) => row.record), activities: [] }
    : { deals: [], activities: checked.result.good.map((row) => row.record) };
}

/** The owners of the good rows that the plan does not place in one of its roles yet, most records first. */
export function ownersWithoutRole(checked: CheckedImport, draft: PlanDraft): OwnerCount[] {
  const records: readonly { readonly owner: string }[] = checked.result.good.map((row) => row.record);
  const owners = distinctOwners(records);
  const unplaced = new Set(
    unmappedOwners(
      owners.map((entry) => entry.owner),
      ownerRoles(draft),
      planRoles(draft).map((role) => role.id),
    ),
  );
  return owners.filter((entry) => unplaced.has(entry.owner));
}

/** Outside Excel: the records the pane holds, merged with a checked file's good rows by CRM id (src/crm/upsert.ts). */
export function mergeActuals(current: Actuals, checked: CheckedImport): { actuals: Actuals; counts: UpsertCounts } {
  if (checked.kind === "deals") {
    const merged = upsertByCrmId(
      current.deals,
      checked.result.good.map((row) => row.record),
    );
    return { actuals: { ...current, deals: merged.records }, counts: merged.counts };
  }
  const merged = upsertByCrmId(
    current.activities,
    checked.result.good.map((row) => row.record),
  );
  return { actuals: { ...current, activities: merged.records }, counts: merged.counts };
}

/** A file that cannot be read at all, in the pane's language (the import's own messages for the known causes). */
export function fileErrorMessage(error: unknown, language: UiLanguage): string {
  if (error instanceof CrmFileError) return formatCrmMessage(error.key, error.params, language);
  if (error instanceof EngineError && error.crm) return formatCrmMessage(error.crm.key, error.crm.params, language);
  return error instanceof Error ? error.message : String(error);
}
