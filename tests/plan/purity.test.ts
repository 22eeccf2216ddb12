import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const planDir = path.resolve(__dirname, "..", "..", "src", "plan");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("the plan core", () => {
  const files = sourceFiles(planDir);

  it("imports only zod and its own modules", () => {
    const foreign = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)]
        .map((match) => match[1]!)
        .filter((specifier) => !specifier.startsWith(".") && specifier !== "zod")
        .map((specifier) => `${path.relative(planDir, file)} imports ${specifier}`),
    );
    expect(foreign).toEqual([]);
  });

  it("uses no Office, React or DOM global", () => {
    const globals = /\b(Office|Excel|CustomFunctions|window|document|navigator|localStorage|React)\b\s*[.(]/;
    const offenders = files.filter((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .some((line) => !line.trim().startsWith("*") && !line.trim().startsWith("//") && globals.test(line)),
    );
    expect(offenders.map((file) => path.relative(planDir, file))).toEqual([]);
  });
});
