/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { calculatePlan } from "../../../src/plan/calculate";
import { examplePlan } from "../../../src/plan/examples";
import { applyScenario } from "../../../src/plan/scenarios";
import { parsePlan } from "../../../src/plan/validate";
import { renderPane } from "../support/render-pane";

/** A headline figure: the label's term in the key figures (the compare table repeats the label in a cell). */
function figure(label: string): string | null | undefined {
  const term = screen.getAllByText(label).find((element) => element.closest("dt"));
  return term?.closest("dt")?.nextElementSibling?.textContent;
}

describe("scenarios in the live results", () => {
  it("shows the chosen scenario's figures, computed by the plan core, and the scenarios side by side", async () => {
    const pane = renderPane({ example: "en-saas" });
    const plan = parsePlan(examplePlan("en-saas"));
    const results = screen.getByRole("region", { name: "Live results" });
    expect(figure("Won deals needed (year 1)")).toBe(String(calculatePlan(plan).deals));
    await pane.user.selectOptions(within(results).getByRole("combobox", { name: "Show the results for" }), "Downside");
    const downside = calculatePlan(applyScenario(plan, "downside"));
    expect(figure("Won deals needed (year 1)")).toBe(String(downside.deals));
    const compare = within(results).getByRole("table", { name: "Scenarios side by side" });
    const deals = within(compare).getByRole("row", { name: /^Won deals/ });
    expect(
      within(deals)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([
      "Won deals",
      ...["base", "upside", "downside", "slow-ramp"].map((id) => String(calculatePlan(applyScenario(plan, id)).deals)),
    ]);
  });

  it("offers an upside and a downside to a plan without scenarios", async () => {
    const { scenarios: _scenarios, ...withoutScenarios } = examplePlan("fr-reference");
    const pane = renderPane({ draft: withoutScenarios, language: "en-US" });
    await pane.user.click(screen.getByRole("button", { name: "Add an upside and a downside" }));
    expect(pane.storedDraft().scenarios?.map((scenario) => scenario.id)).toEqual(["upside", "downside"]);
    expect(screen.getByRole("table", { name: "Scenarios side by side" })).toBeTruthy();
  });

  it("approves the plan as the plan of record, then lists what changed since", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.fill(screen.getByRole("textbox", { name: "Label of the approval" }), "Board, January");
    await pane.user.click(screen.getByRole("button", { name: "Approve as plan of record" }));
    expect(screen.getByText(/^Plan of record: Board, January, approved on \d{4}-\d{2}-\d{2}\.$/)).toBeTruthy();
    expect(screen.getByText("Nothing has changed since approval.")).toBeTruthy();
    const record = pane.storedDraft().planOfRecord;
    expect(record?.label).toBe("Board, January");

    await pane.goToStep(2);
    await pane.fill(screen.getByRole("textbox", { name: "Average deal value (USD)" }), "20000");
    const inputs = await screen.findByRole("table", { name: "Inputs changed since approval" });
    expect(within(inputs).getByRole("row", { name: /objectives\.averageDealValue/ }).textContent).toBe(
      "objectives.averageDealValue4000020000",
    );
    expect(screen.getByRole("table", { name: "Figures changed since approval" })).toBeTruthy();
    expect(pane.storedDraft().planOfRecord).toEqual(record);
  });

  it("edits a scenario's drivers in step 2, a blank field keeping the base's value, and recomputes it", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const scenario = screen.getByRole("button", { name: /^Scenario 2: Downside/ });
    await pane.user.click(scenario);
    const dealValue = screen.getAllByRole("textbox", { name: "Average deal value" })[0]!;
    await pane.fill(dealValue, "20000");
    const stored = pane.storedDraft().scenarios?.[1];
    expect(stored?.overrides?.averageDealValue).toBe(20_000);
    const plan = parsePlan(pane.storedDraft());
    const compare = screen.getByRole("table", { name: "Scenarios side by side" });
    const deals = within(compare).getByRole("row", { name: /^Won deals/ });
    expect(within(deals).getAllByRole("cell")[3]!.textContent).toBe(
      String(calculatePlan(applyScenario(plan, "downside")).deals),
    );
    await pane.user.clear(dealValue);
    expect(pane.storedDraft().scenarios?.[1]?.overrides?.averageDealValue).toBeUndefined();
  });
});
