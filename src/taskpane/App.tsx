import {
  Caption1,
  FluentProvider,
  ProgressBar,
  Text,
  Title2,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from "react";
import type { Actuals } from "../plan/actuals";
import type { CrmImportEngine } from "./actuals-import/import-engine";
import type { PlanFigures } from "../plan/calculate";
import type { Plan } from "../plan/schema";
import type { WorkbookGateway } from "../workbook/gateway";
import type { PlanDraft } from "./draft/path";
import { loadStarter, blankPlan, type StarterName } from "./draft/starters";
import {
  readStoredLanguage,
  readSharedPane,
  readStoredPane,
  writeStoredLanguage,
  writeStoredPane,
  type PaneStorage,
} from "./draft/storage";
import { PlanEditorContext, type PlanEditor } from "./editor/PlanEditorContext";
import { usePlanDraft } from "./editor/usePlanDraft";
import { copyToClipboard, forgetHandedOffPlanFile, handedOffDraft, type FileDelivery } from "./file/file-delivery";
import { downloadFile, type SaveFile } from "./file/save-file";
import type { HostInfo } from "./host";
import { createFormatters } from "./i18n/format";
import { I18nContext, type I18n } from "./i18n/I18nContext";
import {
  catalogPart,
  isUiLanguage,
  languageForDisplayLanguage,
  shellCatalogs,
  UI_LANGUAGES,
  type UiLanguage,
} from "./i18n/language";
import { useLoaded, whenIdle, type LoadState } from "./lazy/loadable";
import type { Catalog } from "./i18n/en";
import type { Notice } from "./notice";
import { paneEditorPart } from "./pane-parts";
import { StepNavigation } from "./steps/StepNavigation";
import { STEP_IDS, stepOfPath, type StepId } from "./steps/steps";
import { tokenVar } from "./token-var";
import { GatewayContext } from "./workbook/GatewayContext";
import { ShellButton, ShellSelect, ShellStyles } from "./shell-controls";

/** Inline styles, not makeStyles: see token-var.ts for why the first script avoids Griffel's compiler. */
const styles = {
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "720px",
    marginLeft: "auto",
    marginRight: "auto",
    padding: `${tokenVar("spacingVerticalM")} ${tokenVar("spacingHorizontalM")}`,
    display: "flex",
    flexDirection: "column",
    gap: tokenVar("spacingVerticalL"),
    backgroundColor: tokenVar("colorNeutralBackground1"),
    color: tokenVar("colorNeutralForeground1"),
  },
  provider: { backgroundColor: tokenVar("colorNeutralBackground1"), minHeight: "100vh" },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: tokenVar("spacingHorizontalM"),
  },
  titles: { display: "flex", flexDirection: "column", minWidth: "180px", flexGrow: 1, flexBasis: "180px" },
  title: { margin: 0 },
  language: { minWidth: "120px" },
  loadFailed: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokenVar("spacingVerticalS") },
} satisfies Record<string, CSSProperties>;

/** Later work plugs into the pane here without changing its components. */
export interface PaneExtensions {
  /** SVG previews of the workbook's charts, shown outside Excel under the sheet previews. */
  readonly chartPreviews?: (plan: Plan, figures: PlanFigures) => ReactNode;
  /**
   * The "Download workbook (.xlsx)" button, shown outside Excel in the workbook section; the file holds the actuals
   * imported in the pane (step 7's monthly review).
   */
  readonly downloadWorkbook?: (plan: Plan | undefined, actuals: Actuals) => ReactNode;
  /** Where step 7's monthly review parses and checks CRM exports (a Web Worker in the page); its own thread if absent. */
  readonly crmImportEngine?: CrmImportEngine;
}

export interface AppProps {
  readonly host: HostInfo;
  /** How the pane reaches the workbook; components never call Office themselves. */
  readonly gateway: WorkbookGateway;
  /** Where the pane keeps the plan between sessions; the browser's local storage by default. */
  readonly storage?: PaneStorage | undefined;
  readonly saveFile?: SaveFile;
  /** How files reach the user where downloads do not work (Excel for Mac); built from `host` by default. */
  readonly fileDelivery?: FileDelivery;
  /** The page address's fragment, which may carry a plan handed over from Excel (file/file-delivery.ts). */
  readonly pageHash?: string;
  readonly now?: () => Date;
  readonly extensions?: PaneExtensions;
}

function browserStorage(): PaneStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the pane then works without it and says so.
    return undefined;
  }
}

