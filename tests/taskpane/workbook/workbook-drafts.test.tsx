/**
 * @jest-environment jsdom
 */
import { screen, waitFor } from "@testing-library/react";
import { examplePlan } from "../../../src/plan/examples";
import type { Plan } from "../../../src/plan/schema";
import { validatePlan } from "../../../src/plan/validate";
import { readStoredPane, storageKey, STORAGE_KEY } from "../../../src/taskpane/draft/storage";
import type { GenerationReport, StoredWorkbookPlan, WorkbookGateway } from "../../../src/workbook/gateway";
import { memoryStorage, renderPane } from "../support/render-pane";

// Two workbooks open in Excel on Windows share one local storage (Office.context.partitionKey is undefined there:
// persisting-add-in-state-and-settings.md). Each test opens the pane in workbook A, then in workbook B, on one storage.

const WORKBOOK_A = "aaaaaaaa0000000000000000000000aa";
const WORKBOOK_B = "bbbbbbbb0000000000000000000000bb";

function valid(plan: unknown): Plan {
  const result = validatePlan(plan);
  if (!result.ok) throw new Error("the example should be valid");
  return result.plan;
}

function workbook(stored: StoredWorkbookPlan | undefined, generatedId = WORKBOOK_B) {
  const report: GenerationReport = {
    created: ["Plan"],
    updated: [],
    backups: [],
    degraded: [],
    syncs: 2,
    workbookId: generatedId,
  };
  return {
    available: true,
    generate: jest.fn<Promise<GenerationReport>, Parameters<WorkbookGateway["generate"]>>().mockResolvedValue(report),
    update: jest.fn<Promise<GenerationReport>, Parameters<WorkbookGateway["update"]>>().mockResolvedValue(report),
    readFromWorkbook: jest.fn(),
    leadershipCopy: jest.fn(),
    importActuals: jest.fn(),
    loadStoredPlan: jest.fn<Promise<StoredWorkbookPlan | undefined>, []>().mockResolvedValue(stored),
  } satisfies WorkbookGateway;
}

async function opened() {
  await waitFor(() => expect(screen.queryByText("Looking for a plan stored in this workbook…")).toBeNull());
}

function company(): string {
  return screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value;
}

