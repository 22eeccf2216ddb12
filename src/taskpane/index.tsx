import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../workbook/gateway";
import { App } from "./App";
import { detectHost, type HostInfo } from "./host";
import { createUnavailableGateway } from "./workbook/unavailable-gateway";

/**
 * SEAM (coordinator, at merge): inside Excel, return the Office.js gateway from src/excel here, for example
 * `if (host.insideExcel) return createExcelWorkbookGateway();`. Until then the pane runs with the unavailable
 * gateway everywhere, which hides the workbook buttons and shows the "needs Excel" banner.
 */
function workbookGatewayFor(_host: HostInfo): WorkbookGateway {
  return createUnavailableGateway();
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  const host = await detectHost();
  createRoot(container).render(<App host={host} gateway={workbookGatewayFor(host)} />);
}

void start();
