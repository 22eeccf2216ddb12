import { TextField } from "../fields/TextField";
import { useRow } from "./RowContext";

/** The name of a row whose id is made from it. */
export function RowNameField({ field }: { readonly field: string }) {
  const row = useRow();
  return <TextField path={[...row.path, field]} onValueChange={row.setName} />;
}
