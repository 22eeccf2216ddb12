/**
 * The tracking sheet recalculated by LibreOffice Calc over actuals imported from a seeded CRM fixture: no error cell,
 * every formula equal to its prediction, the headline names equal to a plain loop over the records.
 */
import { generateCrmFixture } from "../../scripts/crm-fixtures";
import { detectPreset, normaliseActivities, normaliseDeals, parseCsv } from "../../src/crm";
import { examplePlan, parsePlan } from "../../src/plan";
import type { Actuals } from "../../src/plan/actuals";
import { layoutWorkbook } from "../../src/workbook/layout";
import { withActualsSheetSpecs } from "../helpers/actuals-sheets";
import { verifyInLibreOffice } from "../helpers/verify-in-libreoffice";

const base = parsePlan(examplePlan("fr-reference"));
const fixture = generateCrmFixture({ crm: "pipedrive-en", deals: 200, activities: 600, badRows: 0, seed: 9 });
const dealTable = parseCsv(fixture.dealsCsv);
const activityTable = parseCsv(fixture.activitiesCsv);
// Every fifth deal without a currency (a blank cell), which counts as the plan's; a few are in USD, which do not.
const actuals: Actuals = {
  deals: normaliseDeals(dealTable, detectPreset(dealTable.headers, "deals")!.mapping, {
    planCurrency: "EUR",
  }).good.map((row, index) => (index % 5 === 0 ? { ...row.record, currency: null } : row.record)),
  activities: normaliseActivities(
    activityTable,
    detectPreset(activityTable.headers, "activities")!.mapping,
    {},
  ).good.map((row) => row.record),
};
const owners = [...new Set(actuals.deals.map((deal) => deal.owner))].sort();
const plan = parsePlan({
  ...base,
  measurement: {
    ...base.measurement,
    tracking: {
      ...base.measurement.tracking,
      asOf: "2027-07-15",
      owners: owners.map((owner, index) => ({
        owner,
        roleId: ["account-executive", "bizdev", "prospecteur-tel"][index % 3]!,
      })),
      activityTypes: [
        { activityId: "emails-prospection", type: "email" },
        { activityId: "demonstrations", type: "demo" },
      ],
    },
  },
});

describe("the tracking sheet in LibreOffice Calc", () => {
  const spec = withActualsSheetSpecs(layoutWorkbook(plan, { generatedOn: "2027-07-20", actuals }), plan, actuals);
  let verdict: Awaited<ReturnType<typeof verifyInLibreOffice>>;
  beforeAll(async () => {
    verdict = await verifyInLibreOffice(spec, "tracking-fr");
  });

  it("recalculates every formula to its prediction, without an error", () => {
    expect(verdict.errors.slice(0, 10)).toEqual([]);
    expect(verdict.mismatches.slice(0, 10)).toEqual([]);
  });

  it("holds the revenue won to date that a plain loop over the records gives", () => {
    let revenue = 0;
    let won = 0;
    for (const deal of actuals.deals) {
      const closed = deal.closedOn?.slice(0, 10);
      if (deal.status !== "won" || deal.currency === "USD" || !closed || closed > "2027-07-15") continue;
      revenue += deal.value;
      won += 1;
    }
    expect(actuals.deals.filter((deal) => deal.currency === null).length).toBeGreaterThan(10);
    expect(verdict.names["ActualWonDealsToDate"]).toBe(won);
    expect(verdict.names["ActualRevenueToDate"]).toBeCloseTo(revenue, 6);
  });
});
