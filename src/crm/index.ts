/** The CRM import's pure core: parse an export, recognise its CRM, read its values, merge it into existing records. */
export * from "./raw-table";
export * from "./messages";
export * from "./decode-text";
export * from "./parse-csv";
export * from "./parse-xlsx";
export * from "./values";
export * from "./presets";
export * from "./normalise";
export * from "./upsert";
export * from "./owners";
