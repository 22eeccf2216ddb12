// @ts-check
"use strict";

/** Tests run in Node by default; React component tests opt into jsdom with a `@jest-environment jsdom` docblock. */
/** @type {import("jest").Config} */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Browser and LibreOffice tests have their own commands (npm run test:e2e, npm run test:libreoffice), and so do
  // the *.large.test.ts files, which CI runs (npm run test:large, jest.large.config.js).
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/tests/e2e/",
    "<rootDir>/tests/libreoffice/",
    "\\.large\\.test\\.tsx?$",
  ],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  // The same CustomFunctions stand-in the task pane page installs outside Office (src/functions/outside-office.ts).
  setupFiles: [
    "<rootDir>/src/functions/outside-office.ts",
    "<rootDir>/tests/setup/jsdom-layout.ts",
    "<rootDir>/tests/setup/jsdom-globals.ts",
  ],
  clearMocks: true,
  // One worker per core. Jest's default is one fewer than the cores, which on a two-core machine means a single
  // worker and the whole run in band (twice the wall time); the main process only collects results.
  maxWorkers: "100%",
  // A guard against a hung test, not a performance budget (performance is measured in `npm run bench`): Jest's
  // 5 s failed sound tests whose workbook took longer to build on a two-core machine shared with other jobs.
  testTimeout: 60_000,
};

module.exports = config;
