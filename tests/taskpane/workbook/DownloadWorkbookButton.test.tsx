/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { examplePlan, parsePlan } from "../../../src/plan";
import { createFormatters } from "../../../src/taskpane/i18n/format";
import { I18nContext } from "../../../src/taskpane/i18n/I18nContext";
import { en } from "../../../src/taskpane/i18n/en";
import { DownloadWorkbookButton } from "../../../src/taskpane/workbook/DownloadWorkbookButton";
import { workbookFileName } from "../../../src/taskpane/wiring/workbook-file";

const plan = parsePlan(examplePlan("en-saas"));

function renderButton(props: Parameters<typeof DownloadWorkbookButton>[0]) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language: "en-US", t: en, format: createFormatters("en-US", "USD") }}>
        <DownloadWorkbookButton {...props} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
}

describe("the Download workbook button", () => {
  it("says what blocks it while the plan has problems, and does nothing", async () => {
    const download = jest.fn();
    renderButton({ plan: undefined, download });
    await userEvent.click(screen.getByRole("button", { name: "Download workbook (.xlsx)" }));
    expect(download).not.toHaveBeenCalled();
    expect(screen.getByText(/Fix the plan's problems first/)).toBeTruthy();
  });

  it("builds the file for the plan and names it", async () => {
    const download = jest.fn().mockResolvedValue("FY2028-FY2029 new business plan.xlsx");
    renderButton({ plan, download });
    await userEvent.click(screen.getByRole("button", { name: "Download workbook (.xlsx)" }));
    expect(download).toHaveBeenCalledWith(plan);
    expect(await screen.findByText(/Downloaded FY2028-FY2029 new business plan\.xlsx/)).toBeTruthy();
  });

  it("shows the error when the file cannot be built", async () => {
    renderButton({ plan, download: jest.fn().mockRejectedValue(new Error("out of memory")) });
    await userEvent.click(screen.getByRole("button", { name: "Download workbook (.xlsx)" }));
    expect(await screen.findByText("The workbook could not be built: out of memory")).toBeTruthy();
  });
});

describe("the workbook file name", () => {
  it("comes from the plan's name, with characters file systems refuse replaced", () => {
    expect(workbookFileName({ ...plan, meta: { ...plan.meta, planName: 'Q1/Q2: "West" <draft>' } })).toBe(
      "Q1-Q2- -West- -draft-.xlsx",
    );
    expect(workbookFileName(plan)).toBe("FY2028-FY2029 new business plan.xlsx");
  });
});
