/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { STORAGE_KEY } from "../../src/taskpane/draft/storage";
import { preloadPane } from "../../src/taskpane/pane-parts";
import { createUnavailableGateway } from "../../src/taskpane/workbook/unavailable-gateway";

describe("the task pane", () => {
  // The lazily loaded parts, already there as on a second visit (tests/taskpane/lazy-loading.test.tsx covers the load).
  beforeAll(() => preloadPane());
  beforeEach(() => window.localStorage.clear());

  it("opens on the plan details with the title and the step navigation", () => {
    render(
      <App
        host={{ insideExcel: false, theme: "light", displayLanguage: "en-US" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Sales Plan Builder" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Plan steps" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Plan details" })).toBeTruthy();
  });

  it("says the workbook buttons need Excel when it runs in a plain browser", () => {
    render(
      <App
        host={{ insideExcel: false, theme: "dark", displayLanguage: "en-US" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(screen.getByText(/The workbook buttons need Excel/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Generate workbook" })).toBeNull();
  });

  it("ignores a saved plan it cannot read, says so, and starts blank", () => {
    window.localStorage.setItem(STORAGE_KEY, "{not json");
    render(
      <App
        host={{ insideExcel: false, theme: "light", displayLanguage: "fr-FR" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(screen.getByText(/Le plan enregistré dans ce navigateur était illisible/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Nom du plan" }).value).toBe("");
  });

  it("follows Office's display language when nothing was saved", () => {
    render(
      <App
        host={{ insideExcel: true, theme: "light", displayLanguage: "fr-CA" }}
        gateway={createUnavailableGateway()}
      />,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Informations du plan" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("fr-FR");
  });
});
