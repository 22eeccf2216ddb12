/**
 * Where the pane runs: inside Excel (office.js loaded and the host is Excel) or in a plain browser, and which theme
 * and language to use. Everything Office-specific about start-up is here, so components receive plain data.
 */

export type ThemeName = "light" | "dark";

export interface HostInfo {
  /** True when the page runs as an add-in inside Excel. */
  readonly insideExcel: boolean;
  /** The Office theme inside Office, the system colour scheme in a plain browser. */
  readonly theme: ThemeName;
  /** BCP-47 display language, e.g. "fr-FR": Office's display language, or the browser's. */
  readonly displayLanguage: string;
  /**
   * `Office.context.partitionKey`: set where Office partitions local storage, undefined where it is shared between
   * documents (persisting-add-in-state-and-settings.md). The pane's storage keys start with it.
   */
  readonly partitionKey?: string | undefined;
  /**
   * False in Excel for Mac, whose webview ignores blob downloads (OfficeDev/office-js #2700, #3385): the pane then
   * copies files to the clipboard instead. True (the default) everywhere else.
   */
  readonly downloads?: boolean;
  /** `Office.context.ui.openBrowserWindow` where the host has OpenBrowserWindowApi 1.1, else undefined. */
  readonly openBrowserWindow?: ((url: string) => void) | undefined;
}

/**
 * Office themes are described by colours only; a dark theme is one whose body background is dark.
 * Uses relative luminance (WCAG) so "Dark Gray" (#262626) and "Black" (#000000) count as dark and "Colorful" as light.
 */
export function themeForBackground(hexColour: string | undefined): ThemeName {
  const match = /^#?([0-9a-f]{6})$/i.exec(hexColour?.trim() ?? "");
  if (!match?.[1]) return "light";
  const channel = (offset: number): number => {
    const value = parseInt(match[1]!.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance < 0.4 ? "dark" : "light";
}

function browserHost(): HostInfo {
  const prefersDark =
    typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  return { insideExcel: false, theme: prefersDark ? "dark" : "light", displayLanguage: navigator.language || "en-US" };
}

/** Waits for office.js (when present) and describes the host. Never rejects: an unknown host is a browser. */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return browserHost();
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return browserHost();
  const context = Office.context;
  return {
    insideExcel: true,
    theme: themeForBackground(context.officeTheme?.bodyBackgroundColor),
    displayLanguage: context.displayLanguage || "en-US",
    partitionKey: context.partitionKey || undefined,
    downloads: context.platform !== Office.PlatformType.Mac,
    openBrowserWindow: context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")
      ? (url) => context.ui.openBrowserWindow(url)
      : undefined,
  };
}
