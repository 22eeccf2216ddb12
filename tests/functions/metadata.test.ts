import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { dimensionalityOf, type Parameter } from "../../src/functions/arguments";
import * as functions from "../../src/functions/functions";
import { SIGNATURES } from "../../src/functions/signatures";
import { localizeFunctionsMetadata } from "../../scripts/functions-localization";
import { metadataForDeclaredRuntime } from "../../scripts/functions-metadata";

const repoRoot = path.resolve(__dirname, "..", "..");
const goldenPath = path.join(repoRoot, "tests", "golden", "functions.json");
const frenchGoldenPath = path.join(repoRoot, "tests", "golden", "functions-fr.json");
const frenchTable = JSON.parse(
  readFileSync(path.join(repoRoot, "src", "functions", "translations", "fr-FR.json"), "utf8"),
) as Parameters<typeof localizeFunctionsMetadata>[1];

interface Metadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
    result: { type?: string; dimensionality?: string };
  }[];
}

/** The order, which is also the order of functions.ts. */
const IDS = [
  "HEADCOUNT",
  "REPSNEEDED",
  "FUNNEL",
  "RAMP",
  "CAPACITY",
  "HIRES",
  "SPLIT",
  "FISCALQUARTER",
  "PIPELINE",
  "COVERAGE",
  "QUOTA",
  "OVERLAY",
  "ATTAINMENT",
  "PACE",
];

/**
 * The metadata is generated the way the build generates it (custom-functions-metadata from the JSDoc, without the
 * properties above the declared runtime, then the French copy from the translation table) and must match the reviewed golden files. After an intended change:
 * `UPDATE_GOLDEN=1 npx jest tests/functions/metadata`.
 */
describe("custom functions metadata", () => {
  let metadata: Metadata;
  let french: Metadata;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(
      [path.join(repoRoot, "src", "functions", "functions.ts")],
      true,
    );
    expect(result.errors).toEqual([]);
    // As the build emits it: without the properties of a newer CustomFunctionsRuntime than the manifest declares.
    metadata = metadataForDeclaredRuntime(
      JSON.parse(result.metadataJson) as Record<string, unknown>,
    ) as unknown as Metadata;
    type Generated = Parameters<typeof localizeFunctionsMetadata>[0];
    french = localizeFunctionsMetadata(metadata as unknown as Generated, frenchTable) as unknown as Metadata;
    if (process.env.UPDATE_GOLDEN === "1") {
      writeFileSync(goldenPath, `${JSON.stringify(metadata, null, 2)}\n`);
      writeFileSync(frenchGoldenPath, `${JSON.stringify(french, null, 2)}\n`);
    }
  });

  it("matches the reviewed golden functions.json", () => {
    expect(metadata).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
  });

  it("matches the reviewed golden functions-fr.json", () => {
    expect(french).toEqual(JSON.parse(readFileSync(frenchGoldenPath, "utf8")));
  });

  it("declares the fourteen functions, in order, each with a description for it and every parameter", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(IDS);
    for (const fn of metadata.functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.description).toMatch(/\S{3}/);
      for (const parameter of fn.parameters) expect(parameter.description).toMatch(/\S{3}/);
    }
  });

  it("states the accepted range or default of every parameter in its description", () => {
    const range =
      /0 or more|greater than 0|at most 1|less than 1|from 0 to 1|from 1900-03-01|from 1 \(|any whole number|default/;
    for (const fn of metadata.functions) {
      for (const parameter of fn.parameters)
        expect(`${fn.id}(${parameter.name}): ${parameter.description}`).toMatch(range);
    }
  });

  it("keeps every description within 255 characters, in both languages, so Excel's function dialog shows it whole", () => {
    // 255 characters is the argument-help limit of Excel's function dialog for XLL functions; assumed here too.
    for (const file of [metadata, french]) {
      for (const fn of file.functions) {
        for (const text of [fn.description, ...fn.parameters.map((p) => p.description)]) {
          expect([fn.id, (text?.length ?? 0) <= 255 ? "fits" : text]).toEqual([fn.id, "fits"]);
        }
      }
    }
  });

  it("gives every function a help link to its section of help.html, and never repeats the namespace in an id", () => {
    const help = readFileSync(path.join(repoRoot, "src", "help", "help.html"), "utf8");
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#plan-${fn.id.toLowerCase()}`);
      expect(help).toContain(`id="plan-${fn.id.toLowerCase()}"`);
      expect(fn.id).not.toMatch(/^PLAN\./);
    }
  });

  it("agrees with the argument table: the same names, order, optional flags and single values or ranges", () => {
    for (const [name, signature] of Object.entries(SIGNATURES)) {
      const fn = metadata.functions.find((f) => `PLAN.${f.id}` === signature.formula);
      expect(fn).toBeDefined();
      expect(typeof (functions as Record<string, unknown>)[name]).toBe("function");
      const declared = fn!.parameters.map((p) => ({
        name: p.name,
        optional: p.optional === true,
        dimensionality: p.dimensionality ?? "scalar",
      }));
      const table = (signature.parameters as readonly Parameter[]).map((p) => ({
        name: p.name,
        optional: p.optional === true,
        dimensionality: dimensionalityOf(p),
      }));
      expect(declared).toEqual(table);
    }
    expect(Object.keys(SIGNATURES).length).toBe(metadata.functions.length);
  });

  /**
   * "By specifying a parameter type, Excel will convert values into that type before calling the function. If the
   * type is any, no conversion will be performed" (docs: excel/custom-functions-json-autogeneration.md, Types). A
   * `number` parameter would have Excel parse text with the user's regional settings, or answer a bare #VALUE!,
   * before the function runs: the argument table's checks and messages (text, booleans, YYYY-MM-DD dates, blanks)
   * would never be reached.
   */
  it("declares every parameter any (a single value or a range), so the argument checks and their messages are reached", () => {
    const types = metadata.functions.flatMap((fn) =>
      fn.parameters.map((p) => `${fn.id}(${p.name}): ${p.type ?? "any"}/${p.dimensionality ?? "scalar"}`),
    );
    const expected = Object.values(SIGNATURES).flatMap((signature) =>
      (signature.parameters as readonly Parameter[]).map(
        (p) => `${signature.formula.slice("PLAN.".length)}(${p.name}): any/${dimensionalityOf(p)}`,
      ),
    );
    expect(types).toEqual(expected);
  });

  it("spills the results that are rows or columns and returns text only for FISCALQUARTER", () => {
    const results = Object.fromEntries(
      metadata.functions.map((f) => [f.id, `${f.result.type}/${f.result.dimensionality ?? "scalar"}`]),
    );
    expect(results).toEqual({
      HEADCOUNT: "number/scalar",
      REPSNEEDED: "number/scalar",
      FUNNEL: "number/matrix",
      RAMP: "number/scalar",
      CAPACITY: "number/matrix",
      HIRES: "number/matrix",
      SPLIT: "number/matrix",
      FISCALQUARTER: "string/scalar",
      PIPELINE: "number/matrix",
      COVERAGE: "number/scalar",
      QUOTA: "number/matrix",
      OVERLAY: "number/matrix",
      ATTAINMENT: "number/scalar",
      PACE: "number/scalar",
    });
  });
});

