/**
 * Checks Excel makes when it opens an .xlsx package that the ECMA-376 schemas cannot express (a schema sees one part at
 * a time and has no uniqueness across parts). A package that breaks one of them opens in Excel with the prompt "We
 * found a problem with some content… Do you want us to try to recover as much as we can?" and loses the part Excel
 * repairs. Each rule cites where the behaviour is documented: Microsoft's support articles, the ECMA-376 text, or the
 * ExcelJS (and other writers') issues where Excel's repair log shows it.
 *
 * `excelPackageViolations` is pure: it takes the package's parts as text and returns every violation found.
 */
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { columnLetters, parseCellAddress, parseRangeAddress, type RangePosition } from "../../src/workbook/address";

export interface PackageRuleViolation {
  readonly rule: string;
  readonly part: string;
  readonly message: string;
}

/** Every part of a package as text (binary parts are not needed by the rules). */
export async function readPackageParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort()) {
    if (!zip.files[path]!.dir) parts.set(path, await zip.file(path)!.async("string"));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the parts

type Node = Record<string, unknown>;

const REPEATED = new Set([
  "sheet",
  "definedName",
  "Relationship",
  "Default",
  "Override",
  "row",
  "c",
  "mergeCell",
  "tablePart",
  "tableColumn",
  "si",
  "r",
  "xf",
  "font",
  "fill",
  "border",
  "numFmt",
  "dxf",
  "conditionalFormatting",
  "cfRule",
  "dataValidation",
  "hyperlink",
  "col",
  "xdr:twoCellAnchor",
  "xdr:oneCellAnchor",
  "xdr:absoluteAnchor",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributesGroupName: "$",
  attributeNamePrefix: "",
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

function parse(xml: string): Node {
  return parser.parse(xml) as Node;
}

function child(node: unknown, name: string): Node | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const value = (node as Node)[name];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Node) : undefined;
}

function children(node: unknown, name: string): Node[] {
  if (node === null || typeof node !== "object") return [];
  const value = (node as Node)[name];
  if (Array.isArray(value)) return value.map((item) => (typeof item === "object" && item !== null ? item : {}) as Node);
  return value !== undefined ? [(typeof value === "object" && value !== null ? value : {}) as Node] : [];
}

function attribute(node: Node | undefined, name: string): string | undefined {
  const attributes = node?.$ as Record<string, string> | undefined;
  const value = attributes?.[name];
  // XML 1.0 §3.3.3 (attribute-value normalization): a literal tab, line feed or carriage return in an attribute is
  // read as a space; only a character reference keeps it.
  return value === undefined ? undefined : decodeXml(value.replace(/\r\n|[\t\n\r]/g, " "));
}

/** The text of an element read with processEntities off: `#text` of an element with attributes, or the string. */
function textOf(node: unknown): string {
  // XML 1.0 §2.11 (end-of-line handling): a parser reads \r\n and a lone \r as \n.
  const read = (text: string): string => decodeXml(text.replace(/\r\n?/g, "\n"));
  if (typeof node === "string") return read(node);
  if (node !== null && typeof node === "object") {
    const text = (node as Node)["#text"];
    return typeof text === "string" ? read(text) : "";
  }
  return "";
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[entity]!;
  });
}

/** ST_Xstring's `_xHHHH_` escapes decoded, as Excel reads them (ECMA-376 Part 1, §22.9.2.19 ST_Xstring). */
function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A part's directory-relative target resolved to a package path (`xl/worksheets/` + `../tables/t.xml`). */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relationshipsOf(parts: ReadonlyMap<string, string>, part: string): Relationship[] {
  const xml = parts.get(relsPathOf(part));
  if (xml === undefined) return [];
  return children(child(parse(xml), "Relationships"), "Relationship").map((relationship) => ({
    id: attribute(relationship, "Id") ?? "",
    type: attribute(relationship, "Type") ?? "",
    target: attribute(relationship, "Target") ?? "",
    external: attribute(relationship, "TargetMode") === "External",
  }));
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return (
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row &&
    a.start.column <= b.end.column &&
    b.start.column <= a.end.column
  );
}

function contains(range: RangePosition, cell: { row: number; column: number }): boolean {
  return (
    cell.row >= range.start.row &&
    cell.row <= range.end.row &&
    cell.column >= range.start.column &&
    cell.column <= range.end.column
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Name rules

/**
 * Sheet names. Microsoft support, "Rename a worksheet": a name cannot be blank, cannot contain more than 31
 * characters, cannot contain / \ ? * : [ ], cannot begin or end with an apostrophe, and cannot be "History", a name
 * Excel reserves. [MS-OI29500] 2.1.578 (Part 1 §18.2.19 sheet): "Office requires that the name attribute be less than
 * or equal to 31 characters" and "that sheet names are case-insensitive unique in any locale".
 */
export function sheetNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) problems.push("is blank");
  if (name.length > 31) problems.push(`has ${name.length} characters (31 at most)`);
  if (/[/\\?*:[\]]/.test(name)) problems.push("contains one of / \\ ? * : [ ]");
  if (name.startsWith("'") || name.endsWith("'")) problems.push("begins or ends with an apostrophe");
  if (name.toLowerCase() === "history") problems.push('is "History", which Excel reserves');
  return problems;
}

