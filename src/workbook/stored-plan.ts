/**
 * The plan travels inside the workbook as a custom XML part, so reopening the workbook (in Excel with the add-in, or
 * after an .xlsx export) restores the task pane. Both writers (Office.js in src/excel, .xlsx in src/xlsx) write this one
 * format, and the add-in reads it:
 *
 *   <salesPlan xmlns="urn:sales-plan-builder:plan:1" schemaVersion="1" workbookId="…">{"schemaVersion":1,…}</salesPlan>
 *
 * `workbookId` names the workbook, not the plan: it is chosen when a workbook is first generated and kept by every later
 * write, so the pane can keep a draft per workbook (a plan stored before it existed has none and gets one on the next
 * write). The element's text is the plan's JSON, XML-escaped (never CDATA: user text may contain `]]>`). The namespace names
 * the storage format (version 1); the JSON's own `schemaVersion` names the plan schema, which decides migration
 * (src/excel/plan-storage.ts).
 */

import { SCHEMA_VERSION } from "../plan/schema";

export const PLAN_XML_NAMESPACE = "urn:sales-plan-builder:plan:1";
const ROOT = "salesPlan";

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
export function planToXml(planJson: string, schemaVersion: number = SCHEMA_VERSION, workbookId?: string): string {
  const safeJson = planJson.replace(/[\uFFFE\uFFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
  if (workbookId !== undefined && !isWorkbookId(workbookId)) throw new Error(`not a workbook id: ${workbookId}`);
  const idAttribute = workbookId === undefined ? "" : ` workbookId="${workbookId}"`;
  return `<${ROOT} xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="${schemaVersion}"${idAttribute}>${escapeXmlText(safeJson)}</${ROOT}>`;
}

/** A workbook id: letters, digits and hyphens, so it needs no escaping in an attribute or a storage key. */
export function isWorkbookId(text: string): boolean {
  return /^[A-Za-z0-9-]{8,64}$/.test(text);
}

/** A new random workbook id (128 bits, hex). `crypto.getRandomValues` exists in every webview Office uses. */
export function newWorkbookId(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  return [...random(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type StoredPlanDocument =
  | {
      readonly ok: true;
      readonly document: Record<string, unknown>;
      /** Undefined for a plan stored before workbooks had ids (or with an id that is not one). */
      readonly workbookId: string | undefined;
    }
  | { readonly ok: false; readonly detail: string };

/**
 * Finds the plan element and parses its JSON into a plan document (not yet migrated or validated). Never throws.
 * Excel may hand the part back with an XML declaration, a namespace prefix or other whitespace.
 */
export function parseStoredPlanXml(xml: string): StoredPlanDocument {
  const match = new RegExp(`<(?:[\\w.-]+:)?${ROOT}\\b([^>]*)>([\\s\\S]*)</(?:[\\w.-]+:)?${ROOT}\\s*>`).exec(xml);
  if (!match) return { ok: false, detail: `no <${ROOT}> element` };
  let document: unknown;
  try {
    document = JSON.parse(unescapeXmlText(match[2]!));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { ok: false, detail: "the content is not a plan object" };
  }
  const id = /\sworkbookId\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[1]!);
  const workbookId = id ? (id[1] ?? id[2]!) : undefined;
  return {
    ok: true,
    document: document as Record<string, unknown>,
    workbookId: workbookId !== undefined && isWorkbookId(workbookId) ? workbookId : undefined,
  };
}
