import { XMLValidator } from "fast-xml-parser";
import { examplePlan } from "../../src/plan";
import { PLAN_XML_NAMESPACE, parseStoredPlanXml, planToXml } from "../../src/workbook/stored-plan";

describe("the stored plan part", () => {
  it("refuses a part without the plan element, with broken JSON, or holding something else than a plan object", () => {
    expect(parseStoredPlanXml("<other/>")).toEqual({ ok: false, detail: "no <salesPlan> element" });
    expect(parseStoredPlanXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1">{nope</salesPlan>`).ok).toBe(
      false,
    );
    expect(parseStoredPlanXml(`<salesPlan xmlns="${PLAN_XML_NAMESPACE}" schemaVersion="1">[1]</salesPlan>`)).toEqual({
      ok: false,
      detail: "the content is not a plan object",
    });
  });

  it("round-trips a plan whose text holds XML and CDATA terminators", () => {
    const plan = examplePlan("fr-reference");
    plan.meta.planName = 'Plan <Q1> & "Q2" ]]> <![CDATA[ \uFFFE';
    const xml = planToXml(JSON.stringify(plan));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseStoredPlanXml(xml)).toEqual({ ok: true, document: plan });
  });

  it("reads the part back when Excel adds a declaration and a namespace prefix", () => {
    const xml = `<?xml version="1.0"?>\n<ns0:salesPlan xmlns:ns0="${PLAN_XML_NAMESPACE}" schemaVersion="1">{"schemaVersion":1}</ns0:salesPlan>`;
    expect(parseStoredPlanXml(xml)).toEqual({ ok: true, document: { schemaVersion: 1 } });
  });
});
