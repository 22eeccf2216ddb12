import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import ts from "typescript";
import { metadataForDeclaredRuntime } from "../../scripts/functions-metadata";

/**
 * Excel loads the custom functions only where the manifest's CustomFunctionsRuntime set is supported, and a member or
 * metadata property of a newer set than the one declared fails on the hosts the declaration admits. These tests
 * compare everything the add-in uses (in its sources, in the calls the build appends, and in the functions.json the
 * build emits) with the version declared in manifest.xml.
 */

const repoRoot = path.resolve(__dirname, "..", "..");
const REQUIREMENT_SETS_PAGE =
  "office-js-docs-reference: docs/requirement-sets/excel/custom-functions-requirement-sets.md";
const TYPINGS = "@types/custom-functions-runtime, @remarks [Api set: …]";
const METADATA_REFERENCE = "office-js-docs-pr: docs/excel/custom-functions-json.md, Metadata reference";

interface Requirement {
  readonly version: string;
  readonly source: string;
}

/**
 * The CustomFunctionsRuntime version each CustomFunctions member needs. `associate` has no tag in the typings; it is
 * part of the first version ("Requirement set 1.1 is the first version of the API"). The typings tag every ErrorCode
 * member 1.3, the requirement-set page says 1.3 "adds new ErrorCode options": the stricter reading (1.3) is kept.
 */
const API_MEMBERS: Readonly<Record<string, Requirement>> = {
  associate: { version: "1.1", source: REQUIREMENT_SETS_PAGE },
  Error: { version: "1.2", source: TYPINGS },
  "Error.code": { version: "1.2", source: TYPINGS },
  "Error.message": { version: "1.2", source: TYPINGS },
  "ErrorCode.invalidValue": { version: "1.3", source: TYPINGS },
  "ErrorCode.notAvailable": { version: "1.3", source: TYPINGS },
  "ErrorCode.divisionByZero": { version: "1.3", source: TYPINGS },
  "ErrorCode.invalidNumber": { version: "1.3", source: TYPINGS },
  "ErrorCode.nullReference": { version: "1.3", source: TYPINGS },
  "ErrorCode.invalidName": { version: "1.3", source: TYPINGS },
  "ErrorCode.invalidReference": { version: "1.3", source: TYPINGS },
  "Invocation.functionName": { version: "1.1", source: TYPINGS },
  "Invocation.address": { version: "1.1", source: TYPINGS },
  "Invocation.parameterAddresses": { version: "1.3", source: TYPINGS },
  "Invocation.isInValuePreview": { version: "1.5", source: TYPINGS },
  "CancelableInvocation.onCanceled": { version: "1.1", source: TYPINGS },
  "StreamingInvocation.setResult": { version: "1.1", source: TYPINGS },
};

/**
 * The CustomFunctionsRuntime version each functions.json property needs, as a path (`functions[].parameters[].type`).
 * The metadata reference lists the basic properties without a requirement set (they are the first version's); the
 * requirement-set page names allowCustomDataForDataTypeAny as 1.4. A property missing here fails the test until its
 * requirement is looked up and added.
 */
const METADATA_PROPERTIES: Readonly<Record<string, Requirement>> = {
  functions: { version: "1.1", source: METADATA_REFERENCE },
  "functions[].id": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].name": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].description": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].helpUrl": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters[].name": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters[].description": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters[].type": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters[].dimensionality": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].parameters[].optional": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].result": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].result.type": { version: "1.1", source: METADATA_REFERENCE },
  "functions[].result.dimensionality": { version: "1.1", source: METADATA_REFERENCE },
  allowCustomDataForDataTypeAny: { version: "1.4", source: REQUIREMENT_SETS_PAGE },
};

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split(".").map(Number);
  const [bMajor = 0, bMinor = 0] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