/**
 * Defined names and table names. Microsoft support, "Define and use names in formulas" (syntax rules for names) and
 * "Rename an Excel table": the first character is a letter, an underscore or a backslash; the others letters,
 * numbers, periods and underscores (backslashes are accepted too); no spaces; not a cell reference such as A1 or
 * R1C1; at most 255 characters; "C", "c", "R" and "r" are not allowed; names are not case-sensitive.
 */
export function nameProblems(name: string): string[] {
  const problems: string[] = [];
  // [MS-OI29500] 2.1.568 (Part 1 §18.2.5 definedName) k: "at least 1 and at most 255 characters".
  if (name.length === 0 || name.length > 255) problems.push(`has ${name.length} characters (1 to 255)`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) {
    problems.push("must start with a letter, _ or \\ and hold only letters, numbers, periods, _ and \\");
  }
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name) || /^[RrCc]$/.test(name)) {
    problems.push("looks like a cell reference");
  }
  return problems;
}

/** The sheets a formula or reference names: `'2 Objectives'!$B$1` and `Plan!A1` give "2 Objectives" and "Plan". */
export function referencedSheets(formula: string): string[] {
  const names: string[] = [];
  for (const match of formula.matchAll(/'((?:[^']|'')+)'!|(?<![\w.'"])([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/g)) {
    names.push(match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!);
  }
  return names;
}

/**
 * Microsoft support, "Excel specifications and limits": "Length of formula contents: 8,192 characters", "Arguments in
 * a function: 255", "Nested levels of functions: 64". Excel refuses such a formula when typed, and drops it (repairing
 * the cell) when it reads one from a file.
 */
