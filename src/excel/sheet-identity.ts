/**
 * Which sheets, tables and names belong to the add-in, and what a generation may do with them. Pure decisions over
 * what the first read of the workbook returned, taken before anything is written.
 *
 * Ownership:
 * - A sheet is generated when it carries the tag: the worksheet custom property `GENERATED_SHEET_TAG` whose value
 *   is the sheet key (ExcelApi 1.12), or a hidden workbook name `SalesPlanBuilder.sheet.<key>` referring to a cell
 *   of the sheet (older hosts; the reference follows renames). When two sheets claim one key (the user copied a
 *   generated sheet with its tag), the one whose name is the key's spec name wins, else the leftmost; the others
 *   are the user's.
 * - A table is the add-in's when it sits on a generated sheet.
 * - A workbook name is the add-in's when it refers to a generated sheet or to a sheet that no longer exists (#REF!),
 *   or is one of the tag names.
 * Anything else belongs to the user: it is never deleted, cleared, renamed or overwritten, and a clash with it stops
 * the generation before the first write.
 */
import { quoteSheetName } from "../workbook/address";
import { GENERATED_SHEET_TAG, SHEET_KEYS, type SheetKey, type WorkbookSpec } from "../workbook/spec";

/** Excel compares sheet, table and defined names without regard to case. */
export const sameName = (a: string, b: string): boolean => a.toLocaleUpperCase() === b.toLocaleUpperCase();
const nameKey = (name: string): string => name.toLocaleUpperCase();

export const MAX_SHEET_NAME_LENGTH = 31;

export function tagNameFor(key: SheetKey): string {
  return `${GENERATED_SHEET_TAG}.${key}`;
}

export function isSheetKey(value: unknown): value is SheetKey {
  return typeof value === "string" && (SHEET_KEYS as readonly string[]).includes(value);
}

/** The key a tag name stands for (`SalesPlanBuilder.sheet.objectives` → `objectives`), or undefined. */
export function keyOfTagName(name: string): SheetKey | undefined {
  const prefix = `${GENERATED_SHEET_TAG}.`;
  if (!name.toLowerCase().startsWith(prefix.toLowerCase())) return undefined;
  const key = name.slice(prefix.length);
  return isSheetKey(key) ? key : undefined;
}

/**
 * The sheet a range name refers to, from the name's value or formula (`'2 Objectives'!$A$1`, `=Plan!$A$1`), or
 * undefined for a constant, a formula or a broken reference.
 */
export function sheetOfReference(reference: unknown): string | undefined {
  if (typeof reference !== "string") return undefined;
  const text = reference.startsWith("=") ? reference.slice(1) : reference;
  const quoted = /^'((?:[^']|'')+)'!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const bare = /^([^'!:=()\s]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(text);
  return bare ? bare[1] : undefined;
}

/** A reference for a tag name: the sheet's first cell. */
export function tagReference(sheetName: string): string {
  return `=${quoteSheetName(sheetName)}!$A$1`;
}

export interface ExistingSheet {
  readonly name: string;
  readonly position: number;
  /** The value of the sheet's tag custom property, when it has one. */
  readonly tagProperty: string | undefined;
}

export interface ExistingName {
  readonly name: string;
  /** `NamedItem.value`: for a range name, the address it refers to. */
  readonly value: unknown;
  readonly type: string;
}

export interface ExistingTable {
  readonly name: string;
  readonly sheetName: string;
}

/** Generated sheets by key → current sheet name. */
export function identifyGeneratedSheets(
  sheets: readonly ExistingSheet[],
  names: readonly ExistingName[],
  specNames: Partial<Record<SheetKey, string>> = {},
): Map<SheetKey, string> {
  const candidates = new Map<SheetKey, ExistingSheet[]>();
  const claim = (key: SheetKey, sheet: ExistingSheet | undefined) => {
    if (!sheet) return;
    const list = candidates.get(key) ?? [];
    if (!list.includes(sheet)) list.push(sheet);
    candidates.set(key, list);
  };
  for (const sheet of sheets) if (isSheetKey(sheet.tagProperty)) claim(sheet.tagProperty, sheet);
  for (const name of names) {
    const key = keyOfTagName(name.name);
    const target = sheetOfReference(name.value);
    if (key && target !== undefined)
      claim(
        key,
        sheets.find((sheet) => sameName(sheet.name, target)),
      );
  }
  const generated = new Map<SheetKey, string>();
  const taken = new Set<string>();
  for (const key of SHEET_KEYS) {
    const list = (candidates.get(key) ?? []).filter((sheet) => !taken.has(nameKey(sheet.name)));
    if (list.length === 0) continue;
    const specName = specNames[key];
    const chosen =
      (specName !== undefined ? list.find((sheet) => sameName(sheet.name, specName)) : undefined) ??
      [...list].sort((a, b) => a.position - b.position)[0]!;
    generated.set(key, chosen.name);
    taken.add(nameKey(chosen.name));
  }
  return generated;
}

