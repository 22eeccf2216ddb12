import type { WorkbookGateway } from "../../workbook/gateway";

/**
 * A gateway whose implementation loads on first use. The Office.js adapter, the layout and the read-back are a large
 * part of the pane's code and are only needed inside Excel, so they live in their own chunk and the pane renders
 * before they arrive. A failed load rejects the action that needed it (the pane shows its message).
 */
export function lazyGateway(load: () => Promise<WorkbookGateway>): WorkbookGateway {
  let loading: Promise<WorkbookGateway> | undefined;
  const gateway = (): Promise<WorkbookGateway> => {
    loading ??= load();
    return loading;
  };
  return {
    available: true,
    generate: async (plan, onProgress) => (await gateway()).generate(plan, onProgress),
    update: async (plan, onProgress) => (await gateway()).update(plan, onProgress),
    readFromWorkbook: async (plan, onProgress) => (await gateway()).readFromWorkbook(plan, onProgress),
    leadershipCopy: async (onProgress) => (await gateway()).leadershipCopy(onProgress),
    importActuals: async (plan, incoming, onProgress) => (await gateway()).importActuals(plan, incoming, onProgress),
    loadStoredPlan: async () => (await gateway()).loadStoredPlan(),
  };
}
