import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { buildProduction } from "../helpers/production-build";
import { launchChromium } from "./support/chromium";
import {
  ARTIFACTS,
  goToStep,
  horizontalOverflow,
  lastRow,
  openPane,
  pageErrors,
  screenshot,
  seriousViolations,
  unfoldAll,
} from "./support/pane";
import { serveDirectory, type StaticServer } from "./support/static-server";

let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  const dist = await buildProduction("https://localhost:3000");
  server = await serveDirectory(dist);
  context = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

async function fillRow(page: Page, item: string, fields: Record<string, string>): Promise<void> {
  const row = lastRow(page, item);
  for (const [name, value] of Object.entries(fields)) await row.getByRole("textbox", { name, exact: true }).fill(value);
}

async function figure(page: Page, label: string): Promise<string> {
  const term = page.getByRole("region", { name: "Live results" }).locator("dt", { hasText: label });
  return (await term.locator("xpath=following-sibling::dd[1]").textContent()) ?? "";
}

describe("the task pane in Chromium, outside Office", () => {
  it("builds a plan from blank through the seven steps, with live results, in English and French", async () => {
    const page = await openPane(context, server.origin, { width: 320, theme: "light" });
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sales Plan Builder" }).waitFor();
    await page.getByText("The workbook buttons need Excel").waitFor();
    expect(await page.getByRole("button", { name: "Generate workbook" }).count()).toBe(0);

    // Plan details.
    await page.getByRole("textbox", { name: "Plan name" }).fill("Plan 2027");
    await page.getByRole("textbox", { name: "Company" }).fill("Nova Logiciels");
    await page.getByRole("textbox", { name: "Currency (ISO code)" }).fill("EUR");
    await page.getByLabel("First month").fill("2027-01");
    await screenshot(page, "blank-0-details");

    // 1. Mission and positioning.
    await goToStep(page, 1);
    await page.getByRole("textbox", { name: "Mission statement" }).fill("Help factories plan without spreadsheets.");
    await page.getByRole("textbox", { name: "Differentiators" }).fill("Live in a day\nSupport in Lyon");
    await page.getByRole("button", { name: "Add an insight" }).click();
    await lastRow(page, "Insight").getByRole("combobox", { name: "Source" }).selectOption("customers");
    await fillRow(page, "Insight", { Insight: "Monday mornings are the pain." });
    await screenshot(page, "blank-1-mission");

    // 2. Objectives.
    await goToStep(page, 2);
    await page.getByRole("textbox", { name: "Annual new-business revenue target (EUR)" }).fill("1200000");
    await page.getByRole("textbox", { name: "Average deal value (EUR)" }).fill("12000");
    await page.getByRole("textbox", { name: "Win rate target (%)" }).fill("25");
    for (const [name, rate] of [
      ["Leads", "5"],
      ["Meetings", "40"],
      ["Demos", "50"],
      ["Proposals", "50"],
    ] as const) {
      await page.getByRole("button", { name: "Add a funnel stage" }).click();
      await fillRow(page, "Funnel stage", { "Stage name": name, "Conversion to the next stage (%)": rate });
    }
    await page.getByRole("button", { name: "Add an activity target" }).click();
    await fillRow(page, "Activity", { Activity: "Prospecting emails", Unit: "emails", Quantity: "200" });
    await page.getByRole("button", { name: "Add an SLA" }).click();
    await fillRow(page, "SLA", { Activity: "Reply to new leads", "Maximum response time (hours)": "5" });
    // 1,200,000 ÷ 12,000 = 100 deals; 100 ÷ 0.5 ÷ 0.5 ÷ 0.4 ÷ 0.05 = 20,000 leads.
    expect(await figure(page, "Won deals needed (year 1)")).toBe("100");
    expect(await figure(page, "Top of the funnel (year 1)")).toBe("20,000");
    await screenshot(page, "blank-2-objectives");

    // 3. Organization.
    await goToStep(page, 3);
    await page.getByRole("button", { name: "Add a role" }).click();
    const role = lastRow(page, "Role");
    await role.getByRole("textbox", { name: "Role title" }).fill("Business developer");
    await role.getByRole("combobox", { name: "Activity carried" }).selectOption({ label: "Prospecting emails" });
    await fillRow(page, "Role", {
      "Capacity per person per working day (emails / day)": "20",
      "Base salary per year (EUR)": "38000",
      "Variable pay at target per year (EUR)": "12000",
      "Current headcount (people)": "4",
    });
    // 200 emails a day ÷ 20 per person = 10 people, at 50,000 each.
    await role.getByText("Needs 10 people; €500,000 a year.").waitFor();
    expect(await figure(page, "People needed (year 1)")).toBe("10");
    expect(await figure(page, "Cost of the team per year")).toBe("€500,000");
    await page.getByRole("table", { name: "Hires per quarter" }).first().waitFor();
    await screenshot(page, "blank-3-organization");

    // 4. Audience.
    await goToStep(page, 4);
    await page.getByRole("textbox", { name: "Industries" }).fill("Food\nPlastics");
    await page.getByRole("button", { name: "Add a segment" }).click();
    await fillRow(page, "Segment", { "Segment name": "Food SMEs" });
    await page.getByRole("button", { name: "Add a persona" }).click();
    await fillRow(page, "Persona", { "Persona name": "Claire, COO", Goals: "Deliver on time" });
    await screenshot(page, "blank-4-audience");

    // 5. Methodology: the nine traditional stages are there; edit the first.
    await goToStep(page, 5);
    const firstStage = page.getByRole("group", { name: /^Sales stage 1:/ });
    await firstStage.getByRole("button", { expanded: false }).click();
    await firstStage.getByRole("combobox", { name: "Methodology" }).selectOption("SPIN");
    await screenshot(page, "blank-5-methodology");

    // 6. Execution.
    await goToStep(page, 6);
    await page.getByRole("button", { name: "Add an initiative" }).click();
    await fillRow(page, "Initiative", { Initiative: "Hire six business developers", Owner: "Sales director" });
    await lastRow(page, "Initiative").getByLabel("End date", { exact: true }).fill("2027-04-30");
    await screenshot(page, "blank-6-execution");

    // 7. Measurement.
    await goToStep(page, 7);
    await page.getByRole("button", { name: "Add a KPI", exact: true }).click();
    await fillRow(page, "KPI", { "KPI name": "New-business revenue" });
    await lastRow(page, "KPI").getByText("Target now: €100,000").waitFor();
    await page.getByRole("button", { name: "Add a KPI per rep" }).click();
    await fillRow(page, "Rep KPI", { "KPI name": "Meetings booked" });
    await page.getByRole("button", { name: "Add a dashboard" }).click();
    await fillRow(page, "Dashboard", { Team: "Business developers", Tool: "CRM" });
    await screenshot(page, "blank-7-measurement");
    expect(await page.getByText(/The results appear once/).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The language switch changes every string and the number formats.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr-FR");
    await page.getByRole("heading", { level: 2, name: "Mesure" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Résultats en direct" }).waitFor();
    const cost = page.getByRole("region", { name: "Résultats en direct" }).locator("dt", { hasText: "Coût annuel" });
    expect((await cost.locator("xpath=following-sibling::dd[1]").textContent())?.replace(/\s/g, " ")).toBe("500 000 €");
    await screenshot(page, "blank-7-measurement-fr");

    // Export the plan file, replace the plan with an example, then import the file back.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Exporter le fichier du plan" }).click();
    const file = path.join(ARTIFACTS, "exported.plan.json");
    await (await download).saveAs(file);
    const exported = JSON.parse(readFileSync(file, "utf8")) as {
      formatVersion: number;
      plan: { meta: { company: string }; objectives: { funnel: unknown[] } };
    };
    expect(exported.formatVersion).toBe(1);
    expect(exported.plan.meta.company).toBe("Nova Logiciels");
    expect(exported.plan.objectives.funnel).toHaveLength(4);

    await goToStep(page, 0);
    await page.getByRole("button", { name: "Exemple anglais" }).click();
    await page.getByText(/Plan repris de l'exemple/).waitFor();
    expect(await page.getByRole("textbox", { name: "Entreprise" }).inputValue()).toBe("Brightpath Analytics");
    await page.getByLabel("Fichier de plan à importer (JSON)").setInputFiles(file);
    await page.getByText("exported.plan.json importé.").waitFor();
    expect(await page.getByRole("textbox", { name: "Entreprise" }).inputValue()).toBe("Nova Logiciels");

    // A bad file is refused with a message and changes nothing.
    const bad = path.join(ARTIFACTS, "not-a-plan.json");
    writeFileSync(bad, '{"hello": "world"}');
    await page.getByLabel("Fichier de plan à importer (JSON)").setInputFiles(bad);
    await page.getByText("not-a-plan.json n'a pas été importé ; le plan du volet n'a pas changé.").waitFor();
    expect(await page.getByRole("textbox", { name: "Entreprise" }).inputValue()).toBe("Nova Logiciels");

    // The plan and the language survive a reload (local storage).
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("textbox", { name: "Entreprise" }).inputValue()).toBe("Nova Logiciels");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  const configurations = [
    { theme: "light", width: 320 },
    { theme: "dark", width: 320 },
    { theme: "light", width: 500 },
    { theme: "dark", width: 500 },
  ] as const;

  it.each(configurations)(
    "has no serious accessibility violation and no sideways scrolling, $theme at $width px",
    async ({ theme, width }) => {
      const page = await openPane(context, server.origin, { width, theme });
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await page.getByRole("heading", { level: 1 }).waitFor();
      // A blank plan first: every validation message and the blocked results are on the page.
      const blank = await seriousViolations(page);
      await page.getByRole("button", { name: "French example" }).click();
      await page.getByText(/Started from the example/).waitFor();
      const steps = [];
      for (let step = 0; step <= 7; step += 1) {
        await goToStep(page, step);
        await unfoldAll(page);
        steps.push({ step, violations: await seriousViolations(page), overflow: await horizontalOverflow(page) });
        await screenshot(page, `${theme}-${width}-step-${step}`);
      }
      expect(blank).toEqual([]);
      expect(steps.filter(({ violations, overflow }) => violations.length > 0 || overflow > 0)).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    },
  );

  it("downloads the French example's workbook as an .xlsx file built in the browser", async () => {
    const page = await openPane(context, server.origin, { width: 500, theme: "light" });
    await page.getByRole("button", { name: "French example" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("button", { name: "Télécharger le classeur (.xlsx)" })
        .or(page.getByRole("button", { name: "Download workbook (.xlsx)" }))
        .click(),
    ]);
    const file = path.join(ARTIFACTS, "downloaded-fr-reference.xlsx");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("Plan d'action commercial 2027.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Plan",
      "1 Mission",
      "2 Objectifs",
      "3 Organisation",
      "4 Audience",
      "5 Méthodologie",
      "6 Exécution",
      "7 KPI",
      "8 Suivi",
      "9 Scénarios",
      "Affaires CRM",
      "Activités CRM",
    ]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file("customXml/item1.xml")?.async("string")).toContain("Plan d'action commercial 2027");
    await page.getByText(/Downloaded|téléchargé/).waitFor();

    // The workbook's charts, drawn by the SVG renderer in the browser, the Gantt among them.
    const gantt = page.getByRole("img", { name: /6 Exécution/ }).first();
    await gantt.waitFor();
    await gantt.scrollIntoViewIfNeeded();
    await gantt.screenshot({ path: path.join(ARTIFACTS, "preview-gantt-fr.png") });
    expect(await page.getByRole("img", { name: /^Chart “/ }).count()).toBeGreaterThanOrEqual(5);
    expect(pageErrors(page)).toEqual([]);
  });
});