function declaredRuntimeVersion(): string {
  const manifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
  const match = /<Set Name="CustomFunctionsRuntime" MinVersion="([\d.]+)"\s*\/>/.exec(manifest);
  if (!match?.[1]) throw new Error("manifest.xml declares no CustomFunctionsRuntime set");
  return match[1];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * Every run-time use of the CustomFunctions global in a source text (`CustomFunctions.Error`,
 * `CustomFunctions.ErrorCode.invalidValue`…), from the syntax tree: type annotations, comments and strings are not uses.
 */
function customFunctionsMembers(text: string, fileName: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const members: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "CustomFunctions"
    ) {
      const parent = node.parent;
      const member =
        ts.isPropertyAccessExpression(parent) && parent.expression === node
          ? `${node.name.text}.${parent.name.text}`
          : node.name.text;
      members.push(member);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return members;
}

/** Every property path of a functions.json, array items written `[]`. */
function propertyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => propertyPaths(item, `${prefix}[]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = prefix === "" ? key : `${prefix}.${key}`;
    return [here, ...propertyPaths(child, here)];
  });
}

function overDeclared(
  used: Iterable<string>,
  table: Readonly<Record<string, Requirement>>,
  declared: string,
): string[] {
  const problems: string[] = [];
  for (const name of new Set(used)) {
    const requirement = table[name];
    if (!requirement) problems.push(`${name}: no known requirement set (look it up and add it to the table)`);
    else if (compareVersions(requirement.version, declared) > 0) {
      problems.push(`${name} needs CustomFunctionsRuntime ${requirement.version} (${requirement.source})`);
    }
  }
  return problems;
}

describe("the CustomFunctionsRuntime requirement set", () => {
  const declared = declaredRuntimeVersion();

  it("the table agrees with every [Api set] tag of the installed typings", () => {
    const typings = readFileSync(require.resolve("@types/custom-functions-runtime/index.d.ts"), "utf8");
    const tagged: Record<string, string> = {};
    const pattern =
      /\[Api set: CustomFunctionsRuntime ([\d.]+)\][\s\S]*?\*\/\s*(?:export\s+)?(?:class\s+(\w+)|(\w+)\s*[?:=(])/g;
    for (const match of typings.matchAll(pattern)) {
      const [, version, className, memberName] = match;
      if (className) {
        tagged[className] = version!;
        continue;
      }
      const before = typings.slice(0, match.index);
      const container = [...before.matchAll(/\b(?:class|interface|enum)\s+(\w+)/g)].at(-1)?.[1] ?? "";
      tagged[`${container}.${memberName}`] = version!;
    }
    expect(Object.keys(tagged).length).toBeGreaterThanOrEqual(15);
    const fromTable = Object.fromEntries(
      Object.entries(API_MEMBERS)
        .filter(([, requirement]) => requirement.source === TYPINGS)
        .map(([name, requirement]) => [name, requirement.version]),
    );
    expect(fromTable).toEqual(tagged);
  });

  it("covers every CustomFunctions member the sources use and the associate calls the build appends", () => {
    const used = sourceFiles(path.join(repoRoot, "src")).flatMap((file) =>
      customFunctionsMembers(readFileSync(file, "utf8"), file).map((member) => `${member}`),
    );
    expect(used).toContain("ErrorCode.invalidValue");
    // custom-functions-metadata-plugin appends CustomFunctions.associate(id, function) to functions.ts at build time.
    expect(overDeclared([...used, "associate"], API_MEMBERS, declared)).toEqual([]);
  });

  it("throws only error codes whose message Excel shows (#VALUE! and #N/A)", () => {
    // "You can only return a custom error message with the #VALUE! and #N/A errors" (docs: excel/custom-functions-errors.md).
    const codes = sourceFiles(path.join(repoRoot, "src"))
      .flatMap((file) => customFunctionsMembers(readFileSync(file, "utf8"), file))
      .filter((member) => member.startsWith("ErrorCode."));
    expect(new Set(codes)).toEqual(new Set(["ErrorCode.invalidValue"]));
  });

  it("covers every property of the functions.json files the build emits, in both languages", async () => {
    const generated = await generateCustomFunctionsMetadata([path.join(repoRoot, "src/functions/functions.ts")]);
    expect(generated.errors).toEqual([]);
    const emitted = metadataForDeclaredRuntime(JSON.parse(generated.metadataJson) as Record<string, unknown>);
    const golden = ["functions.json", "functions-fr.json"].map(
      (file) => JSON.parse(readFileSync(path.join(repoRoot, "tests/golden", file), "utf8")) as unknown,
    );
    for (const metadata of [emitted, ...golden]) {
      expect(overDeclared(propertyPaths(metadata), METADATA_PROPERTIES, declared)).toEqual([]);
    }
  });

  it("is the one the manifest's comment explains, and no newer than the code needs", () => {
    const manifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
    const comment = /<!--([^>]*)-->\s*<Set Name="CustomFunctionsRuntime"/.exec(manifest)?.[1] ?? "";
    expect(comment).toContain(`CustomFunctionsRuntime ${declared}`);
    const used = new Set(
      sourceFiles(path.join(repoRoot, "src")).flatMap((file) =>
        customFunctionsMembers(readFileSync(file, "utf8"), file),
      ),
    );
    const needed = [...used, "associate"]
      .map((member) => API_MEMBERS[member]?.version ?? "1.1")
      .reduce((highest, version) => (compareVersions(version, highest) > 0 ? version : highest), "1.1");
    expect(needed).toBe(declared);
  });
});
