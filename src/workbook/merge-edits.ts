/**
 * Three-way merge of a plan: the plan the sheets were generated from (`base`, stored in the workbook), the plan read
 * back from the sheets (`sheets`: the user's edits in Excel), and the plan in the task pane (`pane`: edits made in the
 * pane since). Edits on one side only are taken; the same field edited on both sides is a conflict.
 *
 * Granularity: single fields, except a list whose rows were added, removed or reordered (its length or its ids
 * differ from the base) on either side: such a list is one unit, taken whole from the side that changed it, because
 * its row indices no longer line up.
 */
import { changedFields } from "./read-back";
import { deletePath, getPath, parsePath, setPath, type PathSegment } from "./field-path";

export type ConflictPolicy = "sheets-win" | "report";

export interface MergeResult {
  /** The merged plan data (to validate); with conflicts under `report`, the pane's values are kept for them. */
  readonly plan: unknown;
  /** Fields (or whole lists) both sides changed differently, as paths. */
  readonly conflicts: readonly string[];
  /** Fields of the result that differ from `pane`, as paths. */
  readonly changedFromPane: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The ids (or, without ids, the length) that describe a list's rows. */
function rowShape(list: unknown): string | undefined {
  if (!Array.isArray(list) || !list.some(isRecord)) return undefined;
  return list
    .map((item, index) => (isRecord(item) && typeof item.id === "string" ? item.id : `#${index}`))
    .join("\u0000");
}

/** Paths of lists of records whose rows changed between `base` and `other`. */
function reshapedLists(base: unknown, other: unknown, path: PathSegment[] = [], out: string[] = []): string[] {
  if (Array.isArray(base) && Array.isArray(other)) {
    if (rowShape(base) !== rowShape(other)) {
      out.push(pathText(path));
      return out;
    }
    base.forEach((item, index) => reshapedLists(item, other[index], [...path, index], out));
    return out;
  }
  if (isRecord(base) && isRecord(other)) {
    for (const key of Object.keys(base)) reshapedLists(base[key], other[key], [...path, key], out);
  }
  return out;
}

function pathText(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    "",
  );
}

/** True when `inner` is `outer` or lies inside it (`a.b` holds `a.b[2].c`). */
function isInside(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

function overlaps(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a);
}

/** The changed paths of one side, with every change inside a reshaped list replaced by the list itself. */
function changeUnits(base: unknown, side: unknown, reshaped: readonly string[]): string[] {
  const units = new Set<string>();
  for (const path of changedFields(base, side)) {
    units.add(reshaped.find((list) => isInside(list, path)) ?? path);
  }
  return [...units];
}

function copyPath(target: Record<string, unknown>, source: unknown, path: string): void {
  const segments = parsePath(path);
  const value = getPath(source, segments);
  if (value === undefined) deletePath(target, segments);
  else setPath(target, segments, structuredClone(value));
}

export function mergeSheetEdits(base: unknown, sheets: unknown, pane: unknown, policy: ConflictPolicy): MergeResult {
  const reshaped = [...new Set([...reshapedLists(base, sheets), ...reshapedLists(base, pane)])];
  const sheetUnits = changeUnits(base, sheets, reshaped);
  const paneUnits = changeUnits(base, pane, reshaped);
  const conflicts: string[] = [];
  const merged = structuredClone(pane) as Record<string, unknown>;
  for (const unit of sheetUnits) {
    const clashing = paneUnits.filter((paneUnit) => overlaps(paneUnit, unit));
    // The widest of the overlapping changes is what both sides must agree on (a whole reshaped list, say).
    const widest = [unit, ...clashing].reduce((a, b) => (isInside(a, b) ? a : b));
    const segments = parsePath(widest);
    const agree = JSON.stringify(getPath(sheets, segments)) === JSON.stringify(getPath(pane, segments));
    if (clashing.length > 0 && !agree) {
      conflicts.push(widest);
      if (policy === "report") continue;
    }
    copyPath(merged, sheets, widest);
  }
  return { plan: merged, conflicts, changedFromPane: changedFields(pane, merged) };
}
