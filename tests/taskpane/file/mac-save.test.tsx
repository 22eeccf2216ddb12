/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import { examplePlan } from "../../../src/plan/examples";
import { validatePlan } from "../../../src/plan/validate";
import { handoffUrl, type FileDelivery } from "../../../src/taskpane/file/file-delivery";
import { renderPane } from "../support/render-pane";

// Excel for Mac ignores blob downloads (OfficeDev/office-js #2700, #3385): the pane must offer what works there.

const PAGE = "https://localhost:3000/taskpane.html";

function macDelivery() {
  return {
    downloads: false,
    copyText: jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined),
    openInBrowser: jest.fn<void, [string]>(),
    pageUrl: PAGE,
  } satisfies FileDelivery;
}

describe("saving the plan where downloads do not work", () => {
  it("copies the plan file instead of downloading it, and says what to do with it", async () => {
    const delivery = macDelivery();
    const pane = renderPane({ example: "fr-reference", fileDelivery: delivery });
    expect(screen.queryByRole("button", { name: "Export plan file" })).toBeNull();
    expect(screen.getByText(/Excel for Mac cannot save files from the pane/)).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Copy plan file" }));
    expect(pane.saveFile).not.toHaveBeenCalled();
    expect(delivery.copyText).toHaveBeenCalledTimes(1);
    const file = JSON.parse(delivery.copyText.mock.calls[0]![0]) as { format: string; plan: unknown };
    expect(file.format).toBe("sales-plan-builder/plan");
    const valid = validatePlan(examplePlan("fr-reference"));
    expect(valid.ok && file.plan).toEqual(valid.ok && valid.plan);
    expect(
      await screen.findByText(
        "Copied the plan file: paste it into a plain-text file and save it as plan-d-action-commercial-2027.plan.json.",
      ),
    ).toBeTruthy();
  });

  it("says so when the clipboard refuses too, in French", async () => {
    const delivery: FileDelivery = {
      ...macDelivery(),
      copyText: () => Promise.reject(new Error("le presse-papiers n'est pas disponible")),
      openInBrowser: undefined,
    };
    const pane = renderPane({ example: "fr-reference", language: "fr-FR", fileDelivery: delivery });
    expect(screen.getByText(/^Excel pour Mac ne peut pas enregistrer de fichier depuis le volet : /)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ouvrir dans le navigateur" })).toBeNull();
    await pane.user.click(screen.getByRole("button", { name: "Copier le fichier du plan" }));
    expect(
      await screen.findByText("Le fichier du plan n'a pas pu être transmis : le presse-papiers n'est pas disponible"),
    ).toBeTruthy();
  });

  it("opens the pane in the browser with the plan, where it is offered and can be downloaded", async () => {
    const delivery = macDelivery();
    const mac = renderPane({ example: "en-saas", fileDelivery: delivery });
    await mac.user.click(screen.getByRole("button", { name: "Open in your browser" }));
    expect(delivery.openInBrowser).toHaveBeenCalledTimes(1);
    const url = delivery.openInBrowser.mock.calls[0]![0];
    expect(url.startsWith(`${PAGE}#plan-file=`)).toBe(true);
    expect(screen.getByText(/The pane opened in your browser with this plan/)).toBeTruthy();
    mac.unmount();

    // The browser: a fresh storage, the address's fragment; downloads work there.
    const browser = renderPane({ pageHash: url.slice(url.indexOf("#")) });
    expect(screen.getByText(/A plan was sent from Excel/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("");
    await browser.openOfferedDraft();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Company" }).value).toBe("Brightpath Analytics");
    await browser.user.click(screen.getByRole("button", { name: "Export plan file" }));
    expect(browser.saveFile).toHaveBeenCalledTimes(1);
  });

  it("takes the handed-off plan out of the browser's address once read, so a reload does not offer it again", () => {
    const url = handoffUrl(PAGE, JSON.stringify({ format: "sales-plan-builder/plan", plan: examplePlan("en-saas") }));
    if (url === undefined) throw new Error("the example should fit in an address");
    window.history.replaceState(null, "", `/taskpane.html?mode=pane${url.slice(url.indexOf("#"))}`);
    const entries = window.history.length;

    const browser = renderPane({ pageHash: window.location.hash });
    expect(screen.getByText(/A plan was sent from Excel/)).toBeTruthy();
    expect(window.location.hash).toBe("");
    expect(window.location.pathname + window.location.search).toBe("/taskpane.html?mode=pane");
    expect(window.history.length).toBe(entries);
    browser.unmount();

    renderPane({ pageHash: window.location.hash });
    expect(screen.queryByText(/A plan was sent from Excel/)).toBeNull();
  });

  it("downloads as before where downloads work", async () => {
    const pane = renderPane({ example: "fr-reference" });
    expect(screen.queryByText(/Excel for Mac/)).toBeNull();
    await pane.user.click(screen.getByRole("button", { name: "Export plan file" }));
    expect(pane.saveFile).toHaveBeenCalledTimes(1);
  });
});
