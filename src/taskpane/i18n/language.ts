import type { MessageLocale } from "../../plan/messages";
import { en, type Catalog } from "./en";
import { fr } from "./fr";

/** The pane's languages; the same two the plan core writes its validation messages in. */
export type UiLanguage = MessageLocale;

export const UI_LANGUAGES: readonly UiLanguage[] = ["en-US", "fr-FR"];

export const catalogs: Readonly<Record<UiLanguage, Catalog>> = { "en-US": en, "fr-FR": fr };

/** French for any French display language (fr, fr-FR, fr-CA, fr-BE…), English otherwise. */
export function languageForDisplayLanguage(displayLanguage: string): UiLanguage {
  return /^fr\b/i.test(displayLanguage.trim()) ? "fr-FR" : "en-US";
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === "en-US" || value === "fr-FR";
}
