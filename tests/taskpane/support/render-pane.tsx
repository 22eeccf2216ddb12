import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { examplePlan, type ExampleName } from "../../../src/plan/examples";
import { App, type AppProps } from "../../../src/taskpane/App";
import type { PlanDraft } from "../../../src/taskpane/draft/path";
import { storageKey, writeStoredPane, type DraftSlot, type PaneStorage } from "../../../src/taskpane/draft/storage";
import type { UiLanguage } from "../../../src/taskpane/i18n/language";
import { preloadPane } from "../../../src/taskpane/pane-parts";
import { createUnavailableGateway } from "../../../src/taskpane/workbook/unavailable-gateway";
import type { WorkbookGateway } from "../../../src/workbook/gateway";

/** A Storage stand-in backed by a Map: what the pane writes can be read back in the test. */
export function memoryStorage(): PaneStorage & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

export interface PaneOptions {
  readonly draft?: PlanDraft;
  readonly example?: ExampleName;
  readonly language?: UiLanguage;
  readonly gateway?: WorkbookGateway;
  readonly storage?: PaneStorage & { readonly values: Map<string, string> };
  readonly saveFile?: AppProps["saveFile"];
  readonly fileDelivery?: AppProps["fileDelivery"];
  readonly pageHash?: string;
  /** `Office.context.partitionKey`; undefined, as on Windows, by default. */
  readonly partitionKey?: string;
  /** What index.tsx plugs in outside Excel (the workbook download); none by default. */
  readonly extensions?: AppProps["extensions"];
}

// The editor and the catalogs load on demand in the page (tests/taskpane/lazy-loading.test.tsx covers that); loaded
// up front here, the pane renders them at once and each test starts from the editor.
beforeAll(() => preloadPane());

// The whole pane re-renders and revalidates on each keystroke; jsdom makes that slow, not the pane.
jest.setTimeout(30_000);

export const FIXED_TODAY = new Date("2026-11-15T10:00:00Z");

/** Renders the whole pane, as index.tsx does, with a plan already saved in its storage when asked. */
export function renderPane(options: PaneOptions = {}) {
  const storage = options.storage ?? memoryStorage();
  const draft = options.draft ?? (options.example ? examplePlan(options.example) : undefined);
  if (draft) writeStoredPane(storage, { draft, language: options.language }, { partitionKey: options.partitionKey });
  const user = userEvent.setup();
  const saveFile = options.saveFile ?? jest.fn();
  const view = render(
    <App
      host={{
        insideExcel: options.gateway?.available ?? false,
        theme: "light",
        displayLanguage: options.language ?? "en-US",
        partitionKey: options.partitionKey,
      }}
      gateway={options.gateway ?? createUnavailableGateway()}
      storage={storage}
      saveFile={saveFile}
      fileDelivery={options.fileDelivery}
      pageHash={options.pageHash ?? ""}
      now={() => FIXED_TODAY}
      extensions={options.extensions}
    />,
  );
  return {
    ...view,
    user,
    storage,
    saveFile,
    /** The plan draft the pane saved last in a slot (the shared one by default): what the pane holds. */
    storedDraft: (slot: DraftSlot = {}): PlanDraft => {
      const text = storage.values.get(storageKey(slot));
      if (!text) throw new Error("the pane saved nothing");
      return (JSON.parse(text) as { draft: PlanDraft }).draft;
    },
    /** Types text in one input event (a paste), which is faster than key by key and edits the same way. */
    fill: async (field: HTMLElement, text: string) => {
      await user.clear(field);
      await user.click(field);
      await user.paste(text);
    },
    /** Inside Excel, a plan saved on this computer is offered, not loaded: the user opens it. */
    openOfferedDraft: async () => {
      await user.click(await screen.findByRole("button", { name: "Open it" }));
    },
    goToStep: async (number: number) => {
      const nav = screen.getByRole("navigation", { name: /Plan steps|Étapes du plan/ });
      const name = number === 0 ? /^Plan\./ : new RegExp(`^${number}\\.`);
      await user.click(within(nav).getByRole("button", { name }));
    },
  };
}

/** The row group of a list, by its accessible name ("Funnel stage 2: Leads"). */
export function row(name: string | RegExp): HTMLElement {
  return screen.getByRole("group", { name });
}
