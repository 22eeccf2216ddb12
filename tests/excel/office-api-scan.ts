/**
 * Reads which Office.js members the adapter's port uses (src/excel/office-port.ts) and the requirement set each one
 * is tagged with in @types/office-js (`[Api set: ExcelApi 1.x]`, the same tags as the requirement-set pages of
 * OfficeDev/office-js-docs-reference). Test-only: parses both files with the TypeScript compiler API.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Port interfaces whose Office.js class is not their name without `Api`. */
const CLASS_OF_PORT: Record<string, string> = {
  ChartPointsApi: "ChartPointsCollection",
  WorksheetTableCollectionApi: "TableCollection",
};
/** Port types that are not Office.js classes (load/sync machinery, present in every set). */
const NOT_CLASSES = new Set(["Loadable", "NullableProxy", "ClientResultApi", "ExcelContext"]);

export interface UsedMember {
  /** `Worksheet.copy`. */
  readonly member: string;
  /** `1.7`; undefined when the typings give no ExcelApi tag (or no such member). */
  readonly version: string | undefined;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
}

const memberName = (member: ts.Node): string | undefined => {
  const name = (member as { name?: ts.PropertyName }).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
};

/** `Class.member` → the lowest ExcelApi version tagged on it (overloads share a name) in `declare namespace Excel`. */
let cachedTags: Map<string, string> | undefined;

export function excelApiTags(): Map<string, string> {
  return (cachedTags ??= readExcelApiTags());
}

function readExcelApiTags(): Map<string, string> {
  const typings = parse(path.join(repoRoot, "node_modules/@types/office-js/index.d.ts"));
  const tags = new Map<string, string>();
  const text = typings.getFullText();
  const visitNamespace = (body: ts.ModuleBlock) => {
    for (const statement of body.statements) {
      if (!ts.isClassDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) continue;
      const className = statement.name?.text;
      if (!className) continue;
      const tagOf = (node: ts.Node) =>
        /\[Api set: ExcelApi (1\.\d+)/.exec(text.slice(node.getFullStart(), node.getStart()))?.[1];
      // A member without its own tag (a collection's `items`) comes with its class.
      const classVersion = tagOf(statement);
      for (const member of statement.members) {
        const name = memberName(member);
        if (!name) continue;
        const version = tagOf(member) ?? classVersion;
        if (!version) continue;
        const key = `${className}.${name}`;
        const known = tags.get(key);
        if (known === undefined || compareVersions(version, known) < 0) tags.set(key, version);
      }
    }
  };
  for (const statement of typings.statements) {
    if (
      ts.isModuleDeclaration(statement) &&
      statement.name.text === "Excel" &&
      statement.body &&
      ts.isModuleBlock(statement.body)
    )
      visitNamespace(statement.body);
  }
  return tags;
}

export function compareVersions(a: string, b: string): number {
  const [, minorA] = a.split(".").map(Number);
  const [, minorB] = b.split(".").map(Number);
  return minorA! - minorB!;
}

/** Every `Class.member` the port declares or picks, with its ExcelApi tag. */
export function officeApiMembersUsed(): UsedMember[] {
  const port = parse(path.join(repoRoot, "src/excel/office-port.ts"));
  const tags = excelApiTags();
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    // Pick<Excel.X, "a" | "b">, wherever it appears.
    const isPick =
      (ts.isTypeReferenceNode(node) && node.typeName.getText() === "Pick") ||
      (ts.isExpressionWithTypeArguments(node) && node.expression.getText() === "Pick");
    if (isPick && node.typeArguments?.length === 2) {
      const [picked, keys] = node.typeArguments as unknown as [ts.TypeNode, ts.TypeNode];
      const className = picked.getText().replace(/^Excel\./, "");
      const literals = ts.isUnionTypeNode(keys) ? keys.types : [keys];
      for (const literal of literals) {
        if (ts.isLiteralTypeNode(literal) && ts.isStringLiteral(literal.literal))
          used.add(`${className}.${literal.literal.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of port.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const name = statement.name.text;
      if (NOT_CLASSES.has(name)) continue;
      const className = CLASS_OF_PORT[name] ?? name.replace(/Api$/, "");
      for (const member of statement.members) {
        const member_ = memberName(member);
        if (member_) used.add(`${className}.${member_}`);
      }
      visit(statement);
    } else if (ts.isTypeAliasDeclaration(statement)) {
      visit(statement);
    }
  }
  return [...used].sort().map((member) => ({ member, version: tags.get(member) }));
}
