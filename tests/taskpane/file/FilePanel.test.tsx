/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import { examplePlan } from "../../../src/plan/examples";
import { validatePlan } from "../../../src/plan/validate";
import { renderPane } from "../support/render-pane";

function jsonFile(name: string, content: string): File {
  return new File([content], name, { type: "application/json" });
}

describe("the plan file", () => {
  it("exports the validated plan in a versioned file that imports back", async () => {
    const saveFile = jest.fn();
    const pane = renderPane({ example: "fr-reference", saveFile });
    await pane.user.click(screen.getByRole("button", { name: "Export plan file" }));
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [name, text] = saveFile.mock.calls[0] as [string, string];
    expect(name).toBe("plan-d-action-commercial-2027.plan.json");
    const file = JSON.parse(text) as { format: string; formatVersion: number; plan: unknown };
    expect(file.format).toBe("sales-plan-builder/plan");
    expect(file.formatVersion).toBe(1);
    const valid = validatePlan(examplePlan("fr-reference"));
    expect(valid.ok && file.plan).toEqual(valid.ok && valid.plan);
    expect(screen.getByText(`Saved ${name}.`)).toBeTruthy();

    await pane.user.click(screen.getByRole("button", { name: "English example" }));
    await screen.findByText(/Started from the example/);
    expect(pane.storedDraft().meta.company).toBe("Brightpath Analytics");
    await pane.user.upload(screen.getByLabelText("Plan file to import (JSON)"), jsonFile(name, text));
    expect(await screen.findByText(`Imported ${name}.`)).toBeTruthy();
    expect(pane.storedDraft()).toEqual(file.plan);
  });

  it.each([
    ["not JSON", "{ plan: ", "The file is not JSON."],
    ["another kind of JSON", '{"hello": "world"}', "The file is not a Sales Plan Builder plan file."],
    [
      "a newer format",
      '{"format": "sales-plan-builder/plan", "formatVersion": 7, "plan": {}}',
      "The file was written by a newer version (file format 7); this pane reads format 1.",
    ],
  ])("refuses a file that is %s with a clear message and changes nothing", async (_, content, reason) => {
    const pane = renderPane({ example: "fr-reference" });
    const before = pane.storedDraft();
    await pane.user.upload(screen.getByLabelText("Plan file to import (JSON)"), jsonFile("bad.json", content));
    expect(await screen.findByText("bad.json was not imported; the plan in the pane has not changed.")).toBeTruthy();
    expect(screen.getByText(reason)).toBeTruthy();
    expect(pane.storedDraft()).toEqual(before);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("Nova Logiciels");
  });

  it("refuses a plan with problems and names each one, changing nothing", async () => {
    const pane = renderPane({ example: "en-saas" });
    const before = pane.storedDraft();
    const broken = examplePlan("fr-reference");
    broken.objectives.winRateTarget = 2;
    const content = JSON.stringify({ format: "sales-plan-builder/plan", formatVersion: 1, plan: broken });
    await pane.user.upload(screen.getByLabelText("Plan file to import (JSON)"), jsonFile("broken.json", content));
    expect(await screen.findByText("The plan in the file has 1 problem(s):")).toBeTruthy();
    // The pane shows the win rate in percent, so its problem reads in percent wherever it is listed.
    expect(screen.getByText("Objectives › Win rate target: must be greater than 0 % and at most 100 %")).toBeTruthy();
    expect(pane.storedDraft()).toEqual(before);
  });

  it("does not export a plan with problems, and says why", async () => {
    const saveFile = jest.fn();
    const pane = renderPane({ saveFile });
    const exportButton = screen.getByRole("button", { name: "Export plan file" });
    expect(exportButton.getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(exportButton.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      /Fix the problems above before exporting/,
    );
    await pane.user.click(exportButton);
    expect(saveFile).not.toHaveBeenCalled();
  });
});
