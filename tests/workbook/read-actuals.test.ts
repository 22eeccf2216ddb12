/**
 * Reading the actuals sheets back into records (src/workbook/read-actuals.ts): the round trip through the layout on
 * the seeded CRM fixtures, rows typed by hand, labels of either language, and bad cells named by sheet and cell.
 */
import { detectPreset, normaliseActivities, normaliseDeals, parseCsv } from "../../src/crm";
import { examplePlan, parsePlan, type Plan } from "../../src/plan";
import type { Actuals } from "../../src/plan/actuals";
import { toExcelSerial } from "../../src/plan/calendar";
import { layoutWorkbook } from "../../src/workbook/layout";
import { readActuals, recordDateOfSerial } from "../../src/workbook/read-actuals";
import { FIXTURE_CRMS, generateCrmFixture } from "../../scripts/crm-fixtures";
import { setCell, snapshotsFromSpec, type MutableSnapshot } from "../helpers/snapshots";

const GENERATED_ON = "2026-12-15";
const english = parsePlan(examplePlan("en-saas"));
const french = parsePlan(examplePlan("fr-reference"));

function importedFixture(crm: (typeof FIXTURE_CRMS)[number]): Actuals {
  const fixture = generateCrmFixture({ crm, deals: 150, activities: 400, badRows: 3, seed: 5 });
  const deals = parseCsv(fixture.dealsCsv);
  const activities = parseCsv(fixture.activitiesCsv);
  const dealsPreset = detectPreset(deals.headers, "deals")!;
  const activitiesPreset = detectPreset(activities.headers, "activities")!;
  return {
    deals: normaliseDeals(deals, dealsPreset.mapping, { planCurrency: "EUR" }).good.map((row) => row.record),
    activities: normaliseActivities(activities, activitiesPreset.mapping, {}).good.map((row) => row.record),
  };
}

function snapshotsOf(plan: Plan, actuals?: Actuals): MutableSnapshot[] {
  return snapshotsFromSpec(layoutWorkbook(plan, { generatedOn: GENERATED_ON, ...(actuals ? { actuals } : {}) }));
}

const sheet = (snapshots: MutableSnapshot[], key: "deals" | "activities") =>
  snapshots.find((snapshot) => snapshot.key === key)!;