const systemClock = () => new Date();

function hostFileDelivery(host: HostInfo): FileDelivery {
  return {
    downloads: host.downloads ?? true,
    copyText: (text) => copyToClipboard(text),
    openInBrowser: host.openBrowserWindow,
    pageUrl: typeof window === "undefined" ? "" : window.location.href,
  };
}

/**
 * What the pane opens with. In a browser: the plan it saved last time, else a blank plan. Inside Excel: a blank plan
 * until the workbook's own plan is read, because storage may be shared between workbooks and the draft saved in the
 * shared slot may belong to another one; that draft is only offered (`shared`), never loaded by itself.
 */
function startingPoint(host: HostInfo, insideWorkbook: boolean, storage: PaneStorage | undefined, today: Date) {
  const stored = readSharedPane(storage, host.partitionKey);
  const chosenLanguage = readStoredLanguage(storage, host.partitionKey);
  const displayLanguage = languageForDisplayLanguage(host.displayLanguage);
  const notice: Notice | undefined =
    stored.status === "corrupt" ? { intent: "warning", text: (t) => t.storage.corrupt } : undefined;
  if (stored.status !== "ok") {
    const language = chosenLanguage ?? displayLanguage;
    return { draft: blankPlan(language, today), language, notice, shared: undefined };
  }
  // Before the language had its own key, it was saved with the draft: that choice still holds.
  const language = chosenLanguage ?? stored.saved.language ?? displayLanguage;
  if (!insideWorkbook) return { draft: stored.saved.draft, language, notice, shared: undefined };
  return { draft: blankPlan(language, today), language, notice, shared: stored.saved.draft };
}

function sameDraft(one: PlanDraft, other: PlanDraft): boolean {
  return JSON.stringify(one) === JSON.stringify(other);
}

function draftName(t: Catalog, draft: PlanDraft): string {
  const name = draft.meta?.planName;
  return typeof name === "string" && name.trim() !== "" ? name : t.storage.untitled;
}

type FocusRequest = { readonly serial: number; readonly field: string | undefined };

/** The first failure among parts the pane waits for, else whether they have all arrived. */
function combined(states: readonly LoadState<unknown>[]): "loading" | "ready" | Error {
  const failed = states.find((state) => state.status === "failed");
  if (failed) return failed.error;
  return states.every((state) => state.status === "ready") ? "ready" : "loading";
}

/**
 * The task pane: the seven-step editor, the live results, the workbook actions and the plan file, in the Office
 * theme and the user's language. Inside Excel it first restores the plan stored in the workbook.
 *
 * The first script renders the header and the step navigation at once; the editor (with the plan core) and the full
 * catalog arrive in their own chunks (see pane-parts.ts), with a progress bar meanwhile. The plan itself is held here
 * from the first render, so nothing the user does before they arrive is lost.
 */
