/**
 * The one chart palette. Every colour keeps a contrast of at least 3:1 (WCAG's minimum for graphics) against both a
 * white sheet and Office's dark grey (#262626), so charts read in light and dark themes, and the colours stay apart
 * for readers with protanopia, deuteranopia or tritanopia (tests/workbook/palette.test.ts checks both). Order
 * matters: the first two (blue, orange) are the safest pair and carry the main series.
 */
export const CHART_PALETTE = ["#2E86C1", "#D9720B", "#009E73", "#C0399B", "#7B61FF", "#996633"] as const;

/** Neutral for targets and reference lines: mid grey, readable on white and dark grey. */
export const REFERENCE_COLOR = "#7F7F7F";

/** The colour of the i-th series or category, cycling through the palette. */
export function paletteColor(index: number): string {
  return CHART_PALETTE[((index % CHART_PALETTE.length) + CHART_PALETTE.length) % CHART_PALETTE.length]!;
}

/**
 * The outline that marks a Gantt milestone in Excel and in .xlsx files: thick and dark, so that a one-day bar shows at
 * any time scale (the SVG renderer draws a diamond instead).
 */
export const MILESTONE_OUTLINE = { color: "#262626", weightPoints: 4.5 } as const;
