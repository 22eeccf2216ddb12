/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";

describe("the task pane", () => {
  it("says the workbook actions are available inside Excel", () => {
    render(<App host={{ insideExcel: true, theme: "light", displayLanguage: "en-US" }} />);
    expect(screen.getByRole("heading", { level: 1, name: "Sales Plan Builder" })).toBeTruthy();
    expect(screen.getByText(/Running inside Excel/)).toBeTruthy();
  });

  it("says the workbook actions need Excel when it runs in a plain browser", () => {
    render(<App host={{ insideExcel: false, theme: "dark", displayLanguage: "en-US" }} />);
    expect(screen.getByText(/Running in a browser/)).toBeTruthy();
    expect(screen.queryByText(/Running inside Excel/)).toBeNull();
  });
});
