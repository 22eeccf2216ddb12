import { examplePlan } from "../../../src/plan/examples";
import { readStoredPane, STORAGE_KEY, writeStoredPane } from "../../../src/taskpane/draft/storage";
import { memoryStorage } from "../support/render-pane";

describe("the pane's saved state", () => {
  it("reads back what it wrote, under a versioned key", () => {
    const storage = memoryStorage();
    const draft = examplePlan("en-saas");
    expect(writeStoredPane(storage, { draft, language: "fr-FR" })).toBe(true);
    expect(STORAGE_KEY).toMatch(/\.v1$/);
    expect(readStoredPane(storage)).toEqual({ status: "ok", saved: { draft, language: "fr-FR" } });
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
