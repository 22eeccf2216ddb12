import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { formatCrmIssue, formatCrmMessage, type CrmIssue } from "../../crm/messages";
import type { DateOrder, DecimalSeparator } from "../../crm/values";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { FormSection } from "../fields/FormSection";
import { useControlStyles } from "../fields/useControlStyles";
import { useI18n } from "../i18n/I18nContext";
import type { UiLanguage } from "../i18n/language";
import { useGateway } from "../workbook/GatewayContext";
import { ownerRoles, planRoles, withOwnerRole, type ReadingChoices } from "./import-model";
import type { ImportStage } from "./useActualsImport";

/** How many bad rows and foreign-currency rows are listed; the rest are counted. */
export const LISTED_ROWS = 20;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Checked = Extract<ImportStage, { status: "checked" }>;

function issueLine(issue: CrmIssue, language: UiLanguage, rowLabel: (row: number) => string): string {
  // An issue without a column (an owner column the mapping lacks) still names its row.
  return issue.column === null
    ? `${rowLabel(issue.rowNumber)}: ${formatCrmMessage(issue.key, issue.params, language)}`
    : formatCrmIssue(issue, language);
}

export interface CheckedImportViewProps {
  readonly stage: Checked;
  readonly onAnswer: (choice: ReadingChoices) => void;
  readonly onApply: () => void;
  readonly onDiscard: () => void;
  readonly onEditMapping: () => void;
}

/** What a checked file holds, the questions to answer, the owners to place, and the choice to import or not. */
export function CheckedImportView({ stage, onAnswer, onApply, onDiscard, onEditMapping }: CheckedImportViewProps) {
  const styles = useStyles();
  const controls = useControlStyles();
  const { t, language, format } = useI18n();
  const { draft, updateDraft, validation } = usePlanEditor();
  const gateway = useGateway();
  const blockedId = useId();
  const text = t.actualsImport;
  const { file, source, checked, choices } = stage;
  const { good, bad, foreignCurrency, questions } = checked.result;

  const sourceLine =
    source.kind === "preset"
      ? text.recognised(text.crms[source.preset.crm], text.presetLanguages[source.preset.language])
      : source.kind === "remembered"
        ? text.remembered
        : text.manualMapping;

  // Questions stay on screen once answered (with the examples that raised them), so an answer can be changed.
  const asked = (kind: "dateOrder" | "decimalSeparator") => stage.asked.filter((entry) => entry.question.kind === kind);
  const questionText = (kind: "dateOrder" | "decimalSeparator") => {
    const entries = asked(kind);
    const columns = entries.map((entry) => `“${entry.column}”`).join(", ");
    const examples = [...new Set(entries.flatMap((entry) => entry.question.examples))].slice(0, 3).join(", ");
    return kind === "dateOrder" ? text.dateOrderQuestion(columns, examples) : text.decimalQuestion(columns, examples);
  };
  const pending = questions.length > 0;
  const showDateOrder = asked("dateOrder").length > 0;
  const showDecimal = asked("decimalSeparator").length > 0;

  const roles = planRoles(draft);
  const placed = ownerRoles(draft);
  const listedBad = bad.slice(0, LISTED_ROWS);
  const listedForeign = foreignCurrency.slice(0, LISTED_ROWS);
  const blocked = gateway.available && !validation.ok;
  const planCurrency = typeof draft.meta?.currency === "string" ? draft.meta.currency.toUpperCase() : "";

  return (
    <div className={styles.root}>
      <Body1>
        {text.fileSummary(file.name, file.summary.rowCount)} {sourceLine}
      </Body1>
      {stage.notRemembered && <Caption1>{text.notRemembered}</Caption1>}
      <div className={styles.buttons}>
        <Button size="small" onClick={onEditMapping}>
          {text.changeMapping}
        </Button>
      </div>
      {(showDateOrder || showDecimal) && (
        <FormSection title={text.questionsTitle}>
          {showDateOrder && (
            <Field
              label={asked("dateOrder").length > 0 ? questionText("dateOrder") : text.dateOrders[choices.dateOrder!]}
            >
              <RadioGroup
                value={choices.dateOrder ?? ""}
                onChange={(_, data) => onAnswer({ dateOrder: data.value as DateOrder })}
              >
                <Radio value="dmy" label={text.dateOrders.dmy} />
                <Radio value="mdy" label={text.dateOrders.mdy} />
              </RadioGroup>
            </Field>
          )}
          {showDecimal && (
            <Field label={questionText("decimalSeparator")}>
              <RadioGroup
                value={choices.decimalSeparator ?? ""}
                onChange={(_, data) => onAnswer({ decimalSeparator: data.value as DecimalSeparator })}
              >
                <Radio value="." label={text.decimalSeparators.point} />
                <Radio value="," label={text.decimalSeparators.comma} />
              </RadioGroup>
            </Field>
          )}
        </FormSection>
      )}
      <div aria-live="polite">
        <Body1>{text.counts(file.summary.rowCount, good.length, bad.length)}</Body1>
      </div>
      {bad.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.badRowsTitle(bad.length)}</MessageBarTitle>
            <ul className={styles.lines}>
              {listedBad.flatMap((row) =>
                row.issues.map((issue, index) => (
                  <li key={`${row.rowNumber}-${index}`}>{issueLine(issue, language, text.rowOnly)}</li>
                )),
              )}
              {bad.length > listedBad.length && <li>{text.moreBadRows(bad.length - listedBad.length)}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {foreignCurrency.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.foreignTitle(foreignCurrency.length, planCurrency)}</MessageBarTitle>
            <ul className={styles.lines}>
              {listedForeign.map((row) => (
                <li key={row.rowNumber}>{text.foreignRow(row.rowNumber, format.number(row.value), row.currency)}</li>
              ))}
              {foreignCurrency.length > listedForeign.length && (
                <li>{text.moreBadRows(foreignCurrency.length - listedForeign.length)}</li>
              )}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {stage.ownersToPlace.length > 0 && (
        <FormSection title={text.ownersTitle}>
          {roles.length === 0 ? (
            <Body1>{text.noRoles}</Body1>
          ) : (
            <>
              <Caption1>{text.ownersIntro}</Caption1>
              {stage.ownersToPlace.map(({ owner, records }) => (
                <Field key={owner} label={text.ownerRole(owner, records)}>
                  <Select
                    className={controls.control}
                    value={placed[owner] ?? ""}
                    onChange={(_, data) =>
                      updateDraft((current) =>
                        withOwnerRole(current, owner, data.value === "" ? undefined : data.value),
                      )
                    }
                  >
                    <option value="">{text.noRole}</option>
                    {roles.map((role) => (
                      <option key={role.id} value={role.id}>
                        {role.title}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </>
          )}
        </FormSection>
      )}
      {pending && <Body1>{text.answerFirst}</Body1>}
      {!pending && good.length === 0 && <Body1>{text.nothingGood}</Body1>}
      {blocked && <Body1 id={blockedId}>{text.blocked}</Body1>}
      <div className={styles.buttons}>
        {!pending && good.length > 0 && (
          <Button
            appearance="primary"
            disabledFocusable={blocked}
            aria-describedby={blocked ? blockedId : undefined}
            onClick={onApply}
          >
            {bad.length > 0 ? text.importGood(good.length) : text.importAll(good.length)}
          </Button>
        )}
        <Button onClick={onDiscard}>{text.importNothing}</Button>
      </div>
    </div>
  );
}
