/**
 * The Office.js gateway with the real layout, read-back and known regions: what the pane uses inside Excel. Loaded
 * on demand (see lazy-gateway.ts) so none of it weighs on the pane's first load.
 */
import { createExcelGateway } from "../../excel";
import type { WorkbookGateway } from "../../workbook/gateway";
import { knownRegions } from "../../workbook/known-region";
import { layoutWorkbook } from "../../workbook/layout";
import { readPlanFromSnapshots } from "../../workbook/read-back";

export function createWiredExcelGateway(): WorkbookGateway {
  return createExcelGateway({
    layout: layoutWorkbook,
    readBack: readPlanFromSnapshots,
    knownRegions,
    now: () => new Date(),
  });
}
