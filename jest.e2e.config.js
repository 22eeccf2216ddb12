// @ts-check
"use strict";

/**
 * Browser tests (`npm run test:e2e`): the production build served over http on 127.0.0.1 and driven in the system
 * Chromium with playwright-core. Kept out of `npm test`, which needs no browser.
 */
/** @type {import("jest").Config} */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }],
  },
  // A production build (~20 s) and a real browser: minutes, not the unit tests' seconds.
  testTimeout: 300_000,
  maxWorkers: 1,
};

module.exports = config;
