/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { calculatePlan } from "../../../src/plan/calculate";
import { examplePlan } from "../../../src/plan/examples";
import { validatePlan } from "../../../src/plan/validate";
import { renderPane } from "../support/render-pane";

function figuresOf(name: "fr-reference" | "en-saas") {
  const result = validatePlan(examplePlan(name));
  if (!result.ok) throw new Error(`${name} should be valid`);
  return calculatePlan(result.plan);
}

function figure(label: string): string | null | undefined {
  const term = screen.getByText(label).closest("dt");
  return term?.nextElementSibling?.textContent;
}

describe("the live results", () => {
  it("shows the plan core's figures for a valid plan", () => {
    renderPane({ example: "fr-reference" });
    const figures = figuresOf("fr-reference");
    expect(figure("Won deals needed (year 1)")).toBe(String(figures.deals));
    expect(figure("People needed (year 1)")).toBe(String(figures.totalHeadcount));
    expect(figure("Cost of the team per year")).toBe("€1,625,000");
    const results = screen.getByRole("region", { name: "Live results" });
    const funnel = within(results).getByRole("table", { name: "Funnel volumes" });
    const leads = within(funnel).getByRole("row", { name: /Leads prospectés/ });
    expect(
      within(leads)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["Leads prospectés", "20,000", "1,667", "80"]);
    const headcount = within(results).getByRole("table", { name: "Headcount and cost per role" });
    expect(within(headcount).getByRole("row", { name: /Business developer/ }).textContent).toBe(
      "Business developer410€500,000",
    );
  });

  it("recomputes as the user types", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await pane.goToStep(2);
    await pane.fill(screen.getByRole("textbox", { name: "Average deal value (EUR)" }), "24000");
    expect(figure("Won deals needed (year 1)")).toBe("50");
  });

  it("shows hires per quarter and capacity against the target", () => {
    renderPane({ example: "en-saas" });
    const figures = figuresOf("en-saas");
    const results = screen.getByRole("region", { name: "Live results" });
    const hires = within(results).getByRole("table", { name: "Hires per quarter" });
    const firstQuarter = figures.quarters[0]!;
    const cells = within(within(hires).getByRole("row", { name: new RegExp(`^${firstQuarter.label}`) })).getAllByRole(
      "cell",
    );
    expect(cells.slice(1).map((cell) => cell.textContent)).toEqual(
      figures.roles.map((role) => String(role.hiresByQuarter[0])),
    );
    expect(within(results).getByRole("table", { name: "Capacity against the target" })).toBeTruthy();
  });

  it("shows the sheet previews outside Excel", () => {
    renderPane({ example: "en-saas" });
    const previews = screen.getByRole("region", { name: "Sheet previews" });
    const funnel = within(previews).getByRole("table", { name: "Funnel volumes" });
    expect(
      within(funnel)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Stage", "Year", "Quarter", "Month", "Week", "Day"]);
  });

  it("says what blocks the results while the plan is invalid", () => {
    renderPane();
    expect(screen.queryByText("Won deals needed (year 1)")).toBeNull();
    expect(screen.getByText("The results appear once these 6 problems are fixed:")).toBeTruthy();
  });
});
