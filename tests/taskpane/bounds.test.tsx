/**
 * @jest-environment jsdom
 */
/**
 * A plan whose figures cannot be computed is a plan with a problem: the pane names the field to change, counts the
 * problem on its step and does not offer to export it (defect 2 of "a plan that validates always computes").
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "./support/render-pane";

describe("figures out of range in the pane", () => {
  it("names the conversion rate when two tiny rates ask for too many leads, and blocks the export", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    for (const name of [/^Funnel stage 1:/, /^Funnel stage 2:/]) {
      const rate = within(row(name)).getByRole("textbox", { name: "Conversion to the next stage (%)" });
      await pane.fill(rate, "0.0000001");
    }
    expect(screen.getByRole("button", { name: "2. Objectives, 1 problem" })).toBeTruthy();
    expect(
      within(row(/^Funnel stage 1:/)).getByText(
        /^makes the stage "Leads" need [\d,]+ a year, more than the limit of 1,000,000,000,000/,
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/The figures could not be computed/)).toBeNull();
    // Fluent's disabledFocusable keeps the button focusable and marks it aria-disabled.
    expect(screen.getByRole("button", { name: "Export plan file" }).getAttribute("aria-disabled")).toBe("true");
  });
});
