import type { MessageLocale } from "./messages";

/**
 * The French display languages Office has: French (fr-FR) and French Canada (fr-CA, Microsoft 365 Apps 2108 and
 * later) ("Languages, culture codes, and companion proofing languages", MicrosoftDocs/OfficeDocs-DeployOffice:
 * microsoft-365-apps/deploy/overview-deploying-languages-microsoft-365-apps.md). A manifest can only localize for the
 * locales Office supports (docs/develop/localization.md), so manifest.xml overrides every localized string and the
 * functions metadata for exactly these; French users in Belgium, Switzerland or Luxembourg run Office in fr-FR.
 * tests/manifest/french-locales.test.ts checks the manifest, this mapping and the task pane's agree.
 */
export const OFFICE_FRENCH_LOCALES = ["fr-FR", "fr-CA"] as const;

/**
 * The message language for a BCP-47 display language: French for any French locale (fr-FR, fr-CA, fr-BE…),
 * English for everything else, including an unknown or missing language.
 */
export function messageLocaleFor(displayLanguage: string | undefined | null): MessageLocale {
  return /^fr(-|_|$)/i.test(displayLanguage?.trim() ?? "") ? "fr-FR" : "en-US";
}

/**
 * Office's display language in the shared runtime (`Office.context.displayLanguage`), or undefined outside Office,
 * before Office has initialized, or in a Node test. Read at each call so a function never keeps a stale language.
 */
export function officeDisplayLanguage(): string | undefined {
  // The typings declare Office as always present; outside Office (a plain browser, Node) it is not.
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  try {
    const language = office?.context?.displayLanguage;
    return typeof language === "string" ? language : undefined;
  } catch {
    // Some hosts throw when Office.context is read before initialization: that is "not known yet", not an error.
    return undefined;
  }
}
