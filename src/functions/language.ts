import type { MessageLocale } from "./messages";

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
