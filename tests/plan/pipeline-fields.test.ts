/* eslint-disable @typescript-eslint/no-explicit-any --
   these tests write deliberately out-of-range values into fields of a plan, which is what `any` is for. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { examplePlan, readPlanFile, validatePlan, type MessageLocale } from "../../src/plan";

/** Validates a copy of the English example after `change`, and returns the messages. */
function messagesAfter(change: (plan: any) => void, locale: MessageLocale = "en-US"): string[] {
  const plan: unknown = examplePlan("en-saas");
  change(plan);
  const result = validatePlan(plan, locale);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("a plan file written before the pipeline fields existed", () => {
  const text = readFileSync(path.join(__dirname, "..", "fixtures", "plan-before-pipeline-fields.plan.json"), "utf8");

  it("still loads, with the defaults: no sales cycle, derived coverage, all new business, no over-assignment", () => {
    expect(text).not.toMatch(/salesCycleMonths|pipelineCoverage|quotaOverAssignment|overlay/);
    const reading = readPlanFile(text, "en-US");
    if (!reading.ok) throw new Error(JSON.stringify(reading));
    const { objectives, organization } = reading.plan;
    expect(objectives.salesCycleMonths).toBe(0);
    expect(objectives.pipelineCoverage).toBeUndefined();
    expect(objectives.createAndCloseShare).toBe(0);
    expect(objectives.newBusinessShare).toBe(1);
    expect(objectives.pipelineSources).toEqual([]);
    expect(organization.quotaOverAssignment).toBe(0);
    expect(organization.roles.every((role) => role.overlay === undefined)).toBe(true);
  });
});

describe("the pipeline and quota fields", () => {
  it("accept both examples' values", () => {
    expect(messagesAfter(() => undefined)).toEqual([]);
    const french = validatePlan(examplePlan("fr-reference"));
    expect(french.ok ? [] : french.issues).toEqual([]);
  });

  it("name the field and its accepted range when out of range, in English", () => {
    expect(
      messagesAfter((p) => {
        p.objectives.salesCycleMonths = 25;
        p.objectives.pipelineCoverage = 0;
        p.objectives.createAndCloseShare = 1.2;
        p.objectives.newBusinessShare = -0.1;
        p.organization.quotaOverAssignment = 1.5;
        p.organization.roles[3].overlay.peoplePerOverlay = 0.5;
      }),
    ).toEqual([
      "objectives.salesCycleMonths must be from 0 to 24",
      "objectives.pipelineCoverage must be from 0.01 to 100",
      "objectives.createAndCloseShare must be from 0 to 1",
      "objectives.newBusinessShare must be from 0 to 1",
      "organization.roles[3].overlay.peoplePerOverlay must be from 1 to 1,000,000",
      "organization.quotaOverAssignment must be from 0 to 1",
    ]);
  });

  it("give the same messages in French", () => {
    expect(
      messagesAfter((p) => {
        p.objectives.salesCycleMonths = 2.5;
        p.objectives.pipelineCoverage = 101;
        p.organization.quotaOverAssignment = -0.2;
      }, "fr-FR"),
    ).toEqual([
      "objectives.salesCycleMonths doit être un nombre entier",
      "objectives.pipelineCoverage doit être compris entre 0,01 et 100",
      "organization.quotaOverAssignment doit être compris entre 0 et 1",
    ]);
  });

  it("refuse pipeline sources whose shares do not add up to 1, or that repeat a source", () => {
    expect(
      messagesAfter((p) => {
        p.objectives.pipelineSources = [
          { source: "marketing", share: 0.5 },
          { source: "marketing", share: 0.3 },
        ];
      }),
    ).toEqual([
      'objectives.pipelineSources[1].source repeats the source "marketing": list each pipeline source once',
      "objectives.pipelineSources must have shares adding up to 1 (100 %); they add up to 0.8",
    ]);
    expect(messagesAfter((p) => (p.objectives.pipelineSources = [{ source: "referrals", share: 1 }]))).toEqual([
      "objectives.pipelineSources[0].source must be one of: marketing, bizdev, ae, partners",
    ]);
  });

  it("accept shares that add up to 1 only at Excel's 15 digits (0.7 + 0.2 + 0.1)", () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    expect(
      messagesAfter(
        (p) =>
          (p.objectives.pipelineSources = [
            { source: "marketing", share: 0.7 },
            { source: "bizdev", share: 0.2 },
            { source: "partners", share: 0.1 },
          ]),
      ),
    ).toEqual([]);
  });
});

