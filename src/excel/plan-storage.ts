/**
 * The plan stored inside the workbook, as a custom XML part (ExcelApi 1.5) that travels with the file:
 *
 *   <salesPlan xmlns="urn:sales-plan-builder:plan:1" schemaVersion="1">{"schemaVersion":1,"meta":…}</salesPlan>
 *
 * The element's text is the plan's JSON, XML-escaped (never CDATA: user text may contain `]]>`). The namespace names
 * the storage format (version 1); the JSON's own `schemaVersion` names the plan schema, which decides migration.
 * Pure: no Office calls; the gateway adds, finds and deletes the part.
 */
import type { PlanLocale } from "../plan/schema";
import { SCHEMA_VERSION, type Plan } from "../plan/schema";
import { validatePlan } from "../plan/validate";
import { excelMessage } from "./messages";

export const PLAN_XML_NAMESPACE = "urn:sales-plan-builder:plan:1";
const ROOT = "salesPlan";

/** Turns a plan document of version `n` into one of version `n + 1`. */
export type PlanMigration = (document: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Migrations by the version they start from. Empty while version 1 is the only schema: when version 2 arrives, add
 * `1: (document) => ({ ...document, schemaVersion: 2, … })` and older workbooks open through it.
 */
export const PLAN_MIGRATIONS: Readonly<Record<number, PlanMigration>> = {};

export type StoredPlanResult =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly reason: "newer" | "older" | "malformed" | "invalid"; readonly message: string };

function escapeXmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Reverses XML escaping: the five named entities, numeric references and CDATA sections. */
function unescapeXmlText(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, cdata, ref) => {
    if (typeof cdata === "string") return cdata;
    const entity = ref as string;
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}

/**
 * The custom XML part's content for a plan's JSON. U+FFFE and U+FFFF, which XML forbids and JSON does not escape,
 * are written as JSON escapes (they can only occur inside JSON strings).
 */
export function planToXml(planJson: string, schemaVersion: number = SCHEMA_VERSION): string {
  const safeJson = planJson.replace(/[\uFFFE\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
  return `<${ROOT} xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="${schemaVersion}">${escapeXmlText(safeJson)}</${ROOT}>`;
}

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
  // Excel may hand the part back with an XML declaration, a namespace prefix or other whitespace.
  const match = new RegExp(`<(?:[\\w.-]+:)?${ROOT}\\b[^>]*>([\\s\\S]*)</(?:[\\w.-]+:)?${ROOT}\\s*>`).exec(xml);
  if (!match) return malformed(`no <${ROOT}> element`);
  let document: unknown;
  try {
    document = JSON.parse(unescapeXmlText(match[1]!));
  } catch (error) {
    return malformed(error instanceof Error ? error.message : String(error));
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return malformed("the content is not a plan object");
  }
  const migrated = migratePlanDocument(document as Record<string, unknown>, locale, migrations);
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
  return { ok: true, plan: validation.plan };
}