export function formulaProblems(formula: string): string[] {
  const problems: string[] = [];
  if (formula.length > 8192) problems.push(`has ${formula.length} characters (8,192 at most)`);
  // A stack of open parentheses: true for a function call's, whose arguments are counted.
  const open: { call: boolean; arguments: number }[] = [];
  let deepest = 0;
  let braces = 0;
  for (let i = 0; i < formula.length; i++) {
    const char = formula[i]!;
    if (char === '"' || char === "'") {
      const close = formula.indexOf(char, i + 1);
      if (close < 0) break;
      i = close;
      // A doubled quote inside a literal is one quote: the scan resumes after it.
      while (formula[i + 1] === char)
        i = formula.indexOf(char, i + 2) < 0 ? formula.length : formula.indexOf(char, i + 2);
      continue;
    }
    if (char === "{") braces++;
    else if (char === "}") braces--;
    else if (char === "(") {
      const call = /[A-Za-z0-9_.]$/.test(formula.slice(0, i));
      open.push({ call, arguments: 1 });
      deepest = Math.max(deepest, open.filter((entry) => entry.call).length);
    } else if (char === ")") {
      const closed = open.pop();
      if (closed?.call && closed.arguments > 255)
        problems.push(`passes ${closed.arguments} arguments to a function (255 at most)`);
    } else if (char === "," && braces === 0 && open.length > 0) {
      open[open.length - 1]!.arguments++;
    }
  }
  if (deepest > 64) problems.push(`nests ${deepest} levels of functions (64 at most)`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The rules

interface SheetInfo {
  readonly name: string;
  readonly part: string;
}

interface CellInfo {
  readonly address: string;
  readonly style: number | undefined;
  readonly type: string | undefined;
  readonly value: string | undefined;
  readonly formula: Node | undefined;
}

function cellsOf(worksheet: Node): CellInfo[] {
  const cells: CellInfo[] = [];
  for (const row of children(child(worksheet, "sheetData"), "row")) {
    for (const cell of children(row, "c")) {
      const style = attribute(cell, "s");
      // A formula with attributes (`<f t="shared" si="0"/>`) parses as an object, a plain one as its text.
      const formula: unknown = cell.f;
      cells.push({
        address: attribute(cell, "r") ?? "",
        style: style === undefined ? undefined : Number(style),
        type: attribute(cell, "t"),
        value: cell.v === undefined ? undefined : textOf(cell.v),
        formula: formula === undefined ? undefined : (child(cell, "f") ?? { "#text": formula }),
      });
    }
  }
  return cells;
}

function sharedStringsOf(parts: ReadonlyMap<string, string>, workbookPart: string): string[] {
  const relationship = relationshipsOf(parts, workbookPart).find((r) => r.type.endsWith("/sharedStrings"));
  const xml = relationship ? parts.get(resolveTarget(workbookPart, relationship.target)) : undefined;
  if (xml === undefined) return [];
  return children(child(parse(xml), "sst"), "si").map((item) => {
    const runs = children(item, "r");
    const raw = runs.length > 0 ? runs.map((run) => textOf(run.t)).join("") : textOf(item.t);
    return decodeOoxmlEscapes(raw);
  });
}

const BUILT_IN_NUMBER_FORMATS_MAX_ID = 163;

/** Every violation of the rules above in a package. */
export function excelPackageViolations(parts: ReadonlyMap<string, string>): PackageRuleViolation[] {
  const violations: PackageRuleViolation[] = [];
  const report = (rule: string, part: string, message: string): void => {
    violations.push({ rule, part, message });
  };

  // Content types: ECMA-376 Part 2 (Open Packaging Conventions), "Content Types stream": every part has a content
  // type, given by an Override for its name or a Default for its extension; a part without one makes the package
  // invalid and Excel refuses or repairs it.
  const contentTypes = parts.get("[Content_Types].xml");
  if (contentTypes === undefined) {
    report("content-types", "[Content_Types].xml", "the package has no content types stream");
  } else {
    const types = child(parse(contentTypes), "Types");
    const defaults = new Set(children(types, "Default").map((d) => (attribute(d, "Extension") ?? "").toLowerCase()));
    const overrides = new Set(children(types, "Override").map((o) => (attribute(o, "PartName") ?? "").toLowerCase()));
    for (const part of parts.keys()) {
      if (part === "[Content_Types].xml") continue;
      const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
      if (!overrides.has(`/${part}`.toLowerCase()) && !defaults.has(extension)) {
        report("content-types", part, "has no content type (no Override for it and no Default for its extension)");
      }
    }
    for (const override of overrides) {
      const exists = [...parts.keys()].some((part) => `/${part}`.toLowerCase() === override);
      if (!exists)
        report("content-types", "[Content_Types].xml", `declares a content type for missing part ${override}`);
    }
  }

  // Relationships: ECMA-376 Part 2, "Relationships": an internal relationship's target is a part of the package.
  // Excel reports a missing target as an unreadable part.
  for (const relsPart of [...parts.keys()].filter((p) => p.endsWith(".rels"))) {
    const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const ids = new Set<string>();
    for (const relationship of relationshipsOf(parts, source === relsPart ? "" : source)) {
      if (ids.has(relationship.id)) report("relationships", relsPart, `repeats the relationship id ${relationship.id}`);
      ids.add(relationship.id);
      if (relationship.external) continue;
      const target = resolveTarget(source, relationship.target);
      if (!parts.has(target)) report("relationships", relsPart, `targets ${target}, which is not in the package`);
    }
  }

  // A part refers to another through a relationship id (`r:id`, `r:embed`, `r:link`: ECMA-376 Part 1, §22.8
  // Relationship Reference), which its own .rels part must define; Excel drops the element whose id it cannot resolve.
  const relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  for (const [part, xml] of parts) {
    if (!part.endsWith(".xml") || part === "[Content_Types].xml") continue;
    const prefixes = [...xml.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)]
      .filter((m) => m[2] === relationshipNamespace)
      .map((m) => m[1]!);
    if (prefixes.length === 0) continue;
    const defined = new Set(relationshipsOf(parts, part).map((r) => r.id));
    for (const prefix of new Set(prefixes)) {
      for (const use of xml.matchAll(new RegExp(`\\s${prefix}:(id|embed|link)="([^"]*)"`, "g"))) {
        if (!defined.has(decodeXml(use[2]!))) {
          report("relationships", part, `${prefix}:${use[1]!}="${use[2]!}" has no relationship in ${relsPathOf(part)}`);
        }
      }
    }
  }

  const workbookRelationship = relationshipsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!workbookRelationship) {
    report("relationships", "_rels/.rels", "has no officeDocument relationship");
    return violations;
  }
  const workbookPart = resolveTarget("", workbookRelationship.target);
  const workbookXml = parts.get(workbookPart);
  if (workbookXml === undefined) return violations;
  const workbook = child(parse(workbookXml), "workbook");
  const workbookRelationships = relationshipsOf(parts, workbookPart);

  const sheets: SheetInfo[] = children(child(workbook, "sheets"), "sheet").map((sheet) => {
    const id = attribute(sheet, "r:id");
    const relationship = workbookRelationships.find((r) => r.id === id);
    return {
      name: attribute(sheet, "name") ?? "",
      part: relationship ? resolveTarget(workbookPart, relationship.target) : "",
    };
  });

  // [MS-OI29500] 2.1.578 b: "Office requires that the sheetId attribute be between 1 and 65534 inclusive"; the
  // standard makes it unique.
  const sheetIds = children(child(workbook, "sheets"), "sheet").map((sheet) => attribute(sheet, "sheetId") ?? "");
  sheetIds.forEach((id, index) => {
    if (!(Number(id) >= 1 && Number(id) <= 65_534))
      report("sheet-name", workbookPart, `sheetId "${id}" is not 1 to 65534`);
    if (sheetIds.indexOf(id) !== index) report("sheet-name", workbookPart, `sheetId "${id}" repeats`);
  });

  const seenSheetNames = new Map<string, string>();
  for (const sheet of sheets) {
    for (const problem of sheetNameProblems(sheet.name)) {
      report("sheet-name", workbookPart, `sheet name "${sheet.name}" ${problem}`);
    }
    const key = sheet.name.toLowerCase();
    if (seenSheetNames.has(key)) {
      report("sheet-name", workbookPart, `sheet name "${sheet.name}" repeats "${seenSheetNames.get(key)}"`);
    }
    seenSheetNames.set(key, sheet.name);
  }

  // Tables: gathered first, since their names share one namespace with the defined names.
  const tables: { name: string; displayName: string; part: string; sheet: SheetInfo; table: Node }[] = [];
  for (const sheet of sheets) {
    for (const relationship of relationshipsOf(parts, sheet.part).filter((r) => r.type.endsWith("/table"))) {
      const part = resolveTarget(sheet.part, relationship.target);
      const xml = parts.get(part);
      if (xml === undefined) continue;
      const table = child(parse(xml), "table") ?? {};
      tables.push({
        name: attribute(table, "name") ?? "",
        displayName: attribute(table, "displayName") ?? "",
        part,
        sheet,
        table,
      });
    }
  }

  // Defined names and table names: one namespace per scope, compared without case (Microsoft support, "Define and
  // use names in formulas": "Names are not case-sensitive"; "Rename an Excel table": "Use unique names. Duplicate
  // names aren't allowed. Excel doesn't distinguish between upper and lowercase characters in names"). A table name
  // is workbook-scoped and must not be taken by a defined name either; Excel repairs such a file by renaming.
  const namesByScope = new Map<string, Map<string, string>>();
  const claim = (scope: string, name: string, what: string, part: string): void => {
    const taken = namesByScope.get(scope) ?? new Map<string, string>();
    const key = name.toLowerCase();
    const previous = taken.get(key);
    if (previous !== undefined) report("unique-names", part, `${what} "${name}" repeats ${previous}`);
    else taken.set(key, `${what} "${name}"`);
    namesByScope.set(scope, taken);
  };
  // ECMA-376 Part 1, §18.5.1.2 table, id: each table of the workbook has its own non-zero id; [MS-OI29500] 2.1.681 h:
  // a table column's id is greater than zero (and, as the standard's column ids, unique within its table).
  const tableIds = tables.map((table) => attribute(table.table, "id") ?? "");
  tables.forEach((table, index) => {
    const id = tableIds[index]!;
    if (!(Number(id) > 0) || tableIds.indexOf(id) !== index) {
      report("table-name", table.part, `table "${table.name}" has id "${id}", not a unique positive number`);
    }
    const columnIds = children(child(table.table, "tableColumns"), "tableColumn").map((c) => attribute(c, "id") ?? "");
    columnIds.forEach((columnId, columnIndex) => {
      if (!(Number(columnId) > 0) || columnIds.indexOf(columnId) !== columnIndex) {
        report(
          "table-columns",
          table.part,
          `table "${table.name}" has column id "${columnId}", not a unique positive number`,
        );
      }
    });
  });
  for (const table of tables) {
    for (const problem of nameProblems(table.name))
      report("table-name", table.part, `table name "${table.name}" ${problem}`);
    if (table.displayName !== table.name) {
      // ExcelJS #1641: a displayName other than the name gives a repaired file; Excel writes the two equal.
      report("table-name", table.part, `displayName "${table.displayName}" differs from name "${table.name}"`);
    }
    claim("workbook", table.name, "table", table.part);
  }
  for (const definedName of children(child(workbook, "definedNames"), "definedName")) {
    const name = attribute(definedName, "name") ?? "";
    const localSheetId = attribute(definedName, "localSheetId");
    if (!name.startsWith("_xlnm.")) {
      for (const problem of nameProblems(name))
        report("defined-name", workbookPart, `defined name "${name}" ${problem}`);
    }
    if (localSheetId !== undefined && Number(localSheetId) >= sheets.length) {
      report("defined-name", workbookPart, `defined name "${name}" is scoped to missing sheet ${localSheetId}`);
    }
    claim(localSheetId === undefined ? "workbook" : `sheet ${localSheetId}`, name, "defined name", workbookPart);
    for (const sheetName of referencedSheets(textOf(definedName))) {
      if (!sheets.some((sheet) => sheet.name === sheetName)) {
        report("references", workbookPart, `defined name "${name}" refers to missing sheet "${sheetName}"`);
      }
    }
    if (localSheetId !== undefined) {
      // A sheet-scoped name may repeat a workbook-scoped name, never a table's (tables are workbook-wide objects).
      const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table) report("unique-names", workbookPart, `defined name "${name}" repeats table "${table.name}"`);
    }
  }

  // Styles: a cell's `s` is a zero-based index into cellXfs (ECMA-376 Part 1, §18.3.1.4 c); an xf's fontId, fillId,
  // borderId and xfId index fonts, fills, borders and cellStyleXfs, and its numFmtId is built in or declared in
  // numFmts (§18.8.45 xf, §18.8.30 numFmt); a conditional format's dxfId indexes dxfs (§18.3.1.10 cfRule). Excel
  // reports an index out of range as "Repaired Records: Format from /xl/styles.xml" or "Cell information".
  const stylesRelationship = workbookRelationships.find((r) => r.type.endsWith("/styles"));
  const stylesPart = stylesRelationship ? resolveTarget(workbookPart, stylesRelationship.target) : "xl/styles.xml";
  const stylesXml = parts.get(stylesPart);
  const styleSheet = stylesXml === undefined ? undefined : child(parse(stylesXml), "styleSheet");
  const cellXfs = children(child(styleSheet, "cellXfs"), "xf");
  const dxfCount = children(child(styleSheet, "dxfs"), "dxf").length;
  if (styleSheet) {
    const counts = {
      fontId: children(child(styleSheet, "fonts"), "font").length,
      fillId: children(child(styleSheet, "fills"), "fill").length,
      borderId: children(child(styleSheet, "borders"), "border").length,
      xfId: children(child(styleSheet, "cellStyleXfs"), "xf").length,
    };
    const numberFormats = new Set(
      children(child(styleSheet, "numFmts"), "numFmt").map((format) => Number(attribute(format, "numFmtId"))),
    );
    const checkXf = (xf: Node, where: string): void => {
      for (const [key, count] of Object.entries(counts)) {
        const value = attribute(xf, key);
        if (value !== undefined && Number(value) >= count) {
          report("style-index", stylesPart, `${where} has ${key}="${value}" but only ${count} exist`);
        }
      }
      const numFmtId = Number(attribute(xf, "numFmtId") ?? 0);
      if (numFmtId > BUILT_IN_NUMBER_FORMATS_MAX_ID && !numberFormats.has(numFmtId)) {
        report("style-index", stylesPart, `${where} uses number format ${numFmtId}, which is not declared`);
      }
    };
    cellXfs.forEach((xf, index) => checkXf(xf, `cellXfs[${index}]`));
    children(child(styleSheet, "cellStyleXfs"), "xf").forEach((xf, index) => {
      const { xfId: _ignored, ...withoutXfId } = (xf.$ ?? {}) as Record<string, string>;
      checkXf({ $: withoutXfId }, `cellStyleXfs[${index}]`);
    });
    for (const [element, list] of [
      ["cellXfs", cellXfs.length],
      ["dxfs", dxfCount],
    ] as const) {
      const declared = attribute(child(styleSheet, element), "count");
      if (declared !== undefined && Number(declared) !== list) {
        report("style-index", stylesPart, `${element} count="${declared}" but it holds ${list}`);
      }
    }
  }

  const sharedStrings = sharedStringsOf(parts, workbookPart);

  for (const sheet of sheets) {
    const xml = parts.get(sheet.part);
    if (xml === undefined) continue;
    const worksheet = child(parse(xml), "worksheet") ?? {};
    const cells = cellsOf(worksheet);
    const cellByAddress = new Map(cells.map((cell) => [cell.address, cell]));
    const textAt = (address: string): string | undefined => {
      const cell = cellByAddress.get(address);
      if (!cell || cell.value === undefined) return undefined;
      if (cell.type === "s") return sharedStrings[Number(cell.value)];
      return cell.type === "str" || cell.type === "inlineStr" ? decodeOoxmlEscapes(cell.value) : cell.value;
    };

    for (const cell of cells) {
      if (cell.style !== undefined && (cell.style < 0 || cell.style >= cellXfs.length)) {
        report("style-index", sheet.part, `${cell.address} has s="${cell.style}" but cellXfs holds ${cellXfs.length}`);
      }
      // Microsoft support, "Excel specifications and limits": a cell holds at most 32,767 characters.
      const text = cell.type === "s" ? sharedStrings[Number(cell.value)] : undefined;
      if (text !== undefined && text.length > 32_767) {
        report("cell-text", sheet.part, `${cell.address} holds ${text.length} characters (32,767 at most)`);
      }
      if (cell.type === "s" && text === undefined) {
        report("cell-text", sheet.part, `${cell.address} refers to missing shared string ${cell.value ?? ""}`);
      }
      // A cell's value is typed by `t` (ECMA-376 Part 1, §18.18.11 ST_CellType): a number (no `t`, or "n") is a finite
      // decimal, a boolean 0 or 1, an error one of Excel's error literals. The schema types `v` as a plain string, so
      // it cannot see "NaN" or "Infinity"; Excel repairs such a cell ("Cell information from /xl/worksheets/…").
      if (cell.value !== undefined) {
        if (
          (cell.type === undefined || cell.type === "n") &&
          !/^-?(\d+\.?\d*|\.\d+)([Ee][-+]?\d+)?$/.test(cell.value.trim())
        ) {
          report("cell-value", sheet.part, `${cell.address} holds the number "${cell.value}"`);
        }
        if (cell.type === "b" && cell.value !== "0" && cell.value !== "1") {
          report("cell-value", sheet.part, `${cell.address} holds the boolean "${cell.value}"`);
        }
        if (
          cell.type === "e" &&
          !/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/.test(cell.value)
        ) {
          report("cell-value", sheet.part, `${cell.address} holds the error "${cell.value}"`);
        }
      }
      if (cell.formula) {
        for (const problem of formulaProblems(textOf(cell.formula))) {
          report("formula", sheet.part, `${cell.address}'s formula ${problem}`);
        }
      }
    }
    for (const row of children(child(worksheet, "sheetData"), "row")) {
      const style = attribute(row, "s");
      if (style !== undefined && Number(style) >= cellXfs.length) {
        report("style-index", sheet.part, `row ${attribute(row, "r") ?? "?"} has s="${style}" out of range`);
      }
    }
    for (const column of children(child(worksheet, "cols"), "col")) {
      // Microsoft support, "Excel specifications and limits": "Column width: 255 characters".
      const width = attribute(column, "width");
      if (width !== undefined && !(Number(width) >= 0 && Number(width) <= 255)) {
        report("column-width", sheet.part, `column ${attribute(column, "min") ?? "?"} has width ${width} (0 to 255)`);
      }
      const style = attribute(column, "style");
      if (style !== undefined && Number(style) >= cellXfs.length) {
        report(
          "style-index",
          sheet.part,
          `column ${attribute(column, "min") ?? "?"} has style="${style}" out of range`,
        );
      }
    }
    for (const format of children(worksheet, "conditionalFormatting")) {
      for (const rule of children(format, "cfRule")) {
        const dxfId = attribute(rule, "dxfId");
        if (dxfId !== undefined && Number(dxfId) >= dxfCount) {
          report("style-index", sheet.part, `a conditional format uses dxfId="${dxfId}" but dxfs holds ${dxfCount}`);
        }
      }
    }

    // Shared formulas (ECMA-376 Part 1, §18.3.1.40 f): the master cell of a group carries `ref` (the range the group
    // spans) and the formula; every other cell of the same `si` lies inside that range. ExcelJS refuses a clone
    // without a master above or to its left ("Shared Formula master must exist above and or left of clone",
    // exceljs/exceljs#370, #676); Excel repairs a group whose cells fall outside its range.
    const masters = new Map<string, { address: string; range: RangePosition | undefined }>();
    const clones: { si: string; address: string }[] = [];
    for (const cell of cells) {
      if (attribute(cell.formula, "t") !== "shared") continue;
      const si = attribute(cell.formula, "si") ?? "";
      const ref = attribute(cell.formula, "ref");
      if (ref !== undefined) {
        if (masters.has(si)) report("shared-formula", sheet.part, `shared formula ${si} has two masters`);
        const range = parseRangeAddress(ref);
        const position = parseCellAddress(cell.address);
        if (range.start.row !== position.row || range.start.column !== position.column) {
          report(
            "shared-formula",
            sheet.part,
            `shared formula ${si} master ${cell.address} is not the top-left of ${ref}`,
          );
        }
        if (textOf(cell.formula).trim() === "")
          report("shared-formula", sheet.part, `shared formula ${si} master has no formula`);
        masters.set(si, { address: cell.address, range });
      } else {
        clones.push({ si, address: cell.address });
      }
    }
    for (const clone of clones) {
      const master = masters.get(clone.si);
      if (!master)
        report("shared-formula", sheet.part, `${clone.address} uses shared formula ${clone.si}, which has no master`);
      else if (master.range && !contains(master.range, parseCellAddress(clone.address))) {
        report("shared-formula", sheet.part, `${clone.address} lies outside shared formula ${clone.si}'s range`);
      }
    }

    // Merged cells must not overlap (abap2xlsx/abap2xlsx#361: overlapping merges give "unreadable content").
    const merges = children(child(worksheet, "mergeCells"), "mergeCell").map((merge) => attribute(merge, "ref") ?? "");
    const mergeRanges = merges.map((ref) => parseRangeAddress(ref));
    mergeRanges.forEach((range, i) => {
      for (let j = i + 1; j < mergeRanges.length; j++) {
        if (overlaps(range, mergeRanges[j]!)) report("merged-cells", sheet.part, `${merges[i]} overlaps ${merges[j]}`);
      }
    });

    // List validations: Excel keeps an explicit list as one comma-separated string of at most 255 characters and
    // repairs a longer one away (exceljs/exceljs#667, #1736; jmcnamara/XlsxWriter#562).
    for (const validation of children(child(worksheet, "dataValidations"), "dataValidation")) {
      // [MS-OI29500] 2.1.613 (Part 1 §18.3.1.32 dataValidation): Excel restricts prompt to 255 characters after
      // decoding, error to 224, errorTitle and promptTitle to 32, and sqref to 1 to 32,767 references.
      const limits = { prompt: 255, error: 224, errorTitle: 32, promptTitle: 32 } as const;
      for (const [name, limit] of Object.entries(limits)) {
        const value = decodeOoxmlEscapes(attribute(validation, name) ?? "");
        if (value.length > limit) {
          report(
            "validation-text",
            sheet.part,
            `the validation of ${attribute(validation, "sqref") ?? "?"} has a ${name} of ${value.length} characters (${limit} at most)`,
          );
        }
      }
      const references = (attribute(validation, "sqref") ?? "").split(/\s+/).filter(Boolean).length;
      if (references < 1 || references > 32_767) {
        report("validation-text", sheet.part, `a validation covers ${references} references (1 to 32,767)`);
      }
      for (const key of ["formula1", "formula2"]) {
        if (validation[key] === undefined) continue;
        for (const problem of formulaProblems(textOf(validation[key]))) {
          report(
            "formula",
            sheet.part,
            `the validation of ${attribute(validation, "sqref") ?? "?"}'s ${key} ${problem}`,
          );
        }
      }
      if (attribute(validation, "type") !== "list") continue;
      const formula = textOf(validation.formula1);
      if (formula.startsWith('"') && formula.length - 2 > 255) {
        report(
          "validation-list",
          sheet.part,
          `the list of ${attribute(validation, "sqref") ?? "?"} has ${formula.length - 2} characters (255 at most)`,
        );
      }
    }

    // Internal hyperlinks point at a sheet that exists (Excel drops the link and reports the sheet's hyperlinks).
    for (const hyperlink of children(child(worksheet, "hyperlinks"), "hyperlink")) {
      const location = attribute(hyperlink, "location");
      if (location === undefined) continue;
      const bang = location.lastIndexOf("!");
      const target =
        bang < 0
          ? location
          : location
              .slice(0, bang)
              .replace(/^'(.*)'$/, "$1")
              .replace(/''/g, "'");
      if (bang >= 0 && !sheets.some((s) => s.name === target)) {
        report("hyperlink", sheet.part, `${attribute(hyperlink, "ref") ?? "?"} links to missing sheet "${target}"`);
      }
    }

    // Tables of this sheet.
    const sheetTables = tables.filter((table) => table.sheet === sheet);
    const tableRanges = sheetTables.map((table) => ({
      table,
      range: parseRangeAddress(attribute(table.table, "ref") ?? "A1"),
    }));
    tableRanges.forEach(({ table, range }, i) => {
      // Excel: "A table cannot overlap a range that contains a PivotTable report, query results, protected cells or
      // another table"; and it cannot hold merged cells ("This operation will cause some merged cells to unmerge").
      for (let j = i + 1; j < tableRanges.length; j++) {
        if (overlaps(range, tableRanges[j]!.range)) {
          report("table-range", table.part, `table "${table.name}" overlaps table "${tableRanges[j]!.table.name}"`);
        }
      }
      mergeRanges.forEach((merge, m) => {
        if (overlaps(range, merge))
          report("table-range", table.part, `table "${table.name}" overlaps merged cells ${merges[m]}`);
      });

      const columns = children(child(table.table, "tableColumns"), "tableColumn");
      const width = range.end.column - range.start.column + 1;
      // exceljs/exceljs#106 (a maintainer-confirmed list of causes): a table whose ref spans another number of columns
      // than its tableColumn entries, and two columns whose names are equal ignoring case, are repaired by Excel.
      if (columns.length !== width) {
        report(
          "table-columns",
          table.part,
          `table "${table.name}" spans ${width} columns but declares ${columns.length}`,
        );
      }
      const declaredCount = attribute(child(table.table, "tableColumns"), "count");
      if (declaredCount !== undefined && Number(declaredCount) !== columns.length) {
        report("table-columns", table.part, `tableColumns count="${declaredCount}" but it holds ${columns.length}`);
      }
      const columnNames = new Map<string, string>();
      columns.forEach((column, index) => {
        const name = decodeOoxmlEscapes(attribute(column, "name") ?? "");
        // exceljs/exceljs#2944: repeated column names make a corrupt file.
        const key = name.toLowerCase();
        if (columnNames.has(key)) {
          report("table-columns", table.part, `table "${table.name}" repeats column name "${name}"`);
        }
        columnNames.set(key, name);
        if (name === "") report("table-columns", table.part, `table "${table.name}" column ${index + 1} has no name`);
        // [MS-OI29500] 2.1.681 (Part 1 §18.5.1.3 tableColumn) a: the name is at most 255 characters.
        if (name.length > 255) {
          report(
            "table-columns",
            table.part,
            `table "${table.name}" column ${index + 1}'s name has ${name.length} characters (255 at most)`,
          );
        }
        // The header cell holds the column's name: Excel repairs a table whose header cell says something else
        // (jmcnamara/XlsxWriter#1126, ClosedXML/ClosedXML#285) or holds a number or a formula.
        const headerRowCount = attribute(table.table, "headerRowCount");
        if (headerRowCount !== "0") {
          const address = `${columnLetters(range.start.column + index)}${range.start.row + 1}`;
          const header = textAt(address);
          if (header !== name) {
            report(
              "table-columns",
              table.part,
              `table "${table.name}" column "${name}" has header cell ${address} = ${JSON.stringify(header ?? null)}`,
            );
          }
          if (cellByAddress.get(address)?.formula) {
            report("table-columns", table.part, `table "${table.name}" header cell ${address} holds a formula`);
          }
        }
      });
      // exceljs/exceljs#1615: the table's autoFilter covers the table's range (without a totals row).
      const autoFilter = attribute(child(table.table, "autoFilter"), "ref");
      if (autoFilter !== undefined) {
        const filter = parseRangeAddress(autoFilter);
        const totals = Number(attribute(table.table, "totalsRowCount") ?? 0);
        if (
          filter.start.row !== range.start.row ||
          filter.start.column !== range.start.column ||
          filter.end.column !== range.end.column ||
          filter.end.row !== range.end.row - totals
        ) {
          report("table-range", table.part, `table "${table.name}" autoFilter ${autoFilter} differs from its range`);
        }
      }
    });
  }

  // Drawing object ids are unique within a drawing part (ECMA-376 Part 1, §20.1.2.2.8 cNvPr: "a unique identifier for
  // the current DrawingML object within the current document"); Excel repairs "Drawing from /xl/drawings/…".
  for (const part of [...parts.keys()].filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p))) {
    const ids = [...parts.get(part)!.matchAll(/<xdr:cNvPr [^>]*\bid="(\d+)"/g)].map((match) => match[1]!);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) report("drawing-ids", part, `repeats object id ${id}`);
      seen.add(id);
    }
  }

  // A chart's series and categories refer to cells of existing sheets ([MS-OI29500] 2.1.859 f and §3.2.3.1.6, chart
  // formulas): a missing sheet leaves the chart drawing #REF! once Excel refreshes it.
  for (const part of [...parts.keys()].filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p))) {
    for (const formula of parts.get(part)!.matchAll(/<c:f>([^<]*)<\/c:f>/g)) {
      for (const sheetName of referencedSheets(decodeXml(formula[1]!))) {
        if (!sheets.some((sheet) => sheet.name === sheetName)) {
          report("references", part, `a series refers to missing sheet "${sheetName}"`);
        }
      }
    }
  }

  // Chart caches: a numeric cache holds numbers at distinct indexes below its point count (ECMA-376 Part 1,
  // §21.2.2.120 numCache, §21.2.2.150 pt); the schema types a point's value as a string, so "NaN" passes it, and Excel
  // then drops the chart ("Drawing from /xl/drawings/…").
  for (const part of [...parts.keys()].filter((p) => /^xl\/charts\/[^/]+\.xml$/.test(p))) {
    const xml = parts.get(part)!;
    for (const cache of xml.matchAll(/<c:(numCache|strCache)>([\s\S]*?)<\/c:\1>/g)) {
      const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache[2]!)?.[1] ?? "NaN");
      const seen = new Set<number>();
      for (const point of cache[2]!.matchAll(/<c:pt idx="(\d+)"[^>]*><c:v>([^<]*)<\/c:v><\/c:pt>/g)) {
        const index = Number(point[1]);
        if (!(index < count) || seen.has(index))
          report("chart-cache", part, `a ${cache[1]} point has index ${index} (count ${count})`);
        seen.add(index);
        if (cache[1] === "numCache" && !Number.isFinite(Number(point[2]))) {
          report("chart-cache", part, `a numCache point holds "${point[2]}"`);
        }
      }
    }
  }

  return violations;
}
