/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { examplePlan, parsePlan, type Plan } from "../../../src/plan";
import { createFormatters } from "../../../src/taskpane/i18n/format";
import { I18nContext } from "../../../src/taskpane/i18n/I18nContext";
import { en } from "../../../src/taskpane/i18n/en";
import { ChartPreviews, type ChartPicture } from "../../../src/taskpane/results/ChartPreviews";
import { chartPictures } from "../../../src/taskpane/wiring/chart-previews";

const plan = parsePlan(examplePlan("fr-reference"));

function renderPreviews(draw: (plan: Plan) => Promise<readonly ChartPicture[]>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ language: "en-US", t: en, format: createFormatters("en-US", "EUR") }}>
        <ChartPreviews plan={plan} draw={draw} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
}

describe("the chart previews", () => {
  it("shows every chart of the plan's workbook as a picture with a text alternative", async () => {
    renderPreviews((p) => Promise.resolve(chartPictures(p, "light", new Date("2027-01-15"))));
    const images = await screen.findAllByRole("img", {}, { timeout: 5000 });
    const names = images.map((image) => image.getAttribute("alt"));
    expect(names).toContainEqual(expect.stringMatching(/^Chart “.+” of the sheet 6 Exécution$/));
    expect(images.length).toBeGreaterThanOrEqual(5);
    expect(images[0]?.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it("says so when the charts cannot be drawn", async () => {
    renderPreviews(() => Promise.reject(new Error("no layout")));
    expect(await screen.findByText("The charts could not be drawn: no layout")).toBeTruthy();
  });
});
