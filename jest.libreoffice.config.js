// @ts-check
"use strict";

/**
 * `npm run test:libreoffice`: the generated workbooks opened, recalculated and converted by LibreOffice Calc, a real
 * spreadsheet application. Kept out of `npm test` because it needs LibreOffice (.ci/run installs it).
 */
/** @type {import("jest").Config} */
const config = {
  ...require("./jest.config.js"),
  roots: ["<rootDir>/tests/libreoffice"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 300_000,
};

module.exports = config;
