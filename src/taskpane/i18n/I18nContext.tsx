import { createContext, useContext } from "react";
import type { Catalog } from "./en";
import type { Formatters } from "./format";
import type { UiLanguage } from "./language";

export interface I18n {
  readonly language: UiLanguage;
  readonly t: Catalog;
  readonly format: Formatters;
}

export const I18nContext = createContext<I18n | undefined>(undefined);

/** The pane's current language, its catalog and its formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside the task pane's I18nContext provider.");
  return value;
}