describe("the French functions metadata", () => {
  let english: Metadata;
  let french: Metadata;

  beforeAll(() => {
    english = JSON.parse(readFileSync(goldenPath, "utf8")) as Metadata;
    french = JSON.parse(readFileSync(frenchGoldenPath, "utf8")) as Metadata;
  });

  it("declares the same ids, names, parameters, types, help links and results as the English file", () => {
    const withoutDescriptions = (m: Metadata) =>
      m.functions.map(({ description: _d, parameters, ...fn }) => ({
        ...fn,
        parameters: parameters.map(({ description: _p, ...parameter }) => parameter),
      }));
    expect(withoutDescriptions(french)).toEqual(withoutDescriptions(english));
  });

  /**
   * Every description is a sentence, so none is language-neutral: each French description must differ from the
   * English one and read as French. Argument names (snake_case) and formula names are the same in both languages
   * and are left out before looking for English words.
   */
  it("translates every description: none equals the English one and none reads as English", () => {
    const english_words = /\b(the|and|of|with|must|more|than|default|whole|people|per|each|optional)\b/i;
    english.functions.forEach((fn, f) => {
      const frenchFn = french.functions[f]!;
      const pairs: [string, string | undefined, string | undefined][] = [
        [fn.id, fn.description, frenchFn.description],
        ...fn.parameters.map((p, i): [string, string | undefined, string | undefined] => [
          `${fn.id}(${p.name})`,
          p.description,
          frenchFn.parameters[i]?.description,
        ]),
      ];
      const names = fn.parameters.map((p) => p.name);
      for (const [where, en, fr] of pairs) {
        expect(`${where}: ${fr}`).toMatch(/\S{3}/);
        expect(`${where}: ${fr}`).not.toBe(`${where}: ${en}`);
        const words = names.reduce((text, name) => text.split(name).join(""), fr ?? "");
        expect([where, english_words.exec(words)?.[0]]).toEqual([where, undefined]);
      }
    });
  });
});
