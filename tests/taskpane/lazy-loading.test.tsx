/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { STORAGE_KEY } from "../../src/taskpane/draft/storage";
import { createUnavailableGateway } from "../../src/taskpane/workbook/unavailable-gateway";

// Nothing is preloaded in this file: the pane starts as in the page, with only its first script.
describe("the task pane before its editor has loaded", () => {
  beforeEach(() => window.localStorage.clear());

  // The first test of the file sees the pane before the editor's module has arrived; the others find it loaded.
  it("shows the header and the step navigation at once, then the editor and the steps' problems", async () => {
    render(
      <App
        host={{ insideExcel: false, theme: "light", displayLanguage: "en-US" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Sales Plan Builder" })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Plan steps" });
    // The plan is not checked yet: the buttons name the steps without claiming they have no problems.
    expect(within(nav).getByRole("button", { name: "2. Objectives" })).toBeTruthy();
    expect(screen.getByText("Loading the plan editor…")).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 2 })).toBeNull();

    // A step chosen while the editor loads is the one it opens on.
    fireEvent.click(within(nav).getByRole("button", { name: "3. Organization" }));
    expect(within(nav).getByRole("button", { name: "3. Organization" }).getAttribute("aria-current")).toBe("step");
    expect(screen.getByText("Loading the plan editor…")).toBeTruthy();

    expect(await screen.findByRole("heading", { level: 2, name: "Organization" })).toBeTruthy();
    expect(screen.queryByText("Loading the plan editor…")).toBeNull();
    // A blank plan lacks its revenue target, deal value, win rate and funnel: the Objectives step has problems.
    expect(within(nav).getByRole("button", { name: /^2\. Objectives, \d+ problems?$/ })).toBeTruthy();
  });

  it("shows a notice raised before the catalogs load (an unreadable saved plan) in the language of the pane", async () => {
    window.localStorage.setItem(STORAGE_KEY, "{not json");
    render(
      <App
        host={{ insideExcel: false, theme: "light", displayLanguage: "fr-FR" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(await screen.findByText(/Le plan enregistré dans ce navigateur était illisible/)).toBeTruthy();
  });
});
