/**
 * @jest-environment jsdom
 */
import { configure, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { generateCrmFixture } from "../../../scripts/crm-fixtures";
import type { Actuals } from "../../../src/plan/actuals";
import { validatePlan } from "../../../src/plan/validate";
import type { Plan } from "../../../src/plan/schema";
import * as layout from "../../../src/workbook/layout";
import { DownloadWorkbookButton } from "../../../src/taskpane/workbook/DownloadWorkbookButton";
import { buildWorkbookFile } from "../../../src/taskpane/wiring/workbook-file";
import type { ActualsImportReport, WorkbookGateway } from "../../../src/workbook/gateway";
import { FIXED_TODAY, renderPane } from "../support/render-pane";

// Reading, checking and re-rendering the whole pane take a few seconds in jsdom (not in a browser).
configure({ asyncUtilTimeout: 10_000 });

const FILE_INPUT = "CRM export to import (CSV, TXT or XLSX)";

function csvFile(name: string, text: string): File {
  return new File([text], name, { type: "text/csv" });
}

/** Six Pipedrive deals: row 4 has no owner, row 7 an amount that is not one (scripts/crm-fixtures.ts). */
const pipedrive = generateCrmFixture({ crm: "pipedrive-en", deals: 6, activities: 4, badRows: 2, seed: 3 });

/** A CRM export no preset knows: semicolons, its own headers. */
const CUSTOM_DEALS = [
  "Ref;Rep;Amount;Result;Closed",
  "A-1;Ada Kilo;1200;won;2027-03-14",
  "A-2;Ada Kilo;800;lost;2027-03-20",
  "A-3;Bo Rin;450;open;",
].join("\n");

async function openMonthlyReview(pane: ReturnType<typeof renderPane>) {
  await pane.goToStep(7);
  await screen.findByRole("heading", { name: "Monthly review: import from your CRM" });
}

function fakeGateway(report: Partial<ActualsImportReport> = {}) {
  const importActuals = jest.fn((): Promise<ActualsImportReport> =>
    Promise.resolve({
      created: ["CRM deals"],
      updated: ["8 Tracking"],
      backups: [],
      degraded: [],
      syncs: 2,
      deals: { added: 4, updated: 0, kept: 1 },
      activities: { added: 0, updated: 0, kept: 0 },
      actualsBackups: ["CRM deals (backup)"],
      ...report,
    }),
  );
  const gateway: WorkbookGateway = {
    available: true,
    generate: jest.fn(),
    update: jest.fn(),
    readFromWorkbook: jest.fn(),
    leadershipCopy: jest.fn(),
    importActuals,
    loadStoredPlan: jest.fn().mockResolvedValue(undefined),
  };
  return { gateway, importActuals };
}

/** The pane's workbook download, as index.tsx wires it, keeping the file instead of saving it. */
function downloadCatcher() {
  const built: { plan: Plan; actuals: Actuals }[] = [];
  const extensions = {
    downloadWorkbook: (plan: Plan | undefined, actuals: Actuals) => (
      <DownloadWorkbookButton
        plan={plan}
        download={async (chosen) => {
          built.push({ plan: chosen, actuals });
          return (await buildWorkbookFile(chosen, FIXED_TODAY, actuals)).name;
        }}
      />
    ),
  };
  return { built, extensions };
}

describe("step 7's monthly review: importing a CRM export", () => {
  it("recognises a Pipedrive export, counts its rows and lists the bad ones by row and column", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", pipedrive.dealsCsv));

    expect(await screen.findByText(/Recognised as a Pipedrive export \(English headers\)\./)).toBeTruthy();
    expect(screen.getByText("6 rows read: 4 can be imported, 2 cannot.")).toBeTruthy();
    expect(screen.getByText("2 rows cannot be imported:")).toBeTruthy();
    expect(screen.getByText(/^Row 4, column "Deal - Owner": is empty; owner is required/)).toBeTruthy();
    expect(screen.getByText(/^Row 7, column "Deal - Value": "n\/a" is not an amount/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import the 4 good rows" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import nothing" })).toBeTruthy();
  });

  it("maps unknown columns by hand with a preview, remembers the mapping in the plan and reuses it for the same headers", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("export.csv", CUSTOM_DEALS));

    expect(await screen.findByRole("heading", { name: "Match the file's columns" })).toBeTruthy();
    expect(screen.getByText("No known CRM export has these columns.")).toBeTruthy();
    const preview = screen.getByRole("table", { name: "The first 3 of 3 rows of the file" });
    expect(within(preview).getByRole("columnheader", { name: "Amount" })).toBeTruthy();
    expect(within(preview).getByRole("cell", { name: "A-2" })).toBeTruthy();

    // An incomplete mapping is refused with what it lacks.
    await pane.user.click(screen.getByRole("button", { name: "Use this mapping" }));
    expect(await screen.findByText('no column is mapped to "owner"; map one of the headers to it')).toBeTruthy();

    await pane.user.selectOptions(screen.getByRole("combobox", { name: "CRM id" }), "Ref");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Owner (required)" }), "Rep");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Value (required)" }), "Amount");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: /^Status/ }), "Result");
    await pane.user.selectOptions(screen.getByRole("combobox", { name: "Closed on" }), "Closed");
    await pane.user.click(screen.getByRole("button", { name: "Use this mapping" }));

    expect(await screen.findByText("3 rows read: 3 can be imported, 0 cannot.")).toBeTruthy();
    expect(screen.getByText(/Read with your mapping\./)).toBeTruthy();
    expect(pane.storedDraft().measurement?.tracking?.mappings).toEqual([
      {
        kind: "deals",
        headers: ["amount", "closed", "ref", "rep", "result"],
        columns: { crmId: "Ref", owner: "Rep", value: "Amount", status: "Result", closedOn: "Closed" },
      },
    ]);

    await pane.user.click(screen.getByRole("button", { name: "Import nothing" }));
    // The next month's export: the same columns, in another order and case.
    const nextMonth = ["rep;REF;closed;amount;result", "Ada Kilo;A-4;2027-04-02;300;won"].join("\n");
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("april.csv", nextMonth));
    expect(await screen.findByText(/Read with the mapping you made for these columns\./)).toBeTruthy();
    expect(screen.getByText("1 row read: 1 can be imported, 0 cannot.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Match the file's columns" })).toBeNull();
  });

  it("asks the date order when the dates read both ways, offers no import until answered, then reads them so", async () => {
    const { built, extensions } = downloadCatcher();
    const pane = renderPane({ example: "fr-reference", extensions });
    await openMonthlyReview(pane);
    const ambiguous = [
      "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Won time",
      "7,Alpha,Ada Kilo,100,EUR,won,03/04/2027",
      "8,Beta,Ada Kilo,200,EUR,won,05/06/2027",
    ].join("\n");
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", ambiguous));

    const question = await screen.findByRole("radiogroup", { name: /read both as day\/month and month\/day/ });
    expect(screen.getByText(/Answer the question above to read these values/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Import (the )?\d/ })).toBeNull();

    await pane.user.click(within(question).getByRole("radio", { name: "Day first (31/12/2026)" }));
    expect(await screen.findByText("2 rows read: 2 can be imported, 0 cannot.")).toBeTruthy();
    // The answer stays on screen, and can be changed.
    const answered = screen.getByRole("radiogroup", { name: /read both as day\/month and month\/day/ });
    expect(within(answered).getByRole<HTMLInputElement>("radio", { name: "Day first (31/12/2026)" }).checked).toBe(
      true,
    );
    await pane.user.click(screen.getByRole("button", { name: "Import 2 rows" }));
    await pane.user.click(await screen.findByRole("button", { name: "Download workbook (.xlsx)" }));
    await screen.findByText(/^Downloaded /);
    expect(built.at(-1)?.actuals.deals.map((deal) => deal.closedOn)).toEqual(["2027-04-03", "2027-06-05"]);
  });

  it("imports nothing when the user says so: the actuals the downloaded workbook holds stay as they were", async () => {
    const { built, extensions } = downloadCatcher();
    const pane = renderPane({ example: "fr-reference", extensions });
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", pipedrive.dealsCsv));
    await pane.user.click(await screen.findByRole("button", { name: "Import the 4 good rows" }));
    expect(await screen.findByText("Deals: 4 added, 0 updated, 0 kept.")).toBeTruthy();

    const worse = pipedrive.dealsCsv.replace("Masa Deldelqua,3913.36", "Masa Deldelqua,lots");
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals-again.csv", worse));
    expect(await screen.findByText("6 rows read: 3 can be imported, 3 cannot.")).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Import nothing" }));
    expect(await screen.findByText("Nothing was imported; the actuals have not changed.")).toBeTruthy();

    await pane.user.click(screen.getByRole("button", { name: "Download workbook (.xlsx)" }));
    await screen.findByText(/^Downloaded /);
    const deals = built.at(-1)!.actuals.deals;
    expect(deals.map((deal) => [deal.crmId, deal.value])).toEqual([
      ["1000", 3913.36],
      ["1001", 23966.41],
      ["1003", 57519.98],
      ["1004", 15884.03],
    ]);
  });

  it("flags rows in another currency than the plan's", async () => {
    const pane = renderPane({ example: "fr-reference" });
    await openMonthlyReview(pane);
    const mixed = [
      "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Won time",
      "1,Alpha,Ada Kilo,100,EUR,won,2027-01-15",
      "2,Beta,Ada Kilo,250,USD,won,2027-01-16",
    ].join("\n");
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", mixed));
    expect(await screen.findByText(/1 row\(s\) are in another currency than the plan's \(EUR\)/)).toBeTruthy();
    expect(screen.getByText("Row 3: 250 USD")).toBeTruthy();
  });

  it("asks the role of each new owner and stores it in the plan, then imports into Excel with it", async () => {
    const { gateway, importActuals } = fakeGateway();
    const pane = renderPane({ example: "fr-reference", gateway });
    await pane.openOfferedDraft();
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", pipedrive.dealsCsv));

    const owners = await screen.findByRole("region", { name: "Owners and roles" });
    const masa = within(owners).getByRole("combobox", { name: "Role of Masa Deldelqua (1 row)" });
    await pane.user.selectOptions(masa, "account-executive");
    await pane.user.selectOptions(
      within(owners).getByRole("combobox", { name: "Role of Mito Zelkaka (2 rows)" }),
      "bizdev",
    );
    await waitFor(() =>
      expect(pane.storedDraft().measurement?.tracking?.owners).toEqual([
        { owner: "Masa Deldelqua", roleId: "account-executive" },
        { owner: "Mito Zelkaka", roleId: "bizdev" },
      ]),
    );

    await pane.user.click(screen.getByRole("button", { name: "Import the 4 good rows" }));
    expect(await screen.findByText("The actuals are in the workbook.")).toBeTruthy();
    expect(screen.getByText("Deals: 4 added, 0 updated, 1 kept.")).toBeTruthy();
    expect(screen.getByText("Backups of the actuals tables: CRM deals (backup).")).toBeTruthy();

    expect(importActuals).toHaveBeenCalledTimes(1);
    const [plan, incoming, onProgress] = importActuals.mock.calls[0] as unknown as [Plan, Actuals, unknown];
    const expected = validatePlan(pane.storedDraft());
    expect(expected.ok && plan).toEqual(expected.ok && expected.plan);
    expect(plan.measurement.tracking.owners).toHaveLength(2);
    expect(typeof onProgress).toBe("function");
    expect(incoming.activities).toEqual([]);
    expect(incoming.deals.map((deal) => [deal.crmId, deal.owner, deal.status, deal.value])).toEqual([
      ["1000", "Masa Deldelqua", "open", 3913.36],
      ["1001", "Mito Zelkaka", "won", 23966.41],
      ["1003", "Tuma Brotozel", "open", 57519.98],
      ["1004", "Mito Zelkaka", "lost", 15884.03],
    ]);
  });

  it("imports nothing into Excel when the user says so", async () => {
    const { gateway, importActuals } = fakeGateway();
    const pane = renderPane({ example: "fr-reference", gateway });
    await pane.openOfferedDraft();
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", pipedrive.dealsCsv));
    await pane.user.click(await screen.findByRole("button", { name: "Import nothing" }));
    expect(await screen.findByText("Nothing was imported; the actuals have not changed.")).toBeTruthy();
    expect(importActuals).not.toHaveBeenCalled();
  });

  it("shows the gateway's refusal as the import's outcome", async () => {
    const { gateway, importActuals } = fakeGateway();
    importActuals.mockRejectedValueOnce(new Error("The workbook is read-only; nothing was written."));
    const pane = renderPane({ example: "fr-reference", gateway });
    await pane.openOfferedDraft();
    await openMonthlyReview(pane);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", pipedrive.dealsCsv));
    await pane.user.click(await screen.findByRole("button", { name: "Import the 4 good rows" }));
    expect(await screen.findByText("The import failed")).toBeTruthy();
    expect(screen.getByText("The workbook is read-only; nothing was written.")).toBeTruthy();
  });

  it("in a browser, puts the imported actuals into the downloaded workbook", async () => {
    const spy = jest.spyOn(layout, "layoutWorkbook");
    const { extensions } = downloadCatcher();
    const pane = renderPane({ example: "fr-reference", extensions });
    await openMonthlyReview(pane);
    await pane.user.click(screen.getByRole("radio", { name: "Activities" }));
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("activities.csv", pipedrive.activitiesCsv));
    await pane.user.click(await screen.findByRole("button", { name: "Import the 2 good rows" }));
    expect(
      await screen.findByText(
        "The pane holds 0 deals and 2 activities; the downloaded workbook (.xlsx) includes them.",
      ),
    ).toBeTruthy();

    await pane.user.click(screen.getByRole("button", { name: "Download workbook (.xlsx)" }));
    await screen.findByText(/^Downloaded /);
    const options = spy.mock.calls.at(-1)?.[1];
    expect(options?.actuals?.activities.map((activity) => [activity.crmId, activity.type, activity.owner])).toEqual([
      ["50000", "call", "Zelka Dellotu"],
      ["50002", "meeting", "Mito Zelkaka"],
    ]);
    spy.mockRestore();
  });

  it("reads a 100,000-row export off the click, with its progress, and counts every row", async () => {
    const rows = [
      "Activity - ID,Activity - Subject,Activity - Type,Activity - Assigned to user,Activity - Due date,Activity - Done",
    ];
    for (let index = 0; index < 100_000; index++) {
      const day = String((index % 28) + 1).padStart(2, "0");
      // Every 10,000th row has no owner: a bad row.
      const owner = index % 10_000 === 9_999 ? "" : `Rep ${index % 7}`;
      rows.push(`${index},Follow-up,${index % 2 ? "Call" : "Email"},${owner},2027-03-${day},Done`);
    }
    const pane = renderPane({ example: "fr-reference" });
    await openMonthlyReview(pane);
    await pane.user.click(screen.getByRole("radio", { name: "Activities" }));
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("activities.csv", rows.join("\n")));
    expect(await screen.findByRole("progressbar", { name: "Import in progress" })).toBeTruthy();
    expect(
      await screen.findByText("100000 rows read: 99990 can be imported, 10 cannot.", undefined, { timeout: 60_000 }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import the 99990 good rows" })).toBeTruthy();
  }, 120_000);

  it("reads an .xlsx export: HubSpot deals, dates and amounts as Excel stores them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deals");
    sheet.addRow(["Record ID", "Deal Name", "Deal owner", "Amount", "Deal Stage", "Close Date", "Pipeline"]);
    sheet.addRow(["91", "Alpha", "Ada Kilo", 1500, "Closed Won", new Date(Date.UTC(2027, 2, 14)), "Sales"]);
    sheet.addRow(["92", "Beta", "Bo Rin", 700, "Appointment Scheduled", null, "Sales"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { built, extensions } = downloadCatcher();
    const pane = renderPane({ example: "fr-reference", extensions });
    await openMonthlyReview(pane);
    await pane.user.upload(
      screen.getByLabelText(FILE_INPUT),
      new File([bytes], "hubspot.xlsx", {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
    expect(await screen.findByText(/Recognised as a HubSpot export \(English headers\)\./)).toBeTruthy();
    expect(screen.getByText("2 rows read: 2 can be imported, 0 cannot.")).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Import 2 rows" }));
    await pane.user.click(await screen.findByRole("button", { name: "Download workbook (.xlsx)" }));
    await screen.findByText(/^Downloaded /);
    expect(built.at(-1)?.actuals.deals.map((deal) => [deal.crmId, deal.status, deal.value, deal.closedOn])).toEqual([
      ["91", "won", 1500, "2027-03-14"],
      ["92", "open", 700, null],
    ]);
  });

  it("speaks French: the question and the counts in the pane's language", async () => {
    const pane = renderPane({ example: "fr-reference", language: "fr-FR" });
    await pane.goToStep(7);
    await screen.findByRole("heading", { name: "Revue mensuelle : importer depuis votre CRM" });
    const ambiguous = [
      "Affaire - ID;Affaire - Titre;Affaire - Propriétaire;Affaire - Valeur;Affaire - Statut;Affaire - Date de gain",
      "7;Alpha;Ada Kilo;100;Gagné;03/04/2027",
    ].join("\n");
    await pane.user.upload(
      screen.getByLabelText("Export CRM à importer (CSV, TXT ou XLSX)"),
      csvFile("affaires.csv", ambiguous),
    );
    expect(await screen.findByText(/Reconnu comme un export Pipedrive \(en-têtes en français\)\./)).toBeTruthy();
    const question = screen.getByRole("radiogroup", { name: /se lisent jour\/mois comme mois\/jour/ });
    await pane.user.click(within(question).getByRole("radio", { name: "Jour d'abord (31/12/2026)" }));
    expect(await screen.findByText("1 ligne lue : 1 peut être importée, 0 non.")).toBeTruthy();
  });

  it("asks the decimal separator of amounts that read both ways, and lists the first 20 bad rows with a count", async () => {
    const { built, extensions } = downloadCatcher();
    const pane = renderPane({ example: "fr-reference", extensions });
    await openMonthlyReview(pane);
    const rows = [
      "Deal - ID;Deal - Title;Deal - Owner;Deal - Value;Deal - Currency;Deal - Status;Deal - Won time",
      "1;Alpha;Ada Kilo;1,250;EUR;won;2027-01-15",
      "2;Beta;Ada Kilo;2,500;EUR;won;2027-01-16",
    ];
    for (let id = 3; id <= 27; id++) rows.push(`${id};Gamma;;100;EUR;open;`);
    await pane.user.upload(screen.getByLabelText(FILE_INPUT), csvFile("deals.csv", rows.join("\n")));

    const question = await screen.findByRole("radiogroup", { name: /with a decimal point or a decimal comma/ });
    // Until answered, the two amounts are bad rows too, and nothing can be imported.
    expect(screen.getByText("27 rows cannot be imported:")).toBeTruthy();
    expect(screen.getByText(/^Row 2, column "Deal - Value": "1,250" could be 1250 or 1.25/)).toBeTruthy();

    await pane.user.click(within(question).getByRole("radio", { name: "Decimal comma (1 234,56)" }));
    expect(await screen.findByText("27 rows read: 2 can be imported, 25 cannot.")).toBeTruthy();
    // Rows 4 to 28 have no owner: the first 20 are listed, the other 5 counted.
    expect(screen.getByText(/^Row 23, column "Deal - Owner": is empty/)).toBeTruthy();
    expect(screen.queryByText(/^Row 24, column "Deal - Owner"/)).toBeNull();
    expect(screen.getByText("…and 5 more.")).toBeTruthy();
    await pane.user.click(screen.getByRole("button", { name: "Import the 2 good rows" }));
    await pane.user.click(await screen.findByRole("button", { name: "Download workbook (.xlsx)" }));
    await screen.findByText(/^Downloaded /);
    expect(built.at(-1)?.actuals.deals.map((deal) => deal.value)).toEqual([1.25, 2.5]);
  });
});
