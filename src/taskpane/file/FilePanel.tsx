import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUploadRegular, OpenRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import type { Plan } from "../../plan/schema";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { describeLocation } from "../fields/labels";
import { problemAsShown } from "../fields/percent-fields";
import type { Catalog } from "../i18n/en";
import { useI18n } from "../i18n/I18nContext";
import {
  PLAN_FILE_VERSION,
  planFileName,
  readPlanFile,
  writePlanFile,
  type PlanFileReading,
} from "../../plan/plan-file";
import { handoffUrl, type FileDelivery } from "./file-delivery";
import type { SaveFile } from "./save-file";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

type FileOutcome =
  | { readonly kind: "exported"; readonly name: string }
  | { readonly kind: "copied"; readonly name: string }
  | { readonly kind: "opened" }
  | { readonly kind: "deliveryFailed"; readonly message: string }
  | { readonly kind: "failed"; readonly name: string; readonly lines: readonly string[] };

function refusalLines(t: Catalog, reading: Exclude<PlanFileReading, { ok: true }>): string[] {
  switch (reading.reason) {
    case "notJson":
      return [t.file.notJson];
    case "notPlanFile":
      return [t.file.notPlanFile];
    case "newerVersion":
      return [t.file.newerVersion(reading.formatVersion, PLAN_FILE_VERSION)];
    case "invalidPlan":
      return [
        t.file.invalidPlan(reading.issues.length),
        ...reading.issues.slice(0, 8).map((issue) => `${describeLocation(t, issue.path)}: ${problemAsShown(issue)}`),
        ...(reading.issues.length > 8 ? [t.problems.more(reading.issues.length - 8)] : []),
      ];
  }
}

/** The file's text; FileReader works in every webview Office uses, `Blob.text()` not in all of them. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("unreadable file"));
    reader.readAsText(file);
  });
}

export interface FilePanelProps {
  readonly saveFile: SaveFile;
  /** Where downloads do not work (Excel for Mac), the plan file is copied, or the pane opened in the browser. */
  readonly delivery: FileDelivery;
  readonly now: () => Date;
  /** A valid plan read from a file replaces the pane's plan. */
  readonly onImported: (plan: Plan, fileName: string) => void;
}

/** Export the plan as a versioned JSON file, or import one; a file that is refused changes nothing. */
export function FilePanel({ saveFile, delivery, now, onImported }: FilePanelProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { validation } = usePlanEditor();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<FileOutcome | undefined>(undefined);
  const exportBlockedId = useId();

  const exportPlan = () => {
    if (!validation.ok) return;
    const name = planFileName(validation.plan);
    const text = writePlanFile(validation.plan, now());
    if (delivery.downloads) {
      saveFile(name, text);
      setOutcome({ kind: "exported", name });
      return;
    }
    delivery.copyText(text).then(
      () => setOutcome({ kind: "copied", name }),
      (error: unknown) =>
        setOutcome({ kind: "deliveryFailed", message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const openInBrowser = () => {
    if (!validation.ok || !delivery.openInBrowser) return;
    const url = handoffUrl(delivery.pageUrl, writePlanFile(validation.plan, now()));
    if (url === undefined) {
      setOutcome({ kind: "deliveryFailed", message: t.file.tooLargeForBrowser });
      return;
    }
    delivery.openInBrowser(url);
    setOutcome({ kind: "opened" });
  };

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await readText(file);
    } catch (error) {
      setOutcome({
        kind: "failed",
        name: file.name,
        lines: [t.file.unreadable(error instanceof Error ? error.message : String(error))],
      });
      return;
    }
    const reading = readPlanFile(text, language);
    if (reading.ok) {
      // The pane's notice says so, with an undo.
      onImported(reading.plan, file.name);
      setOutcome(undefined);
    } else {
      setOutcome({ kind: "failed", name: file.name, lines: refusalLines(t, reading) });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="plan-file-heading">
      <Title3 as="h2" id="plan-file-heading" className={styles.heading}>
        {t.file.title}
      </Title3>
      <div className={styles.buttons}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={!validation.ok}
          aria-describedby={validation.ok ? undefined : exportBlockedId}
          onClick={exportPlan}
        >
          {delivery.downloads ? t.file.export : t.file.copy}
        </Button>
        {!delivery.downloads && delivery.openInBrowser && (
          <Button
            icon={<OpenRegular />}
            disabledFocusable={!validation.ok}
            aria-describedby={validation.ok ? undefined : exportBlockedId}
            onClick={openInBrowser}
          >
            {t.file.openInBrowser}
          </Button>
        )}
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
          {t.file.import}
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept=".json,application/json"
          aria-label={t.file.fileInputLabel}
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
        />
      </div>
      {!delivery.downloads && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{delivery.openInBrowser ? t.file.noDownloadsBrowser : t.file.noDownloads}</MessageBarBody>
        </MessageBar>
      )}
      {!validation.ok && <Body1 id={exportBlockedId}>{t.file.exportBlocked}</Body1>}
      <div aria-live="polite">
        {outcome && outcome.kind !== "failed" && outcome.kind !== "deliveryFailed" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {outcome.kind === "exported"
                ? t.file.exported(outcome.name)
                : outcome.kind === "copied"
                  ? t.file.copied(outcome.name)
                  : t.file.openedInBrowser}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "deliveryFailed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t.file.copyFailed(outcome.message)}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.file.importFailed(outcome.name)}</MessageBarTitle>
              <ul className={styles.lines}>
                {outcome.lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