export interface SheetChanges {
  /** The name of a user sheet that holds a spec sheet's name. */
  readonly clash: string | undefined;
  /** Generated sheets kept, with their current and spec names (equal when no rename is needed). */
  readonly rewrites: readonly { readonly key: SheetKey; readonly from: string; readonly to: string }[];
  readonly creates: readonly { readonly key: SheetKey; readonly name: string }[];
}

/** Which spec sheets rewrite an existing generated sheet and which are new; a user sheet in the way is a clash. */
export function planSheetChanges(
  spec: WorkbookSpec,
  generated: ReadonlyMap<SheetKey, string>,
  existingSheetNames: readonly string[],
): SheetChanges {
  const specKeys = new Set(spec.sheets.map((sheet) => sheet.key));
  const rewrites: { key: SheetKey; from: string; to: string }[] = [];
  const creates: { key: SheetKey; name: string }[] = [];
  let clash: string | undefined;
  for (const sheet of spec.sheets) {
    const holder = existingSheetNames.find((name) => sameName(name, sheet.name));
    const holderKey = [...generated].find(([, name]) => holder !== undefined && sameName(name, holder))?.[0];
    // A generated sheet in the way is fine when the spec renames or rewrites it; a user sheet, or a generated
    // sheet this spec leaves alone, keeps its name.
    if (holder !== undefined && (holderKey === undefined || !specKeys.has(holderKey))) {
      clash ??= holder;
      continue;
    }
    const current = generated.get(sheet.key);
    if (current !== undefined) rewrites.push({ key: sheet.key, from: current, to: sheet.name });
    else creates.push({ key: sheet.key, name: sheet.name });
  }
  return { clash, rewrites, creates };
}

export interface NameChanges {
  readonly clash:
    | { readonly kind: "name"; readonly name: string }
    | { readonly kind: "table"; readonly name: string; readonly sheet: string }
    | undefined;
  /** Names of the add-in to delete before the spec's are added (same name, or a tag name being rewritten). */
  readonly namesToDelete: readonly string[];
  /** Tables on generated sheets being rewritten. */
  readonly tablesToDelete: readonly string[];
}

/**
 * Checks the spec's defined names and table names against the workbook's (tables and names share one namespace in
 * Excel) and lists what of the add-in's must go before the spec's are added.
 */
export function planNameChanges(
  spec: WorkbookSpec,
  rewrittenSheetNames: readonly string[],
  generatedSheetNames: readonly string[],
  names: readonly ExistingName[],
  tables: readonly ExistingTable[],
): NameChanges {
  const onGenerated = (sheet: string) => generatedSheetNames.some((name) => sameName(name, sheet));
  const ownName = (name: ExistingName): boolean => {
    if (keyOfTagName(name.name)) return true;
    const target = sheetOfReference(name.value);
    if (target !== undefined) return onGenerated(target);
    return name.type === "Error" || (typeof name.value === "string" && name.value.includes("#REF!"));
  };
  const tablesToDelete = tables
    .filter((table) => rewrittenSheetNames.some((name) => sameName(name, table.sheetName)))
    .map((table) => table.name);
  const wanted = [
    ...spec.names.map((name) => name.name),
    ...spec.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name)),
  ];
  let clash: NameChanges["clash"];
  const namesToDelete: string[] = [];
  for (const wantedName of wanted) {
    const table = tables.find((candidate) => sameName(candidate.name, wantedName));
    if (table && !tablesToDelete.some((name) => sameName(name, table.name))) {
      clash ??= { kind: "table", name: table.name, sheet: table.sheetName };
    }
    const name = names.find((candidate) => sameName(candidate.name, wantedName));
    if (name) {
      if (ownName(name)) namesToDelete.push(name.name);
      else clash ??= { kind: "name", name: name.name };
    }
  }
  return { clash, namesToDelete, tablesToDelete };
}

/**
 * `base` followed by `suffix`, cut to Excel's 31 characters, and made unique against `taken` (case-insensitive)
 * with ` (2)`, ` (3)`…: `2 Objectives backup 2027-03-14`.
 */
export function uniqueSheetName(base: string, suffix: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(nameKey));
  for (let attempt = 1; ; attempt++) {
    const tail = `${suffix ? ` ${suffix}` : ""}${attempt > 1 ? ` (${attempt})` : ""}`;
    const head = base.slice(0, Math.max(1, MAX_SHEET_NAME_LENGTH - tail.length)).trimEnd();
    // Excel refuses a sheet name that starts or ends with an apostrophe.
    const candidate = `${head}${tail}`.replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME_LENGTH);
    if (candidate && !used.has(nameKey(candidate))) return candidate;
  }
}
