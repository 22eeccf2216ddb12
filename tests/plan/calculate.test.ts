import { calculatePlan, examplePlan, parsePlan } from "../../src/plan";

const french = calculatePlan(parsePlan(examplePlan("fr-reference")));
const english = calculatePlan(parsePlan(examplePlan("en-saas")));

function role(figures: ReturnType<typeof calculatePlan>, id: string) {
  const found = figures.roles.find((r) => r.roleId === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
}

describe("the French reference plan's figures", () => {
  it("needs 10 business developers for 200 prospecting emails a day at 20 each", () => {
    expect(role(french, "bizdev").workloadPerDay).toBe(200);
    expect(role(french, "bizdev").requiredHeadcount).toBe(10);
  });

  it("derives deals and the reverse funnel from the revenue target", () => {
    expect(french.deals).toBe(100);
    expect(french.funnel.map((row) => row.perYear)).toEqual([20_000, 1_000, 400, 200]);
    expect(french.topOfFunnelVolume).toBe(20_000);
  });

  it("shows each funnel volume per quarter, month, week and working day, rounded up", () => {
    const leads = french.funnel[0]!;
    expect([leads.perQuarter, leads.perMonth, leads.perWeek, leads.perWorkingDay]).toEqual([5000, 1667, 397, 80]);
  });

  it("splits the year by the seasonality weights, deals in whole numbers", () => {
    expect(french.seasonality.map((q) => q.revenueTarget)).toEqual([300_000, 330_000, 210_000, 360_000]);
    expect(french.seasonality.map((q) => q.deals)).toEqual([25, 28, 17, 30]);
    expect(french.revenueTargetByQuarter.map((v) => Math.round(v))).toEqual([300_000, 330_000, 210_000, 360_000]);
  });

  it("takes the larger of the workload and revenue headcounts for a quota-carrying role", () => {
    const ae = role(french, "account-executive");
    expect(ae.workloadHeadcount).toBe(7); // 25 demos a day at 4 each
    expect(ae.revenueHeadcountByYear).toEqual([9]); // 1,200,000 ÷ (15,000 × 12 × 0.8) = 8.33
    expect(ae.requiredHeadcount).toBe(9);
  });

  it("costs each role at headcount × on-target earnings and totals the plan", () => {
    expect(role(french, "bizdev").ote).toBe(50_000);
    expect(role(french, "bizdev").annualCost).toBe(500_000);
    expect(french.totalHeadcount).toBe(10 + 5 + 9 + 1);
    expect(french.totalAnnualCost).toBe(500_000 + 5 * 38_000 + 9 * 90_000 + 125_000);
  });

  it("hires the gap in the first month, then replaces attrition", () => {
    const bizdev = role(french, "bizdev");
    // 4 in place lose 15 % a year (1.345 % a month): 3.946 remain, so reaching 10 takes ROUNDUP(6.054) = 7 hires.
    expect(bizdev.hiresByMonth[0]).toBe(7);
    expect(bizdev.hiresByMonth.slice(1).every((hires) => hires <= 1)).toBe(true);
    expect(bizdev.requisitionsOverdueAtStart).toBe(bizdev.hiresByMonth[0]! + bizdev.hiresByMonth[1]!);
  });

  it("keeps the largest-remainder steps behind the seasonal deals", () => {
    expect(french.seasonalityQuarterWeights).toEqual([1, 1.1, 0.7, 1.2]);
    const deals = french.seasonalitySplits!.deals;
    expect(deals.wholeParts).toEqual([25, 27, 17, 30]);
    expect(deals.leftover).toBe(1);
    expect(deals.ranks).toEqual([3, 1, 2, 4]);
    expect(deals.parts).toEqual(french.seasonality.map((q) => q.deals));
  });

  it("dates each initiative, names its starting fiscal quarter and marks the quarters it runs in", () => {
    const crm = french.initiatives.find((i) => i.id === "crm")!;
    expect(crm.startSerial).toBe(46398); // 2027-01-11
    expect(crm.durationDays).toBe(68); // 11 January to 19 March, both included
    expect(crm.startQuarter).toBe("FY2027 Q1");
    expect(crm.activeQuarters).toEqual([true, false, false, false]);
    const playbooks = french.initiatives.find((i) => i.id === "playbooks")!;
    expect(playbooks.activeQuarters).toEqual([true, true, false, false]);
  });

  it("shares a per-rep KPI's team target among the role's required headcount", () => {
    const meetings = french.repKpis.find((k) => k.id === "rdv-pris")!;
    expect(meetings.teamTarget).toBe(105);
    expect(meetings.headcount).toBe(10);
    expect(meetings.target).toBeCloseTo(10.5, 12);
  });

  it("resolves KPI targets from the plan", () => {
    const target = (id: string) => french.kpis.find((k) => k.id === id)?.target;
    expect(target("ca-nouveaux")).toBe(300_000);
    expect(target("affaires-gagnees")).toBe(9);
    expect(target("delai-reponse")).toBe(5);
    expect(target("demos-realisees")).toBe(525);
    const repTarget = (id: string) => french.repKpis.find((k) => k.id === id)?.target;
    expect(repTarget("rdv-pris")).toBeCloseTo(10.5, 12); // 105 meetings a month ÷ 10 business developers
    expect(repTarget("taux-closing")).toBe(0.25);
  });
});

describe("the English SaaS plan's figures", () => {
  it("uses a February fiscal year named after the year it ends", () => {
    expect(english.quarters.map((q) => q.label)).toEqual([
      "FY2028 Q1",
      "FY2028 Q2",
      "FY2028 Q3",
      "FY2028 Q4",
      "FY2029 Q1",
      "FY2029 Q2",
      "FY2029 Q3",
      "FY2029 Q4",
    ]);
  });

  it("grows the target 30 % in plan year 2 and hires account executives for it", () => {
    expect(english.revenueTargetByYear).toEqual([6_000_000, 7_800_000]);
    expect(role(english, "ae").requiredHeadcountByYear).toEqual([12, 16]);
    expect(role(english, "ae").hiresByMonth[12]).toBeGreaterThanOrEqual(4);
  });

  it("ramps new account executives so capacity trails the target early on", () => {
    const ae = role(english, "ae");
    const capacity = ae.capacityByQuarter!;
    expect(capacity).toHaveLength(8);
    expect(capacity[0]!).toBeLessThan(english.revenueTargetByQuarter[0]! * 1.5);
    expect(capacity[3]!).toBeGreaterThan(capacity[0]!);
    expect(english.capacityByQuarter).toEqual(capacity);
  });

  it("exposes the ramp, survival and productive reps behind a quota role's capacity", () => {
    const ae = role(english, "ae");
    expect(ae.rampByMonthsSinceHire!.slice(0, 6)).toEqual([0.1, 0.3, 0.5, 0.75, 1, 1]);
    expect(ae.survivalByMonthsSinceHire![0]).toBe(1);
    expect(ae.survivalByMonthsSinceHire![12]).toBeCloseTo(0.8, 12);
    expect(ae.productiveRepsByMonth!.map((reps) => reps * 50_000 * 0.85)).toEqual(ae.capacityByMonth);
    expect(ae.revenueTargetByQuarter).toEqual(english.revenueTargetByQuarter);
    expect(role(english, "sdr").productiveRepsByMonth).toBeUndefined();
  });

  it("counts revenue by quarter that sums to each year's target", () => {
    const total = english.revenueTargetByQuarter.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(13_800_000, 4);
  });
});
