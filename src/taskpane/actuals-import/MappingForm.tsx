import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatCrmIssue, type CrmIssue } from "../../crm/messages";
import { FIELDS_OF, MAPPING_RULES } from "../../crm/normalise";
import type { ColumnMapping } from "../../crm/presets";
import type { RawCell } from "../../crm/raw-table";
import { useControlStyles } from "../fields/useControlStyles";
import { FormSection } from "../fields/FormSection";
import { useI18n } from "../i18n/I18nContext";
import { ScrollTable } from "../results/ScrollTable";
import type { LoadedExport } from "./useActualsImport";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

export interface MappingFormProps {
  readonly file: LoadedExport;
  readonly start: ColumnMapping;
  readonly issues: readonly CrmIssue[];
  readonly unknownHeaders: boolean;
  readonly onConfirm: (mapping: ColumnMapping) => void;
  readonly onCancel: () => void;
}

/**
 * The columns of a file mapped by hand: one choice per field of the record (required ones marked), with the first
 * rows of the file to see what each column holds.
 */
export function MappingForm({ file, start, issues, unknownHeaders, onConfirm, onCancel }: MappingFormProps) {
  const styles = useStyles();
  const controls = useControlStyles();
  const { t, language } = useI18n();
  const [columns, setColumns] = useState<Record<string, string>>(() => ({ ...start.columns }));
  const { kind, summary } = file;
  const rules = MAPPING_RULES[kind] as { all: readonly string[]; oneOf: readonly (readonly string[])[] };
  const labels = t.actualsImport.fields[kind] as Readonly<Record<string, string>>;
  const fieldHint = (field: string): string | undefined => {
    if (rules.all.includes(field)) return t.actualsImport.required;
    const group = rules.oneOf.find((fields) => fields.includes(field));
    return group ? `${t.actualsImport.oneOf}: ${group.map((member) => labels[member]).join(", ")}` : undefined;
  };
  const { headers, preview } = summary;
  return (
    <FormSection title={t.actualsImport.mappingTitle}>
      {unknownHeaders && <Body1>{t.actualsImport.mappingNoPreset}</Body1>}
      <Body1>{t.actualsImport.mappingIntro}</Body1>
      <ScrollTable
        caption={t.actualsImport.previewCaption(preview.length, summary.rowCount)}
        columns={headers.map((header) => ({ header }))}
        rows={preview.map((row) => headers.map((_, column) => cellText(row.cells[column])))}
      />
      <div className={styles.fields}>
        {(FIELDS_OF[kind] as readonly string[]).map((field) => {
          const hint = fieldHint(field);
          return (
            <Field
              key={field}
              label={rules.all.includes(field) ? `${labels[field]} (${t.actualsImport.required})` : labels[field]}
              hint={rules.all.includes(field) ? undefined : hint}
            >
              <Select
                className={controls.control}
                aria-required={rules.all.includes(field)}
                value={columns[field] ?? ""}
                onChange={(_, data) =>
                  setColumns((current) => {
                    const next = { ...current };
                    if (data.value === "") delete next[field];
                    else next[field] = data.value;
                    return next;
                  })
                }
              >
                <option value="">{t.actualsImport.notInFile}</option>
                {headers.map((header, index) =>
                  header === "" ? null : (
                    <option key={`${index}-${header}`} value={header}>
                      {header}
                    </option>
                  ),
                )}
              </Select>
            </Field>
          );
        })}
      </div>
      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t.actualsImport.mappingProblems}
            <ul className={styles.lines}>
              {issues.map((issue, index) => (
                <li key={index}>{formatCrmIssue(issue, language)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => onConfirm({ kind, columns })}>
          {t.actualsImport.useMapping}
        </Button>
        <Button onClick={onCancel}>{t.actualsImport.cancel}</Button>
      </div>
    </FormSection>
  );
}
