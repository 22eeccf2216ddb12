/**
 * Which Excel API requirement sets the adapter needs, feature by feature, checked at run time so an older Excel
 * degrades (with a message) instead of failing half-way.
 *
 * The adapter refuses to start below `MINIMUM_EXCEL_API` (named items, `getItemOrNullObject` and
 * `getUsedRangeOrNullObject` are 1.4). Above it, each feature is used only where its set is supported.
 */

/** `Office.context.requirements.isSetSupported` as the adapter calls it (injected so tests choose the host). */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

export const MINIMUM_EXCEL_API = "1.4";

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
} as const satisfies Record<string, string>;

export type ExcelFeature = keyof typeof FEATURE_REQUIREMENTS;

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
