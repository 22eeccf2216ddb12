/**
 * The plan schema's version, in a module of its own (no zod), so code that only needs the number (the task pane's
 * first script creating a blank plan) does not load the schema. `schema.ts` re-exports it.
 */
export const SCHEMA_VERSION = 1;
