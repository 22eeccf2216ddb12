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

/**
 * Records, in the page, when the first heading appears and when the frame after it starts; and the same for the
 * heading of the pane's step form (#step-heading), which arrives with the editor's chunks after the first paint.
 */
const HEADING_PROBE = `(() => {
  const watch = (selector, key) => {
    const found = () => {
      if (window[key] !== undefined) return;
      window[key] = performance.now();
      requestAnimationFrame(() => (window[key + "Frame"] = performance.now()));
    };
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        found();
      }
    }).observe(document, { childList: true, subtree: true });
  };
  watch("h1, h2, h3, [role='heading']", "__firstHeading");
  watch("#step-heading", "__stepForm");
})();`;

export type RenderMeasurement =
  | {
      readonly measured: true;
      readonly firstRender: Summary;
      /** Until the current step's form is on screen (the editor's chunks loaded and rendered). */
      readonly stepForm: Summary;
      readonly baseline: Summary;
    }
  | { readonly measured: false; readonly reason: string };

interface Times {
  readonly firstHeading: number;
  /** Undefined when not asked for (the empty page has no step form). */
  readonly stepForm: number | undefined;
}

async function timeToHeading(browser: Browser, url: string, withStepForm: boolean): Promise<Times> {
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
        (stepForm) => {
          const probe = window as unknown as { __firstHeadingFrame?: number; __stepFormFrame?: number };
          return probe.__firstHeadingFrame !== undefined && (!stepForm || probe.__stepFormFrame !== undefined);
        },
        withStepForm,
        { timeout: 30_000 },
      );
    } catch {
      throw new Error(`no heading rendered at ${url}${errors.length ? `; page errors: ${errors.join("; ")}` : ""}`);
    }
    const times = await page.evaluate(() => {
      const probe = window as unknown as { __firstHeadingFrame: number; __stepFormFrame?: number };
      return { firstHeading: probe.__firstHeadingFrame, stepForm: probe.__stepFormFrame };
    });
    return { firstHeading: times.firstHeading, stepForm: withStepForm ? times.stepForm : undefined };
  } finally {
    await context.close();
  }
}

async function medianTimes(
  browser: Browser,
  url: string,
  runs: number,
  withStepForm: boolean,
): Promise<{ firstHeading: Summary; stepForm: Summary | undefined }> {
  await timeToHeading(browser, url, withStepForm); // warm-up: the browser process, not the page's cache (new context)
  const times: Times[] = [];
  for (let run = 0; run < runs; run++) times.push(await timeToHeading(browser, url, withStepForm));
  return {
    firstHeading: summarize(times.map((time) => time.firstHeading)),
    stepForm: withStepForm ? summarize(times.map((time) => time.stepForm!)) : undefined,
  };
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
    const pane = await medianTimes(browser, `${product.origin}/taskpane.html`, runs, true);
    const empty = await medianTimes(browser, `${baseline.origin}/taskpane.html`, runs, false);
    return { measured: true, firstRender: pane.firstHeading, stepForm: pane.stepForm!, baseline: empty.firstHeading };
  } catch (error) {
    return { measured: false, reason: `Chromium could not measure it: ${(error as Error).message.split("\n")[0]}` };
  } finally {
    await browser?.close();
    await product.close();
    await baseline.close();
  }
}