export function App({
  host,
  gateway,
  storage = browserStorage(),
  saveFile = downloadFile,
  fileDelivery,
  pageHash = typeof window === "undefined" ? "" : window.location.hash,
  now = systemClock,
  extensions,
}: AppProps) {
  const [delivery] = useState(() => fileDelivery ?? hostFileDelivery(host));
  const insideWorkbook = gateway.available;
  const [boot] = useState(() => startingPoint(host, insideWorkbook, storage, now()));
  const [language, setLanguage] = useState<UiLanguage>(boot.language);
  const draftState = usePlanDraft(boot.draft);
  const { draft, replaceDraft } = draftState;
  const [notice, setNotice] = useState<Notice | undefined>(() => {
    // A plan handed over from Excel for Mac (which cannot download) is offered in the browser, where downloads work.
    const handedOff = insideWorkbook ? undefined : handedOffDraft(pageHash);
    return handedOff ? { intent: "info", text: (t) => t.file.handedOff, offer: handedOff } : boot.notice;
  });
  // The handed-off plan has been read into the notice above: it leaves the address, so a reload does not offer it again.
  useEffect(() => {
    if (!insideWorkbook) forgetHandedOffPlanFile();
  }, [insideWorkbook]);
  const [restoring, setRestoring] = useState(gateway.available);
  const [generated, setGenerated] = useState(false);
  /** The id stored with the workbook's plan: the pane's draft is kept under it (see draft/storage.ts). */
  const [workbookId, setWorkbookId] = useState<string | undefined>(undefined);
  // Inside a workbook, the plan the pane put there by itself (blank, or the workbook's stored plan) is not saved until
  // the user changes or chooses one: saving it would overwrite the draft the pane is offering.
  const [untouched, setUntouched] = useState<PlanDraft | undefined>(insideWorkbook ? boot.draft : undefined);
  const [step, setStep] = useState<StepId>("details");
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>(undefined);
  const [storageRefused, setStorageRefused] = useState(false);

  const shell = shellCatalogs[language];
  const editorPart = useLoaded(paneEditorPart);
  const catalog = useLoaded(catalogPart(language));
  const parts = combined([editorPart, catalog]);

  const currency = typeof draft.meta?.currency === "string" ? draft.meta.currency : "";
  const i18n: I18n | undefined = useMemo(
    () =>
      catalog.status === "ready"
        ? { language, t: catalog.value, format: createFormatters(language, currency) }
        : undefined,
    [catalog, language, currency],
  );
  const derived = useMemo(
    () => (editorPart.status === "ready" ? editorPart.value.derivePlanEditor(draft, language) : undefined),
    [editorPart, draft, language],
  );
  const editor: PlanEditor | undefined = derived && { ...draftState, ...derived };

  // Once the editor is there, the other language's catalog is fetched while the browser is idle, so switching is instant.
  useEffect(() => {
    if (parts !== "ready") return;
    return whenIdle(() => {
      for (const other of UI_LANGUAGES)
        catalogPart(other)
          .load()
          .catch(() => undefined);
    });
  }, [parts]);

  // Inside Excel, the plan stored in the workbook wins over any plan this computer saved; a saved plan that differs is
  // offered, with words that say where it may come from.
  useEffect(() => {
    if (!gateway.available) return;
    let cancelled = false;
    const offer = (notice: Notice, saved: PlanDraft | undefined, shown: PlanDraft | undefined, ownEdits: boolean) => {
      if (!saved || (shown && sameDraft(saved, shown))) return notice;
      const offerText = (t: Catalog) =>
        ownEdits ? t.storage.offerOwnEdits(draftName(t, saved)) : t.storage.offerShared(draftName(t, saved));
      return { intent: notice.intent, text: (t: Catalog) => `${notice.text(t)} ${offerText(t)}`.trim(), offer: saved };
    };
    gateway
      .loadStoredPlan()
      .then((stored) => {
        if (cancelled) return;
        if (!stored) {
          const none: Notice = { intent: "info", text: () => "" };
          if (boot.shared) setNotice(offer(none, boot.shared, undefined, false));
          return;
        }
        replaceDraft(stored.plan);
        setUntouched(stored.plan);
        setGenerated(true);
        setWorkbookId(stored.workbookId);
        const own =
          stored.workbookId === undefined
            ? undefined
            : readStoredPane(storage, { partitionKey: host.partitionKey, workbookId: stored.workbookId });
        const restored: Notice = { intent: "info", text: (t) => t.workbook.restored };
        // A language saved with this workbook's draft, before the language had its own key, is the user's last choice
        // (unless the user has chosen one since, even while the workbook was being read).
        if (
          own?.status === "ok" &&
          own.saved.language !== undefined &&
          readStoredLanguage(storage, host.partitionKey) === undefined
        )
          setLanguage(own.saved.language);
        setNotice(
          own === undefined
            ? offer(restored, boot.shared, stored.plan, false)
            : offer(restored, own.status === "ok" ? own.saved.draft : undefined, stored.plan, true),
        );
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setNotice(
          offer({ intent: "warning", text: (t) => t.workbook.restoreFailed(message) }, boot.shared, undefined, false),
        );
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
    if (restoring || draft === untouched) return;
    const saved = writeStoredPane(storage, { draft, language }, { partitionKey: host.partitionKey, workbookId });
    // Records the outcome of the write to show a warning; React skips the render when the outcome is unchanged.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStorageRefused(!saved);
  }, [draft, language, storage, restoring, untouched, workbookId, host.partitionKey]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = shellCatalogs[language].app.title;
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
    (next: PlanDraft, text: Notice["text"]) => {
      const previous = draft;
      replaceDraft(next);
      setNotice({ intent: "success", text, undo: previous });
    },
    [draft, replaceDraft],
  );

  const start = (starter: StarterName) => {
    loadStarter(starter, language, now())
      .then((next) =>
        replaceWithUndo(next, (t) =>
          starter === "blank" ? t.start.startedBlank : t.start.startedExample(String(next.meta.planName)),
        ),
      )
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setNotice({ intent: "error", text: (t) => t.start.exampleFailed(message) });
      });
  };

  // The pane switches language once the new catalog is there, so the editor never goes back to its loading state.
  const chooseLanguage = (next: UiLanguage) => {
    // Saved at once, on its own: inside a workbook the draft may not be saved yet (see `untouched`).
    if (!writeStoredLanguage(storage, next, host.partitionKey)) setStorageRefused(true);
    const part = catalogPart(next);
    if (part.state().status === "ready") setLanguage(next);
    else
      part.load().then(
        () => setLanguage(next),
        // Shows the failure (and its retry) in the new language rather than ignoring the choice.
        () => setLanguage(next),
      );
  };

  const retryLoad = () => {
    for (const part of [paneEditorPart, catalogPart(language)]) {
      if (part.state().status === "failed") part.load().catch(() => undefined);
    }
  };

  const problemsByStep = useMemo(() => {
    if (!derived) return undefined;
    const counts = Object.fromEntries(STEP_IDS.map((id) => [id, 0])) as Record<StepId, number>;
    for (const issue of derived.issues.all) counts[stepOfPath(issue.path)] += 1;
    return counts;
  }, [derived]);

  const Editor = editorPart.status === "ready" ? editorPart.value : undefined;

  let body: ReactNode;
  if (restoring) {
    body = (
      <div className="spb-field">
        <span className="spb-label">{shell.app.loadingStoredPlan}</span>
        <ProgressBar aria-label={shell.app.loadingStoredPlan} />
      </div>
    );
  } else {
    let content: ReactNode;
    if (Editor && editor && i18n) {
      content = (
        <Editor.PaneBody
          step={step}
          onGoTo={goTo}
          onStart={start}
          generated={generated}
          onGenerated={(id) => {
            setGenerated(true);
            setWorkbookId((current) => id ?? current);
          }}
          onPlanRead={(plan) => replaceDraft(plan)}
          saveFile={saveFile}
          fileDelivery={delivery}
          now={now}
          onImported={(plan, name) => replaceWithUndo(plan, (t) => t.file.imported(name))}
          downloadWorkbook={extensions?.downloadWorkbook}
          crmImportEngine={extensions?.crmImportEngine}
          chartPreviews={extensions?.chartPreviews}
        />
      );
    } else if (parts instanceof Error) {
      content = (
        <div role="alert" style={styles.loadFailed}>
          <Text>{shell.app.loadFailed(parts.message)}</Text>
          <ShellButton onClick={retryLoad}>{shell.app.retryLoad}</ShellButton>
        </div>
      );
    } else {
      content = (
        <div className="spb-field">
          <span className="spb-label">{shell.app.loadingEditor}</span>
          <ProgressBar aria-label={shell.app.loadingEditor} />
        </div>
      );
    }
    body = (
      <>
        <StepNavigation current={step} problems={problemsByStep} onSelect={(next) => goTo(next)} t={shell} />
        {content}
      </>
    );
  }

  return (
    <FluentProvider theme={host.theme === "dark" ? webDarkTheme : webLightTheme} style={styles.provider}>
      <I18nContext.Provider value={i18n}>
        <GatewayContext.Provider value={gateway}>
          <PlanEditorContext.Provider value={editor}>
            <ShellStyles />
            <main style={styles.root}>
              <header style={styles.header}>
                <div style={styles.titles}>
                  <Title2 as="h1" style={styles.title}>
                    {shell.app.title}
                  </Title2>
                  <Caption1>{shell.app.subtitle}</Caption1>
                </div>
                <ShellSelect
                  id="pane-language"
                  label={shell.language.label}
                  style={styles.language}
                  value={language}
                  onChange={(event) => {
                    if (isUiLanguage(event.target.value)) chooseLanguage(event.target.value);
                  }}
                >
                  {UI_LANGUAGES.map((option) => (
                    <option key={option} value={option} lang={option}>
                      {shellCatalogs[option].language.name}
                    </option>
                  ))}
                </ShellSelect>
              </header>
              {Editor && i18n && (
                <Editor.PaneNotices
                  notice={notice}
                  onUndo={(previous) => {
                    replaceDraft(previous);
                    setNotice({ intent: "info", text: (t) => t.start.undone });
                  }}
                  onOpenOffer={(saved) => replaceWithUndo(saved, (t) => t.storage.opened(draftName(t, saved)))}
                  storageRefused={storageRefused}
                />
              )}
              {body}
            </main>
          </PlanEditorContext.Provider>
        </GatewayContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
