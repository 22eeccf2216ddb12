import { createContext, useContext } from "react";
import type { WorkbookGateway } from "../../workbook/gateway";

/** The workbook the pane talks to: the Office.js adapter inside Excel, the unavailable gateway elsewhere. */
export const GatewayContext = createContext<WorkbookGateway | undefined>(undefined);

export function useGateway(): WorkbookGateway {
  const gateway = useContext(GatewayContext);
  if (!gateway) throw new Error("useGateway must be used inside the GatewayContext provider.");
  return gateway;
}
