/**
 * @jest-environment jsdom
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { examplePlan } from "../../../src/plan/examples";
import { validatePlan } from "../../../src/plan/validate";
import type { Plan } from "../../../src/plan/schema";
import {
  WorkbookActionError,
  type GenerationReport,
  type ProgressListener,
  type WorkbookGateway,
} from "../../../src/workbook/gateway";
import { renderPane } from "../support/render-pane";

function validExample(): Plan {
  const result = validatePlan(examplePlan("fr-reference"));
  if (!result.ok) throw new Error("the French example should be valid");
  return result.plan;
}

const WORKBOOK = "0123456789abcdef0123456789abcdef";

const REPORT: GenerationReport = {
  created: ["1 Mission", "2 Objectifs"],
  updated: [],
  backups: [],
  degraded: ["Gantt chart (needs ExcelApi 1.9)"],
  syncs: 3,
};

type FakeGateway = { readonly available: boolean } & {
  [Action in Exclude<keyof WorkbookGateway, "available">]: jest.Mock;
};

/** A gateway whose methods are plain jest fakes: the pane must work with any implementation of the interface. */
function fakeGateway(overrides: Partial<FakeGateway> = {}): FakeGateway {
  return {
    available: true,
    generate: jest.fn().mockResolvedValue(REPORT),
    update: jest.fn().mockResolvedValue({ ...REPORT, created: [], updated: ["2 Objectifs"] }),
    readFromWorkbook: jest.fn(),
    leadershipCopy: jest.fn().mockResolvedValue({ sheets: ["Plan (direction)"], frozenFormulas: 42 }),
    importActuals: jest.fn(),
    loadStoredPlan: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe("the workbook actions inside Excel", () => {
  it("generates the workbook from the validated plan, with its progress, then says what was created", async () => {
    const pending = deferred<GenerationReport>();
    let report: ProgressListener | undefined;
    const gateway = fakeGateway({
      generate: jest.fn((_plan: Plan, onProgress?: ProgressListener) => {
        report = onProgress;
        return pending.promise;
      }),
    });
    const pane = renderPane({ example: "fr-reference", gateway });
    await pane.openOfferedDraft();
    await pane.user.click(await screen.findByRole("button", { name: "Generate workbook" }));

    expect(gateway.generate).toHaveBeenCalledTimes(1);
    expect(gateway.generate.mock.calls[0]?.[0]).toEqual(validExample());
    act(() => report?.({ fraction: 0.5, message: "Writing 2 Objectifs…" }));
    const progress = await screen.findByRole("progressbar", { name: "Generate workbook in progress" });
    expect(progress.getAttribute("aria-valuenow")).toBe("0.5");
    expect(screen.getByText("Writing 2 Objectifs…")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Generate workbook" }).getAttribute("aria-disabled")).toBe("true");

    await act(async () => {
      pending.resolve(REPORT);
      await pending.promise;
    });
    expect(await screen.findByText("Created: 1 Mission, 2 Objectifs.")).toBeTruthy();
    expect(screen.getByText("Skipped in this version of Excel: Gantt chart (needs ExcelApi 1.9).")).toBeTruthy();
    expect(screen.queryByRole("progressbar", { name: "Generate workbook in progress" })).toBeNull();
    // Once generated, the workbook is updated rather than generated again.
    expect(screen.getByRole("button", { name: "Update workbook" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Leadership copy" })).toBeTruthy();
  });

  it("shows the error's own message when Excel refuses, and offers the action again", async () => {
    const gateway = fakeGateway({
      generate: jest
        .fn()
        .mockRejectedValue(
          new WorkbookActionError("The sheet 2 Objectifs is protected; nothing was written.", "generate"),
        ),
    });
    const pane = renderPane({ example: "fr-reference", gateway });
    await pane.openOfferedDraft();
    await pane.user.click(await screen.findByRole("button", { name: "Generate workbook" }));
    expect(await screen.findByText("Generate workbook failed")).toBeTruthy();
    expect(screen.getByText("The sheet 2 Objectifs is protected; nothing was written.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Generate workbook" }).getAttribute("aria-disabled")).toBeNull();
  });

  it("explains what blocks generation and does not call Excel while the plan is invalid", async () => {
    const plan = examplePlan("fr-reference");
    plan.objectives.averageDealValue = -5;
    const gateway = fakeGateway();
    const pane = renderPane({ draft: plan, gateway });
    await pane.openOfferedDraft();
    const generate = await screen.findByRole("button", { name: "Generate workbook" });
    expect(generate.getAttribute("aria-disabled")).toBe("true");
    const explanation = document.getElementById(generate.getAttribute("aria-describedby") ?? "");
    expect(explanation?.textContent).toBe("Fix 1 problem before writing the workbook:");
    const workbook = screen.getByRole("region", { name: "Workbook" });
    expect(within(workbook).getByText(": must be greater than 0")).toBeTruthy();
    await pane.user.click(generate);
    expect(gateway.generate).not.toHaveBeenCalled();
  });

  it("restores the plan stored in the workbook when the pane opens, over the one saved locally", async () => {
    const stored = validExample();
    const gateway = fakeGateway({
      loadStoredPlan: jest.fn().mockResolvedValue({ plan: stored, workbookId: WORKBOOK }),
    });
    const pane = renderPane({ example: "en-saas", gateway });
    expect(screen.getByText("Looking for a plan stored in this workbook…")).toBeTruthy();
    expect(await screen.findByText(/^The plan stored in this workbook is open in the pane\./)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("Nova Logiciels");
    expect(screen.getByRole("button", { name: "Update workbook" })).toBeTruthy();
    // Edits are kept under this workbook's id, not in the slot every workbook shares.
    await pane.fill(screen.getByRole("textbox", { name: "Company" }), "Nova SAS");
    await waitFor(() => expect(pane.storedDraft({ workbookId: WORKBOOK }).meta.company).toBe("Nova SAS"));
    expect(pane.storedDraft().meta.company).toBe("Brightpath Analytics");
  });

  it("starts blank and says why when the stored plan cannot be read, offering the plan saved locally", async () => {
    const gateway = fakeGateway({
      loadStoredPlan: jest.fn().mockRejectedValue(new WorkbookActionError("The stored plan is damaged.", "restore")),
    });
    const pane = renderPane({ example: "en-saas", gateway });
    expect(await screen.findByText(/could not be read \(The stored plan is damaged\.\)/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("");
    await pane.openOfferedDraft();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("Brightpath Analytics");
  });

  it("reads edits back from the workbook into the pane and lists the changed fields", async () => {
    const stored = validExample();
    const edited: Plan = { ...stored, objectives: { ...stored.objectives, annualRevenueTarget: 1_500_000 } };
    const gateway = fakeGateway({
      loadStoredPlan: jest.fn().mockResolvedValue({ plan: stored, workbookId: WORKBOOK }),
      readFromWorkbook: jest
        .fn()
        .mockResolvedValue({ plan: edited, changedFields: ["objectives.annualRevenueTarget"] }),
    });
    const pane = renderPane({ gateway });
    await pane.user.click(await screen.findByRole("button", { name: "Read from workbook" }));
    expect(gateway.readFromWorkbook.mock.calls[0]?.[0]).toEqual(stored);
    expect(await screen.findByText("Changed: objectives.annualRevenueTarget.")).toBeTruthy();
    expect(pane.storedDraft({ workbookId: WORKBOOK }).objectives.annualRevenueTarget).toBe(1_500_000);
  });

  it("updates the workbook and makes the leadership copy, reporting each outcome", async () => {
    const gateway = fakeGateway({
      loadStoredPlan: jest.fn().mockResolvedValue({ plan: validExample(), workbookId: WORKBOOK }),
    });
    const pane = renderPane({ gateway });
    await pane.user.click(await screen.findByRole("button", { name: "Update workbook" }));
    expect(await screen.findByText("Updated: 2 Objectifs.")).toBeTruthy();
    expect(gateway.update.mock.calls[0]?.[0]).toEqual(validExample());
    await pane.user.click(screen.getByRole("button", { name: "Leadership copy" }));
    expect(
      await screen.findByText("Leadership copy created (Plan (direction)): 42 formula(s) turned into values."),
    ).toBeTruthy();
  });
});

describe("the workbook actions in a plain browser", () => {
  it("offers no workbook button and says they need Excel", () => {
    renderPane({ example: "fr-reference" });
    expect(screen.getByText(/The workbook buttons need Excel/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Generate workbook" })).toBeNull();
  });
});
