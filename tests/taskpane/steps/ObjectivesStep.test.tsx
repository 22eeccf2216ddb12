/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 2, objectives", () => {
  it("stores amounts as typed and rates as fractions of the percentages shown", async () => {
    const pane = renderPane();
    await pane.goToStep(2);
    await pane.user.type(
      screen.getByRole("textbox", { name: "Annual new-business revenue target (USD)" }),
      "1,200,000",
    );
    await pane.user.type(screen.getByRole("textbox", { name: "Average deal value (USD)" }), "12000");
    await pane.user.type(screen.getByRole("textbox", { name: "Win rate target (%)" }), "25");
    const growth = screen.getByRole("textbox", { name: "Growth of the target each year (%)" });
    await pane.user.clear(growth);
    await pane.user.type(growth, "7");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Funnel volumes" }), "none");
    expect(pane.storedDraft().objectives).toMatchObject({
      annualRevenueTarget: 1_200_000,
      averageDealValue: 12_000,
      winRateTarget: 0.25,
      annualGrowthRate: 0.07,
      funnelRounding: "none",
    });
  });

  it("adds funnel stages whose ids follow their names, and shows each stage's yearly volume", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    await pane.user.click(screen.getByRole("button", { name: "Add a funnel stage" }));
    const stage = row("Funnel stage 5 (no name yet)");
    await pane.fill(within(stage).getByRole("textbox", { name: "Stage name" }), "Contrats signés");
    await pane.user.type(within(stage).getByRole("textbox", { name: "Conversion to the next stage (%)" }), "80");
    const funnel = pane.storedDraft().objectives.funnel;
    expect(funnel[4]).toEqual({ id: "contrats-signes", name: "Contrats signés", conversionRate: 0.8 });
    // 6,000,000 ÷ 40,000 = 150 deals; the new last stage needs ROUNDUP(150 ÷ 0.8) = 188 a year.
    expect(within(stage).getByText("188 a year needed at this stage.")).toBeTruthy();
  });

  it("edits the seasonality weights and converts them when switching to months", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const q4 = screen.getByRole("textbox", { name: "Q4 weight" });
    await pane.user.clear(q4);
    await pane.user.type(q4, "2");
    expect(pane.storedDraft().objectives.seasonality).toEqual({ granularity: "quarter", weights: [0.8, 1, 1, 2] });
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Seasonality by" }), "month");
    expect(pane.storedDraft().objectives.seasonality).toEqual({
      granularity: "month",
      weights: [0.8, 0.8, 0.8, 1, 1, 1, 1, 1, 1, 2, 2, 2],
    });
    expect(screen.getByRole("textbox", { name: "Month 12 weight" })).toBeTruthy();
  });

  it("adds activity targets and response-time SLAs", async () => {
    const pane = renderPane();
    await pane.goToStep(2);
    await pane.user.click(screen.getByRole("button", { name: "Add an activity target" }));
    const activity = row("Activity 1 (no name yet)");
    await pane.fill(within(activity).getByRole("textbox", { name: "Activity" }), "Prospecting emails");
    await pane.fill(within(activity).getByRole("textbox", { name: "Unit" }), "emails");
    await pane.user.type(within(activity).getByRole("textbox", { name: "Quantity" }), "200");
    await pane.user.selectOptions(within(activity).getByRole("combobox", { name: "Per" }), "week");
    await pane.fill(within(activity).getByRole("textbox", { name: "Expertise needed" }), "Copywriting");
    await pane.user.click(screen.getByRole("button", { name: "Add an SLA" }));
    const sla = row("SLA 1 (no name yet)");
    await pane.fill(within(sla).getByRole("textbox", { name: "Activity" }), "Reply to leads");
    await pane.user.type(within(sla).getByRole("textbox", { name: "Maximum response time (hours)" }), "5");
    const objectives = pane.storedDraft().objectives;
    expect(objectives.activityTargets).toEqual([
      {
        id: "prospecting-emails",
        activity: "Prospecting emails",
        unit: "emails",
        quantity: 200,
        period: "week",
        expertise: "Copywriting",
      },
    ]);
    expect(objectives.slas).toEqual([{ id: "reply-to-leads", activity: "Reply to leads", maxHours: 5 }]);
  });
});