describe("drafts of two workbooks sharing one local storage", () => {
  it("never shows workbook A's draft in workbook B, nor offers it, once A has an id", async () => {
    const storage = memoryStorage();
    const a = renderPane({
      storage,
      gateway: workbook({ plan: valid(examplePlan("en-saas")), workbookId: WORKBOOK_A }),
    });
    await opened();
    await a.fill(screen.getByRole("textbox", { name: "Company" }), "Atelier A");
    await waitFor(() => expect(a.storedDraft({ workbookId: WORKBOOK_A }).meta.company).toBe("Atelier A"));
    a.unmount();

    const gatewayB = workbook(undefined);
    const b = renderPane({ storage, gateway: gatewayB });
    await opened();
    expect(company()).toBe("");
    expect(screen.queryByText(/Atelier A/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Open it" })).toBeNull();
    await b.user.click(screen.getByRole("button", { name: "Generate workbook" }));
    expect(gatewayB.generate).not.toHaveBeenCalled();
  });

  it("offers B the draft of a workbook without an id, never loads it, and generates it only once opened", async () => {
    const storage = memoryStorage();
    const a = renderPane({ storage, gateway: workbook(undefined) });
    await opened();
    await a.user.click(screen.getByRole("button", { name: "English example" }));
    await waitFor(() => expect(a.storedDraft().meta.company).toBe("Brightpath Analytics"));
    a.unmount();

    const gatewayB = workbook(undefined, WORKBOOK_B);
    const b = renderPane({ storage, gateway: gatewayB });
    await opened();
    expect(company()).toBe("");
    expect(
      screen.getByText(
        /A plan saved on this computer \(“FY2028-FY2029 new business plan”\) may belong to another workbook/,
      ),
    ).toBeTruthy();
    // The blank plan is incomplete, so nothing can be generated before the user chooses a plan.
    await b.user.click(screen.getByRole("button", { name: "Generate workbook" }));
    expect(gatewayB.generate).not.toHaveBeenCalled();
    // Opening B without touching it leaves A's draft where it was.
    expect(b.storedDraft().meta.company).toBe("Brightpath Analytics");

    await b.openOfferedDraft();
    expect(company()).toBe("Brightpath Analytics");
    await b.user.click(screen.getByRole("button", { name: "Generate workbook" }));
    await waitFor(() => expect(gatewayB.generate).toHaveBeenCalledTimes(1));
    expect(gatewayB.generate.mock.calls[0]?.[0]).toEqual(valid(examplePlan("en-saas")));
    // From now on B's draft is kept under B's id.
    await b.fill(screen.getByRole("textbox", { name: "Company" }), "Atelier B");
    await waitFor(() => expect(b.storedDraft({ workbookId: WORKBOOK_B }).meta.company).toBe("Atelier B"));
    expect(b.storedDraft().meta.company).toBe("Brightpath Analytics");
  });

  it("opens on the plan stored in the workbook and offers the workbook's own unwritten changes", async () => {
    const storage = memoryStorage();
    const stored = valid(examplePlan("en-saas"));
    const edited = { ...stored, meta: { ...stored.meta, company: "Edited but never written" } };
    storage.setItem(storageKey({ workbookId: WORKBOOK_A }), JSON.stringify({ version: 1, draft: edited }));
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, draft: examplePlan("fr-reference") }));

    const a = renderPane({ storage, gateway: workbook({ plan: stored, workbookId: WORKBOOK_A }) });
    await opened();
    expect(company()).toBe("Brightpath Analytics");
    expect(screen.getByText(/Changes to this workbook's plan .* are kept on this computer/)).toBeTruthy();
    await a.openOfferedDraft();
    expect(company()).toBe("Edited but never written");
  });

  it("offers nothing when the saved draft is the stored plan itself", async () => {
    const storage = memoryStorage();
    const stored = valid(examplePlan("en-saas"));
    storage.setItem(storageKey({ workbookId: WORKBOOK_A }), JSON.stringify({ version: 1, draft: stored }));
    renderPane({ storage, gateway: workbook({ plan: stored, workbookId: WORKBOOK_A }) });
    expect(await screen.findByText("The plan stored in this workbook is open in the pane.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open it" })).toBeNull();
  });

  it("restores the pane language chosen in a workbook with an id, though its plan was never edited", async () => {
    const storage = memoryStorage();
    const stored = valid(examplePlan("en-saas"));
    const a = renderPane({ storage, gateway: workbook({ plan: stored, workbookId: WORKBOOK_A }) });
    await opened();
    await a.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr-FR");
    await waitFor(() => expect(document.documentElement.lang).toBe("fr-FR"));
    a.unmount();

    renderPane({ storage, gateway: workbook({ plan: stored, workbookId: WORKBOOK_A }) });
    await waitFor(() => expect(screen.queryByText(/Recherche d.un plan/)).toBeNull());
    expect(document.documentElement.lang).toBe("fr-FR");
    // The plan put in the pane by itself is still not saved: the untouched rule keeps an offered draft safe.
    expect(readStoredPane(storage, { workbookId: WORKBOOK_A }).status).toBe("empty");
  });

  it("restores the language saved with a workbook's draft before the language had a key of its own", async () => {
    const storage = memoryStorage();
    const stored = valid(examplePlan("en-saas"));
    const edited = { ...stored, meta: { ...stored.meta, company: "Atelier A" } };
    storage.setItem(
      storageKey({ workbookId: WORKBOOK_A }),
      JSON.stringify({ version: 1, language: "fr-FR", draft: edited }),
    );
    renderPane({ storage, gateway: workbook({ plan: stored, workbookId: WORKBOOK_A }) });
    await waitFor(() => expect(document.documentElement.lang).toBe("fr-FR"));
  });

  it("offers a draft saved under the unprefixed key before drafts were kept per partition", async () => {
    const storage = memoryStorage();
    const legacy = { ...examplePlan("en-saas"), meta: { ...examplePlan("en-saas").meta, company: "Saved before" } };
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, language: "en-US", draft: legacy }));

    const first = renderPane({ storage, partitionKey: "partition-1", gateway: workbook(undefined) });
    await opened();
    expect(company()).toBe("");
    expect(await screen.findByRole("button", { name: "Open it" })).toBeTruthy();
    first.unmount();
    // Read once: from then on the draft sits in the partition's shared slot, where the pane offers it as before.
    const moved = readStoredPane(storage, { partitionKey: "partition-1" });
    expect(moved.status === "ok" && moved.saved.draft.meta.company).toBe("Saved before");

    const second = renderPane({ storage, partitionKey: "partition-1", gateway: workbook(undefined) });
    await opened();
    await second.openOfferedDraft();
    expect(company()).toBe("Saved before");
  });

  it("keeps drafts of different storage partitions apart", () => {
    const storage = memoryStorage();
    const a = renderPane({ storage, example: "en-saas", partitionKey: "partition-1" });
    expect(company()).toBe("Brightpath Analytics");
    a.unmount();
    expect(readStoredPane(storage, { partitionKey: "partition-1" }).status).toBe("ok");
    expect(readStoredPane(storage, { partitionKey: "partition-2" }).status).toBe("empty");
    renderPane({ storage, partitionKey: "partition-2" });
    expect(company()).toBe("");
  });
});
