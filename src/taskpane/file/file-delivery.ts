/**
 * How the pane hands a file to the user where a download does not work.
 *
 * Excel for Mac runs the pane in a WKWebView that ignores blob downloads: the "download" link does nothing and no
 * error is raised (OfficeDev/office-js #2700, #3385). There the pane copies the plan file to the clipboard instead,
 * and can open itself in the user's browser with `Office.context.ui.openBrowserWindow` (OpenBrowserWindowApi 1.1;
 * Microsoft gives the same workaround for blob downloads in docs/concepts/browsers-used-by-office-web-add-ins.md),
 * carrying the plan file in the address's fragment, which is never sent to a server. In the browser, downloads work:
 * the plan file and the .xlsx workbook can be saved from there. OpenBrowserWindowApi 1.1 exists in Excel on Windows,
 * Mac and iPad, not on the web (learn.microsoft.com/javascript/api/requirement-sets/common/
 * open-browser-window-api-requirement-sets); that the fragment survives the hand-over is not verified in a real Mac.
 */
import type { PlanDraft } from "../draft/path";

export interface FileDelivery {
  /** False where downloads silently do nothing (Excel for Mac). */
  readonly downloads: boolean;
  /** Copies text to the clipboard; rejects when the webview refuses. */
  readonly copyText: (text: string) => Promise<void>;
  /** Opens an https address in the user's browser; undefined where the host cannot (no OpenBrowserWindowApi 1.1). */
  readonly openInBrowser: ((url: string) => void) | undefined;
  /** The pane's own address, without its fragment: the page opened in the browser. */
  readonly pageUrl: string;
}

/** The clipboard API where the page may use it, else a selected text area and `execCommand("copy")`. */
export async function copyToClipboard(
  text: string,
  doc: Document = document,
  clipboard: Pick<Clipboard, "writeText"> | undefined = typeof navigator === "undefined"
    ? undefined
    : navigator.clipboard,
): Promise<void> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission, or the page is not focused): the older way below may still work.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.append(area);
  area.select();
  try {
    // `execCommand` is deprecated but is the only copy that older webviews without the clipboard API support.
    if (typeof doc.execCommand !== "function" || !doc.execCommand("copy")) {
      throw new Error("the clipboard is not available");
    }
  } finally {
    area.remove();
  }
}

const HANDOFF_KEY = "plan-file";

/**
 * Addresses much longer than this are not opened reliably by every browser; a larger plan is copied instead.
 * Safari, the default browser on a Mac, accepts addresses of about 80,000 characters.
 */
export const MAX_HANDOFF_URL_LENGTH = 60_000;

/** The pane's address carrying a plan file, or undefined when the plan is too large to travel in it. */
export function handoffUrl(pageUrl: string, planFileText: string): string | undefined {
  const url = `${pageUrl.split("#")[0]}#${HANDOFF_KEY}=${encodeURIComponent(planFileText)}`;
  return url.length <= MAX_HANDOFF_URL_LENGTH ? url : undefined;
}

/** The plan file text an address's fragment carries (`location.hash`), if any. */
export function handedOffPlanFile(hash: string): string | undefined {
  const match = new RegExp(`^#?${HANDOFF_KEY}=(.*)$`, "s").exec(hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/**
 * The plan a page address hands over (see `handoffUrl`), as a draft for the pane to offer. Only the envelope is
 * checked here (the first script does not load the plan core); the editor validates the plan like any other.
 */
export function handedOffDraft(hash: string): PlanDraft | undefined {
  const text = handedOffPlanFile(hash);
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data) || data.format !== "sales-plan-builder/plan" || !isRecord(data.plan)) return undefined;
    return isRecord(data.plan.meta) ? (data.plan as PlanDraft) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes a handed-off plan out of the page's address once the pane has read it, so a reload (or a bookmark) does not
 * offer it again; `replaceState` rewrites the address without adding a history entry or reloading the page.
 */
export function forgetHandedOffPlanFile(): void {
  if (typeof window === "undefined" || handedOffPlanFile(window.location.hash) === undefined) return;
  try {
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  } catch {
    // Some embedded browsers refuse to rewrite the address: the offer then simply comes back on a reload.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
