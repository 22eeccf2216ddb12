/**
 * Human names for plan paths, from the catalog: a form field's label and the name of a problem in a summary
 * (`Objectives › Funnel stage 3 › Conversion to the next stage`).
 */
import { formatPath } from "../../plan/messages";
import { fieldKeyOf, type PlanPath } from "../draft/path";
import type { Catalog, FieldKey, ListKey } from "../i18n/en";
import { stepOfPath } from "../steps/steps";

/** KPI targets have the same fields in the KPIs and the per-rep KPIs. */
function labelKey(path: PlanPath): string {
  const key = fieldKeyOf(path);
  const target = key.indexOf(".target.");
  return target >= 0 ? `target.${key.slice(target + ".target.".length)}` : key;
}

function isFieldKey(t: Catalog, key: string): key is FieldKey {
  return Object.hasOwn(t.fields, key);
}

function isListKey(t: Catalog, key: string): key is ListKey {
  return Object.hasOwn(t.lists, key);
}

/** The label of the field at `path`, or undefined when the catalog has none. */
export function fieldLabel(t: Catalog, path: PlanPath): string | undefined {
  const key = labelKey(path);
  return isFieldKey(t, key) ? t.fields[key] : undefined;
}

/** Where a problem is, in words: the step, the row and the field. */
export function describeLocation(t: Catalog, path: readonly (string | number)[]): string {
  const parts: string[] = [t.steps[stepOfPath(path)]];
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    if (typeof segment !== "number") continue;
    const listKey = fieldKeyOf(path.slice(0, index));
    if (isListKey(t, listKey)) parts.push(`${t.lists[listKey].item} ${segment + 1}`);
  }
  const last = [...path].reverse().findIndex((segment) => typeof segment === "string");
  const fieldPath = last < 0 ? path : path.slice(0, path.length - last);
  const label =
    fieldLabel(t, fieldPath) ??
    (isListKey(t, fieldKeyOf(fieldPath)) ? t.lists[fieldKeyOf(fieldPath) as ListKey].title : undefined);
  parts.push(label ?? formatPath(path));
  return parts.join(" › ");
}
