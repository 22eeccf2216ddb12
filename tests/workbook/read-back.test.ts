import { examplePlan, parsePlan, toExcelSerial, type Plan } from "../../src/plan";
import { cellAddress, parseCellAddress, parseRangeAddress, rangeAddress } from "../../src/workbook/address";
import { layoutWorkbook } from "../../src/workbook/layout";
import { changedFields, idFromName, readPlanFromSnapshots } from "../../src/workbook/read-back";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { generatePlan } from "../helpers/plan-generator";
import { getCell, moveTable, setCell, snapshotsFromSpec, type MutableSnapshot } from "../helpers/snapshots";
import { boundCell, tableCell } from "../helpers/spec-lookup";

const french = parsePlan(examplePlan("fr-reference"));
const english = parsePlan(examplePlan("en-saas"));
const layout = (plan: Plan) => layoutWorkbook(plan, { generatedOn: "2026-12-15" });
const frenchSpec = layout(french);
const englishSpec = layout(english);

function snapshot(snapshots: MutableSnapshot[], sheetName: string): MutableSnapshot {
  return snapshots.find((candidate) => candidate.name === sheetName)!;
}

/** Edits a snapshot cell found through the spec. */
function edit(
  snapshots: MutableSnapshot[],
  where: { sheet: { name: string }; address: string },
  value: string | number | boolean | null,
) {
  setCell(snapshot(snapshots, where.sheet.name), where.address, value);
}

function read(spec: WorkbookSpec, snapshots: MutableSnapshot[], current: Plan) {
  return readPlanFromSnapshots(spec, snapshots, current);
}

