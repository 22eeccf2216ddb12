/**
 * The plan stored inside the workbook, as a custom XML part (ExcelApi 1.5) that travels with the file:
 *
 *   <salesPlan xmlns="urn:sales-plan-builder:plan:1" schemaVersion="1" workbookId="…">{"schemaVersion":1,…}</salesPlan>
 *
 * The format itself is src/workbook/stored-plan.ts (the .xlsx writer writes it too); this module migrates and
 * validates what it holds. Pure: no Office calls; the gateway adds, finds and deletes the part.
 */
import type { PlanLocale } from "../plan/schema";
import { SCHEMA_VERSION, type Plan } from "../plan/schema";
import { validatePlan } from "../plan/validate";
import { parseStoredPlanXml } from "../workbook/stored-plan";
import { excelMessage } from "./messages";

export { isWorkbookId, newWorkbookId, PLAN_XML_NAMESPACE, planToXml } from "../workbook/stored-plan";

/** Turns a plan document of version `n` into one of version `n + 1`. */
export type PlanMigration = (document: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Migrations by the version they start from. Empty while version 1 is the only schema: when version 2 arrives, add
 * `1: (document) => ({ ...document, schemaVersion: 2, … })` and older workbooks open through it.
 */
export const PLAN_MIGRATIONS: Readonly<Record<number, PlanMigration>> = {};

export type StoredPlanResult =
  | { readonly ok: true; readonly plan: Plan; readonly workbookId: string | undefined }
  | { readonly ok: false; readonly reason: "newer" | "older" | "malformed" | "invalid"; readonly message: string };

/** Brings a document to `targetVersion` through `migrations`, or says why it cannot. */
export function migratePlanDocument(
  document: Record<string, unknown>,
  locale: PlanLocale,
  migrations: Readonly<Record<number, PlanMigration>> = PLAN_MIGRATIONS,
  targetVersion: number = SCHEMA_VERSION,
): { readonly ok: true; readonly document: Record<string, unknown> } | Extract<StoredPlanResult, { ok: false }> {
  const found = document.schemaVersion;
  if (typeof found !== "number" || !Number.isInteger(found) || found < 0) {
    return {
      ok: false,
      reason: "malformed",
      message: excelMessage(locale, "storedPlanMalformed", { detail: "schemaVersion" }),
    };
  }
  if (found > targetVersion) {
    return {
      ok: false,
      reason: "newer",
      message: excelMessage(locale, "storedPlanNewer", { found, supported: targetVersion }),
    };
  }
  let current = document;
  for (let version = found; version < targetVersion; version++) {
    const migrate = migrations[version];
    if (!migrate) {
      return {
        ok: false,
        reason: "older",
        message: excelMessage(locale, "storedPlanOlder", { found, supported: targetVersion }),
      };
    }
    current = migrate(current);
  }
  return { ok: true, document: current };
}

/**
 * Reads a stored plan: finds the element, parses the JSON, migrates it to the current schema version and validates
 * it. Messages are in `locale` and say that the workbook was not changed.
 */
export function planFromXml(
  xml: string,
  locale: PlanLocale,
  migrations: Readonly<Record<number, PlanMigration>> = PLAN_MIGRATIONS,
): StoredPlanResult {
  const malformed = (detail: string): StoredPlanResult => ({
    ok: false,
    reason: "malformed",
    message: excelMessage(locale, "storedPlanMalformed", { detail }),
  });
  const parsed = parseStoredPlanXml(xml);
  if (!parsed.ok) return malformed(parsed.detail);
  const migrated = migratePlanDocument(parsed.document, locale, migrations);
  if (!migrated.ok) return migrated;
  const validation = validatePlan(migrated.document, locale);
  if (!validation.ok) {
    return {
      ok: false,
      reason: "invalid",
      message: excelMessage(locale, "storedPlanInvalid", {
        list: validation.issues.map((issue) => `- ${issue.message}`).join("\n"),
      }),
    };
  }
  return { ok: true, plan: validation.plan, workbookId: parsed.workbookId };
}

/** The id stored with a plan, whatever the plan itself holds (even a plan this version cannot read keeps its id). */
export function workbookIdFromXml(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const parsed = parseStoredPlanXml(xml);
  return parsed.ok ? parsed.workbookId : undefined;
}
