import { examplePlan } from "../../../src/plan/examples";
import { readStoredPane, STORAGE_KEY, storageKey, writeStoredPane } from "../../../src/taskpane/draft/storage";
import { memoryStorage } from "../support/render-pane";

describe("the pane's saved state", () => {
  it("reads back what it wrote, under a versioned key", () => {
    const storage = memoryStorage();
    const draft = examplePlan("en-saas");
    expect(writeStoredPane(storage, { draft, language: "fr-FR" })).toBe(true);
    expect(STORAGE_KEY).toMatch(/\.v1$/);
    expect(readStoredPane(storage)).toEqual({ status: "ok", saved: { draft, language: "fr-FR" } });
  });

  it("keeps a draft per storage partition (key prefix, as Microsoft's sample does) and per workbook", () => {
    expect(storageKey()).toBe("sales-plan-builder.pane.v1");
    expect(storageKey({ partitionKey: "p1" })).toBe("p1sales-plan-builder.pane.v1");
    expect(storageKey({ partitionKey: "p1", workbookId: "0123456789abcdef" })).toBe(
      "p1sales-plan-builder.pane.v1.workbook.0123456789abcdef",
    );
    const storage = memoryStorage();
    const draft = examplePlan("en-saas");
    writeStoredPane(storage, { draft, language: undefined }, { workbookId: "0123456789abcdef" });
    expect(readStoredPane(storage, { workbookId: "0123456789abcdef" }).status).toBe("ok");
    expect(readStoredPane(storage).status).toBe("empty");
    expect(readStoredPane(storage, { workbookId: "fedcba9876543210" }).status).toBe("empty");
    expect(readStoredPane(storage, { partitionKey: "p1", workbookId: "0123456789abcdef" }).status).toBe("empty");
  });

  it("reports nothing saved as empty", () => {
    expect(readStoredPane(memoryStorage())).toEqual({ status: "empty" });
    expect(readStoredPane(undefined)).toEqual({ status: "empty" });
  });

  it.each([
    ["text that is not JSON", "{draft:"],
    ["another version", JSON.stringify({ version: 2, draft: { meta: {} } })],
    ["a draft that is not a plan", JSON.stringify({ version: 1, draft: [1, 2] })],
    ["a plan without meta", JSON.stringify({ version: 1, draft: { objectives: {} } })],
  ])("reports %s as corrupt", (_, text) => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, text);
    expect(readStoredPane(storage)).toEqual({ status: "corrupt" });
  });

  it("says so when the browser refuses to save", () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    };
    expect(writeStoredPane(full, { draft: examplePlan("en-saas"), language: undefined })).toBe(false);
  });
});
