/**
 * @jest-environment jsdom
 */
import { screen, within } from "@testing-library/react";
import { renderPane, row } from "./support/render-pane";

describe("validation as the user types", () => {
  it("shows a field's message under it while the value is wrong, and removes it once fixed", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const stage = row(/^Funnel stage 2:/);
    const rate = within(stage).getByRole("textbox", { name: "Conversion to the next stage (%)" });
    await pane.fill(rate, "150");
    // 1 means 1 % in this field: the bound reads as the percentage the user types.
    expect(within(stage).getByText("must be greater than 0 % and at most 100 %")).toBeTruthy();
    expect(rate.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("button", { name: "2. Objectives, 1 problem" })).toBeTruthy();

    await pane.fill(rate, "15");
    expect(within(stage).queryByText("must be greater than 0 % and at most 100 %")).toBeNull();
    expect(screen.getByRole("button", { name: "2. Objectives, no problems" })).toBeTruthy();
    expect(pane.storedDraft().objectives.funnel[1]?.conversionRate).toBe(0.15);
  });

  it("keeps text that is not a number on screen with its message", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const target = screen.getByRole("textbox", { name: "Average deal value (USD)" });
    await pane.fill(target, "forty");
    await pane.user.tab();
    expect((target as HTMLInputElement).value).toBe("forty");
    expect(screen.getByText("must be a number")).toBeTruthy();
  });

  it("keeps a number too large for any figure (1e400) on screen with its message, never Infinity", async () => {
    const pane = renderPane({ example: "en-saas" });
    await pane.goToStep(2);
    const target = screen.getByRole("textbox", { name: "Average deal value (USD)" });
    await pane.fill(target, "1e400");
    await pane.user.tab();
    expect((target as HTMLInputElement).value).toBe("1e400");
    expect(screen.getByText("is too large a number")).toBeTruthy();
  });

  it("shows a plain field's limit in the pane's number format", async () => {
    const pane = renderPane({ example: "fr-reference", language: "fr-FR" });
    await pane.goToStep(2);
    const target = screen.getByRole("textbox", { name: "Valeur moyenne d'une affaire (EUR)" });
    await pane.fill(target, "2000000000000");
    const message = document.getElementById(target.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(message).toBe("doit être au plus égal à 1\u202f000\u202f000\u202f000\u202f000");
  });

  it("writes messages and labels in French when the pane is in French", async () => {
    const pane = renderPane({ example: "fr-reference", language: "fr-FR" });
    await pane.goToStep(2);
    const target = screen.getByRole("textbox", { name: "Taux de closing visé (%)" });
    await pane.fill(target, "0");
    expect(screen.getByText("doit être supérieur à 0 % et au plus égal à 100 %")).toBeTruthy();
    expect(screen.getByText("Les résultats s'afficheront une fois ce problème corrigé :")).toBeTruthy();
  });

  it("switches the whole pane between English and French", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr-FR");
    expect(screen.getByRole("heading", { level: 2, name: "Informations du plan" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Langue" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("fr-FR");
    // Numbers and money follow the language: a narrow no-break space groups thousands in French.
    expect(screen.getByText("1 200 000 €")).toBeTruthy();
  });

  it("lists what blocks the results and opens the step of a problem with its field focused", async () => {
    const pane = renderPane();
    expect(screen.getByText("The results appear once these 6 problems are fixed:")).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Objectives › Average deal value" }));
    expect(screen.getByRole("heading", { level: 2, name: "Objectives" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Average deal value (USD)" }));
  });
});
