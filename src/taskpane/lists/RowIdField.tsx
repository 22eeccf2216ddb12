import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { useRow } from "./RowContext";

/** A row's identifier, which other rows refer to; made from the name until edited. */
export function RowIdField() {
  const row = useRow();
  const { t } = useI18n();
  return <TextField path={[...row.path, "id"]} hint={t.hints.id} onValueChange={row.setId} />;
}
