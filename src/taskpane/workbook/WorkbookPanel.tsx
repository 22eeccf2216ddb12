import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { Plan } from "../../plan/schema";
import type { GenerationReport, ReadReport } from "../../workbook/gateway";
import { usePlanEditor } from "../editor/PlanEditorContext";
import type { Catalog } from "../i18n/en";
import { useI18n } from "../i18n/I18nContext";
import { ProblemList } from "../results/ProblemList";
import type { StepId } from "../steps/steps";
import { useGateway } from "./GatewayContext";
import { useWorkbookAction, type WorkbookButton } from "./useWorkbookAction";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface WorkbookPanelProps {
  /** True once the workbook holds the plan's sheets (a stored plan was found, or the pane generated them). */
  readonly generated: boolean;
  /** The workbook was generated; its id (stored with its plan) keys the pane's draft from now on. */
  readonly onGenerated: (workbookId: string | undefined) => void;
  /** The plan read back from the sheets replaces the pane's plan. */
  readonly onPlanRead: (plan: Plan) => void;
  readonly onGoTo: (step: StepId, field: string) => void;
  /** The "Download workbook (.xlsx)" button, offered outside Excel. */
  readonly downloadWorkbook?: ReactNode;
}

export function generationLines(t: Catalog, report: GenerationReport, done: string): string[] {
  return [
    done,
    ...(report.created.length ? [t.workbook.created(report.created.join(", "))] : []),
    ...(report.updated.length ? [t.workbook.rewritten(report.updated.join(", "))] : []),
    ...(report.backups.length ? [t.workbook.backups(report.backups.join(", "))] : []),
    ...(report.degraded.length ? [t.workbook.degraded(report.degraded.join("; "))] : []),
  ];
}

function readLines(t: Catalog, report: ReadReport): string[] {
  return [
    t.workbook.readDone(report.changedFields.length),
    ...(report.changedFields.length ? [t.workbook.changedFields(report.changedFields.join(", "))] : []),
  ];
}

/**
 * The workbook actions. Inside Excel: generate (first time), then update, read back and the leadership copy, each
 * with its progress and its outcome. In a browser: a banner that these need Excel.
 */
export function WorkbookPanel({ generated, onGenerated, onPlanRead, onGoTo, downloadWorkbook }: WorkbookPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const gateway = useGateway();
  const { validation } = usePlanEditor();
  const { state, run } = useWorkbookAction(t.workbook.starting);
  const blockedId = useId();
  const running = state.status === "running";
  const labels: Record<WorkbookButton, string> = {
    generate: t.workbook.generate,
    update: t.workbook.update,
    read: t.workbook.read,
    leadershipCopy: t.workbook.leadershipCopy,
  };

  if (!gateway.available) {
    return (
      <section className={styles.section} aria-labelledby="workbook-heading">
        <Title3 as="h2" id="workbook-heading" className={styles.heading}>
          {t.workbook.title}
        </Title3>
        <MessageBar intent="info">
          <MessageBarBody>{t.workbook.needsExcel}</MessageBarBody>
        </MessageBar>
        {downloadWorkbook}
      </section>
    );
  }

  const plan = validation.ok ? validation.plan : undefined;
  const needsPlan = (action: WorkbookButton) => action !== "leadershipCopy";
  // The buttons that need a plan are disabled without one; this guard keeps any other way in honest too.
  const start = (action: WorkbookButton) => {
    if (!plan && needsPlan(action)) return;
    void run(action, async (onProgress) => {
      switch (action) {
        case "generate": {
          const report = await gateway.generate(plan!, onProgress);
          onGenerated(report.workbookId);
          return generationLines(t, report, t.workbook.generated);
        }
        case "update": {
          const report = await gateway.update(plan!, onProgress);
          // A plan stored before workbooks had ids gets one on this write.
          onGenerated(report.workbookId);
          return generationLines(t, report, t.workbook.updated);
        }
        case "read": {
          const report = await gateway.readFromWorkbook(plan!, onProgress);
          onPlanRead(report.plan);
          return readLines(t, report);
        }
        case "leadershipCopy": {
          const report = await gateway.leadershipCopy(onProgress);
          return [t.workbook.copyDone(report.sheets.join(", "), report.frozenFormulas)];
        }
      }
    });
  };
  const actionButton = (action: WorkbookButton, primary: boolean) => {
    const blocked = needsPlan(action) && !plan;
    return (
      <Button
        key={action}
        appearance={primary ? "primary" : "secondary"}
        // Focusable while blocked, so keyboard and screen-reader users reach the explanation it points to.
        disabledFocusable={blocked || running}
        aria-describedby={blocked ? blockedId : undefined}
        onClick={() => start(action)}
      >
        {labels[action]}
      </Button>
    );
  };

  return (
    <section className={styles.section} aria-labelledby="workbook-heading">
      <Title3 as="h2" id="workbook-heading" className={styles.heading}>
        {t.workbook.title}
      </Title3>
      <Caption1>{generated ? t.workbook.updateHint : t.workbook.generateHint}</Caption1>
      <div className={styles.buttons}>
        {generated
          ? [actionButton("update", true), actionButton("read", false), actionButton("leadershipCopy", false)]
          : [actionButton("generate", true)]}
      </div>
      {!validation.ok && (
        <div>
          <Body1 id={blockedId}>{t.workbook.blocked(validation.issues.length)}</Body1>
          <ProblemList issues={validation.issues} onGoTo={onGoTo} limit={3} />
        </div>
      )}
      <div aria-live="polite">
        {state.status === "running" && (
          <Field label={t.workbook.working(labels[state.action])} hint={state.progress.message}>
            <ProgressBar value={state.progress.fraction} max={1} />
          </Field>
        )}
        {state.status === "done" && (
          <MessageBar intent={state.outcome === "success" ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {state.outcome === "success" ? labels[state.action] : t.workbook.failed(labels[state.action])}
              </MessageBarTitle>
              <ul className={styles.lines}>
                {state.lines.map((line, index) => (
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
