import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Title2,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { PlanFigures } from "../plan/calculate";
import type { Plan } from "../plan/schema";
import type { WorkbookGateway } from "../workbook/gateway";
import type { PlanDraft } from "./draft/path";
import { loadStarter, blankPlan, type StarterName } from "./draft/starters";
import { readStoredPane, writeStoredPane, type PaneStorage } from "./draft/storage";
import { PlanEditorContext } from "./editor/PlanEditorContext";
import { usePlanEditorState } from "./editor/usePlanEditorState";
import { SectionDivider } from "./fields/SectionDivider";
import { FilePanel } from "./file/FilePanel";
import { downloadFile, type SaveFile } from "./file/save-file";
import type { HostInfo } from "./host";
import { createFormatters } from "./i18n/format";
import { I18nContext, type I18n } from "./i18n/I18nContext";
import { catalogs, isUiLanguage, languageForDisplayLanguage, UI_LANGUAGES, type UiLanguage } from "./i18n/language";
import { LiveResults } from "./results/LiveResults";
import { SheetPreviews } from "./results/SheetPreviews";
import { StepNavigation } from "./steps/StepNavigation";
import { StepPanel } from "./steps/StepPanel";
import { STEP_IDS, stepOfPath, type StepId } from "./steps/steps";
import { GatewayContext } from "./workbook/GatewayContext";
import { WorkbookPanel } from "./workbook/WorkbookPanel";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "720px",
    marginLeft: "auto",
    marginRight: "auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  provider: { backgroundColor: tokens.colorNeutralBackground1, minHeight: "100vh" },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: "180px", flexGrow: 1, flexBasis: "180px" },
  title: { margin: 0 },
  language: { minWidth: "120px" },
});

/** Later work plugs into the pane here without changing its components. */
export interface PaneExtensions {
  /** PLACEHOLDER (charts work): SVG previews of the workbook's charts, shown outside Excel under the sheet previews. */
  readonly chartPreviews?: (plan: Plan, figures: PlanFigures) => ReactNode;
  /** PLACEHOLDER (xlsx work): the "Download workbook (.xlsx)" button, shown outside Excel in the workbook section. */
  readonly downloadWorkbook?: (plan: Plan | undefined) => ReactNode;
}

export interface AppProps {
  readonly host: HostInfo;
  /** How the pane reaches the workbook; components never call Office themselves. */
  readonly gateway: WorkbookGateway;
  /** Where the pane keeps the plan between sessions; the browser's local storage by default. */
  readonly storage?: PaneStorage | undefined;
  readonly saveFile?: SaveFile;
  readonly now?: () => Date;
  readonly extensions?: PaneExtensions;
}

type Notice = {
  readonly intent: "info" | "success" | "warning" | "error";
  readonly text: string;
  /** The plan that an undo brings back. */
  readonly undo?: PlanDraft;
};

function browserStorage(): PaneStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the pane then works without it and says so.
    return undefined;
  }
}

const systemClock = () => new Date();

/** What the pane opens with: the plan it saved last time in this browser, else a blank plan. */
function startingPoint(host: HostInfo, storage: PaneStorage | undefined, today: Date) {
  const stored = readStoredPane(storage);
  const displayLanguage = languageForDisplayLanguage(host.displayLanguage);
  if (stored.status === "ok") {
    return { draft: stored.saved.draft, language: stored.saved.language ?? displayLanguage, notice: undefined };
  }
  const notice: Notice | undefined =
    stored.status === "corrupt" ? { intent: "warning", text: catalogs[displayLanguage].storage.corrupt } : undefined;
  return { draft: blankPlan(displayLanguage, today), language: displayLanguage, notice };
}

type FocusRequest = { readonly serial: number; readonly field: string | undefined };

/**
 * The task pane: the seven-step editor, the live results, the workbook actions and the plan file, in the Office
 * theme and the user's language. Inside Excel it first restores the plan stored in the workbook.
 */
