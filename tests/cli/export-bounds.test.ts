/**
 * The exporter refuses a plan whose figures cannot be computed the way it refuses any invalid plan: one message per
 * field, in the language asked for, and nothing written (defects 2 and 3 of "a plan that validates always computes").
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main, type CliIo } from "../../src/cli/export-workbook";
import { examplePlan } from "../../src/plan";

function capture(): CliIo & { errors: string[] } {
  const errors: string[] = [];
  return { errors, out: () => undefined, err: (line) => errors.push(line), today: () => "2027-01-15" };
}

const dir = mkdtempSync(path.join(tmpdir(), "spb-export-bounds-"));

describe("the export command on plans that cannot be computed", () => {
  it("names the conversion rate that takes the funnel over its limit, in French on request", async () => {
    const plan = examplePlan("fr-reference");
    plan.objectives.funnel[0]!.conversionRate = 1e-9;
    plan.objectives.funnel[1]!.conversionRate = 1e-9;
    const file = path.join(dir, "tiny-rates.json");
    writeFileSync(file, JSON.stringify(plan));
    const out = path.join(dir, "tiny-rates.xlsx");
    const io = capture();
    expect(await main([file, out, "--lang", "fr-FR"], io)).toBe(1);
    expect(io.errors[1]).toMatch(
      /^ {2}- objectives\.funnel\[0\]\.conversionRate porte l'étape « Leads prospectés » à [\d\u202f]+ par an, au-delà de la limite de 1\u202f000\u202f000\u202f000\u202f000/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("names the quota of a role instead of writing Infinity into the workbook", async () => {
    const plan = examplePlan("en-saas");
    const index = plan.organization!.roles!.findIndex((role) => role.quotaPerMonth !== undefined);
    plan.organization!.roles![index]!.quotaPerMonth = 1e-300;
    const file = path.join(dir, "tiny-quota.json");
    writeFileSync(file, JSON.stringify(plan));
    const out = path.join(dir, "tiny-quota.xlsx");
    const io = capture();
    expect(await main([file, out], io)).toBe(1);
    expect(io.errors[1]).toBe(`  - organization.roles[${index}].quotaPerMonth must be at least 0.01`);
    expect(existsSync(out)).toBe(false);
  });
});
