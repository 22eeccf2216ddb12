/**
 * The plan travels inside the workbook as a custom XML part, so reopening the workbook (in Excel with the add-in, or
 * after an .xlsx export) restores the task pane. Both writers (Office.js and .xlsx) and the reader use this one format:
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <salesPlan xmlns="urn:sales-plan-builder:plan" schemaVersion="1">{escaped plan JSON}</salesPlan>
 *
 * The JSON is XML-escaped text (not CDATA, which user text containing "]]>" would break). JSON.stringify already
 * escapes the control characters XML forbids.
 */

export const PLAN_XML_NAMESPACE = "urn:sales-plan-builder:plan";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeXmlText(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ENTITIES[char]!);
}

function unescapeXmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}

/** The custom XML part holding a plan (any JSON-serializable value with its schema version). */
export function planToXml(plan: unknown, schemaVersion: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="${schemaVersion}">${escapeXmlText(JSON.stringify(plan))}</salesPlan>`;
}

export type StoredPlanRead =
  | { readonly ok: true; readonly schemaVersion: number; readonly data: unknown }
  | { readonly ok: false; readonly reason: string };

/** Reads a plan part written by `planToXml`. Never throws: a malformed part gives a reason. */
export function planFromXml(xml: string): StoredPlanRead {
  const match = /<salesPlan\b([^>]*)>([\s\S]*)<\/salesPlan>\s*$/.exec(xml.trim());
  if (!match) return { ok: false, reason: "the stored plan has no <salesPlan> element" };
  const attributes = match[1] ?? "";
  if (!attributes.includes(`xmlns="${PLAN_XML_NAMESPACE}"`)) {
    return { ok: false, reason: `the stored plan is not in the ${PLAN_XML_NAMESPACE} namespace` };
  }
  const version = Number(/schemaVersion="(\d+)"/.exec(attributes)?.[1]);
  if (!Number.isInteger(version)) return { ok: false, reason: "the stored plan has no schema version" };
  try {
    return { ok: true, schemaVersion: version, data: JSON.parse(unescapeXmlText(match[2] ?? "")) as unknown };
  } catch (error) {
    return {
      ok: false,
      reason: `the stored plan is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
