import { XMLValidator } from "fast-xml-parser";
import { examplePlan } from "../../src/plan";
import { PLAN_XML_NAMESPACE, planFromXml, planToXml } from "../../src/workbook/stored-plan";

describe("the stored plan part", () => {
  it("refuses a part from another namespace, without a version, or with broken JSON", () => {
    expect(planFromXml("<other/>")).toEqual({ ok: false, reason: "the stored plan has no <salesPlan> element" });
    expect(planFromXml('<salesPlan xmlns="urn:x" schemaVersion="1">{}</salesPlan>')).toEqual({
      ok: false,
      reason: `the stored plan is not in the ${PLAN_XML_NAMESPACE} namespace`,
    });
    expect(planFromXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}">{}</salesPlan>`)).toEqual({
      ok: false,
      reason: "the stored plan has no schema version",
    });
    const broken = planFromXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1">{nope</salesPlan>`);
    expect(broken.ok).toBe(false);
  });

  it("round-trips a plan whose text holds XML and CDATA terminators", () => {
    const plan = examplePlan("fr-reference");
    plan.meta.planName = 'Plan <Q1> & "Q2" ]]> <![CDATA[';
    const xml = planToXml(plan, 1);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(planFromXml(xml)).toEqual({ ok: true, schemaVersion: 1, data: plan });
  });

  it("keeps the schema version so an older or newer plan can be migrated or refused", () => {
    const read = planFromXml(planToXml({ schemaVersion: 2 }, 2));
    expect(read.ok && read.schemaVersion).toBe(2);
  });
});
