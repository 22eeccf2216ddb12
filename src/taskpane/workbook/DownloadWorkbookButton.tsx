import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Plan } from "../../plan/schema";
import { useI18n } from "../i18n/I18nContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
});

export interface DownloadWorkbookButtonProps {
  /** The validated plan; undefined while the plan has problems (the button then says why it is blocked). */
  readonly plan: Plan | undefined;
  /** Builds the .xlsx file and hands it to the user; rejects with a message on failure. */
  readonly download: (plan: Plan) => Promise<string>;
}

type DownloadState =
  | { readonly status: "idle" }
  | { readonly status: "working" }
  | { readonly status: "done"; readonly name: string }
  | { readonly status: "failed"; readonly message: string };

/** Outside Excel: the plan's workbook as an .xlsx file, with progress and an outcome, never a silent failure. */
export function DownloadWorkbookButton({ plan, download }: DownloadWorkbookButtonProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<DownloadState>({ status: "idle" });
  const blockedId = useId();
  const start = async () => {
    if (!plan) return;
    setState({ status: "working" });
    try {
      setState({ status: "done", name: await download(plan) });
    } catch (error) {
      setState({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        disabledFocusable={!plan || state.status === "working"}
        aria-describedby={plan ? undefined : blockedId}
        onClick={() => void start()}
      >
        {t.workbook.download}
      </Button>
      {!plan && <span id={blockedId}>{t.workbook.downloadBlocked}</span>}
      {state.status === "working" && <Spinner size="tiny" label={t.workbook.downloading} />}
      {state.status === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{t.workbook.downloaded(state.name)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{t.workbook.downloadFailed(state.message)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
