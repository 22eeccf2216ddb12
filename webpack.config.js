// @ts-check
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { resolveBaseUrl, rewriteManifestUrls, DEV_BASE_URL } = require("./scripts/manifest-urls.js");
const { readDevCertificates } = require("./scripts/dev-certs.js");
const { RewriteBaseUrlPlugin } = require("./scripts/base-url-plugin.js");
const { LocalizeFunctionsMetadataPlugin } = require("./scripts/functions-localization.js");
const { FunctionsMetadataForDeclaredRuntimePlugin } = require("./scripts/functions-metadata.js");

const DEV_SERVER_PORT = 3000;

/**
 * @param {Record<string, string | boolean>} _env webpack --env values (unused)
 * @param {{ mode?: "development" | "production" | "none" }} argv
 * @returns {import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }}
 */
module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = production ? resolveBaseUrl(process.env.ADDIN_BASE_URL) : DEV_BASE_URL;
  const outputPath = process.env.ADDIN_OUTPUT_DIR
    ? path.resolve(process.env.ADDIN_OUTPUT_DIR)
    : path.resolve(__dirname, "dist");

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      // The custom functions first: in the shared runtime they register from the task pane page.
      functions: ["./src/functions/outside-office.ts", "./src/functions/functions.ts"],
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Before anything derives from functions.json: only properties of the manifest's CustomFunctionsRuntime set.
      new FunctionsMetadataForDeclaredRuntimePlugin({ asset: "functions.json" }),
      // French metadata (same ids and names, translated descriptions); manifest.xml points fr-FR and fr-CA at it.
      new LocalizeFunctionsMetadataPlugin({
        source: "functions.json",
        output: "functions-fr.json",
        translations: path.resolve(__dirname, "src/functions/translations/fr-FR.json"),
      }),
      // Runs after the localization (a later processAssets stage), so both files' help links are rewritten.
      new RewriteBaseUrlPlugin({ baseUrl, assets: /^functions(-[a-z]{2})?\.json$/ }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifestUrls(content.toString("utf8"), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: DEV_SERVER_PORT,
      allowedHosts: "all",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: (() => {
        const certificates = readDevCertificates();
        // `npm start` generates them first; a bare `webpack serve` without them falls back to a throwaway self-signed certificate.
        if (!certificates) return { type: "https" };
        return { type: "https", options: { ca: certificates.ca, cert: certificates.cert, key: certificates.key } };
      })(),
      client: { overlay: { warnings: false } },
      static: false,
      hot: false,
      liveReload: true,
    },
  };
};
