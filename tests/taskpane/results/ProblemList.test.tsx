/**
 * @jest-environment jsdom
 */
/**
 * The problem list words a percentage field's bounds as the field does ("at most 100 %" where the user typed 150 for
 * 150 %), so the list and the field say the same thing.
 */
import { screen, within } from "@testing-library/react";
import { isPercentField } from "../../../src/taskpane/fields/percent-fields";
import { renderPane, row } from "../support/render-pane";

function problemList(): HTMLElement {
  const results = screen.getByRole("region", { name: /^(Live results|Résultats)/ });
  return within(results).getByRole("list");
}

describe("the problem list of the results", () => {
  it("says a conversion rate typed as 150 % must be at most 100 %, as its field does", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const stage = row(/^Funnel stage 2:/);
    await pane.fill(within(stage).getByRole("textbox", { name: "Conversion to the next stage (%)" }), "150");
    expect(within(stage).getByText("must be greater than 0 % and at most 100 %")).toBeTruthy();
    const items = within(problemList())
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(items).toEqual([expect.stringMatching(/: must be greater than 0 % and at most 100 %$/)]);
  });

  it("keeps the plain wording for a field that is not typed in percent", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    await pane.fill(screen.getByRole("textbox", { name: "Average deal value (USD)" }), "1e13");
    const items = within(problemList())
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(items).toEqual([expect.stringMatching(/: must be at most 1,000,000,000,000$/)]);
  });

  it("knows every field the pane types in percent, and no other", () => {
    for (const field of [
      "objectives.winRateTarget",
      "objectives.annualGrowthRate",
      "objectives.funnel[3].conversionRate",
      "organization.roles[0].utilization",
      "organization.roles[12].attritionRateAnnual",
      "organization.roles[1].quotaAttainment",
      "organization.roles[1].targetShare",
    ]) {
      expect({ field, percent: isPercentField(field) }).toEqual({ field, percent: true });
    }
    for (const field of ["objectives.averageDealValue", "organization.roles[0].quotaPerMonth", "meta.horizonMonths"]) {
      expect({ field, percent: isPercentField(field) }).toEqual({ field, percent: false });
    }
  });
});
