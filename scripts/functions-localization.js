// @ts-check
/**
 * Localized custom-functions metadata. Excel reads one functions.json per locale (the manifest's
 * Functions.Metadata.Url with a <bt:Override> for each French locale). custom-functions-metadata generates the
 * English file from the JSDoc; the French file is that file with every description replaced from a translation table
 * (src/functions/translations/fr-FR.json): ids, names, parameter names and types, and help links stay identical, so a
 * formula typed in one language works in the other. A missing, empty or stale translation fails the build.
 * Plain CommonJS so that webpack.config.js and the tests share it.
 */
"use strict";

const { readFileSync } = require("node:fs");
const { Compilation, WebpackError, sources } = require("webpack");

/**
 * @typedef {{ name: string, description?: string, [key: string]: unknown }} ParameterMetadata
 * @typedef {{ id: string, name: string, description?: string, parameters: ParameterMetadata[], [key: string]: unknown }} FunctionMetadata
 * @typedef {{ functions: FunctionMetadata[], [key: string]: unknown }} FunctionsMetadata
 * @typedef {Record<string, { description: string, parameters: Record<string, string> }>} TranslationTable
 */

/** @param {unknown} value */
function isText(value) {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The metadata with every description translated. Throws one error listing every missing, empty or stale entry.
 * @param {FunctionsMetadata} metadata functions.json as generated from the JSDoc
 * @param {TranslationTable} table translations by function id, then by parameter name
 * @returns {FunctionsMetadata}
 */
function localizeFunctionsMetadata(metadata, table) {
  /** @type {string[]} */
  const problems = [];
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`${id} is translated but is not a function in functions.json`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`${fn.id} has no translation`);
      return fn;
    }
    if (!isText(entry.description)) problems.push(`${fn.id} has no translated description`);
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(entry.parameters ?? {})) {
      if (!names.has(name)) problems.push(`${fn.id}(${name}) is translated but is not a parameter of ${fn.id}`);
    }
    const parameters = fn.parameters.map((parameter) => {
      const description = entry.parameters?.[parameter.name];
      if (!isText(description)) problems.push(`${fn.id}(${parameter.name}) has no translated description`);
      return { ...parameter, description };
    });
    return { ...fn, description: entry.description, parameters };
  });
  if (problems.length > 0) throw new Error(`incomplete translation table:\n  - ${problems.join("\n  - ")}`);
  return { ...metadata, functions };
}

/**
 * Emits a localized copy of the generated functions.json, early enough (PROCESS_ASSETS_STAGE_ADDITIONAL) for the
 * base-URL rewrite (PROCESS_ASSETS_STAGE_OPTIMIZE) to reach its help links too.
 */
class LocalizeFunctionsMetadataPlugin {
  /** @param {{ source: string, output: string, translations: string }} options asset names and the table's path */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { source, output, translations } = this.options;
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(translations);
          const asset = compilation.getAsset(source);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${output}: ${source} was not generated`));
            return;
          }
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const table = JSON.parse(readFileSync(translations, "utf8"));
            const localized = localizeFunctionsMetadata(metadata, table);
            compilation.emitAsset(output, new sources.RawSource(JSON.stringify(localized, null, 4)));
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            compilation.errors.push(new WebpackError(`${output}: ${message}`));
          }
        },
      );
    });
  }
}

module.exports = { localizeFunctionsMetadata, LocalizeFunctionsMetadataPlugin };
