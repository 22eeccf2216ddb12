import type { MessageLocale } from "../../plan/messages";
import { loadable, type Loadable } from "../lazy/loadable";
import type { Catalog } from "./en";
import { enShell, type ShellCatalog } from "./shell-en";
import { frShell } from "./shell-fr";

/** The pane's languages; the same two the plan core writes its validation messages in. */
export type UiLanguage = MessageLocale;

export const UI_LANGUAGES: readonly UiLanguage[] = ["en-US", "fr-FR"];

/** The strings of the pane's first script (header, step navigation, loading), in every language. */
export const shellCatalogs: Readonly<Record<UiLanguage, ShellCatalog>> = { "en-US": enShell, "fr-FR": frShell };

/** The full catalogs, each in its own script chunk: a pane only needs the language it shows. */
const catalogParts: Readonly<Record<UiLanguage, Loadable<Catalog>>> = {
  "en-US": loadable(async () => (await import(/* webpackChunkName: "catalog-en" */ "./en")).en),
  "fr-FR": loadable(async () => (await import(/* webpackChunkName: "catalog-fr" */ "./fr")).fr),
};

/** The full catalog of a language, loaded on first use. */
export function catalogPart(language: UiLanguage): Loadable<Catalog> {
  return catalogParts[language];
}

/** French for any French display language (fr, fr-FR, fr-CA, fr-BE…), English otherwise. */
export function languageForDisplayLanguage(displayLanguage: string): UiLanguage {
  return /^fr\b/i.test(displayLanguage.trim()) ? "fr-FR" : "en-US";
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === "en-US" || value === "fr-FR";
}
