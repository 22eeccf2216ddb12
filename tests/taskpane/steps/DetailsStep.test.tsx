/**
 * @jest-environment jsdom
 */
import { fireEvent, screen } from "@testing-library/react";
import { renderPane } from "../support/render-pane";

describe("the plan details step", () => {
  beforeEach(() => window.localStorage.clear());

  it("edits the plan's name, company, currency, language and calendar", async () => {
    const pane = renderPane();
    await pane.fill(screen.getByRole("textbox", { name: "Plan name" }), "Plan 2027");
    await pane.user.type(screen.getByRole("textbox", { name: "Company" }), "Nova");
    const currency = screen.getByRole("textbox", { name: "Currency (ISO code)" });
    await pane.user.clear(currency);
    await pane.user.type(currency, "eur");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Language of the workbook" }), "fr-FR");
    fireEvent.change(screen.getByLabelText("First month"), { target: { value: "2027-01" } });
    const horizon = screen.getByRole("textbox", { name: "Horizon (months)" });
    await pane.user.clear(horizon);
    await pane.user.type(horizon, "24");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Fiscal year starts in" }), "4");
    const days = screen.getByRole("textbox", { name: "Working days per month (days)" });
    await pane.user.clear(days);
    await pane.user.type(days, "20");

    expect(pane.storedDraft().meta).toEqual({
      planName: "Plan 2027",
      company: "Nova",
      currency: "EUR",
      locale: "fr-FR",
      startMonth: "2027-01",
      horizonMonths: 24,
      fiscalYearStartMonth: 4,
      workingDaysPerMonth: 20,
    });
    expect(screen.getByText("Euro")).toBeTruthy();
  });

  it("starts from the French example, and undo brings the previous plan back", async () => {
    const pane = renderPane();
    await pane.fill(screen.getByRole("textbox", { name: "Plan name" }), "My draft");
    await pane.user.click(screen.getByRole("button", { name: "French example" }));
    expect(await screen.findByText(/Started from the example “Plan d'action commercial 2027”/)).toBeTruthy();
    expect(pane.storedDraft().meta.company).toBe("Nova Logiciels");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("Nova Logiciels");

    await pane.user.click(screen.getByRole("button", { name: "Undo" }));
    expect(pane.storedDraft().meta.planName).toBe("My draft");
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Plan name" }).value).toBe("My draft");
  });

  it("starts a blank plan in the pane's language, with the nine traditional sales stages", async () => {
    const pane = renderPane({ example: "en-saas", language: "fr-FR" });
    await pane.user.click(screen.getByRole("button", { name: "Plan vierge" }));
    await screen.findByText("Nouveau plan vierge.");
    const draft = pane.storedDraft();
    expect(draft.meta).toMatchObject({ planName: "", locale: "fr-FR", currency: "EUR", startMonth: "2026-12" });
    expect(draft.methodology?.stages).toHaveLength(9);
    expect(draft.methodology?.stages?.[0]?.name).toBe("Prospection commerciale et génération de leads");
    expect(draft.objectives.funnel).toEqual([]);
  });
});
