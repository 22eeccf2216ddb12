import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { Actuals } from "../plan/actuals";
import type { Plan } from "../plan/schema";
import type { WorkbookGateway } from "../workbook/gateway";
import { workerEngine } from "./actuals-import/worker-engine";
import { App, type PaneExtensions } from "./App";
import type * as BrowserExtras from "./browser-extras";
import { downloadBinaryFile } from "./file/save-file";
import { detectHost, type HostInfo } from "./host";
import { loadable, useLoaded } from "./lazy/loadable";
import { paneEditorPart } from "./pane-parts";
import { lazyGateway } from "./workbook/lazy-gateway";
import { createUnavailableGateway } from "./workbook/unavailable-gateway";

/**
 * The composition root: the only place that chooses implementations. Inside Excel the pane gets the Office.js
 * gateway (loaded on first use, in its own chunk); in a browser, a gateway that says the actions need Excel, plus
 * the .xlsx download (ExcelJS also loads on demand).
 */
function workbookGatewayFor(host: HostInfo): WorkbookGateway {
  if (!host.insideExcel) return createUnavailableGateway();
  return lazyGateway(async () =>
    (await import(/* webpackChunkName: "excel-gateway" */ "./wiring/excel-gateway")).createWiredExcelGateway(),
  );
}

async function downloadWorkbook(plan: Plan, actuals: Actuals): Promise<string> {
  const { buildWorkbookFile, XLSX_MIME_TYPE } = await import(
    /* webpackChunkName: "workbook-file" */ "./wiring/workbook-file"
  );
  const file = await buildWorkbookFile(plan, new Date(), actuals);
  downloadBinaryFile(file.name, file.bytes, XLSX_MIME_TYPE);
  return file.name;
}

const browserExtras = loadable(() => import(/* webpackChunkName: "browser-extras" */ "./browser-extras"));

/** Renders `render` with the browser extras once their chunk is there (nothing before: they are secondary). */
function WithBrowserExtras({ render }: { render: (extras: typeof BrowserExtras) => ReactNode }) {
  const extras = useLoaded(browserExtras);
  return extras.status === "ready" ? render(extras.value) : null;
}

/** Step 7's CRM import parses and checks exports in a Web Worker, so a large export does not freeze the pane. */
const crmImportEngine = workerEngine(
  () =>
    new Worker(
      /* webpackChunkName: "crm-import-worker" */ new URL("./actuals-import/crm-import.worker.ts", import.meta.url),
    ),
  async () =>
    (await import(/* webpackChunkName: "actuals-import" */ "./actuals-import/import-engine")).inThreadEngine(),
);

function extensionsFor(host: HostInfo): PaneExtensions {
  if (host.insideExcel) return { crmImportEngine };
  browserExtras.load().catch(() => undefined);
  const drawCharts = async (plan: Plan) => {
    const { chartPictures } = await import(/* webpackChunkName: "chart-previews" */ "./wiring/chart-previews");
    return chartPictures(plan, host.theme, new Date());
  };
  return {
    crmImportEngine,
    downloadWorkbook: (plan, actuals) => (
      <WithBrowserExtras
        render={({ DownloadWorkbookButton }) => (
          <DownloadWorkbookButton plan={plan} download={(chosen) => downloadWorkbook(chosen, actuals)} />
        )}
      />
    ),
    chartPreviews: (plan) => (
      <WithBrowserExtras render={({ ChartPreviews }) => <ChartPreviews plan={plan} draw={drawCharts} />} />
    ),
  };
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  // The editor's script downloads while office.js starts; the pane renders its header and navigation without it.
  // The catalog of the pane's language follows once the pane knows its language (a failure shows in the pane).
  paneEditorPart.load().catch(() => undefined);
  const host = await detectHost();
  createRoot(container).render(<App host={host} gateway={workbookGatewayFor(host)} extensions={extensionsFor(host)} />);
}

void start();
