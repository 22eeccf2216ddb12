/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 6, execution", () => {
  it("adds an initiative spanning the plan's first month and edits it", async () => {
    const pane = renderPane();
    await pane.goToStep(6);
    await pane.user.click(screen.getByRole("button", { name: "Add an initiative" }));
    const initiative = row("Initiative 1 (no name yet)");
    await pane.fill(within(initiative).getByRole("textbox", { name: "Initiative" }), "Roll out the CRM");
    await pane.user.selectOptions(within(initiative).getByRole("combobox", { name: "Category" }), "tooling");
    await pane.fill(within(initiative).getByRole("textbox", { name: "Owner" }), "Sales ops");
    fireEvent.change(within(initiative).getByLabelText("End date"), { target: { value: "2027-03-19" } });
    await pane.user.click(within(initiative).getByRole("checkbox", { name: /Milestone/ }));
    await pane.user.selectOptions(within(initiative).getByRole("combobox", { name: "Status" }), "inProgress");
    expect(pane.storedDraft().execution?.initiatives).toEqual([
      {
        id: "roll-out-the-crm",
        name: "Roll out the CRM",
        category: "tooling",
        owner: "Sales ops",
        start: "2026-12-01",
        end: "2027-03-19",
        milestone: true,
        status: "inProgress",
      },
    ]);
  });

  it("says under the end date when it falls before the start", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(6);
    const first = row(/^Initiative 1:/);
    await pane.user.click(within(first).getByRole("button", { expanded: false }));
    const start = within(first).getByLabelText<HTMLInputElement>("Start date").value;
    fireEvent.change(within(first).getByLabelText("End date"), { target: { value: "2020-01-01" } });
    expect(within(first).getByText(`must be on or after the start date ${start}`)).toBeTruthy();
  });
});
