import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const repoRoot = path.resolve(__dirname, "..", "..");
const goldenPath = path.join(repoRoot, "tests", "golden", "functions.json");

/**
 * The metadata is generated the way the build generates it (custom-functions-metadata from the JSDoc) and must
 * match the reviewed golden file. After an intended change: `UPDATE_GOLDEN=1 npx jest tests/functions/metadata`.
 */
describe("custom functions metadata", () => {
  let metadata: {
    functions: {
      id: string;
      name: string;
      description?: string;
      helpUrl?: string;
      parameters: { name: string; description?: string }[];
    }[];
  };

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(
      [path.join(repoRoot, "src", "functions", "functions.ts")],
      true,
    );
    expect(result.errors).toEqual([]);
    metadata = JSON.parse(result.metadataJson) as typeof metadata;
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, `${JSON.stringify(metadata, null, 2)}\n`);
  });

  it("matches the reviewed golden functions.json", () => {
    expect(metadata).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
  });

  it("declares HEADCOUNT with a description for the function and for each parameter", () => {
    const headcount = metadata.functions.find((f) => f.id === "HEADCOUNT");
    expect(headcount?.name).toBe("HEADCOUNT");
    expect(headcount?.description).toMatch(/\S/);
    expect(headcount?.parameters.map((p) => p.name)).toEqual(["workload", "capacity_per_person"]);
    for (const parameter of headcount?.parameters ?? []) expect(parameter.description).toMatch(/\S/);
  });

  it("gives every function a help link and never repeats the namespace in an id", () => {
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\.html#plan-/);
      expect(fn.id).not.toMatch(/^PLAN\./);
    }
  });
});
