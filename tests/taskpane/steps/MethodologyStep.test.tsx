/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 5, methodology", () => {
  it("edits a sales stage from its folded row", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(5);
    const stage = row(/^Sales stage 1:/);
    await pane.user.click(within(stage).getByRole("button", { expanded: false }));
    await pane.user.selectOptions(within(stage).getByRole("combobox", { name: "Methodology" }), "MEDDIC");
    await pane.fill(within(stage).getByRole("textbox", { name: "Activities" }), "Cold calls\nLinkedIn");
    await pane.fill(within(stage).getByRole("textbox", { name: "Owner" }), "SDRs");
    await pane.fill(within(stage).getByRole("textbox", { name: "Exit criteria" }), "Replied");
    await pane.fill(within(stage).getByRole("textbox", { name: "Playbook link" }), "https://example.com/p");
    await pane.fill(within(stage).getByRole("textbox", { name: "Description" }), "Fill the pipeline.");
    expect(pane.storedDraft().methodology?.stages?.[0]).toMatchObject({
      methodology: "MEDDIC",
      activities: ["Cold calls", "LinkedIn"],
      owner: "SDRs",
      exitCriteria: "Replied",
      playbookUrl: "https://example.com/p",
      description: "Fill the pipeline.",
    });
  });

  it("moves the KPIs that measure a stage along when the stage's id is edited", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await pane.goToStep(5);
    const closing = row(/^Sales stage 8:/);
    await pane.user.click(within(closing).getByRole("button", { expanded: false }));
    const id = within(closing).getByRole("textbox", { name: "Identifier" });
    expect((id as HTMLInputElement).value).toBe("conclusion");
    await pane.fill(id, "closing");
    const kpis = pane.storedDraft().measurement?.kpis ?? [];
    expect(kpis.filter((kpi) => kpi.stageId === "closing").map((kpi) => kpi.id)).toEqual([
      "affaires-gagnees",
      "valeur-moyenne",
    ]);
    expect(kpis.some((kpi) => kpi.stageId === "conclusion")).toBe(false);
  });

  it("adds a stage and removes one", async () => {
    const pane = renderPane();
    await pane.goToStep(5);
    await pane.user.click(screen.getByRole("button", { name: "Add a sales stage" }));
    await pane.fill(
      within(row("Sales stage 10 (no name yet)")).getByRole("textbox", { name: "Stage name" }),
      "Renewal",
    );
    expect(pane.storedDraft().methodology?.stages?.[9]).toMatchObject({ id: "renewal", name: "Renewal" });
    await pane.user.click(screen.getByRole("button", { name: /^Remove Sales stage 1:/ }));
    const stages = pane.storedDraft().methodology?.stages ?? [];
    expect(stages).toHaveLength(9);
    expect(stages[0]?.id).toBe("qualification");
  });
});
