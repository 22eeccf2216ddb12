import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { generateCrmFixture } from "../../scripts/crm-fixtures";
import { buildProduction } from "../helpers/production-build";
import { launchChromium } from "./support/chromium";
import { ARTIFACTS, goToStep, openPane, pageErrors, screenshot } from "./support/pane";
import { serveDirectory, type StaticServer } from "./support/static-server";

let server: StaticServer;
let context: BrowserContext;

// The production build alone takes minutes on a busy machine: more than the suite's default timeout.
beforeAll(async () => {
  const dist = await buildProduction("https://localhost:3000");
  server = await serveDirectory(dist);
  context = await launchChromium();
}, 900_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** Chooses a file the way a user does: the button opens the file chooser. */
async function chooseExport(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Choose a CRM export" }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

describe("step 7's monthly review in Chromium, outside Office", () => {
  it("imports a Pipedrive export, maps a second file by hand, and downloads the workbook", async () => {
    const fixture = generateCrmFixture({ crm: "pipedrive-en", deals: 300, activities: 10, badRows: 3, seed: 11 });
    const page = await openPane(context, server.origin, { width: 500, theme: "light" });
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole("button", { name: "English example" }).click();
    await goToStep(page, 7);
    await page.getByRole("heading", { name: "Monthly review: import from your CRM" }).waitFor();

    // A Pipedrive deals export: recognised, counted, its bad rows listed.
    await chooseExport(page, "pipedrive-deals.csv", fixture.dealsCsv);
    await page.getByText("Recognised as a Pipedrive export (English headers).", { exact: false }).waitFor();
    await page.getByText("300 rows read: 297 can be imported, 3 cannot.").waitFor();
    expect(await page.getByText(/^Row \d+, column "Deal - /).count()).toBeGreaterThanOrEqual(3);
    const owners = page.getByRole("region", { name: "Owners and roles" });
    await owners.getByRole("combobox").first().selectOption({ index: 1 });
    await screenshot(page, "monthly-review-pipedrive");
    await page.getByRole("button", { name: "Import the 297 good rows" }).click();
    await page.getByText("Deals: 297 added, 0 updated, 0 kept.").waitFor();

    // Activities from a CRM no preset knows: mapped by hand, with the preview.
    await page.getByRole("radio", { name: "Activities" }).check();
    const activities = [
      "Ref;Who;Kind;When;Finished",
      "T-1;Ada Kilo;Call;2027-02-01;yes",
      "T-2;Ada Kilo;Demo;2027-02-02;no",
      "T-3;Bo Rin;Meeting;2027-02-03;yes",
    ].join("\n");
    await chooseExport(page, "activities.csv", activities);
    await page.getByRole("heading", { name: "Match the file's columns" }).waitFor();
    await page.getByRole("table", { name: "The first 3 of 3 rows of the file" }).waitFor();
    await page.getByRole("combobox", { name: "CRM id" }).selectOption("Ref");
    await page.getByRole("combobox", { name: "Owner (required)" }).selectOption("Who");
    await page.getByRole("combobox", { name: "Type (required)" }).selectOption("Kind");
    await page.getByRole("combobox", { name: "Due date" }).selectOption("When");
    await page.getByRole("combobox", { name: "Done flag" }).selectOption("Finished");
    await screenshot(page, "monthly-review-mapping");
    await page.getByRole("button", { name: "Use this mapping" }).click();
    await page.getByText("3 rows read: 3 can be imported, 0 cannot.").waitFor();
    await page.getByRole("button", { name: "Import 3 rows" }).click();
    await page
      .getByText("The pane holds 297 deals and 3 activities; the downloaded workbook (.xlsx) includes them.")
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download workbook (.xlsx)" }).click(),
    ]);
    await download.saveAs(path.join(ARTIFACTS, "monthly-review.xlsx"));
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByText(/^Downloaded /).waitFor();

    // The exports were parsed in the import's worker, not on the page's thread.
    expect(workers.some((url) => /crm-import-worker\.[0-9a-f]+\.js$/.test(url))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
