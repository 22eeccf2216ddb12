import { loadable } from "../../../src/taskpane/lazy/loadable";

describe("a lazily loaded part of the pane", () => {
  it("loads once however many ask for it, and tells its listeners when it arrives", async () => {
    const importPart = jest.fn(() => Promise.resolve({ name: "editor" }));
    const part = loadable(importPart);
    const listener = jest.fn();
    part.subscribe(listener);
    expect(part.state()).toEqual({ status: "loading" });
    const [first, second] = await Promise.all([part.load(), part.load()]);
    expect(first).toBe(second);
    expect(importPart).toHaveBeenCalledTimes(1);
    expect(part.state()).toEqual({ status: "ready", value: { name: "editor" } });
    expect(listener).toHaveBeenCalled();
    // Once there, it is there at once: no new import.
    await part.load();
    expect(importPart).toHaveBeenCalledTimes(1);
  });

  it("reports a failed load and tries again on the next load", async () => {
    const importPart = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error("Loading chunk 185 failed."))
      .mockResolvedValueOnce("editor");
    const part = loadable(importPart);
    await expect(part.load()).rejects.toThrow("Loading chunk 185 failed.");
    const state = part.state();
    expect(state.status).toBe("failed");
    expect(state.status === "failed" && state.error.message).toBe("Loading chunk 185 failed.");
    await expect(part.load()).resolves.toBe("editor");
    expect(part.state()).toEqual({ status: "ready", value: "editor" });
  });

  it("stays the same state object while nothing changes (React compares it by identity)", () => {
    const part = loadable(() => new Promise<never>(() => undefined));
    void part.load();
    expect(part.state()).toBe(part.state());
  });
});
