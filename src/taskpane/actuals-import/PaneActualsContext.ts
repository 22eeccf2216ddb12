import { createContext, useContext } from "react";
import type { Actuals } from "../../plan/actuals";

/**
 * Outside Excel there is no workbook to hold imported actuals: the pane keeps them (PaneEditor's PaneBody) and the
 * "Download workbook" button writes them into the .xlsx file. Inside Excel the workbook's tables hold them.
 */
export interface PaneActuals {
  readonly actuals: Actuals;
  readonly setActuals: (next: Actuals) => void;
}

export const PaneActualsContext = createContext<PaneActuals | undefined>(undefined);

export function usePaneActuals(): PaneActuals {
  const actuals = useContext(PaneActualsContext);
  if (!actuals) throw new Error("usePaneActuals must be used inside the PaneActualsContext provider.");
  return actuals;
}
