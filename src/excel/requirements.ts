/**
 * Which Excel API requirement sets the adapter needs, feature by feature, checked at run time so an older Excel
 * degrades (with a message) instead of failing half-way.
 *
 * `MINIMUM_EXCEL_API` is the manifest's `<Set Name="ExcelApi" MinVersion>` (manifest.xml; a test keeps the two
 * equal): Office does not load the add-in below it, and the adapter refuses to start below it where the manifest
 * is not enforced (a sideloaded or edited manifest). Above it, each feature is used only where its set is supported,
 * and `MEMBER_GUARDS` says, for every Office.js member above the minimum, which check comes first; a test compares
 * it with the member's `[Api set: ExcelApi 1.x]` tag in @types/office-js. docs/excel-compatibility.md is the review
 * table of the same facts, with the hosts that have each set.
 */

/** `Office.context.requirements.isSetSupported` as the adapter calls it (injected so tests choose the host). */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** ExcelApi 1.5: custom XML parts, where the plan is stored (see manifest.xml). */
export const MINIMUM_EXCEL_API = "1.5";

/** Feature → the ExcelApi version it needs. */
export const FEATURE_REQUIREMENTS = {
  /** The plan stored in a custom XML part. */
  planStorage: "1.5",
  conditionalFormats: "1.6",
  suspendCalculation: "1.6",
  /** `Worksheet.copy`: backups keep formats and charts; the leadership copy. */
  worksheetCopy: "1.7",
  frozenPanes: "1.7",
  tabColors: "1.7",
  hyperlinks: "1.7",
  dataValidation: "1.8",
  /** Print area, orientation, fit to width, repeated rows. */
  printSettings: "1.9",
  suspendScreenUpdating: "1.9",
  /** Generated-sheet tags as worksheet custom properties (a hidden defined name otherwise). */
  worksheetCustomProperties: "1.12",
  /** `Range.getSpillingToRangeOrNullObject`: the leadership copy freezes whole spilled results (guessed otherwise). */
  spillRanges: "1.12",
  /** `Table.resize`: a regenerated table keeps its place, so structured references to it keep working. */
  tableResize: "1.13",
} as const satisfies Record<string, string>;

export type ExcelFeature = keyof typeof FEATURE_REQUIREMENTS;

/** The charts step checks the chart's own version (`ChartSpec.requires`, charts.ts) before these members. */
type ChartsGuard = `charts ${string}`;

/**
 * Every Office.js member of the port (office-port.ts) above `MINIMUM_EXCEL_API`, with the check made before it is
 * used: a feature (`ExcelSupport.has`), or the version the charts step checks (`ExcelSupport.supportsVersion`).
 */
export const MEMBER_GUARDS: Readonly<Record<string, ExcelFeature | ChartsGuard>> = {
  "Application.suspendApiCalculationUntilNextSync": "suspendCalculation",
  "Application.suspendScreenUpdatingUntilNextSync": "suspendScreenUpdating",
  "ChartAxis.numberFormat": "charts 1.8",
  "ChartAxis.position": "charts 1.8",
  "ChartAxis.reversePlotOrder": "charts 1.7",
  "ChartAxis.tickLabelPosition": "charts 1.7",
  "ChartBorder.color": "charts 1.7",
  "ChartBorder.lineStyle": "charts 1.7",
  "ChartBorder.weight": "charts 1.7",
  "ChartLineFormat.lineStyle": "charts 1.7",
  "ChartLineFormat.weight": "charts 1.7",
  "ChartPointFormat.border": "charts 1.7",
  "ChartSeries.chartType": "charts 1.7",
  "ChartSeries.gapWidth": "charts 1.7",
  "ChartSeries.markerBackgroundColor": "charts 1.7",
  "ChartSeries.markerForegroundColor": "charts 1.7",
  "ChartSeries.markerStyle": "charts 1.7",
  "ChartSeries.setValues": "charts 1.7",
  "ChartSeries.setXAxisValues": "charts 1.7",
  "ChartSeriesCollection.add": "charts 1.7",
  "ConditionalFormat.custom": "conditionalFormats",
  "ConditionalFormatCollection.add": "conditionalFormats",
  "ConditionalFormatCollection.clearAll": "conditionalFormats",
  "ConditionalFormatRule.formula": "conditionalFormats",
  "ConditionalRangeFill.color": "conditionalFormats",
  "ConditionalRangeFont.bold": "conditionalFormats",
  "ConditionalRangeFont.color": "conditionalFormats",
  "DataValidation.clear": "dataValidation",
  "DataValidation.errorAlert": "dataValidation",
  "DataValidation.prompt": "dataValidation",
  "DataValidation.rule": "dataValidation",
  "PageLayout.orientation": "printSettings",
  "PageLayout.setPrintArea": "printSettings",
  "PageLayout.setPrintTitleRows": "printSettings",
  "PageLayout.zoom": "printSettings",
  "Range.conditionalFormats": "conditionalFormats",
  "Range.dataValidation": "dataValidation",
  "Range.getSpillingToRangeOrNullObject": "spillRanges",
  "Range.hyperlink": "hyperlinks",
  "Table.resize": "tableResize",
  "Worksheet.copy": "worksheetCopy",
  "Worksheet.customProperties": "worksheetCustomProperties",
  "Worksheet.freezePanes": "frozenPanes",
  "Worksheet.pageLayout": "printSettings",
  "Worksheet.tabColor": "tabColors",
  "WorksheetCustomProperty.delete": "worksheetCustomProperties",
  "WorksheetCustomProperty.key": "worksheetCustomProperties",
  "WorksheetCustomProperty.value": "worksheetCustomProperties",
  "WorksheetCustomPropertyCollection.add": "worksheetCustomProperties",
  "WorksheetCustomPropertyCollection.getItemOrNullObject": "worksheetCustomProperties",
  "WorksheetCustomPropertyCollection.items": "worksheetCustomProperties",
  "WorksheetFreezePanes.freezeAt": "frozenPanes",
  "WorksheetFreezePanes.freezeColumns": "frozenPanes",
  "WorksheetFreezePanes.freezeRows": "frozenPanes",
  "WorksheetFreezePanes.unfreeze": "frozenPanes",
};

/** The ExcelApi version a member's guard checks. */
export function guardVersion(guard: ExcelFeature | ChartsGuard): string {
  return guard.startsWith("charts ") ? guard.slice("charts ".length) : FEATURE_REQUIREMENTS[guard as ExcelFeature];
}

export interface ExcelSupport {
  readonly minimum: boolean;
  has(feature: ExcelFeature): boolean;
  /** True when the host supports `ExcelApi <version>` (for steps with their own needs, such as charts). */
  supportsVersion(version: string): boolean;
}

/** Asks the host once per feature; an `isSetSupported` that throws counts as "not supported". */
export function excelSupport(isSetSupported: IsSetSupported): ExcelSupport {
  const cache = new Map<string, boolean>();
  const supports = (version: string): boolean => {
    let answer = cache.get(version);
    if (answer === undefined) {
      try {
        answer = isSetSupported("ExcelApi", version);
      } catch {
        // A host without the requirements API is a host without the set: degrade rather than fail.
        answer = false;
      }
      cache.set(version, answer);
    }
    return answer;
  };
  return {
    minimum: supports(MINIMUM_EXCEL_API),
    has: (feature) => supports(FEATURE_REQUIREMENTS[feature]),
    supportsVersion: supports,
  };
}

/** Office's own check, for use inside Excel. */
export const officeIsSetSupported: IsSetSupported = (name, minVersion) =>
  Office.context.requirements.isSetSupported(name, minVersion);
