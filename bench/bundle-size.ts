/**
 * Load size: the production bundles (webpack.config.js as `npm run build` runs it) minified and gzip-compressed,
 * against the same configuration building only an empty Fluent UI v9 + React page (bench/empty-fluent-page.tsx).
 * Both are built into temporary directories; dist/ is left alone.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import { ratioOf, type Figure } from "./report";

type Configure = (env: object, argv: { mode: "production" }) => webpack.Configuration;

const ROOT = path.resolve(__dirname, "..");
/** Any https base URL: it only changes URLs in the manifest and the functions metadata. */
const BASE_URL = "https://plans.example.com";

export interface ScriptSize {
  readonly file: string;
  /** Bytes as built (minified). */
  readonly minified: number;
  /** Bytes after gzip at zlib's default level (6), as a web server typically sends them. */
  readonly gzip: number;
}

export interface BuildSizes {
  readonly directory: string;
  readonly scripts: readonly ScriptSize[];
}

export interface LoadSizes {
  readonly product: BuildSizes;
  readonly baseline: BuildSizes;
}

/** The project's configuration for a production build into a new temporary directory, adjusted by `adjust`. */
function productionConfig(adjust: (config: webpack.Configuration) => void): webpack.Configuration {
  const directory = mkdtempSync(path.join(tmpdir(), "spb-bench-build-"));
  const previous = { base: process.env.ADDIN_BASE_URL, out: process.env.ADDIN_OUTPUT_DIR };
  process.env.ADDIN_BASE_URL = BASE_URL;
  process.env.ADDIN_OUTPUT_DIR = directory;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS by design
    const configure = require(path.join(ROOT, "webpack.config.js")) as Configure;
    const config = configure({}, { mode: "production" });
    // Source maps do not change the scripts' size; skipping them saves build time.
    config.devtool = false;
    config.context = ROOT;
    adjust(config);
    return config;
  } finally {
    for (const [name, value] of [
      ["ADDIN_BASE_URL", previous.base],
      ["ADDIN_OUTPUT_DIR", previous.out],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Runs the builds together (webpack interleaves them) and returns their output directories. */
async function build(configs: readonly webpack.Configuration[]): Promise<string[]> {
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) =>
    webpack([...configs], (error, result) =>
      error || !result ? reject(error ?? new Error("no stats")) : resolve(result),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return configs.map((config) => config.output!.path!);
}

export function scriptSizes(directory: string): ScriptSize[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".js"))
    .sort()
    .map((file) => {
      const content = readFileSync(path.join(directory, file));
      return { file, minified: content.length, gzip: gzipSync(content).length };
    });
}

/** The product as `npm run build` builds it, and the empty Fluent page built with the same configuration. */
export async function measureLoadSizes(): Promise<LoadSizes> {
  const [productDirectory, baselineDirectory] = await build([
    productionConfig(() => undefined),
    productionConfig((config) => {
      config.entry = { taskpane: path.join(ROOT, "bench", "empty-fluent-page.tsx") };
    }),
  ]);
  return {
    product: { directory: productDirectory!, scripts: scriptSizes(productDirectory!) },
    baseline: { directory: baselineDirectory!, scripts: scriptSizes(baselineDirectory!) },
  };
}

const SECTION = "Load size";

/** The entry scripts taskpane.html loads (webpack.config.js's HtmlWebpackPlugin chunks). */
const INITIAL_SCRIPTS: readonly string[] = ["functions.js", "taskpane.js"];

export function scriptOf(sizes: BuildSizes, file: string): ScriptSize | undefined {
  return sizes.scripts.find((script) => script.file === file);
}

export function loadSizeFigures(sizes: LoadSizes): Figure[] {
  const baseline = scriptOf(sizes.baseline, "taskpane.js");
  const label = "empty Fluent UI page";
  const figures: Figure[] = [];
  for (const script of sizes.product.scripts) {
    for (const kind of ["minified", "gzip"] as const) {
      const value = script[kind];
      const base = baseline?.[kind] ?? null;
      figures.push({
        section: SECTION,
        name: `${script.file}, ${kind === "minified" ? "minified" : "gzip"}`,
        value,
        unit: "bytes",
        baseline: { label, value: base },
        ratio: ratioOf(value, base),
        ...(script.file === "functions.js" ? { note: "the PLAN.* functions; the pane page loads it too" } : {}),
      });
    }
  }
  // The scripts taskpane.html itself loads: everything else is a chunk the pane fetches after its first render.
  const initial = sizes.product.scripts.filter((script) => INITIAL_SCRIPTS.includes(script.file));
  for (const kind of ["minified", "gzip"] as const) {
    const value = initial.reduce((sum, script) => sum + script[kind], 0);
    figures.push({
      section: SECTION,
      name: `scripts of the pane page before its first render, ${kind}`,
      value,
      unit: "bytes",
      baseline: { label, value: baseline?.[kind] ?? null },
      ratio: ratioOf(value, baseline?.[kind] ?? null),
      note: initial.map((script) => script.file).join(" + "),
    });
  }
  const total = (kind: "minified" | "gzip") => sizes.product.scripts.reduce((sum, script) => sum + script[kind], 0);
  for (const kind of ["minified", "gzip"] as const) {
    figures.push({
      section: SECTION,
      name: `all scripts of the pane page, ${kind}`,
      value: total(kind),
      unit: "bytes",
      baseline: { label, value: baseline?.[kind] ?? null },
      ratio: ratioOf(total(kind), baseline?.[kind] ?? null),
      note: sizes.product.scripts.map((script) => script.file).join(" + "),
    });
  }
  return figures;
}
