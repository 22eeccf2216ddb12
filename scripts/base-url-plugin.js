// @ts-check
/**
 * Rewrites the development base URL inside emitted JSON assets (functions.json's help URLs) to the production
 * base URL, so a production build carries no localhost link. The manifest is rewritten when it is copied.
 */
"use strict";

const { sources, Compilation } = require("webpack");
const { rewriteManifestUrls } = require("./manifest-urls.js");

class RewriteBaseUrlPlugin {
  /** @param {{ baseUrl: string, assets: RegExp }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteBaseUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteBaseUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!this.options.assets.test(name)) continue;
            const text = compilation.getAsset(name)?.source.source().toString() ?? "";
            compilation.updateAsset(name, new sources.RawSource(rewriteManifestUrls(text, this.options.baseUrl)));
          }
        },
      );
    });
  }
}

module.exports = { RewriteBaseUrlPlugin };