function messages(result: ReturnType<typeof read>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

function planOf(result: ReturnType<typeof read>): Plan {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return result.plan;
}

describe("reading the generated sheets back", () => {
  it.each([
    ["the French example", french],
    ["the English example", english],
    ["a large generated plan", generatePlan(1700)],
    [
      "a generated plan with monthly seasonality",
      generatePlan(400, { granularity: "month", funnelRounding: "none", seed: 3 }),
    ],
  ])("gives back %s exactly, with no changed field", (_name, plan) => {
    const spec = layout(plan);
    const result = read(spec, snapshotsFromSpec(spec), plan);
    expect(planOf(result)).toEqual(plan);
    expect(result.ok && result.changedFields).toEqual([]);
  });

  it("takes every value from the sheets, not from the current plan", () => {
    const stale = structuredClone(english);
    stale.objectives.annualRevenueTarget = 1;
    stale.audience.personas[0]!.goals = "old goals";
    stale.execution.initiatives.pop();
    const result = read(englishSpec, snapshotsFromSpec(englishSpec), stale);
    expect(planOf(result)).toEqual(english);
    expect(result.ok && result.changedFields).toEqual([
      "objectives.annualRevenueTarget",
      "audience.personas[0].goals",
      `execution.initiatives[${english.execution.initiatives.length - 1}]`,
    ]);
  });

  it("reads edited inputs of every kind back: amounts, percentages, choices, dates, flags and lists", () => {
    const snapshots = snapshotsFromSpec(englishSpec);
    edit(snapshots, boundCell(englishSpec, "objectives.annualRevenueTarget"), 7_500_000);
    edit(snapshots, tableCell(englishSpec, "PlanFunnel", "Conversion rate", "demos"), 0.55);
    edit(snapshots, tableCell(englishSpec, "PlanInitiatives", "Status", "cpq"), "at risk");
    edit(snapshots, tableCell(englishSpec, "PlanInitiatives", "End", "cpq"), toExcelSerial("2027-09-30"));
    edit(snapshots, tableCell(englishSpec, "PlanInitiatives", "Milestone", "cpq"), "TRUE");
    edit(snapshots, boundCell(englishSpec, "mission.differentiators"), "Live in a week\r\n\nSOC 2 certified\n");
    edit(snapshots, tableCell(englishSpec, "PlanRoles", "Activity carried", "se"), "Discovery meetings booked");
    edit(snapshots, tableCell(englishSpec, "PlanRoles", "Overlay: people per overlay", "sales-manager"), 8);
    edit(snapshots, boundCell(englishSpec, "objectives.salesCycleMonths"), 4);
    edit(snapshots, tableCell(englishSpec, "PlanPipelineSources", "Share of the pipeline", "Partners"), 0.05);
    edit(snapshots, tableCell(englishSpec, "PlanPipelineSources", "Share of the pipeline", "Account executives"), 0.15);
    const result = read(englishSpec, snapshots, english);
    const plan = planOf(result);
    expect(plan.objectives.annualRevenueTarget).toBe(7_500_000);
    expect(plan.objectives.funnel[2]!.conversionRate).toBe(0.55);
    expect(plan.execution.initiatives[3]).toMatchObject({ status: "atRisk", end: "2027-09-30", milestone: true });
    expect(plan.mission.differentiators).toEqual(["Live in a week", "SOC 2 certified"]);
    expect(plan.organization.roles[2]!.activityId).toBe("meetings");
    expect(plan.organization.roles[3]!.overlay).toEqual({ supportsRoleId: "ae", peoplePerOverlay: 8 });
    expect(plan.objectives.salesCycleMonths).toBe(4);
    expect(plan.objectives.pipelineSources.map((entry) => entry.share)).toEqual([0.5, 0.3, 0.15, 0.05]);
    expect(result.ok && result.changedFields).toEqual([
      "mission.differentiators",
      "objectives.annualRevenueTarget",
      "objectives.funnel[2].conversionRate",
      "objectives.salesCycleMonths",
      "objectives.pipelineSources[2].share",
      "objectives.pipelineSources[3].share",
      "organization.roles[2].activityId",
      "organization.roles[3].overlay.peoplePerOverlay",
      "execution.initiatives[3].end",
      "execution.initiatives[3].milestone",
      "execution.initiatives[3].status",
    ]);
  });

  it("refuses a rate of 140 %, naming the sheet and the cell, in the plan's language", () => {
    const en = snapshotsFromSpec(englishSpec);
    edit(en, tableCell(englishSpec, "PlanFunnel", "Conversion rate", "leads"), 1.4);
    const englishResult = read(englishSpec, en, english);
    expect(englishResult.ok).toBe(false);
    expect(messages(englishResult)).toEqual([
      "2 Objectives!C22: the conversion rate must be greater than 0 % and at most 100 % (got 140 %)",
    ]);
    expect(!englishResult.ok && englishResult.issues[0]).toMatchObject({ sheet: "2 Objectives", cell: "C22" });

    const fr = snapshotsFromSpec(frenchSpec);
    edit(fr, tableCell(frenchSpec, "PlanFunnel", "Taux de conversion", "leads"), 1.4);
    expect(messages(read(frenchSpec, fr, french))).toEqual([
      "2 Objectifs!C22: le taux de conversion doit être supérieur à 0 % et au plus égal à 100 % (valeur lue : 140 %)",
    ]);
  });

  it("refuses text in a number, a date or a choice cell, and returns no plan", () => {
    const snapshots = snapshotsFromSpec(englishSpec);
    const revenue = boundCell(englishSpec, "objectives.annualRevenueTarget");
    const end = tableCell(englishSpec, "PlanInitiatives", "End", "cpq");
    const status = tableCell(englishSpec, "PlanInitiatives", "Status", "cpq");
    edit(snapshots, revenue, "six million");
    edit(snapshots, end, "end of August");
    edit(snapshots, status, "Maybe");
    const result = read(englishSpec, snapshots, english);
    expect(result.ok).toBe(false);
    expect("plan" in result).toBe(false);
    expect(messages(result)).toEqual([
      `2 Objectives!${revenue.address}: the annual revenue target must be a number (got "six million")`,
      `6 Execution!${end.address}: the end date must be a date (got "end of August")`,
      `6 Execution!${status.address}: the status must be one of: Not started, In progress, Done, At risk, Blocked (got "Maybe")`,
    ]);
  });

  it("reports every problem of the sheets at once, each at its own cell", () => {
    const snapshots = snapshotsFromSpec(frenchSpec);
    const name = tableCell(frenchSpec, "PlanPersonas", "Persona", "Claire, directrice des opérations");
    const attrition = tableCell(frenchSpec, "PlanRoles", "Attrition annuelle", "bizdev");
    const secondId = tableCell(frenchSpec, "PlanFunnel", "ID de l'étape", "rdv");
    const firstId = tableCell(frenchSpec, "PlanFunnel", "ID de l'étape", "leads");
    edit(snapshots, name, "");
    edit(snapshots, attrition, 1);
    edit(snapshots, secondId, "leads");
    expect(messages(read(frenchSpec, snapshots, french))).toEqual([
      `2 Objectifs!${secondId.address}: l'ID de l'étape reprend l'identifiant « leads » déjà utilisé en 2 Objectifs!${firstId.address} (valeur lue : "leads")`,
      `3 Organisation!${attrition.address}: l'attrition annuelle doit être compris entre 0 % et 99,9999999999999 % (valeur lue : 100 %)`,
      `4 Audience!${name.address}: le nom du persona ne doit pas être vide`,
    ]);
  });

  it("names a missing reference by the table it should be in", () => {
    const snapshots = snapshotsFromSpec(englishSpec);
    const activities = snapshot(snapshots, "2 Objectives");
    const meetings = tableCell(englishSpec, "PlanActivityTargets", "Activity ID", "meetings");
    setCell(activities, meetings.address, "booked-meetings");
    const kpi = tableCell(englishSpec, "PlanRepKpis", "Activity", "meetings-booked");
    const header = parseRangeAddress(
      englishSpec.sheets[2]!.tables.find((t) => t.name === "PlanActivityTargets")!.range,
    ).start;
    expect(messages(read(englishSpec, snapshots, english))).toEqual([
      `7 KPIs!${kpi.address}: the target's activity refers to "meetings", which is not an id in 2 Objectives!${cellAddress(header)} (got "Discovery meetings booked")`,
    ]);
  });

  it("reads rows the user added, making ids from their names, and skips rows the user emptied or deleted", () => {
    const snapshots = snapshotsFromSpec(englishSpec);
    const objectives = snapshot(snapshots, "2 Objectives");
    const range = parseRangeAddress(objectives.tableRanges.PlanActivityTargets!);
    const added = range.end.row + 1;
    const at = (column: number) => cellAddress({ row: added, column });
    setCell(objectives, at(1), "Référence clients");
    setCell(objectives, at(2), "calls");
    setCell(objectives, at(3), 12);
    setCell(objectives, at(4), "Week");
    objectives.tableRanges.PlanActivityTargets = rangeAddress({
      start: range.start,
      end: { row: added, column: range.end.column },
    });

    const execution = snapshot(snapshots, "6 Execution");
    const initiatives = parseRangeAddress(execution.tableRanges.PlanInitiatives!);
    execution.tableRanges.PlanInitiatives = rangeAddress({
      start: initiatives.start,
      end: { row: initiatives.end.row - 1, column: initiatives.end.column },
    });
    const audience = snapshot(snapshots, "4 Audience");
    const segment = parseCellAddress(tableCell(englishSpec, "PlanSegments", "Segment", "Upper mid-market").address);
    for (let column = 0; column < 3; column++) setCell(audience, cellAddress({ row: segment.row, column }), null);

    const plan = planOf(read(englishSpec, snapshots, english));
    expect(plan.objectives.activityTargets.at(-1)).toEqual({
      id: "reference-clients",
      activity: "Référence clients",
      unit: "calls",
      quantity: 12,
      period: "week",
      expertise: "",
    });
    expect(plan.execution.initiatives.map((i) => i.id)).toEqual(
      english.execution.initiatives.slice(0, -1).map((i) => i.id),
    );
    expect(plan.audience.segments.map((s) => s.name)).toEqual(["Mid-market SaaS", "Fintech"]);
  });

  it("keeps a ramp vector from the current plan when its cell is empty, and takes a typed ramp instead", () => {
    const ramp = tableCell(frenchSpec, "PlanRoles", "Montée en compétence (mois)", "account-executive");
    const empty = snapshotsFromSpec(frenchSpec);
    expect(getCell(snapshot(empty, "3 Organisation"), ramp.address)).toBeNull();
    expect(planOf(read(frenchSpec, empty, french)).organization.roles[2]!.ramp).toEqual([0.2, 0.4, 0.7]);
    const typed = snapshotsFromSpec(frenchSpec);
    edit(typed, ramp, 4);
    expect(planOf(read(frenchSpec, typed, french)).organization.roles[2]!.ramp).toBe(4);
  });

  it("finds tables, and the bound cells inside them, where the user moved them", () => {
    const snapshots = snapshotsFromSpec(frenchSpec);
    const objectives = snapshot(snapshots, "2 Objectifs");
    moveTable(objectives, "PlanSeasonality", 3);
    moveTable(objectives, "PlanSlas", 1);
    expect(planOf(read(frenchSpec, snapshots, french))).toEqual(french);
    const weight = parseCellAddress(boundCell(frenchSpec, "objectives.seasonality.weights[2]").address);
    setCell(objectives, cellAddress({ row: weight.row + 3, column: weight.column }), 2);
    expect(planOf(read(frenchSpec, snapshots, french)).objectives.seasonality.weights).toEqual([1, 1.1, 2, 1.2]);
  });

  it("keeps the current plan's values for a sheet it was not given", () => {
    const snapshots = snapshotsFromSpec(frenchSpec).filter((candidate) => candidate.key !== "mission");
    const current = structuredClone(french);
    current.mission.valueProposition = "Not on any sheet read";
    expect(planOf(read(frenchSpec, snapshots, current)).mission.valueProposition).toBe("Not on any sheet read");
  });

  it("gives back hostile text exactly as typed", () => {
    const hostile = structuredClone(english);
    hostile.audience.personas[0]!.name = '=HYPERLINK("http://x","y")';
    hostile.organization.roles[0]!.title = "\t@cmd";
    hostile.mission.insights[0]!.text = "-2+3";
    hostile.methodology.stages[0]!.owner = "\tTabbed";
    const plan = parsePlan(hostile);
    const spec = layout(plan);
    expect(planOf(read(spec, snapshotsFromSpec(spec), plan))).toEqual(plan);
    expect(plan.methodology.stages[0]!.owner).toBe("\tTabbed");
  });
});

describe("ids for added rows", () => {
  it("are made from the name in lower-case ASCII, unique in the list, at most 40 characters", () => {
    expect(idFromName("Démonstrations réalisées", new Set())).toBe("demonstrations-realisees");
    expect(idFromName("Leads", new Set(["leads"]))).toBe("leads-2");
    expect(idFromName("Leads", new Set(["leads", "leads-2"]))).toBe("leads-3");
    expect(idFromName("!!!", new Set())).toBe("item");
    expect(idFromName("x".repeat(60), new Set(["x".repeat(40)]))).toBe(`${"x".repeat(38)}-2`);
  });
});

describe("the fields that changed", () => {
  it("lists changed leaves, whole lists of text, and added or removed items", () => {
    expect(changedFields({ a: 1, b: ["x"], c: [{ d: 1 }] }, { a: 2, b: ["x", "y"], c: [{ d: 1 }, { d: 2 }] })).toEqual([
      "a",
      "b",
      "c[1]",
    ]);
    expect(changedFields({ a: { b: 1, c: 2 } }, { a: { b: 1 } })).toEqual(["a.c"]);
  });
});
