import { examplePlan } from "../../src/plan/examples";
import { validatePlan } from "../../src/plan/validate";
import { decodePlanFile, planFileName, readPlanFile, writePlanFile } from "../../src/plan/plan-file";

function validExample() {
  const result = validatePlan(examplePlan("en-saas"));
  if (!result.ok) throw new Error("the English example should be valid");
  return result.plan;
}

describe("plan files", () => {
  it("read back the plan they were written with", () => {
    const plan = validExample();
    const text = writePlanFile(plan, new Date("2027-01-02T03:04:05Z"));
    expect(JSON.parse(text)).toMatchObject({
      format: "sales-plan-builder/plan",
      formatVersion: 1,
      exportedAt: "2027-01-02T03:04:05.000Z",
    });
    expect(readPlanFile(text, "en-US")).toEqual({ ok: true, plan });
  });

  it("also read a bare plan, such as an example written by hand", () => {
    expect(readPlanFile(JSON.stringify(examplePlan("fr-reference")), "fr-FR").ok).toBe(true);
  });

  it("refuse what is not a plan file, naming why", () => {
    expect(readPlanFile("not json", "en-US")).toEqual({ ok: false, reason: "notJson" });
    expect(readPlanFile("[]", "en-US")).toEqual({ ok: false, reason: "notPlanFile" });
    expect(readPlanFile('{"format": "sales-plan-builder/plan", "formatVersion": "1"}', "en-US")).toEqual({
      ok: false,
      reason: "notPlanFile",
    });
    expect(readPlanFile('{"format": "sales-plan-builder/plan", "formatVersion": 2, "plan": {}}', "en-US")).toEqual({
      ok: false,
      reason: "newerVersion",
      formatVersion: 2,
    });
  });

  it("refuse an invalid plan with its problems in the requested language", () => {
    const plan = { ...examplePlan("en-saas"), meta: { ...examplePlan("en-saas").meta, horizonMonths: 6 } };
    const reading = readPlanFile(JSON.stringify(plan), "fr-FR");
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason === "invalidPlan" && reading.issues.map((issue) => issue.message)).toEqual([
      "meta.horizonMonths doit être compris entre 12 et 60",
    ]);
  });

  it("decode as a browser reads a file: UTF-16 after its byte-order mark, UTF-8 otherwise", () => {
    const text = '{"a":"Équipe €"}';
    const little = Buffer.from(text, "utf16le");
    expect(decodePlanFile(Buffer.concat([Buffer.from([0xff, 0xfe]), little]))).toBe(text);
    expect(decodePlanFile(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(little).swap16()]))).toBe(text);
    expect(decodePlanFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodePlanFile(Buffer.from(text))).toBe(text);
  });

  it("name the file after the plan", () => {
    expect(planFileName(validExample())).toBe("fy2028-fy2029-new-business-plan.plan.json");
  });
});
