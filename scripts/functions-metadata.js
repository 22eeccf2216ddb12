// @ts-check
/**
 * The generated functions.json as the manifest's CustomFunctionsRuntime set allows it. custom-functions-metadata
 * always writes `"allowCustomDataForDataTypeAny": true`, a CustomFunctionsRuntime 1.4 property (requirement-set page:
 * office-js-docs-reference, docs/requirement-sets/excel/custom-functions-requirement-sets.md) that lets Excel pass
 * data types (entity values) to `any` parameters. The manifest declares 1.3, 1.4 is missing from perpetual Office
 * (2021, 2024), and the functions read plain numbers, text and booleans only: the property is removed.
 * tests/functions/runtime-requirements.test.ts checks every property left against the declared set.
 * Plain CommonJS so that webpack.config.js and the tests share it.
 */
"use strict";

const { Compilation, WebpackError, sources } = require("webpack");

/** Properties the generator writes that need a newer CustomFunctionsRuntime than the manifest declares. */
const PROPERTIES_ABOVE_DECLARED_RUNTIME = ["allowCustomDataForDataTypeAny"];

/**
 * @template {Record<string, unknown>} Metadata
 * @param {Metadata} metadata functions.json as generated from the JSDoc
 * @returns {Metadata} the same metadata without the properties above the declared runtime
 */
function metadataForDeclaredRuntime(metadata) {
  const copy = { ...metadata };
  for (const property of PROPERTIES_ABOVE_DECLARED_RUNTIME) delete copy[property];
  return copy;
}

/**
 * Rewrites the generated functions.json before anything derives from it (the French copy, the base-URL rewrite):
 * it runs one stage earlier than the earliest of those.
 */
class FunctionsMetadataForDeclaredRuntimePlugin {
  /** @param {{ asset: string }} options the generated asset's name */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { asset } = this.options;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataForDeclaredRuntimePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "FunctionsMetadataForDeclaredRuntimePlugin",
          stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL - 1,
        },
        () => {
          const generated = compilation.getAsset(asset);
          if (!generated) {
            compilation.errors.push(new WebpackError(`${asset} was not generated`));
            return;
          }
          try {
            const metadata = metadataForDeclaredRuntime(JSON.parse(generated.source.source().toString()));
            compilation.updateAsset(asset, new sources.RawSource(JSON.stringify(metadata, null, 4)));
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            compilation.errors.push(new WebpackError(`${asset}: ${message}`));
          }
        },
      );
    });
  }
}

module.exports = { metadataForDeclaredRuntime, FunctionsMetadataForDeclaredRuntimePlugin };
