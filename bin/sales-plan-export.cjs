#!/usr/bin/env node
// The `sales-plan-export` command: the TypeScript CLI run through tsx (a devDependency installed by `npm ci`).
"use strict";
require("tsx/cjs");
require("../src/cli/export-workbook.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
