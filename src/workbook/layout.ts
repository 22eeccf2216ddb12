/**
 * Plan → WorkbookSpec: the eight generated sheets (cover, then one per step), their defined names, styles and the
 * plan itself, as one JSON-serializable description every writer applies.
 *
 *   plan → calculatePlan → layoutWorkbook → WorkbookSpec → writer
 *
 * Pure: no Office, no React, no DOM. Every computed cell is a native Excel formula whose `result` is the plan core's
 * prediction (calculatePlan); every input cell carries the binding read-back needs.
 */
import { NO_ACTUALS, type Actuals } from "../plan/actuals";
import { calculatePlan } from "../plan/calculate";
import type { Plan } from "../plan/schema";
import { boundCells } from "./bound-cells";
import { numberFormats } from "./formats";
import { layoutText } from "./i18n";
import { inputKinds } from "./inputs";
import { audienceSheet } from "./sheets/audience";
import type { LayoutContext } from "./sheets/context";
import { coverSheet } from "./sheets/cover";
import { executionSheet } from "./sheets/execution";
import { kpisSheet } from "./sheets/kpis";
import { methodologySheet } from "./sheets/methodology";
import { missionSheet } from "./sheets/mission";
import { objectivesSheet } from "./sheets/objectives";
import { activitiesSheet, dealsSheet, type ActualsRows } from "./sheets/actuals";
import { organizationSheet } from "./sheets/organization";
import { scenariosSheet } from "./sheets/scenarios";
import { trackingSheet } from "./sheets/tracking";
import { SPEC_VERSION, type WorkbookSpec } from "./spec";
import { WORKBOOK_STYLES } from "./styles";

export interface LayoutOptions {
  /** `YYYY-MM-DD`, shown on the cover; injected so that golden files are stable. */
  readonly generatedOn: string;
  /**
   * What the CRM recorded, written in the actuals tables and compared with the plan on the tracking sheet; absent:
   * empty tables the user can paste rows into.
   */
  readonly actuals?: Actuals | ActualsRows;
}

/** Lays out a validated plan as the generated workbook. */
export function layoutWorkbook(plan: Plan, options: LayoutOptions): WorkbookSpec {
  const locale = plan.meta.locale;
  const text = layoutText(locale);
  const formats = numberFormats(plan.meta.currency, locale);
  const context: LayoutContext = {
    plan,
    figures: calculatePlan(plan),
    locale,
    text,
    formats,
    kinds: inputKinds(text, formats),
    sheetNames: text.sheetNames,
  };
  const objectives = objectivesSheet(context);
  const organization = organizationSheet(context, objectives.cells);
  // The cover reads the organization sheet's capacity by quarter, so it is laid out after it (and shown first).
  const cover = coverSheet(context, options.generatedOn, organization.cells);
  const kpis = kpisSheet(context, objectives.cells, organization.cells);
  const steps = [
    cover,
    missionSheet(context),
    objectives,
    organization,
    audienceSheet(context),
    methodologySheet(context),
    executionSheet(context),
    kpis,
  ];
  const tracking = trackingSheet(context, objectives.cells, organization.cells, kpis.cells, {
    generatedOn: options.generatedOn,
    actuals: options.actuals ?? NO_ACTUALS,
  });
  // The Scenarios sheet refers to the step sheets' input cells wherever they were placed.
  const scenarios = scenariosSheet(context, objectives.cells, boundCells(steps.map((layout) => layout.sheet)));
  const layouts = [
    ...steps,
    tracking,
    scenarios,
    dealsSheet(context, options.actuals),
    activitiesSheet(context, options.actuals),
  ];
  return {
    specVersion: SPEC_VERSION,
    locale,
    schemaVersion: plan.schemaVersion,
    generatedOn: options.generatedOn,
    currency: plan.meta.currency,
    styles: { ...WORKBOOK_STYLES },
    sheets: layouts.map((layout) => layout.sheet),
    names: layouts.flatMap((layout) => layout.names),
    planJson: JSON.stringify(plan),
  };
}
