/**
 * The pane edits the plan as a draft: a `PlanInput`-shaped JSON value that may be incomplete or invalid while the
 * user types. Fields are addressed by the same paths the plan core's validation reports (`["objectives", "funnel",
 * 2, "conversionRate"]`), so a field finds its messages by its own path.
 */
import type { PlanInput } from "../../plan/schema";

export type PlanPath = readonly (string | number)[];

/** The plan being edited; numbers may be missing (an empty field) or NaN (text that is not a number). */
export type PlanDraft = PlanInput;

export function getAt(root: unknown, path: PlanPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`; only the objects along the path are copied. Missing containers are
 * created (an array for a numeric segment). Setting `undefined` on an object key removes the key, so an emptied
 * optional field disappears from the plan instead of holding `undefined`.
 */
export function setAt<T>(root: T, path: PlanPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container: unknown = root;
  const child =
    container !== null && typeof container === "object" ? (container as Record<string, unknown>)[head] : undefined;
  const nextChild = rest.length === 0 ? value : setAt(child ?? (typeof rest[0] === "number" ? [] : {}), rest, value);
  if (Array.isArray(container)) {
    const copy = [...(container as unknown[])];
    copy[head as number] = nextChild;
    return copy as T;
  }
  const copy: Record<string, unknown> = { ...((container ?? {}) as Record<string, unknown>) };
  if (nextChild === undefined) delete copy[head];
  else copy[head] = nextChild;
  return copy as T;
}

/** The text at `path`, or "" when there is no text there. */
export function textAt(root: unknown, path: PlanPath): string {
  const value = getAt(root, path);
  return typeof value === "string" ? value : "";
}

/** The list at `path` (an empty list when absent or not a list). */
export function listAt(root: unknown, path: PlanPath): unknown[] {
  const value = getAt(root, path);
  return Array.isArray(value) ? value : [];
}

/** `["objectives", "funnel", 2, "name"]` → `objectives.funnel.name`: the key of a field's label, rows ignored. */
export function fieldKeyOf(path: PlanPath): string {
  return path.filter((segment) => typeof segment === "string").join(".");
}