export function App({
  host,
  gateway,
  storage = browserStorage(),
  saveFile = downloadFile,
  now = systemClock,
  extensions,
}: AppProps) {
  const styles = useStyles();
  const [boot] = useState(() => startingPoint(host, storage, now()));
  const [language, setLanguage] = useState<UiLanguage>(boot.language);
  const editor = usePlanEditorState(boot.draft, language);
  const { draft, replaceDraft, validation, figures, issues } = editor;
  const [notice, setNotice] = useState<Notice | undefined>(boot.notice);
  const [restoring, setRestoring] = useState(gateway.available);
  const [generated, setGenerated] = useState(false);
  const [step, setStep] = useState<StepId>("details");
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>(undefined);
  const [storageRefused, setStorageRefused] = useState(false);

  const t = catalogs[language];
  const currency = typeof draft.meta?.currency === "string" ? draft.meta.currency : "";
  const i18n: I18n = useMemo(
    () => ({ language, t: catalogs[language], format: createFormatters(language, currency) }),
    [language, currency],
  );

  // Inside Excel, the plan stored in the workbook wins over the one this computer saved.
  useEffect(() => {
    if (!gateway.available) return;
    let cancelled = false;
    gateway
      .loadStoredPlan()
      .then((plan) => {
        if (cancelled || !plan) return;
        replaceDraft(plan);
        setGenerated(true);
        setNotice({ intent: "info", text: catalogs[language].workbook.restored });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setNotice({ intent: "warning", text: catalogs[language].workbook.restoreFailed(message) });
      })
      .finally(() => {
        if (!cancelled) setRestoring(false);
      });
    return () => {
      cancelled = true;
    };
    // Runs once, when the pane opens: later language changes must not reload the workbook's plan.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gateway]);

  useEffect(() => {
    if (restoring) return;
    const saved = writeStoredPane(storage, { draft, language });
    // Records the outcome of the write to show a warning; React skips the render when the outcome is unchanged.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStorageRefused(!saved);
  }, [draft, language, storage, restoring]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = catalogs[language].app.title;
  }, [language]);

  useEffect(() => {
    if (!focusRequest) return;
    const target = focusRequest.field
      ? [...document.querySelectorAll<HTMLElement>("[data-path]")].find(
          (element) => element.dataset.path === focusRequest.field,
        )
      : undefined;
    (target ?? document.getElementById("step-heading"))?.focus();
  }, [focusRequest]);

  const goTo = useCallback((next: StepId, field?: string) => {
    setStep(next);
    setFocusRequest((current) => ({ serial: (current?.serial ?? 0) + 1, field }));
  }, []);

  const replaceWithUndo = useCallback(
    (next: PlanDraft, text: string) => {
      const previous = draft;
      replaceDraft(next);
      setNotice({ intent: "success", text, undo: previous });
    },
    [draft, replaceDraft],
  );

  const start = (starter: StarterName) => {
    loadStarter(starter, language, now())
      .then((next) =>
        replaceWithUndo(
          next,
          starter === "blank" ? t.start.startedBlank : t.start.startedExample(String(next.meta.planName)),
        ),
      )
      .catch((error: unknown) =>
        setNotice({
          intent: "error",
          text: t.start.exampleFailed(error instanceof Error ? error.message : String(error)),
        }),
      );
  };

  const problemsByStep = useMemo(() => {
    const counts = Object.fromEntries(STEP_IDS.map((id) => [id, 0])) as Record<StepId, number>;
    for (const issue of issues.all) counts[stepOfPath(issue.path)] += 1;
    return counts;
  }, [issues]);

  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme} className={styles.provider}>
      <I18nContext.Provider value={i18n}>
        <GatewayContext.Provider value={gateway}>
          <PlanEditorContext.Provider value={editor}>
            <main className={styles.root}>
              <header className={styles.header}>
                <div className={styles.titles}>
                  <Title2 as="h1" className={styles.title}>
                    {t.app.title}
                  </Title2>
                  <Caption1>{t.app.subtitle}</Caption1>
                </div>
                <Field label={t.language.label} className={styles.language}>
                  <Select
                    value={language}
                    onChange={(_, data) => {
                      if (isUiLanguage(data.value)) setLanguage(data.value);
                    }}
                  >
                    {UI_LANGUAGES.map((option) => (
                      <option key={option} value={option} lang={option}>
                        {catalogs[option].language.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              </header>
              {notice && (
                <MessageBar intent={notice.intent} layout="multiline">
                  <MessageBarBody>{notice.text}</MessageBarBody>
                  {notice.undo && (
                    <MessageBarActions>
                      <Button
                        size="small"
                        onClick={() => {
                          replaceDraft(notice.undo!);
                          setNotice({ intent: "info", text: t.start.undone });
                        }}
                      >
                        {t.start.undo}
                      </Button>
                    </MessageBarActions>
                  )}
                </MessageBar>
              )}
              {storageRefused && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{t.storage.unavailable}</MessageBarBody>
                </MessageBar>
              )}
              {restoring ? (
                <Field label={t.app.loadingStoredPlan}>
                  <ProgressBar />
                </Field>
              ) : (
                <>
                  <StepNavigation current={step} problems={problemsByStep} onSelect={(next) => goTo(next)} />
                  <StepPanel key={editor.generation} step={step} onSelect={(next) => goTo(next)} onStart={start} />
                  <SectionDivider />
                  <LiveResults onGoTo={goTo} />
                  <SectionDivider />
                  <WorkbookPanel
                    generated={generated}
                    onGenerated={() => setGenerated(true)}
                    onPlanRead={(plan) => replaceDraft(plan)}
                    onGoTo={goTo}
                    downloadWorkbook={extensions?.downloadWorkbook?.(validation.ok ? validation.plan : undefined)}
                  />
                  <FilePanel
                    saveFile={saveFile}
                    now={now}
                    onImported={(plan, name) => replaceWithUndo(plan, t.file.imported(name))}
                  />
                  {!gateway.available && validation.ok && figures && (
                    <SheetPreviews
                      plan={validation.plan}
                      figures={figures}
                      chartPreviews={extensions?.chartPreviews?.(validation.plan, figures)}
                    />
                  )}
                </>
              )}
            </main>
          </PlanEditorContext.Provider>
        </GatewayContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
