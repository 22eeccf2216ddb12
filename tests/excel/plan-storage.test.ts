import {
  isWorkbookId,
  migratePlanDocument,
  newWorkbookId,
  PLAN_XML_NAMESPACE,
  planFromXml,
  planToXml,
  type PlanMigration,
} from "../../src/excel/plan-storage";
import { testPlan } from "./synthetic-workbook";

describe("the stored plan", () => {
  it("round-trips a plan whose text holds XML and CDATA markers and characters XML forbids", () => {
    const plan = testPlan("en-US", (draft) => {
      draft.meta.planName = 'Q1 <plan> & "more" ]]> \uFFFE';
      draft.mission.missionStatement = '=HYPERLINK("http://x","y")\nline two\ttab';
    });
    const xml = planToXml(JSON.stringify(plan));
    expect(xml.startsWith(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1">`)).toBe(true);
    expect(xml).not.toContain("]]>");
    expect(xml).not.toContain("\uFFFE");
    expect(planFromXml(xml, "en-US")).toEqual({ ok: true, plan });
  });

  it("round-trips the workbook's id with the plan", () => {
    const plan = testPlan();
    const xml = planToXml(JSON.stringify(plan), 1, "0123456789abcdef0123456789abcdef");
    expect(xml.startsWith(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1" workbookId="`)).toBe(true);
    expect(planFromXml(xml, "en-US")).toEqual({ ok: true, plan, workbookId: "0123456789abcdef0123456789abcdef" });
  });

  it("still reads a plan stored before workbooks had ids, without an id", () => {
    const plan = testPlan();
    const legacyXml = `<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1">${JSON.stringify(plan).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</salesPlan>`;
    const result = planFromXml(legacyXml, "en-US");
    expect(result.ok).toBe(true);
    expect(result.ok && result.plan).toEqual(plan);
    expect(result.ok && "workbookId" in result && result.workbookId).toBeUndefined();
  });

  it("ignores an id that is not one (so it can never reach a storage key)", () => {
    const plan = testPlan();
    const xml = planToXml(JSON.stringify(plan)).replace(
      ' schemaVersion="1"',
      ` schemaVersion="1" workbookId="a b/../c"`,
    );
    expect(planFromXml(xml, "en-US")).toEqual({ ok: true, plan, workbookId: undefined });
    expect(() => planToXml(JSON.stringify(plan), 1, "a b")).toThrow("not a workbook id");
  });

  it("makes a new random id for each new workbook", () => {
    const first = newWorkbookId();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(isWorkbookId(first)).toBe(true);
    expect(newWorkbookId()).not.toBe(first);
    expect(newWorkbookId((bytes) => bytes.fill(255))).toBe("f".repeat(32));
  });

  it("reads the part back whatever declaration, prefix or numeric entities Excel gives it", () => {
    const plan = testPlan();
    const body = planToXml(JSON.stringify(plan))
      .replace(/^<salesPlan xmlns=/, "<p:salesPlan xmlns:p=")
      .replace(/<\/salesPlan>$/, "</p:salesPlan>")
      .replace(/&lt;/g, "&#60;");
    expect(planFromXml(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, "en-US")).toEqual({ ok: true, plan });
  });

  it("refuses a plan written by a newer schema version, in the user's language", () => {
    const document = { ...testPlan(), schemaVersion: 2 };
    const result = planFromXml(planToXml(JSON.stringify(document), 2), "fr-FR");
    expect(result).toEqual({
      ok: false,
      reason: "newer",
      message:
        "Le plan enregistré dans ce classeur a été écrit par une version plus récente de Sales Plan Builder (version 2 du plan ; cette version lit jusqu'à la version 1). Mettez le complément à jour pour l'ouvrir. Le classeur n'a pas été modifié.",
    });
  });

  it("refuses an older version that no migration converts", () => {
    const result = planFromXml(planToXml(JSON.stringify({ ...testPlan(), schemaVersion: 0 }), 0), "en-US");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("older");
  });

  it("migrates an older version through the migration hook, then validates it", () => {
    const plan = testPlan();
    const { schemaVersion: _, ...rest } = plan;
    const { planName, ...metaWithoutName } = plan.meta;
    const legacy = { ...rest, version: 0, schemaVersion: 0, meta: { ...metaWithoutName, title: planName } };
    const migrations: Record<number, PlanMigration> = {
      0: (document) => {
        const { version: __, meta, ...others } = document as typeof legacy;
        const { title, ...metaRest } = meta;
        return { ...others, schemaVersion: 1, meta: { ...metaRest, planName: title } };
      },
    };
    expect(planFromXml(planToXml(JSON.stringify(legacy), 0), "en-US", migrations)).toEqual({ ok: true, plan });
  });

  it("applies migrations in order up to the target version", () => {
    const seen: number[] = [];
    const step =
      (from: number): PlanMigration =>
      (document) => {
        seen.push(from);
        return { ...document, schemaVersion: from + 1 };
      };
    const result = migratePlanDocument({ schemaVersion: 1 }, "en-US", { 1: step(1), 2: step(2) }, 3);
    expect(result).toEqual({ ok: true, document: { schemaVersion: 3 } });
    expect(seen).toEqual([1, 2]);
  });

  it("says what is wrong with a malformed part", () => {
    expect(planFromXml("<other/>", "en-US")).toEqual({
      ok: false,
      reason: "malformed",
      message: "The plan saved in this workbook cannot be read (no <salesPlan> element). The workbook was not changed.",
    });
    expect(planFromXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}">[1,2]</salesPlan>`, "en-US")).toEqual({
      ok: false,
      reason: "malformed",
      message:
        "The plan saved in this workbook cannot be read (the content is not a plan object). The workbook was not changed.",
    });
    expect(
      planFromXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}">{"schemaVersion":"one"}</salesPlan>`, "en-US"),
    ).toMatchObject({
      reason: "malformed",
    });
    expect(planFromXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}">{not json</salesPlan>`, "en-US")).toMatchObject({
      reason: "malformed",
    });
  });

  it("lists the fields of a stored plan that fails validation", () => {
    const plan = testPlan("en-US", (draft) => (draft.objectives.winRateTarget = 1.4));
    const result = planFromXml(planToXml(JSON.stringify(plan)), "en-US");
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      message:
        "The plan saved in this workbook is not valid:\n- objectives.winRateTarget must be greater than 0 and at most 1\nThe workbook was not changed.",
    });
  });
});
