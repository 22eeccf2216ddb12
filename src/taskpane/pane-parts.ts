/**
 * The parts of the pane that are not in its first script, each loaded once on demand: the editor (`PaneEditor`, with
 * the plan core) and the full string catalog of each language.
 */
import { catalogPart, type UiLanguage } from "./i18n/language";
import { loadable } from "./lazy/loadable";

export const paneEditorPart = loadable(() => import(/* webpackChunkName: "pane-editor" */ "./PaneEditor"));

/**
 * Starts loading the editor and the catalogs of `languages` (all of them by default), as early as possible: the page
 * calls it before it knows the host, so the scripts download while office.js starts. Resolves once all have arrived.
 */
export async function preloadPane(languages: readonly UiLanguage[] = ["en-US", "fr-FR"]): Promise<void> {
  await Promise.all([paneEditorPart.load(), ...languages.map((language) => catalogPart(language).load())]);
}
