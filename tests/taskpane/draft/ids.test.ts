import { examplePlan } from "../../../src/plan/examples";
import { renameReferences, slugify, uniqueId } from "../../../src/taskpane/draft/ids";

describe("row ids", () => {
  it("makes ids of letters, digits and dashes from names, accents removed", () => {
    expect(slugify("Démonstrations réalisées")).toBe("demonstrations-realisees");
    expect(slugify("  Rendez-vous (découverte) ")).toBe("rendez-vous-decouverte");
    expect(slugify("!!!")).toBe("");
    expect(slugify("x".repeat(60))).toHaveLength(40);
  });

  it("keeps ids unique in their list and falls back when the name gives none", () => {
    expect(uniqueId("Leads", "stage", ["leads", "leads-2"])).toBe("leads-3");
    expect(uniqueId("", "stage", [])).toBe("stage");
    expect(uniqueId("", "stage", ["stage"])).toBe("stage-2");
    expect(uniqueId("y".repeat(45), "stage", ["y".repeat(40)])).toBe(`${"y".repeat(38)}-2`);
  });

  it("moves every link to a renamed activity: the roles that carry it and the KPI targets", () => {
    const plan = examplePlan("fr-reference");
    const renamed = renameReferences(plan, "activity", "demonstrations", "demos");
    expect(renamed.organization?.roles?.find((role) => role.id === "account-executive")?.activityId).toBe("demos");
    expect(renamed.measurement?.kpis?.find((kpi) => kpi.id === "demos-realisees")?.target).toEqual({
      kind: "activity",
      activityId: "demos",
      period: "month",
    });
    // The original plan is left as it was.
    expect(plan.organization?.roles?.find((role) => role.id === "account-executive")?.activityId).toBe(
      "demonstrations",
    );
  });

  it("moves links to renamed funnel stages, SLAs and roles, and leaves other lists alone", () => {
    const plan = examplePlan("fr-reference");
    const stage = renameReferences(plan, "funnel", "leads", "prospects");
    expect(stage.measurement?.repKpis?.find((kpi) => kpi.id === "nouveaux-leads")?.target).toMatchObject({
      stageId: "prospects",
    });
    const sla = renameReferences(plan, "sla", "reponse-leads", "sla-5h");
    expect(sla.measurement?.kpis?.find((kpi) => kpi.id === "delai-reponse")?.target).toEqual({
      kind: "sla",
      slaId: "sla-5h",
    });
    const role = renameReferences(plan, "role", "bizdev", "bd");
    expect(role.measurement?.repKpis?.filter((kpi) => kpi.roleId === "bd")).toHaveLength(2);
    expect(renameReferences(plan, "none", "bizdev", "bd")).toBe(plan);
  });
});
