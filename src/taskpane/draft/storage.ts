/**
 * The pane keeps the plan being edited (and, under a key of its own, the chosen language) in the browser's local
 * storage, under a versioned key, so closing the pane loses nothing. A stored value that cannot be read is ignored and reported, never trusted.
 *
 * Local storage is shared by every workbook open with the add-in where `Office.context.partitionKey` is undefined
 * (the Windows webviews), so a draft is kept per workbook: under the partition key as Microsoft recommends
 * ("Storage partitioning", docs/develop/persisting-add-in-state-and-settings.md in OfficeDev/office-js-docs-pr), then
 * under the id stored with the workbook's plan. A workbook without an id (never generated) has no slot of its own:
 * its draft goes to the shared slot, which the pane only offers inside Excel, never loads by itself.
 */
import { isUiLanguage, type UiLanguage } from "../i18n/language";
import type { PlanDraft } from "./path";

/** The shared slot: the pane in a browser, or a workbook without an id (and every draft saved before ids). */
export const STORAGE_KEY = "sales-plan-builder.pane.v1";
const STORAGE_VERSION = 1;

/** Where a draft is kept: the storage partition (undefined where storage is not partitioned) and the workbook. */
export interface DraftSlot {
  readonly partitionKey?: string | undefined;
  readonly workbookId?: string | undefined;
}

/** The storage key of a slot; the partition key comes first, as in Microsoft's sample. */
export function storageKey(slot: DraftSlot = {}): string {
  const key = slot.workbookId === undefined ? STORAGE_KEY : `${STORAGE_KEY}.workbook.${slot.workbookId}`;
  return slot.partitionKey ? `${slot.partitionKey}${key}` : key;
}

/** The part of `window.localStorage` the pane uses; tests pass their own. */
export type PaneStorage = Pick<Storage, "getItem" | "setItem">;

export interface SavedPane {
  readonly draft: PlanDraft;
  readonly language: UiLanguage | undefined;
}

export type StoredPaneReading =
  { readonly status: "empty" } | { readonly status: "corrupt" } | { readonly status: "ok"; readonly saved: SavedPane };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function readStoredPane(storage: PaneStorage | undefined, slot: DraftSlot = {}): StoredPaneReading {
  let text: string | null;
  try {
    text = storage?.getItem(storageKey(slot)) ?? null;
  } catch {
    return { status: "empty" };
  }
  if (text === null) return { status: "empty" };
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data) || data.version !== STORAGE_VERSION) return { status: "corrupt" };
    const draft = data.draft;
    // A draft may be incomplete, but it is always a plan-shaped object: anything else did not come from the pane.
    if (!isRecord(draft) || !isRecord(draft.meta)) return { status: "corrupt" };
    return {
      status: "ok",
      saved: { draft: draft as PlanDraft, language: isUiLanguage(data.language) ? data.language : undefined },
    };
  } catch {
    return { status: "corrupt" };
  }
}

/** Saves the pane; false when the browser refuses (storage full or disabled). */
export function writeStoredPane(storage: PaneStorage | undefined, saved: SavedPane, slot: DraftSlot = {}): boolean {
  if (!storage) return false;
  try {
    storage.setItem(
      storageKey(slot),
      JSON.stringify({ version: STORAGE_VERSION, language: saved.language, draft: saved.draft }),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The pane language is the user's preference, not the workbook's: it is kept under its own key, scoped by the storage
 * partition only, so a language chosen in one workbook (or in the browser) holds in the next one, and choosing it never
 * has to save a draft (inside a workbook the pane saves no draft the user has not touched, so as not to overwrite the
 * one it offers). Drafts keep carrying `language` too, for the versions of the pane that read it from there.
 */
export function languageStorageKey(partitionKey?: string): string {
  const key = `${STORAGE_KEY}.language`;
  return partitionKey ? `${partitionKey}${key}` : key;
}

/** The language the user chose last, or undefined (never chosen, unreadable or storage refused). */
export function readStoredLanguage(storage: PaneStorage | undefined, partitionKey?: string): UiLanguage | undefined {
  try {
    const value = storage?.getItem(languageStorageKey(partitionKey)) ?? null;
    return isUiLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the chosen language; false when the browser refuses (storage full or disabled). */
export function writeStoredLanguage(
  storage: PaneStorage | undefined,
  language: UiLanguage,
  partitionKey?: string,
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(languageStorageKey(partitionKey), language);
    return true;
  } catch {
    return false;
  }
}

/**
 * The shared slot of a partition. Drafts saved before the pane prefixed its keys with the partition key sit under the
 * bare key; where the partition's own slot is still empty, such a draft is moved there once, so an upgrade loses
 * nothing and the pane offers it as it offers any shared draft. (Where storage is not partitioned the two keys are one.)
 */
export function readSharedPane(storage: PaneStorage | undefined, partitionKey?: string): StoredPaneReading {
  const own = readStoredPane(storage, { partitionKey });
  if (own.status !== "empty" || !partitionKey) return own;
  const legacy = readStoredPane(storage, {});
  if (legacy.status === "ok") writeStoredPane(storage, legacy.saved, { partitionKey });
  // An unreadable legacy value is left alone and not reported: the pane never wrote it for this partition.
  return legacy.status === "ok" ? legacy : own;
}
