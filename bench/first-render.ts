/**
 * The task pane's first render in Chromium, outside Office: the built page is served over http on 127.0.0.1, Debian's
 * /usr/bin/chromium loads it through playwright-core, with Office's CDN (office.js) blocked so that it fails at once
 * as it does offline, and the time from navigation start until the pane's first heading is in the document and the
 * next frame starts is read from the page's own clock. Each run uses a new browser context (a cold cache). The empty
 * Fluent page, whose one Text is a heading, is measured the same way as the baseline.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { serveDirectory } from "./static-server";
import { summarize, type Summary } from "./stats";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags the project's browser tests use for the system Chromium (see the toolchain notes). */
const LAUNCH_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Records, in the page, when the first heading appears and when the frame after it starts. */
const HEADING_PROBE = `(() => {
  const selector = "h1, h2, h3, [role='heading']";
  const found = () => {
    if (window.__firstHeading !== undefined) return;
    window.__firstHeading = performance.now();
    requestAnimationFrame(() => (window.__headingFrame = performance.now()));
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(selector)) {
      observer.disconnect();
      found();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

export type RenderMeasurement =
  | { readonly measured: true; readonly firstRender: Summary; readonly baseline: Summary }
  | { readonly measured: false; readonly reason: string };

async function timeToHeading(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    // Only the local server answers: office.js from Office's CDN (and anything else remote) fails at once.
    await context.route(
      (requested) => !requested.href.startsWith(new URL(url).origin),
      (route) => route.abort("internetdisconnected"),
    );
    await context.addInitScript(HEADING_PROBE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "load" });
    try {
      await page.waitForFunction(
        () => (window as unknown as { __headingFrame?: number }).__headingFrame !== undefined,
        undefined,
        { timeout: 30_000 },
      );
    } catch {
      throw new Error(`no heading rendered at ${url}${errors.length ? `; page errors: ${errors.join("; ")}` : ""}`);
    }
    return await page.evaluate(() => (window as unknown as { __headingFrame: number }).__headingFrame);
  } finally {
    await context.close();
  }
}

async function medianTime(browser: Browser, url: string, runs: number): Promise<Summary> {
  await timeToHeading(browser, url); // warm-up: the browser process, not the page's cache (each run is a new context)
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timeToHeading(browser, url));
  return summarize(times);
}

/** Median and spread over `runs` cold loads of the product's pane and of the empty Fluent page. */
export async function measureFirstRender(
  productDirectory: string,
  baselineDirectory: string,
  runs: number,
): Promise<RenderMeasurement> {
  if (!existsSync(CHROMIUM_PATH)) {
    return { measured: false, reason: `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)` };
  }
  const product = await serveDirectory(productDirectory);
  const baseline = await serveDirectory(baselineDirectory);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_FLAGS, headless: true });
    return {
      measured: true,
      firstRender: await medianTime(browser, `${product.origin}/taskpane.html`, runs),
      baseline: await medianTime(browser, `${baseline.origin}/taskpane.html`, runs),
    };
  } catch (error) {
    return { measured: false, reason: `Chromium could not measure it: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await browser?.close();
    await product.close();
    await baseline.close();
  }
}
