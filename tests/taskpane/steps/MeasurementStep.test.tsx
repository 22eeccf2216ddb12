/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 7, measurement", () => {
  it("adds a KPI linked to a funnel stage and shows its target from the plan", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await pane.goToStep(7);
    await pane.user.click(screen.getByRole("button", { name: "Add a KPI" }));
    const kpi = row("KPI 7 (no name yet)");
    await pane.fill(within(kpi).getByRole("textbox", { name: "KPI name" }), "Demos per week");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Tier" }), "secondary");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Sales stage measured" }), "presentation");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Target" }), "funnelStage");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Funnel stage" }), "demos");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Per" }), "year");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Unit" }), "count");
    await pane.fill(within(kpi).getByRole("textbox", { name: "Owner" }), "AEs");
    await pane.user.selectOptions(within(kpi).getByRole("combobox", { name: "Reviewed" }), "weekly");
    await pane.fill(within(kpi).getByRole("textbox", { name: "Data source" }), "CRM");
    expect(pane.storedDraft().measurement?.kpis?.[6]).toEqual({
      id: "demos-per-week",
      name: "Demos per week",
      tier: "secondary",
      stageId: "presentation",
      target: { kind: "funnelStage", stageId: "demos", period: "year" },
      unit: "count",
      owner: "AEs",
      frequency: "weekly",
      dataSource: "CRM",
    });
    // 100 deals need 200 proposals at 50 %, then 400 demos at 50 %.
    expect(within(kpi).getByText("Target now: 400")).toBeTruthy();
  });

  it("adds a fixed-target KPI per rep of a role, and a dashboard", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await pane.goToStep(7);
    await pane.user.click(screen.getByRole("button", { name: "Add a KPI per rep" }));
    const repKpi = row("Rep KPI 5 (no name yet)");
    await pane.fill(within(repKpi).getByRole("textbox", { name: "KPI name" }), "Calls");
    await pane.user.selectOptions(within(repKpi).getByRole("combobox", { name: "Role" }), "prospecteur-tel");
    await pane.user.selectOptions(within(repKpi).getByRole("combobox", { name: "Target" }), "fixed");
    await pane.fill(within(repKpi).getByRole("textbox", { name: "Target value" }), "40");
    await pane.user.click(screen.getByRole("button", { name: "Add a dashboard" }));
    const dashboard = row("Dashboard 4 (no name yet)");
    await pane.fill(within(dashboard).getByRole("textbox", { name: "Team" }), "Callers");
    await pane.fill(within(dashboard).getByRole("textbox", { name: "Purpose" }), "Daily calls");
    await pane.fill(within(dashboard).getByRole("textbox", { name: "Tool" }), "CRM");
    const measurement = pane.storedDraft().measurement;
    expect(measurement?.repKpis?.[4]).toEqual({
      id: "calls",
      name: "Calls",
      roleId: "prospecteur-tel",
      target: { kind: "fixed", value: 40 },
      unit: "count",
    });
    expect(measurement?.dashboards?.[3]).toEqual({ team: "Callers", purpose: "Daily calls", tool: "CRM" });
  });
});