describe("overlay roles", () => {
  it("refuse an overlay of a role that does not exist", () => {
    expect(messagesAfter((p) => (p.organization.roles[3].overlay.supportsRoleId = "csm"))).toEqual([
      'organization.roles[3].overlay.supportsRoleId refers to "csm", which is not an id in organization.roles',
    ]);
  });

  it("refuse an overlay of an overlay, and so any cycle (a role supporting itself included)", () => {
    expect(
      messagesAfter((p) => {
        delete p.organization.roles[2].activityId;
        delete p.organization.roles[2].capacityPerPersonPerDay;
        p.organization.roles[2].overlay = { supportsRoleId: "sales-manager", peoplePerOverlay: 2 };
      }),
    ).toEqual([
      'organization.roles[2].overlay.supportsRoleId refers to "sales-manager", which is itself an overlay role: an overlay supports a role sized on its own (by activity, quota or planned headcount)',
    ]);
    expect(messagesAfter((p) => (p.organization.roles[3].overlay.supportsRoleId = "sales-manager"), "fr-FR")).toEqual([
      "organization.roles[3].overlay.supportsRoleId fait référence à « sales-manager », qui est lui-même un rôle d'appui : un rôle d'appui accompagne un rôle dimensionné par lui-même (activité, quota ou effectif prévu)",
    ]);
  });

  it("refuse an overlay role that also carries an activity, a quota or a planned headcount", () => {
    expect(messagesAfter((p) => (p.organization.roles[3].plannedHeadcount = 2))).toEqual([
      "organization.roles[3].overlay sizes the role from the role it supports, so the role must have no activity, no quota per month and no planned headcount",
    ]);
  });

  it("keep an overlay role's cost within the limit of a role's yearly cost", () => {
    expect(
      messagesAfter((p) => {
        // 6,000,000 ÷ (0.6 × 12 × 100 %) = 833,333.3, so 833,334 account executives and as many managers.
        // (Without the example's scenarios, whose 70 % attainment would need more than 1,000,000: their own rule.)
        p.scenarios = [];
        p.objectives.annualGrowthRate = 0;
        p.organization.roles[1].quotaPerMonth = 0.6;
        p.organization.roles[1].quotaAttainment = 1;
        p.organization.roles[1].baseSalary = 0;
        p.organization.roles[1].variablePay = 0;
        p.organization.roles[3].overlay.peoplePerOverlay = 1;
        p.organization.roles[3].baseSalary = 1e12;
        p.organization.roles[3].variablePay = 0;
      }),
    ).toEqual([
      "organization.roles[3].baseSalary makes the role cost 833,334,000,000,000,000 in plan year 1 (people × (base salary + variable pay)), more than the limit of 1,000,000,000,000,000: lower the base salary or the variable pay, or the role's headcount",
    ]);
  });
});

describe("an overlay cleared in a form", () => {
  it.each([[{}], [{ supportsRoleId: "" }]])("is no overlay: %j leaves the role sized on its own", (overlay) => {
    const plan: any = examplePlan("en-saas");
    plan.organization.roles[3].overlay = overlay;
    plan.organization.roles[3].plannedHeadcount = 2;
    const result = validatePlan(plan);
    expect(result.ok ? result.plan.organization.roles[3]!.overlay : result.issues).toBeUndefined();
  });

  it("still refuses an overlay with only one of its two fields", () => {
    expect(messagesAfter((p) => (p.organization.roles[3].overlay = { supportsRoleId: "ae" }))).toEqual([
      "organization.roles[3].overlay.peoplePerOverlay is required",
    ]);
  });
});
