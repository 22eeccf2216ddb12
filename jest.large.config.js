// @ts-check
"use strict";

/**
 * `npm run test:large`: the *.large.test.ts files, tests at Excel's size limits (a 5,000-row plan, sheets of
 * 200,000 cells) that take too long for `npm test` on a two-core machine. CI (.ci/run) runs them after `npm test`.
 */
const base = require("./jest.config.js");

/** @type {import("jest").Config} */
const config = {
  ...base,
  testMatch: ["**/*.large.test.ts", "**/*.large.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/libreoffice/"],
};

module.exports = config;
