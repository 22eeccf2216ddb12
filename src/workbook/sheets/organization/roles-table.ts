/**
 * The roles table: the inputs of each role, then its workload, headcounts, pay, cost, monthly attrition and overdue
 * requisitions by formula.
 */
import type { CellPosition } from "../../address";
import { inputColumn, referenceOptions } from "../../inputs";
import { formulaCell, headingCell, listTable, noteCell, ref, type ListTable } from "../../sheet-builder";
import { PLAN_LIMITS } from "../../../plan/bounds";
import { external, type LayoutContext } from "../context";
import { monthRange, type OrganizationFrame, type RoleRow } from "./frame";

/** ROUNDUP((plan year's target × share) ÷ ((quota × 12) × attainment)), as src/plan/headcount.ts computes it. */
export function revenueHeadcountFormula(
  context: LayoutContext,
  yearTarget: CellPosition,
  cellOf: (key: string) => CellPosition,
): string {
  const cell = (key: string) => ref(cellOf(key), true);
  return `=ROUNDUP((${external(context.sheetNames.objectives, yearTarget)}*${cell("share")})/((${cell("quota")}*12)*${cell("attainment")}),0)`;
}

const PER_OVERLAY = PLAN_LIMITS.fields.peoplePerOverlay;

export function rolesTable(frame: OrganizationFrame): ListTable {
  const { context, objectives, sheet, roleRows, rows } = frame;
  const { plan, text, formats, kinds, sheetNames } = context;
  const t = text.organization;
  const rolesBlock = sheet.block("roles");
  rolesBlock.set({ row: 7, column: 0 }, headingCell(t.rolesSection, 2));
  rolesBlock.set({ row: 8, column: 0 }, noteCell(t.rampNote));
  const activityCells = objectives.activities;
  const activityOptions = referenceOptions(
    plan.objectives.activityTargets.map((activity) => ({ id: activity.id, name: activity.activity })),
  );

  return listTable<RoleRow>(sheet, rolesBlock, {
    name: "PlanRoles",
    anchor: { row: rows.rolesTop, column: 0 },
    items: roleRows,
    binding: { list: "organization.roles", idField: "id", nameField: "title", keepFields: ["ramp"], label: t.roles },
    columns: [
      { key: "id", ...inputColumn("id", t.roleId, kinds.text(40)), cell: ({ role }) => ({ value: role.id }) },
      { key: "title", ...inputColumn("title", t.title, kinds.text(120)), cell: ({ role }) => ({ value: role.title }) },
      {
        key: "activity",
        ...inputColumn("activityId", t.activityId, kinds.choice(activityOptions, true)),
        cell: ({ role }) => (role.activityId === undefined ? undefined : { value: activityOptions[role.activityId]! }),
      },
      {
        key: "capacity",
        ...inputColumn("capacityPerPersonPerDay", t.capacityPerPersonPerDay, kinds.positive(true)),
        cell: ({ role }) =>
          role.capacityPerPersonPerDay === undefined ? undefined : { value: role.capacityPerPersonPerDay },
      },
      {
        key: "utilization",
        ...inputColumn("utilization", t.utilization, kinds.rate),
        cell: ({ role }) => ({ value: role.utilization }),
      },
      {
        key: "base",
        ...inputColumn("baseSalary", t.baseSalary, kinds.money),
        cell: ({ role }) => ({ value: role.baseSalary }),
      },
      {
        key: "variable",
        ...inputColumn("variablePay", t.variablePay, kinds.money),
        cell: ({ role }) => ({ value: role.variablePay }),
      },
      {
        key: "current",
        ...inputColumn("currentHeadcount", t.currentHeadcount, kinds.wholeCount()),
        cell: ({ role }) => ({ value: role.currentHeadcount }),
      },
      {
        key: "planned",
        ...inputColumn("plannedHeadcount", t.plannedHeadcount, kinds.wholeCount(true)),
        cell: ({ role }) => (role.plannedHeadcount === undefined ? undefined : { value: role.plannedHeadcount }),
      },
      {
        key: "ramp",
        ...inputColumn("ramp", t.ramp, kinds.rampMonths),
        cell: ({ role }) => (typeof role.ramp === "number" ? { value: role.ramp } : undefined),
      },
      {
        key: "attrition",
        ...inputColumn("attritionRateAnnual", t.attritionRateAnnual, kinds.attrition),
        cell: ({ role }) => ({ value: role.attritionRateAnnual }),
      },
      {
        key: "leadTime",
        ...inputColumn("hiringLeadTimeMonths", t.hiringLeadTimeMonths, kinds.leadTime),
        cell: ({ role }) => ({ value: role.hiringLeadTimeMonths }),
      },
      {
        key: "quota",
        ...inputColumn("quotaPerMonth", t.quotaPerMonth, kinds.positiveMoney(true)),
        cell: ({ role }) => (role.quotaPerMonth === undefined ? undefined : { value: role.quotaPerMonth }),
      },
      {
        key: "attainment",
        ...inputColumn("quotaAttainment", t.quotaAttainment, kinds.rate),
        cell: ({ role }) => ({ value: role.quotaAttainment }),
      },
      {
        key: "share",
        ...inputColumn("targetShare", t.targetShare, kinds.rate),
        cell: ({ role }) => ({ value: role.targetShare }),
      },
      {
        key: "workload",
        header: t.workloadPerDay,
        style: "formula",
        format: formats.oneDecimal,
        cell: ({ role, figures: f }) => {
          const activity = role.activityId === undefined ? undefined : activityCells.get(role.activityId);
          return activity && f.workloadPerDay !== undefined
            ? formulaCell(`=${external(sheetNames.objectives, activity.day)}`, f.workloadPerDay)
            : undefined;
        },
      },
      {
        key: "workloadHeadcount",
        header: t.workloadHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          f.workloadHeadcount === undefined
            ? undefined
            : formulaCell(
                `=ROUNDUP(${ref(row.at("workload"))}/(${ref(row.at("capacity"))}*${ref(row.at("utilization"))}),0)`,
                f.workloadHeadcount,
              ),
      },
      {
        key: "revenueHeadcount",
        header: t.revenueHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          f.revenueHeadcountByYear === undefined
            ? undefined
            : formulaCell(
                revenueHeadcountFormula(context, objectives.revenueTargetByYear[0]!, (key) => row.at(key)),
                f.revenueHeadcountByYear[0]!,
              ),
      },
      {
        key: "required",
        header: t.requiredHeadcount,
        style: "formula",
        format: formats.whole,
        cell: ({ role, figures: f }, row) => {
          if (role.overlay !== undefined) {
            const supported = roleRows.findIndex((entry) => entry.role.id === role.overlay!.supportsRoleId);
            const overlay = overlayFormula(
              ref({ row: rows.rolesTop + 1 + supported, column: row.at("required").column }),
              ref(row.at("perOverlay")),
            );
            return formulaCell(`=${overlay}`, f.requiredHeadcount);
          }
          const workload = f.workloadHeadcount !== undefined ? ref(row.at("workloadHeadcount")) : undefined;
          const revenue = f.revenueHeadcountByYear !== undefined ? ref(row.at("revenueHeadcount")) : undefined;
          const formula =
            workload && revenue
              ? `=MAX(${workload},${revenue})`
              : (workload ?? revenue)
                ? `=${workload ?? revenue}`
                : `=IF(${ref(row.at("planned"))}="",${ref(row.at("current"))},${ref(row.at("planned"))})`;
          return formulaCell(formula, f.requiredHeadcount);
        },
      },
      {
        key: "ote",
        header: t.ote,
        style: "formula",
        format: formats.currency,
        cell: ({ figures: f }, row) => formulaCell(`=${ref(row.at("base"))}+${ref(row.at("variable"))}`, f.ote),
      },
      {
        key: "cost",
        header: t.annualCost,
        style: "formula",
        format: formats.currency,
        cell: ({ figures: f }, row) => formulaCell(`=${ref(row.at("required"))}*${ref(row.at("ote"))}`, f.annualCost),
      },
      {
        key: "monthlyAttrition",
        header: t.monthlyAttrition,
        style: "formula",
        format: formats.percentPrecise,
        cell: ({ figures: f }, row) => formulaCell(`=1-(1-${ref(row.at("attrition"))})^(1/12)`, f.monthlyAttritionRate),
      },
      {
        key: "overdue",
        header: t.overdueRequisitions,
        style: "formula",
        format: formats.whole,
        cell: ({ figures: f }, row) =>
          formulaCell(
            `=SUMIFS(${monthRange(context, rows.hiringRow(row.index, 1))},${monthRange(context, rows.monthNumberRow)},"<="&${ref(row.at("leadTime"))})`,
            f.requisitionsOverdueAtStart,
          ),
      },
      {
        key: "responsibilities",
        width: 44,
        ...inputColumn("responsibilities", t.responsibilities, kinds.text(2000)),
        cell: ({ role }) => ({ value: role.responsibilities }),
      },
      {
        key: "qualities",
        width: 32,
        ...inputColumn("keyQualities", t.keyQualities, kinds.textList),
        cell: ({ role }) => ({ value: role.keyQualities.join("\n") }),
      },
      {
        key: "overlayRole",
        ...inputColumn("overlay.supportsRoleId", t.overlaySupportsRoleId, kinds.text(40, true)),
        cell: ({ role }) => (role.overlay === undefined ? undefined : { value: role.overlay.supportsRoleId }),
      },
      {
        key: "perOverlay",
        ...inputColumn("overlay.peoplePerOverlay", t.overlayPeoplePerOverlay, {
          type: "number",
          format: formats.general,
          style: "input",
          optional: true,
          validation: {
            rule: { kind: "decimal", min: PER_OVERLAY.min, max: PER_OVERLAY.max },
            errorMessage: t.peoplePerOverlayValidation,
          },
        }),
        cell: ({ role }) => (role.overlay === undefined ? undefined : { value: role.overlay.peoplePerOverlay }),
      },
    ],
  });
}

/**
 * An overlay role's headcount from the role it supports, as `overlayHeadcount` (PLAN.OVERLAY) computes it:
 * ROUNDUP(the supported role's figure ÷ people per overlay, 0). Which role it supports is structure, fixed when the
 * plan is generated (like the activity a role carries); the people per overlay are live.
 */
export function overlayFormula(supported: string, peoplePerOverlay: string): string {
  return `ROUNDUP(${supported}/${peoplePerOverlay},0)`;
}
