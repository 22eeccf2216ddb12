// @ts-check
/**
 * The add-in's base URL: where the task pane page, the scripts, functions.json and the icons are served.
 * Development serves from https://localhost:3000; a production build rewrites every URL of the manifest
 * to ADDIN_BASE_URL. Plain CommonJS so that webpack.config.js, the scripts and the tests share it.
 */
"use strict";

const DEV_BASE_URL = "https://localhost:3000";

/**
 * Reads and checks the base URL for a production build.
 * @param {string | undefined} raw the ADDIN_BASE_URL environment variable
 * @returns {string} the base URL without a trailing slash
 */
function resolveBaseUrl(raw) {
  if (raw === undefined || raw.trim() === "") return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL must be an absolute https URL such as https://plans.example.com (got "${raw}")`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL must use https: Office loads add-ins only over HTTPS (got "${raw}")`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new Error(`ADDIN_BASE_URL must not carry a query or a fragment (got "${raw}")`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Rewrites every development URL of a manifest to the given base URL.
 * @param {string} manifestXml the manifest as written in the repository
 * @param {string} baseUrl a value returned by resolveBaseUrl
 * @returns {string}
 */
function rewriteManifestUrls(manifestXml, baseUrl) {
  return manifestXml.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifestUrls };
