/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { examplePlan } from "../../../src/plan/examples";
import { renderPane, row } from "../support/render-pane";

function englishPlanWithoutRoles() {
  const plan = examplePlan("en-saas");
  return {
    ...plan,
    organization: { roles: [] },
    measurement: { ...plan.measurement, repKpis: [] },
  };
}

describe("step 3, organization", () => {
  it("adds a role carrying an activity and shows the people it needs as the plan is completed", async () => {
    const pane = renderPane({ draft: englishPlanWithoutRoles() });
    await pane.goToStep(3);
    await pane.user.click(screen.getByRole("button", { name: "Add a role" }));
    const role = row("Role 1 (no name yet)");
    await pane.fill(within(role).getByRole("textbox", { name: "Role title" }), "Caller");
    await pane.fill(within(role).getByRole("textbox", { name: "Responsibilities" }), "Calls target accounts.");
    await pane.fill(within(role).getByRole("textbox", { name: "Key qualities" }), "Grit\nCuriosity");
    await pane.user.selectOptions(within(role).getByRole("combobox", { name: "Activity carried" }), "outbound-calls");
    await pane.fill(
      within(role).getByRole("textbox", { name: "Capacity per person per working day (calls / day)" }),
      "60",
    );
    await pane.fill(within(role).getByRole("textbox", { name: "Time spent on the activity (%)" }), "100");
    await pane.fill(within(role).getByRole("textbox", { name: "Base salary per year (USD)" }), "50000");
    await pane.fill(within(role).getByRole("textbox", { name: "Variable pay at target per year (USD)" }), "10000");
    await pane.fill(within(role).getByRole("textbox", { name: "Current headcount (people)" }), "2");
    await pane.fill(within(role).getByRole("textbox", { name: "Attrition per year (%)" }), "20");
    await pane.fill(within(role).getByRole("textbox", { name: "Hiring lead time (months)" }), "1");

    // 300 calls a day ÷ 60 a person = 5 people, at 60,000 a year each.
    expect(within(role).getByText("Needs 5 people; $300,000 a year.")).toBeTruthy();
    expect(pane.storedDraft().organization?.roles?.[0]).toEqual({
      id: "caller",
      title: "Caller",
      responsibilities: "Calls target accounts.",
      keyQualities: ["Grit", "Curiosity"],
      activityId: "outbound-calls",
      capacityPerPersonPerDay: 60,
      utilization: 1,
      baseSalary: 50_000,
      variablePay: 10_000,
      currentHeadcount: 2,
      ramp: 0,
      attritionRateAnnual: 0.2,
      hiringLeadTimeMonths: 1,
      quotaAttainment: 1,
      targetShare: 1,
    });
  });

  it("edits quotas, planned headcount and a month-by-month ramp in percentages", async () => {
    const pane = renderPane({ draft: englishPlanWithoutRoles() });
    await pane.goToStep(3);
    await pane.user.click(screen.getByRole("button", { name: "Add a role" }));
    const role = row("Role 1 (no name yet)");
    await pane.fill(within(role).getByRole("textbox", { name: "Role title" }), "AE");
    await pane.fill(within(role).getByRole("textbox", { name: "Base salary per year (USD)" }), "90000");
    await pane.fill(within(role).getByRole("textbox", { name: "Quota per person per month (USD)" }), "60000");
    await pane.fill(within(role).getByRole("textbox", { name: "Expected quota attainment (%)" }), "80");
    await pane.fill(within(role).getByRole("textbox", { name: "Share of the revenue target (%)" }), "90");
    await pane.fill(within(role).getByRole("textbox", { name: "Planned headcount (people)" }), "3");
    await pane.user.selectOptions(within(role).getByRole("combobox", { name: "Ramp" }), "list");
    await pane.fill(within(role).getByRole("textbox", { name: "Ramp (%)" }), "10; 30; 62,5");
    const stored = pane.storedDraft().organization?.roles?.[0];
    expect(stored).toMatchObject({
      quotaPerMonth: 60_000,
      quotaAttainment: 0.8,
      targetShare: 0.9,
      plannedHeadcount: 3,
      ramp: [0.1, 0.3, 0.625],
    });
    await pane.user.selectOptions(within(role).getByRole("combobox", { name: "Ramp" }), "months");
    expect(pane.storedDraft().organization?.roles?.[0]?.ramp).toBe(3);
  });
});
