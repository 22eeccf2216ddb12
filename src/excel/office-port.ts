/**
 * The part of the Office.js Excel API this adapter uses, as structural types.
 *
 * The adapter is written against these types instead of `Excel.*` directly so that the test fake can implement
 * exactly them, fully type-checked. Every member is either picked from `@types/office-js` or declared with a
 * signature that the real class satisfies: the assertion at the bottom fails to compile if a member is misspelled,
 * does not exist in Office.js, or has an incompatible type. Scalar property types are taken from the Office.js
 * typings (`Excel.Worksheet["visibility"]`), so enum unions stay exact.
 *
 * A member used here must exist in the requirement set the caller checked: every member above the adapter's minimum
 * (requirements.ts, 1.5) is listed in `MEMBER_GUARDS` with the check made before it is used, and a test
 * (tests/excel/office-api-requirements.test.ts) compares each with its `[Api set]` tag in @types/office-js. The
 * comments give each member's ExcelApi version where it is above 1.4.
 */

/** The values a cell holds when read (`Range.values`) or written; `null` in a written array leaves a cell unchanged. */
export type CellScalar = string | number | boolean | null;

/** Anything with Office.js `load` semantics: properties readable only after `context.sync()`. */
export interface Loadable {
  load(propertyNames?: string | string[]): unknown;
}

/** OrNullObject results: `isNullObject` is readable after the next sync. */
export interface NullableProxy {
  readonly isNullObject: boolean;
}

export interface ClientResultApi<T> {
  readonly value: T;
}

export interface ExcelContext {
  readonly workbook: WorkbookApi;
  sync(): Promise<unknown>;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  readonly names: NamedItemCollectionApi;
  readonly tables: TableCollectionApi;
  /** ExcelApi 1.5. */
  readonly customXmlParts: CustomXmlPartCollectionApi;
  readonly application: ApplicationApi;
}

