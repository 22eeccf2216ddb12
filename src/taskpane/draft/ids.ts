/**
 * Identifiers of new rows. Rows that other rows refer to (funnel stages, activities, SLAs, roles, sales stages, and
 * the KPIs) carry an id of 1-40 letters, digits, "-" or "_"; the pane makes it from the row's name, unique in its
 * list, and keeps references pointing at a row when its id changes.
 */
import type { PlanDraft } from "./path";

const ID_MAX = 40;

/** "Démonstrations réalisées" → "demonstrations-realisees"; empty when the name has no letter or digit. */
export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, ID_MAX)
    .replace(/-+$/g, "");
}

/** An id made from `name` (or `fallback` when the name gives none), made unique against `taken` with -2, -3… */
export function uniqueId(name: string, fallback: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(name) || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, ID_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The lists whose ids other fields refer to, and where those references live. */
export type ReferencedList = "funnel" | "activity" | "sla" | "role" | "salesStage" | "none";

type Target = { kind: string; stageId?: string; activityId?: string; slaId?: string };
type Row = Record<string, unknown>;

function mapRows(rows: unknown, update: (row: Row) => Row): unknown {
  return Array.isArray(rows)
    ? (rows as unknown[]).map((row) => (row && typeof row === "object" ? update(row as Row) : row))
    : rows;
}

function renameInTarget(row: Row, list: ReferencedList, from: string, to: string): Row {
  const target = row.target as Target | undefined;
  if (!target || typeof target !== "object") return row;
  if (list === "funnel" && target.kind === "funnelStage" && target.stageId === from)
    return { ...row, target: { ...target, stageId: to } };
  if (list === "activity" && target.kind === "activity" && target.activityId === from)
    return { ...row, target: { ...target, activityId: to } };
  if (list === "sla" && target.kind === "sla" && target.slaId === from)
    return { ...row, target: { ...target, slaId: to } };
  return row;
}

/**
 * The draft with every reference to id `from` of `list` changed to `to`: roles' activities, KPI targets, per-rep
 * KPIs' roles and KPIs' sales stages. Used when a row's id changes so its links follow it.
 */
export function renameReferences(draft: PlanDraft, list: ReferencedList, from: string, to: string): PlanDraft {
  if (list === "none" || from === to || from === "") return draft;
  const next = structuredClone(draft) as PlanDraft & Row;
  const organization = next.organization as Row | undefined;
  const measurement = next.measurement as Row | undefined;
  if (organization && list === "activity") {
    organization.roles = mapRows(organization.roles, (role) =>
      role.activityId === from ? { ...role, activityId: to } : role,
    );
  }
  if (measurement) {
    if (list === "role") {
      measurement.repKpis = mapRows(measurement.repKpis, (kpi) => (kpi.roleId === from ? { ...kpi, roleId: to } : kpi));
    }
    if (list === "salesStage") {
      measurement.kpis = mapRows(measurement.kpis, (kpi) => (kpi.stageId === from ? { ...kpi, stageId: to } : kpi));
    }
    measurement.kpis = mapRows(measurement.kpis, (kpi) => renameInTarget(kpi, list, from, to));
    measurement.repKpis = mapRows(measurement.repKpis, (kpi) => renameInTarget(kpi, list, from, to));
  }
  return next;
}
