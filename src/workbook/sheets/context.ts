/**
 * What every sheet's layout receives, and the cells one sheet exposes to the formulas of later sheets.
 */
import type { PlanFigures } from "../../plan/calculate";
import type { Plan, PlanLocale, TargetPeriod } from "../../plan/schema";
import { cellAddress, sheetReference, type CellPosition } from "../address";
import type { NumberFormats } from "../formats";
import type { LayoutText } from "../i18n";
import type { InputKinds } from "../inputs";
import type { DefinedNameSpec, SheetKey, SheetSpec } from "../spec";

export interface LayoutContext {
  readonly plan: Plan;
  readonly figures: PlanFigures;
  readonly locale: PlanLocale;
  readonly text: LayoutText;
  readonly formats: NumberFormats;
  readonly kinds: InputKinds;
  readonly sheetNames: Readonly<Record<SheetKey, string>>;
}

export interface SheetLayout {
  readonly sheet: SheetSpec;
  readonly names: readonly DefinedNameSpec[];
}

/** Cells of one row of period views (funnel stage, won deals, activity). */
export type PeriodCells = Readonly<Record<TargetPeriod, CellPosition>>;

/** What the objectives sheet offers the organization and KPI sheets. */
export interface ObjectivesCells {
  /** Revenue target of each plan year (0-based). */
  readonly revenueTargetByYear: readonly CellPosition[];
  /** Weight of each fiscal quarter (Q1..Q4) and, with monthly seasonality, of each fiscal month. */
  readonly quarterWeights: readonly CellPosition[];
  readonly monthWeights: readonly CellPosition[] | undefined;
  readonly funnel: ReadonlyMap<string, PeriodCells>;
  readonly deals: PeriodCells;
  readonly activities: ReadonlyMap<string, PeriodCells>;
  readonly slaHours: ReadonlyMap<string, CellPosition>;
  /** The coverage used (stated or derived) and the new-business share, for the day-1 pipeline. */
  readonly pipeline: { readonly coverage: CellPosition; readonly newBusinessShare: CellPosition };
}

/** What the organization sheet offers the KPI sheet. */
export interface OrganizationCells {
  /** Each role's required headcount (plan year 1), by role id. */
  readonly requiredHeadcount: ReadonlyMap<string, CellPosition>;
  /** The quota per month of each quota-carrying role, by role id. */
  readonly quotaPerMonth: ReadonlyMap<string, CellPosition>;
  /**
   * The revenue target and the capacity of all quota-carrying roles in each horizon quarter; absent when no role
   * carries a quota.
   */
  readonly quarterlyCapacity:
    { readonly target: readonly CellPosition[]; readonly capacity: readonly CellPosition[] } | undefined;
}

/** What the KPI sheet offers the tracking sheet. */
export interface KpiCells {
  /** Each per-rep KPI's target per rep, by KPI id. */
  readonly repTargetPerRep: ReadonlyMap<string, CellPosition>;
}

/** A reference to another sheet's cell, for formulas: `'2 Objectives'!$B$5`. */
export function external(sheetName: string, position: CellPosition): string {
  return sheetReference(sheetName, cellAddress(position, true));
}

/** The workbook-scoped names every formula and tool can use. */
export const NAMES = {
  revenueTarget: "RevenueTarget",
  annualGrowthRate: "AnnualGrowthRate",
  averageDealValue: "AverageDealValue",
  winRateTarget: "WinRateTarget",
  workingDaysPerMonth: "WorkingDaysPerMonth",
  dealsNeeded: "DealsNeeded",
  topOfFunnelVolume: "TopOfFunnelVolume",
  totalHeadcount: "TotalHeadcount",
  totalAnnualCost: "TotalAnnualCost",
  fiscalYearStartMonth: "FiscalYearStartMonth",
  horizonMonths: "HorizonMonths",
  actualRevenueToDate: "ActualRevenueToDate",
  actualWonDealsToDate: "ActualWonDealsToDate",
  planRevenueToDate: "PlanRevenueToDate",
  revenueAttainmentToDate: "RevenueAttainmentToDate",
  actualWinRateToDate: "ActualWinRateToDate",
  actualAverageDealValueToDate: "ActualAverageDealValueToDate",
} as const;

export function definedName(
  name: string,
  sheetName: string,
  position: CellPosition,
  result: number | string,
  comment?: string,
): DefinedNameSpec {
  return { name, refersTo: `=${external(sheetName, position)}`, result, ...(comment ? { comment } : {}) };
}