export interface ApplicationApi {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface WorksheetCollectionApi extends Loadable {
  readonly items: WorksheetApi[];
  add(name?: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
}

export interface WorksheetApi
  extends Loadable, NullableProxy, Pick<Excel.Worksheet, "id" | "name" | "position" | "visibility" | "tabColor"> {
  /** ExcelApi 1.12. */
  readonly customProperties: WorksheetCustomPropertyCollectionApi;
  /** ExcelApi 1.7. */
  readonly freezePanes: WorksheetFreezePanesApi;
  /** ExcelApi 1.9. */
  readonly pageLayout: PageLayoutApi;
  readonly charts: ChartCollectionApi;
  readonly tables: WorksheetTableCollectionApi;
  delete(): void;
  activate(): void;
  /** ExcelApi 1.7. */
  copy(positionType?: "None" | "Before" | "After" | "Beginning" | "End", relativeTo?: WorksheetApi): WorksheetApi;
  /** Without an address: the whole sheet. */
  getRange(address?: string): RangeApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
}

export interface WorksheetCustomPropertyCollectionApi extends Loadable {
  readonly items: WorksheetCustomPropertyApi[];
  add(key: string, value: string): WorksheetCustomPropertyApi;
  getItemOrNullObject(key: string): WorksheetCustomPropertyApi;
}

export interface WorksheetCustomPropertyApi
  extends Loadable, NullableProxy, Pick<Excel.WorksheetCustomProperty, "key" | "value"> {
  delete(): void;
}

export interface WorksheetFreezePanesApi {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  /** `frozenRange` is an address on the sheet (`A1:B3`): the top-left pane that stays in view. */
  freezeAt(frozenRange: string): void;
  unfreeze(): void;
}

export interface PageLayoutApi extends Pick<Excel.PageLayout, "orientation" | "zoom"> {
  setPrintArea(printArea: string): void;
  /** `$1:$4`. */
  setPrintTitleRows(titleRows: string): void;
}

/** An Excel chart type's name (`BarStacked`, `ColumnClustered`, `Funnel`…). */
export type ChartTypeName = `${Excel.ChartType}`;

export interface ChartCollectionApi extends Loadable {
  readonly items: ChartApi[];
  /**
   * A chart of `sourceData` (ExcelApi 1.1; the `Funnel` type and the other Office 2016 types need 1.9), one series per
   * column or row of it.
   */
  add(type: ChartTypeName, sourceData: RangeApi, seriesBy?: "Auto" | "Columns" | "Rows"): ChartApi;
}

/** A chart: named by the charts step (src/excel/charts.ts) with its ChartSpec id. */
export interface ChartApi extends Loadable, Pick<Excel.Chart, "name"> {
  readonly title: ChartTitleApi;
  readonly legend: ChartLegendApi;
  readonly axes: ChartAxesApi;
  readonly series: ChartSeriesCollectionApi;
  /** Covers the cells from `startCell` to `endCell`, both included. */
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export type ChartTitleApi = Pick<Excel.ChartTitle, "text">;

export type ChartLegendApi = Pick<Excel.ChartLegend, "visible" | "position">;

export interface ChartAxesApi {
  readonly categoryAxis: ChartAxisApi;
  readonly valueAxis: ChartAxisApi;
}

/**
 * `minimum`, `maximum`, `majorUnit`: 1.1; `reversePlotOrder`, `tickLabelPosition`: 1.7; `numberFormat`, `position`
 * (where the other axis crosses): 1.8.
 */
export type ChartAxisApi = Pick<
  Excel.ChartAxis,
  "minimum" | "maximum" | "majorUnit" | "numberFormat" | "reversePlotOrder" | "position" | "tickLabelPosition"
>;

export interface ChartSeriesCollectionApi {
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): ChartSeriesApi;
  getItemAt(index: number): ChartSeriesApi;
}

/** `name`: 1.1; `chartType`, `gapWidth` and the marker properties: 1.7. */
export interface ChartSeriesApi extends Pick<
  Excel.ChartSeries,
  "name" | "chartType" | "gapWidth" | "markerStyle" | "markerBackgroundColor" | "markerForegroundColor"
> {
  readonly format: ChartSeriesFormatApi;
  readonly points: ChartPointsApi;
  /** ExcelApi 1.7. */
  setValues(sourceData: RangeApi): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: RangeApi): void;
}

export interface ChartSeriesFormatApi {
  readonly fill: ChartFillApi;
  readonly line: ChartLineFormatApi;
}

export interface ChartFillApi {
  setSolidColor(color: string): void;
  /** No fill. */
  clear(): void;
}

/** `color`: 1.1; `lineStyle`, `weight`: 1.7. */
export type ChartLineFormatApi = Pick<Excel.ChartLineFormat, "color" | "lineStyle" | "weight">;

export interface ChartPointsApi {
  getItemAt(index: number): ChartPointApi;
}

export interface ChartPointApi {
  readonly format: ChartPointFormatApi;
}

export interface ChartPointFormatApi {
  readonly fill: ChartFillApi;
  /** ExcelApi 1.7. */
  readonly border: ChartBorderApi;
}

export type ChartBorderApi = Pick<Excel.ChartBorder, "color" | "lineStyle" | "weight">;

export interface WorksheetTableCollectionApi {
  add(address: string, hasHeaders: boolean): TableApi;
}

export interface TableCollectionApi extends Loadable {
  readonly items: TableApi[];
  getItem(key: string): TableApi;
}

export interface TableApi extends Loadable, Pick<Excel.Table, "name" | "style" | "showBandedRows"> {
  readonly worksheet: WorksheetApi;
  delete(): void;
  /** ExcelApi 1.13: the new range must overlap the table's and keep its header row. */
  resize(newRange: string): void;
  getRange(): RangeApi;
}

export interface NamedItemCollectionApi extends Loadable {
  readonly items: NamedItemApi[];
  add(name: string, reference: string, comment?: string): NamedItemApi;
}

export interface NamedItemApi extends Loadable, Pick<Excel.NamedItem, "name" | "type" | "visible"> {
  /** For a range name, the referenced address (`'2 Objectives'!$A$1`); `#REF!` once its sheet is gone. */
  readonly value: unknown;
  delete(): void;
}

export interface CustomXmlPartCollectionApi {
  add(xml: string): CustomXmlPartApi;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollectionApi;
}

export interface CustomXmlPartScopedCollectionApi extends Loadable {
  readonly items: CustomXmlPartApi[];
}

export interface CustomXmlPartApi extends Loadable, Pick<Excel.CustomXmlPart, "id"> {
  getXml(): ClientResultApi<string>;
  delete(): void;
}

export interface RangeApi extends Loadable, NullableProxy {
  values: CellScalar[][];
  formulas: CellScalar[][];
  numberFormat: CellScalar[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** ExcelApi 1.7. */
  hyperlink: Excel.RangeHyperlink;
  readonly format: RangeFormatApi;
  /** ExcelApi 1.6. */
  readonly conditionalFormats: ConditionalFormatCollectionApi;
  /** ExcelApi 1.8. */
  readonly dataValidation: DataValidationApi;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  /** The used cells within the range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  /** ExcelApi 1.12. On a dynamic array's anchor cell, the range it spills into; a null object otherwise. */
  getSpillingToRangeOrNullObject(): RangeApi;
  merge(across?: boolean): void;
  unmerge(): void;
}

export interface RangeFormatApi extends Pick<
  Excel.RangeFormat,
  "columnWidth" | "wrapText" | "horizontalAlignment" | "verticalAlignment"
> {
  readonly font: RangeFontApi;
  readonly fill: RangeFillApi;
  readonly borders: RangeBorderCollectionApi;
}

export type RangeFontApi = Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color" | "underline">;

export type RangeFillApi = Pick<Excel.RangeFill, "color">;

export interface RangeBorderCollectionApi {
  getItem(
    index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal",
  ): RangeBorderApi;
}

export type RangeBorderApi = Pick<Excel.RangeBorder, "style" | "color">;

export interface ConditionalFormatCollectionApi {
  add(type: "Custom"): ConditionalFormatApi;
  clearAll(): void;
}

export interface ConditionalFormatApi {
  readonly custom: {
    readonly rule: Pick<Excel.ConditionalFormatRule, "formula">;
    readonly format: {
      readonly fill: Pick<Excel.ConditionalRangeFill, "color">;
      readonly font: Pick<Excel.ConditionalRangeFont, "color" | "bold">;
    };
  };
}

export interface DataValidationApi extends Pick<Excel.DataValidation, "rule" | "errorAlert" | "prompt"> {
  clear(): void;
}

/**
 * `Excel.run` as the adapter calls it. The default is Office's; tests pass a fake. The real `Excel.run` satisfies it
 * because the real request context satisfies `ExcelContext` (checked below).
 */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** Compile-time proof that the real Office.js objects satisfy these types (a wrong member fails `tsc`). */
type Satisfies<Actual extends Port, Port> = Actual;
export type OfficeSatisfiesPort = Satisfies<Excel.RequestContext, ExcelContext>;

/** Office's own `Excel.run`, typed as the port. Only called inside Excel. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run((context) => batch(context));
