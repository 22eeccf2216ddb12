/**
 * Step 7's monthly review: import a CRM export (deals or activities) into the actuals. Loaded on demand, in its own
 * chunk with the CRM import's core (see MonthlyReviewSlot).
 */
import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { ImportKind } from "../../crm/presets";
import { useI18n } from "../i18n/I18nContext";
import { CheckedImportView } from "./CheckedImportView";
import { MappingForm } from "./MappingForm";
import { EXPORT_FILE_TYPES } from "./read-export";
import { useActualsImport } from "./useActualsImport";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function MonthlyReview() {
  const styles = useStyles();
  const { t } = useI18n();
  const text = t.actualsImport;
  const flow = useActualsImport();
  const { stage } = flow;
  const [kind, setKind] = useState<ImportKind>("deals");
  const input = useRef<HTMLInputElement>(null);
  const busy = stage.status === "working";

  return (
    <section className={styles.section} aria-labelledby="monthly-review-heading">
      <Title3 as="h3" id="monthly-review-heading" className={styles.heading}>
        {text.title}
      </Title3>
      <Body1>{text.intro}</Body1>
      <Field label={text.kindLabel}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, data) => setKind(data.value as ImportKind)}>
          <Radio value="deals" label={text.kinds.deals} />
          <Radio value="activities" label={text.kinds.activities} />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button icon={<ArrowUploadRegular />} disabledFocusable={busy} onClick={() => input.current?.click()}>
          {text.choose}
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept={EXPORT_FILE_TYPES}
          aria-label={text.fileInputLabel}
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void flow.chooseFile(file, kind);
          }}
        />
      </div>
      <div aria-live="polite">
        {stage.status === "working" && (
          <Field label={text.progressLabel} hint={stage.message}>
            <ProgressBar value={stage.fraction} max={1} />
          </Field>
        )}
        {stage.status === "done" && (
          <MessageBar intent={stage.outcome} layout="multiline">
            <MessageBarBody>
              {stage.title && <MessageBarTitle>{stage.title}</MessageBarTitle>}
              <ul className={styles.lines}>
                {stage.lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {stage.status === "mapping" && (
        <MappingForm
          // A new file or a new start starts a new form.
          key={`${stage.file.name}-${stage.file.kind}-${JSON.stringify(stage.start.columns)}`}
          file={stage.file}
          start={stage.start}
          issues={stage.issues}
          unknownHeaders={stage.unknownHeaders}
          onConfirm={(mapping) => void flow.confirmMapping(mapping)}
          onCancel={flow.discard}
        />
      )}
      {stage.status === "checked" && (
        <CheckedImportView
          stage={stage}
          onAnswer={(choice) => void flow.answer(choice)}
          onApply={() => void flow.apply()}
          onDiscard={flow.discard}
          onEditMapping={flow.editMapping}
        />
      )}
    </section>
  );
}