describe("reading the actuals sheets back", () => {
  describe.each(FIXTURE_CRMS)("the %s fixture, imported then laid out", (crm) => {
    const actuals = importedFixture(crm);

    it.each([
      ["English", english],
      ["French", french],
    ])("gives back the same records from a workbook in %s", (_, plan) => {
      expect(actuals.deals.length).toBeGreaterThan(100);
      expect(actuals.activities.length).toBeGreaterThan(300);
      const read = readActuals(snapshotsOf(plan, actuals), plan.meta.locale);
      expect(read.issues).toEqual([]);
      expect(read.actuals.deals).toEqual(actuals.deals);
      expect(read.actuals.activities).toEqual(actuals.activities);
    });
  });

  it("reads the role each row shows, so a role typed by hand survives a rewrite", () => {
    const role = english.organization.roles[0]!;
    const plan = parsePlan({
      ...english,
      measurement: {
        ...english.measurement,
        tracking: { ...english.measurement.tracking, owners: [{ owner: "Kalo Mira", roleId: role.id }] },
      },
    });
    const actuals = importedFixture("hubspot");
    const deals = actuals.deals.map((deal, index) => (index === 0 ? { ...deal, owner: "Kalo Mira" } : deal));
    const read = readActuals(snapshotsOf(plan, { deals, activities: [] }), "en-US");
    expect(read.actuals.deals[0]).toEqual({ ...deals[0], role: role.title });
    expect(read.actuals.deals.slice(1).every((deal) => deal.role === undefined)).toBe(true);
  });

  it("reads rows typed by hand: no CRM id, labels of either language, dates and amounts typed as text, blank rows skipped", () => {
    const snapshots = snapshotsOf(english);
    const deals = sheet(snapshots, "deals");
    // Row 5 is the empty table's blank row; the user types on rows 6 and 8 (inside a grown table and below it).
    for (const [address, value] of Object.entries({
      B6: "Side deal",
      C6: "Ana Roe",
      D6: "Account executive",
      E6: "1200,50",
      G6: "gagnée",
      H6: "2027-03-01",
      I6: toExcelSerial("2027-03-20") + 0.5,
      C8: 42,
      E8: 300,
      G8: "Lost",
      I8: "2027-04-02 09:30",
    }))
      setCell(deals, address, value);
    deals.tableRanges.CrmDeals = "A4:L6";
    const activities = sheet(snapshots, "activities");
    for (const [address, value] of Object.entries({ B5: "Réunion", D5: "Ana Roe", F5: 46_100, G5: "VRAI" }))
      setCell(activities, address, value);
    const read = readActuals(snapshots, "en-US");
    expect(read.issues).toEqual([]);
    // Row 6 is inside the grown table, row 8 below it.
    expect(read.inTable).toEqual({ deals: 1, activities: 1 });
    expect(read.actuals.deals).toEqual([
      {
        crmId: null,
        title: "Side deal",
        owner: "Ana Roe",
        role: "Account executive",
        value: 1200.5,
        currency: null,
        status: "won",
        createdOn: "2027-03-01",
        closedOn: "2027-03-20T12:00:00Z",
        stage: null,
        pipeline: null,
        source: null,
      },
      {
        crmId: null,
        title: "",
        owner: "42",
        value: 300,
        currency: null,
        status: "lost",
        createdOn: null,
        closedOn: "2027-04-02T09:30:00Z",
        stage: null,
        pipeline: null,
        source: null,
      },
    ]);
    expect(read.actuals.activities).toEqual([
      {
        crmId: null,
        type: "meeting",
        rawType: "",
        owner: "Ana Roe",
        dueOn: recordDateOfSerial(46_100),
        done: true,
        doneAt: null,
      },
    ]);
  });

  it("reports each bad cell with its sheet, cell and reason, leaves its row out, and never throws", () => {
    const snapshots = snapshotsOf(english, importedFixture("pipedrive-en"));
    const deals = sheet(snapshots, "deals");
    setCell(deals, "G5", "Wonn");
    setCell(deals, "C6", null);
    setCell(deals, "H7", "next week");
    setCell(deals, "E8", true);
    const activities = sheet(snapshots, "activities");
    setCell(activities, "B5", "Lunch");
    setCell(activities, "G6", "maybe");
    setCell(activities, "F7", -5);
    const before = readActuals(snapshotsOf(english, importedFixture("pipedrive-en")), "en-US").actuals;
    const read = readActuals(snapshots, "en-US");
    expect(read.issues.map((issue) => issue.message)).toEqual([
      'CRM deals!G5: Status must be Won, Lost or Open (got "Wonn")',
      "CRM deals!C6: Owner must not be empty",
      'CRM deals!H7: Created on must be a date, with or without a time (got "next week")',
      "CRM deals!E8: Value must be a number (got TRUE)",
      'CRM activities!B5: Type must be Call, Email, Meeting, Demo, Task or Other (got "Lunch")',
      'CRM activities!G6: Done must be TRUE or FALSE (got "maybe")',
      "CRM activities!F7: Due on must be a date, with or without a time (got -5)",
    ]);
    expect(read.issues[0]).toMatchObject({ sheet: "CRM deals", cell: "G5" });
    expect(read.actuals.deals).toEqual(before.deals.slice(4));
    expect(read.actuals.activities).toEqual(before.activities.slice(3));
  });

  it("words its messages in French for a French plan", () => {
    const snapshots = snapshotsOf(french);
    const deals = sheet(snapshots, "deals");
    setCell(deals, "C5", "Ana Roe");
    setCell(deals, "E5", 10);
    setCell(deals, "G5", "Signée");
    expect(readActuals(snapshots, "fr-FR").issues.map((issue) => issue.message)).toEqual([
      'Affaires CRM!G5: Statut doit valoir Gagnée, Perdue ou Ouverte (valeur lue : "Signée")',
    ]);
  });

  it("finds the records where the table is now, when the user inserted rows above it", () => {
    const actuals = importedFixture("salesforce");
    const snapshots = snapshotsOf(english, { deals: actuals.deals.slice(0, 3), activities: [] });
    const deals = sheet(snapshots, "deals");
    deals.values.splice(2, 0, [], []);
    deals.tableRanges.CrmDeals = "A6:L9";
    expect(readActuals(snapshots, "en-US").actuals.deals).toEqual(actuals.deals.slice(0, 3));
  });
});
