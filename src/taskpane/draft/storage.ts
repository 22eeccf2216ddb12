/**
 * The pane keeps the plan being edited (and the chosen language) in the browser's local storage, under a versioned
 * key, so closing the pane loses nothing. A stored value that cannot be read is ignored and reported, never trusted.
 */
import { isUiLanguage, type UiLanguage } from "../i18n/language";
import type { PlanDraft } from "./path";

export const STORAGE_KEY = "sales-plan-builder.pane.v1";
const STORAGE_VERSION = 1;

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

export function readStoredPane(storage: PaneStorage | undefined): StoredPaneReading {
  let text: string | null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
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
export function writeStoredPane(storage: PaneStorage | undefined, saved: SavedPane): boolean {
  if (!storage) return false;
  try {
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ version: STORAGE_VERSION, language: saved.language, draft: saved.draft }),
    );
    return true;
  } catch {
    return false;
  }
}
