/**
 * @jest-environment jsdom
 */
import { examplePlan } from "../../../src/plan/examples";
import { writePlanFile } from "../../../src/plan/plan-file";
import {
  copyToClipboard,
  handedOffDraft,
  handedOffPlanFile,
  handoffUrl,
  MAX_HANDOFF_URL_LENGTH,
} from "../../../src/taskpane/file/file-delivery";

describe("copying to the clipboard", () => {
  afterEach(() => {
    // jsdom has no execCommand; tests that need one define it.
    delete (document as { execCommand?: unknown }).execCommand;
  });

  it("uses the clipboard API when the page may", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    await copyToClipboard("plan", document, { writeText });
    expect(writeText).toHaveBeenCalledWith("plan");
  });

  it("falls back to a selected text area and the copy command when the clipboard API refuses", async () => {
    const copied: string[] = [];
    (document as { execCommand?: unknown }).execCommand = jest.fn((command: string) => {
      const area = document.querySelector("textarea");
      copied.push(`${command}:${area?.value.slice(area.selectionStart, area.selectionEnd) ?? ""}`);
      return true;
    });
    await copyToClipboard("plan text", document, { writeText: () => Promise.reject(new Error("NotAllowedError")) });
    expect(copied).toEqual(["copy:plan text"]);
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("rejects when no way of copying works, leaving nothing in the page", async () => {
    await expect(copyToClipboard("plan", document, undefined)).rejects.toThrow("the clipboard is not available");
    (document as { execCommand?: unknown }).execCommand = () => false;
    await expect(copyToClipboard("plan", document, undefined)).rejects.toThrow("the clipboard is not available");
    expect(document.querySelector("textarea")).toBeNull();
  });
});

describe("handing a plan over to the browser", () => {
  const text = writePlanFile(examplePlan("fr-reference") as never, new Date("2026-11-15T10:00:00Z"));

  it("carries the plan file in the address's fragment, and reads it back", () => {
    const url = handoffUrl("https://localhost:3000/taskpane.html#old", text)!;
    expect(url.startsWith("https://localhost:3000/taskpane.html#plan-file=")).toBe(true);
    expect(url).not.toContain("#old");
    const hash = url.slice(url.indexOf("#"));
    expect(handedOffPlanFile(hash)).toBe(text);
    expect(handedOffDraft(hash)?.meta).toEqual(examplePlan("fr-reference").meta);
  });

  it("refuses a plan too large for an address", () => {
    expect(handoffUrl("https://localhost/taskpane.html", "x".repeat(MAX_HANDOFF_URL_LENGTH))).toBeUndefined();
  });

  it("ignores a fragment that carries no plan file", () => {
    expect(handedOffDraft("")).toBeUndefined();
    expect(handedOffDraft("#plan-file=%E0%A4%A")).toBeUndefined();
    expect(handedOffDraft(`#plan-file=${encodeURIComponent("{}")}`)).toBeUndefined();
    expect(
      handedOffDraft(`#plan-file=${encodeURIComponent(JSON.stringify({ format: "other", plan: { meta: {} } }))}`),
    ).toBeUndefined();
  });
});
