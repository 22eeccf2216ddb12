/**
 * The named cell styles of every generated workbook. Inputs (yellow, blue text) look different from formulas (black
 * on white) and from key figures (bold, green), as financial models conventionally show them.
 */
import type { CellStyle, StyleName } from "./spec";

export const WORKBOOK_STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: "#1F3864" },
  subtitle: { italic: true, fontSize: 11, fontColor: "#595959" },
  sectionHeading: { bold: true, fontSize: 12, fontColor: "#1F3864", fill: "#D9E1F2" },
  label: { fontColor: "#262626", verticalAlignment: "top" },
  text: { verticalAlignment: "top" },
  longText: { wrapText: true, verticalAlignment: "top" },
  input: { fill: "#FFF2CC", fontColor: "#0000CC", border: "#BFBFBF", verticalAlignment: "top" },
  inputText: {
    fill: "#FFF2CC",
    fontColor: "#0000CC",
    border: "#BFBFBF",
    wrapText: true,
    verticalAlignment: "top",
    horizontalAlignment: "left",
  },
  formula: { fontColor: "#000000", verticalAlignment: "top" },
  keyFigure: { bold: true, fontSize: 12, fill: "#E2EFDA", border: "#A9D08E" },
  tableHeader: { bold: true, fontColor: "#FFFFFF", fill: "#1F3864", wrapText: true, verticalAlignment: "center" },
  note: { italic: true, fontColor: "#7F7F7F" },
  link: { underline: true, fontColor: "#0563C1" },
};

/** Tab colours, one family per part of the plan. */
export const TAB_COLORS = {
  plan: "#1F3864",
  mission: "#7030A0",
  objectives: "#C00000",
  organization: "#ED7D31",
  audience: "#2E75B6",
  methodology: "#00B050",
  execution: "#BF8F00",
  kpis: "#404040",
  tracking: "#375623",
  scenarios: "#5B9BD5",
  deals: "#548235",
  activities: "#548235",
} as const;

/** Conditional-format colours. */
export const ALERT_FILL = "#F8CBAD";
export const ALERT_FONT = "#9C0006";
export const ACTIVE_FILL = "#BDD7EE";
export const GOOD_FILL = "#C6EFCE";
/** Amber of the tracking sheet's red/amber/green, between ALERT_FILL and GOOD_FILL. */
export const AMBER_FILL = "#FFEB9C";
