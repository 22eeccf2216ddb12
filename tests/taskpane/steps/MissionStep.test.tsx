/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 1, mission and positioning", () => {
  it("edits the statements and the differentiators, one per line", async () => {
    const pane = renderPane();
    await pane.goToStep(1);
    await pane.fill(screen.getByRole("textbox", { name: "Mission statement" }), "Help plants plan.");
    await pane.fill(screen.getByRole("textbox", { name: "Positioning statement" }), "For plant managers…");
    await pane.fill(screen.getByRole("textbox", { name: "Value proposition" }), "A plan every morning.");
    await pane.user.type(screen.getByRole("textbox", { name: "Differentiators" }), "Fast{Enter}{Enter}Local support");
    await pane.user.tab();
    expect(pane.storedDraft().mission).toMatchObject({
      missionStatement: "Help plants plan.",
      positioningStatement: "For plant managers…",
      valueProposition: "A plan every morning.",
      // The blank line is dropped when the field loses focus.
      differentiators: ["Fast", "Local support"],
    });
  });

  it("adds, reorders and removes insights and positioning questions", async () => {
    const pane = renderPane();
    await pane.goToStep(1);
    await pane.user.click(screen.getByRole("button", { name: "Add an insight" }));
    const first = row("Insight 1 (no name yet)");
    await pane.user.selectOptions(within(first).getByRole("combobox", { name: "Source" }), "customers");
    await pane.fill(within(first).getByRole("textbox", { name: "Insight" }), "Buyers want speed");
    await pane.user.click(screen.getByRole("button", { name: "Add an insight" }));
    await pane.user.type(
      within(row("Insight 2 (no name yet)")).getByRole("textbox", { name: "Insight" }),
      "Webinars work",
    );
    await pane.user.click(screen.getByRole("button", { name: "Move Insight 2: Webinars work up" }));
    expect(pane.storedDraft().mission?.insights).toEqual([
      { source: "marketing", text: "Webinars work" },
      { source: "customers", text: "Buyers want speed" },
    ]);
    await pane.user.click(screen.getByRole("button", { name: "Remove Insight 1: Webinars work" }));
    expect(pane.storedDraft().mission?.insights).toEqual([{ source: "customers", text: "Buyers want speed" }]);

    await pane.user.click(screen.getByRole("button", { name: "Add a positioning question" }));
    const question = row("Question 1 (no name yet)");
    await pane.fill(within(question).getByRole("textbox", { name: "Question" }), "What did research show?");
    await pane.fill(within(question).getByRole("textbox", { name: "Answer" }), "Speed matters.");
    expect(pane.storedDraft().mission?.positioningQuestions).toEqual([
      { question: "What did research show?", answer: "Speed matters." },
    ]);
  });
});
