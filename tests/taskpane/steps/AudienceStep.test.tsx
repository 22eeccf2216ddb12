/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "../support/render-pane";

describe("step 4, audience", () => {
  it("edits the target account criteria, segments and personas", async () => {
    const pane = renderPane();
    await pane.goToStep(4);
    await pane.fill(screen.getByRole("textbox", { name: "Industries" }), "Food\nPlastics");
    await pane.fill(screen.getByRole("textbox", { name: "Employees, from" }), "50");
    await pane.fill(screen.getByRole("textbox", { name: "Employees, up to" }), "500");
    await pane.fill(screen.getByRole("textbox", { name: "Funding stages" }), "Bootstrapped");
    await pane.fill(screen.getByRole("textbox", { name: "Other criteria" }), "Has an ERP");
    await pane.user.click(screen.getByRole("button", { name: "Add a segment" }));
    const segment = row("Segment 1 (no name yet)");
    await pane.fill(within(segment).getByRole("textbox", { name: "Segment name" }), "Food SMEs");
    await pane.fill(within(segment).getByRole("textbox", { name: "Criteria" }), "50-250 staff");
    await pane.user.selectOptions(within(segment).getByRole("combobox", { name: "Priority" }), "high");
    await pane.user.click(screen.getByRole("button", { name: "Add a persona" }));
    const persona = row("Persona 1 (no name yet)");
    const texts: [string, string][] = [
      ["Persona name", "Claire"],
      ["Job title", "COO"],
      ["Profile", "Engineer"],
      ["Demographics", "45"],
      ["Personality traits", "Direct"],
      ["Challenges", "Spreadsheets"],
      ["Goals", "On-time delivery"],
      ["How we help", "Automatic plans"],
    ];
    for (const [name, text] of texts) await pane.fill(within(persona).getByRole("textbox", { name }), text);

    expect(pane.storedDraft().audience).toEqual({
      accountCriteria: {
        industries: ["Food", "Plastics"],
        employeeRange: { min: 50, max: 500 },
        fundingStages: ["Bootstrapped"],
        otherCriteria: ["Has an ERP"],
      },
      segments: [{ name: "Food SMEs", criteria: "50-250 staff", priority: "high" }],
      personas: [
        {
          name: "Claire",
          role: "COO",
          profile: "Engineer",
          demographics: "45",
          traits: "Direct",
          challenges: "Spreadsheets",
          goals: "On-time delivery",
          ourSolution: "Automatic plans",
        },
      ],
    });
  });
});
