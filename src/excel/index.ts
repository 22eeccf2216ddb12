/**
 * The Office.js adapter's public surface: the gateway factory and what it is given. Everything else in src/excel
 * is internal to the adapter.
 */
export {
  createExcelGateway,
  type ExcelGatewayDependencies,
  type KnownRegions,
  type LayoutWorkbook,
  type ReadBackIssue,
  type ReadBackResult,
  type ReadPlanFromSnapshots,
} from "./excel-gateway";
export type { ChartWriteRequest, ChartWriter } from "./sheet-writer";
export { writeSheetCharts } from "./charts";
export type { ExcelRun, ExcelContext, WorksheetApi, ChartApi } from "./office-port";
export type { IsSetSupported } from "./requirements";
export { PLAN_XML_NAMESPACE, PLAN_MIGRATIONS, type PlanMigration } from "./plan-storage";
