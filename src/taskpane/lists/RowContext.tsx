import { createContext, useContext } from "react";
import type { PlanPath } from "../draft/path";

/** The row a field belongs to, and the edits that keep a row's id in step with its name. */
export interface RowScope {
  readonly path: PlanPath;
  readonly index: number;
  /** Sets the row's name and, while the id is still made from the name, the id and the links to it. */
  readonly setName: (name: string) => void;
  /** Sets the id by hand (it stops following the name) and moves the links to it. */
  readonly setId: (id: string) => void;
}

export const RowContext = createContext<RowScope | undefined>(undefined);

export function useRow(): RowScope {
  const row = useContext(RowContext);
  if (!row) throw new Error("useRow must be used inside a RowList row.");
  return row;
}
