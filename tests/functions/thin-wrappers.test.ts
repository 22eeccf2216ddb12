import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const functionsDir = path.resolve(__dirname, "..", "..", "src", "functions");
const sources = readdirSync(functionsDir)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name, code: stripComments(readFileSync(path.join(functionsDir, name), "utf8")) }));

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

describe("the custom functions stay thin wrappers over the plan core", () => {
  it("do no math of their own: no Math, no powers, no rounding in src/functions", () => {
    const offenders = sources.filter(({ code }) =>
      /\bMath\.|\*\*|\b(roundUp|roundDown|roundHalfUp|toFixed)\b/.test(code),
    );
    expect(offenders.map((s) => s.name)).toEqual([]);
  });

  it("import only the plan core's modules and their own", () => {
    const imports = sources.flatMap(({ name, code }) =>
      [...code.matchAll(/from\s+"([^"]+)"/g)].map((m) => `${name} → ${m[1]}`),
    );
    expect(imports.filter((i) => !/→ (\.\/|\.\.\/plan\/)/.test(i))).toEqual([]);
  });

  it("throw only through one module: errors.ts builds every CustomFunctions.Error", () => {
    const builders = sources.filter(({ code }) => /new CustomFunctions\.Error/.test(code)).map((s) => s.name);
    expect(builders).toEqual(["errors.ts"]);
  });
});
