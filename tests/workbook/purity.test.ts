import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const workbookDir = path.resolve(__dirname, "..", "..", "src", "workbook");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("the workbook layout and read-back", () => {
  const files = sourceFiles(workbookDir);

  it("import only zod, the plan core and their own modules", () => {
    const foreign = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)]
        .map((match) => match[1]!)
        .filter((specifier) => !specifier.startsWith(".") && specifier !== "zod")
        .map((specifier) => `${path.relative(workbookDir, file)} imports ${specifier}`),
    );
    expect(foreign).toEqual([]);
  });

  it("use no Office, React or DOM global", () => {
    const globals = /\b(Office|Excel|CustomFunctions|window|document|navigator|localStorage|React)\b\s*[.(]/;
    /** The code without comments and string literals, where these words are only prose. */
    const code = (source: string) =>
      source
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "")
        .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    const offenders = files.filter((file) => globals.test(code(readFileSync(file, "utf8"))));
    expect(offenders.map((file) => path.relative(workbookDir, file))).toEqual([]);
  });
});
