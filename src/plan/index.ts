/**
 * The plan core's public surface: the schema, validation, the calculations and the examples. No Office, no React,
 * no DOM: everything here runs in Node, in the browser and in the custom-functions runtime.
 */
export * from "./schema";
export * from "./validate";
export * from "./messages";
export * from "./excel-precision";
export * from "./errors";
export * from "./funnel";
export * from "./headcount";
export * from "./ramp";
export * from "./capacity";
export * from "./hiring";
export * from "./split";
export * from "./pipeline";
export * from "./pipeline-timing";
export * from "./tracking";
export * from "./calendar";
export * from "./attrition";
export * from "./periods";
export * from "./calculate";
export * from "./examples";
export * from "./plan-file";
