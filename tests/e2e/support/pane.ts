import { mkdirSync } from "node:fs";
import path from "node:path";
import type { AxeResults } from "axe-core";
import type { BrowserContext, Locator, Page } from "playwright-core";

/** Screenshots and downloads land here (gitignored), for people to look at. */
export const ARTIFACTS = path.resolve(__dirname, "../../../artifacts/e2e");
mkdirSync(ARTIFACTS, { recursive: true });

export interface OpenOptions {
  readonly width: number;
  readonly theme: "light" | "dark";
}

/**
 * Opens the pane outside Office. office.js comes from Microsoft's CDN, which a test machine may not reach: the request
 * is refused at once, as it is offline, so the pane starts in browser mode without waiting for a timeout.
 */
export async function openPane(context: BrowserContext, origin: string, options: OpenOptions): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  uncaughtErrors.set(page, errors);
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.setViewportSize({ width: options.width, height: 900 });
  await page.emulateMedia({ colorScheme: options.theme });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return page;
}

const uncaughtErrors = new WeakMap<Page, string[]>();

/** Errors the page threw and did not catch since it was opened. */
export function pageErrors(page: Page): readonly string[] {
  return uncaughtErrors.get(page) ?? [];
}

/** Opens step `number` (0 = the plan details) from the step navigation. */
export async function goToStep(page: Page, number: number): Promise<void> {
  const nav = page.getByRole("navigation");
  await nav.getByRole("button", { name: number === 0 ? /^Plan\./ : new RegExp(`^${number}\\.`) }).click();
  await page.locator("#step-heading").waitFor();
}

/** The last row of a list whose rows are named "<item> <n>…" (the one just added). */
export function lastRow(page: Page, item: string): Locator {
  return page.getByRole("group", { name: new RegExp(`^${item} \\d+`) }).last();
}

/** Unfolds every folded row of the current step, so every control is on the page. */
export async function unfoldAll(page: Page): Promise<void> {
  const folded = page.locator('main [aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
}

/** The page is no wider than the viewport: nothing makes the pane scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(
      document,
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } },
    ),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
