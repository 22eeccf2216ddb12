/**
 * The plan file: a versioned JSON envelope around a validated plan, so a later version of the pane can tell a file
 * it must convert from one it reads as is. Reading a file never changes anything by itself: it returns either the
 * plan or why the file was refused.
 */
import type { MessageLocale } from "./messages";
import type { Plan } from "./schema";
import { validatePlan, type PlanIssue } from "./validate";

export const PLAN_FILE_FORMAT = "sales-plan-builder/plan";
export const PLAN_FILE_VERSION = 1;

export interface PlanFile {
  readonly format: typeof PLAN_FILE_FORMAT;
  readonly formatVersion: number;
  /** When the file was written, ISO 8601 UTC. */
  readonly exportedAt: string;
  readonly plan: Plan;
}

export type PlanFileReading =
  | { readonly ok: true; readonly plan: Plan }
  | { readonly ok: false; readonly reason: "notJson" | "notPlanFile" }
  | { readonly ok: false; readonly reason: "newerVersion"; readonly formatVersion: number }
  | { readonly ok: false; readonly reason: "invalidPlan"; readonly issues: readonly PlanIssue[] };

/** The file's text for a validated plan, pretty-printed so it diffs well in version control. */
export function writePlanFile(plan: Plan, now: Date): string {
  const file: PlanFile = {
    format: PLAN_FILE_FORMAT,
    formatVersion: PLAN_FILE_VERSION,
    exportedAt: now.toISOString(),
    plan,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "Plan d'action 2027" → "plan-d-action-2027.plan.json". */
export function planFileName(plan: Plan): string {
  const base = plan.meta.planName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "sales-plan"}.plan.json`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The text of a plan file's bytes, decoded as a browser's FileReader.readAsText decodes them (the Encoding Standard's
 * byte-order-mark sniffing): UTF-16 little-endian after FF FE (Notepad's "Unicode", PowerShell's `>`), big-endian after
 * FE FF, UTF-8 otherwise (its own mark, EF BB BF, dropped). The pane reads files with FileReader, the exporter with this,
 * so both accept the same files.
 */
export function decodePlanFile(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Reads a plan file. Also accepts a bare plan (an object with `schemaVersion` and `meta`), such as the examples
 * written by hand. Validation messages are in `locale`.
 */
export function readPlanFile(text: string, locale: MessageLocale): PlanFileReading {
  let data: unknown;
  try {
    // Editors on Windows may save UTF-8 with a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "notJson" };
  }
  if (!isRecord(data)) return { ok: false, reason: "notPlanFile" };
  let plan: unknown;
  if (data.format === PLAN_FILE_FORMAT) {
    const version = data.formatVersion;
    if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
      return { ok: false, reason: "notPlanFile" };
    if (version > PLAN_FILE_VERSION) return { ok: false, reason: "newerVersion", formatVersion: version };
    plan = data.plan;
  } else if ("schemaVersion" in data && isRecord(data.meta)) {
    plan = data;
  } else {
    return { ok: false, reason: "notPlanFile" };
  }
  if (!isRecord(plan)) return { ok: false, reason: "notPlanFile" };
  const validation = validatePlan(plan, locale);
  return validation.ok
    ? { ok: true, plan: validation.plan }
    : { ok: false, reason: "invalidPlan", issues: validation.issues };
}
