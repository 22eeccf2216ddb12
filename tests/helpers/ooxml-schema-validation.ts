/**
 * Validates the XML parts of an .xlsx package against the ECMA-376 Transitional schemas kept in
 * tests/fixtures/ooxml-schemas (see its README for their origin and licence), with libxml2's xmllint.
 *
 * xmllint runs as WebAssembly (the `xmllint-wasm` devDependency, MIT, libxml2 2.13) rather than Debian's
 * libxml2-utils binary, so `npm test` needs nothing beyond `npm ci`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { memoryPages, validateXML, type XMLFileInfo } from "xmllint-wasm";

const SCHEMA_DIR = path.resolve(__dirname, "..", "fixtures", "ooxml-schemas");

/** Every schema file, preloaded into xmllint's in-memory file system so that imports resolve offline. */
const schemaFiles: readonly XMLFileInfo[] = readdirSync(SCHEMA_DIR)
  .filter((name) => name.endsWith(".xsd"))
  .map((name) => ({ fileName: name, contents: readFileSync(path.join(SCHEMA_DIR, name), "utf8") }));

const NS = {
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  dml: "http://schemas.openxmlformats.org/drawingml/2006/main",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  core: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  extended: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
} as const;

interface PartKind {
  readonly path: RegExp;
  readonly schema: string;
  /** The root element the part must have, as `{namespace}name`. */
  readonly root: string;
}

/** Each kind of part the writer produces: the ECMA-376 schema that defines it and the root element it must have. */
const PART_KINDS: readonly PartKind[] = [
  { path: /^\[Content_Types\]\.xml$/, schema: "opc-contentTypes.xsd", root: `{${NS.contentTypes}}Types` },
  { path: /\.rels$/, schema: "opc-relationships.xsd", root: `{${NS.relationships}}Relationships` },
  { path: /^docProps\/core\.xml$/, schema: "opc-coreProperties.xsd", root: `{${NS.core}}coreProperties` },
  { path: /^docProps\/app\.xml$/, schema: "shared-documentPropertiesExtended.xsd", root: `{${NS.extended}}Properties` },
  {
    path: /^customXml\/itemProps\d+\.xml$/,
    schema: "shared-customXmlDataProperties.xsd",
    root: `{${NS.customXml}}datastoreItem`,
  },
  { path: /^xl\/workbook\.xml$/, schema: "sml.xsd", root: `{${NS.sml}}workbook` },
  { path: /^xl\/worksheets\/sheet\d+\.xml$/, schema: "sml.xsd", root: `{${NS.sml}}worksheet` },
  { path: /^xl\/styles\.xml$/, schema: "sml.xsd", root: `{${NS.sml}}styleSheet` },
  { path: /^xl\/sharedStrings\.xml$/, schema: "sml.xsd", root: `{${NS.sml}}sst` },
  { path: /^xl\/tables\/table\d+\.xml$/, schema: "sml.xsd", root: `{${NS.sml}}table` },
  { path: /^xl\/theme\/theme\d+\.xml$/, schema: "dml-main.xsd", root: `{${NS.dml}}theme` },
  { path: /^xl\/drawings\/drawing\d+\.xml$/, schema: "dml-spreadsheetDrawing.xsd", root: `{${NS.drawing}}wsDr` },
  { path: /^xl\/charts\/chart\d+\.xml$/, schema: "dml-chart.xsd", root: `{${NS.chart}}chartSpace` },
];

/**
 * The custom XML item is the plan in the add-in's own format (src/workbook/stored-plan.ts), which ECMA-376 leaves
 * free: it is checked for well-formedness here and by the stored-plan tests.
 */
const FREE_PARTS = /^customXml\/item\d+\.xml$/;

/** The schema of a part of the package, by its path; `undefined` for parts no ECMA schema describes. */
export function schemaOfPart(partPath: string): string | undefined {
  return PART_KINDS.find((kind) => kind.path.test(partPath))?.schema;
}

/**
 * One schema that imports every schema above, so that xmllint compiles them once and validates every part in one run
 * (each run starts a worker and compiles sml.xsd and DrawingML again: seconds on a busy machine). Any global element
 * of these schemas is then a valid root, so the root of each part is checked separately (`rootOf`).
 */
const ALL_SCHEMAS: XMLFileInfo = {
  fileName: "all-package-parts.xsd",
  contents: [
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:sales-plan-builder:tests:package-parts">',
    ...[...new Map(PART_KINDS.map((kind) => [kind.schema, kind])).values()].map(
      (kind) => `<xsd:import namespace="${/^\{([^}]*)\}/.exec(kind.root)![1]!}" schemaLocation="${kind.schema}"/>`,
    ),
    "</xsd:schema>",
  ].join(""),
};

/** A part's root element as `{namespace}name`, read from its first start tag. */
export function rootOf(xml: string): string | undefined {
  const tag = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s[^>]*)?)\/?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ""));
  if (!tag) return undefined;
  const prefix = tag[1] ? tag[1].slice(0, -1) : "";
  const declaration = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}="([^"]*)"`).exec(tag[3] ?? "");
  return `{${declaration?.[1] ?? ""}}${tag[2]!}`;
}

export interface SchemaError {
  readonly part: string;
  readonly schema: string;
  readonly line: number | undefined;
  readonly message: string;
}

export interface PackageValidation {
  /** Paths of the parts validated against a schema, and of the XML parts no schema covers. */
  readonly validated: readonly string[];
  readonly unvalidated: readonly string[];
  readonly errors: readonly SchemaError[];
}

const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * What a consumer that knows only the ECMA-376 Transitional schemas reads of a part, following Markup Compatibility
 * (ECMA-376 Part 3, §7.2 "Ignorable Attribute"): the attributes of the namespaces a part declares ignorable
 * (`mc:Ignorable="x14ac xr"`: ExcelJS writes Excel 2010+ hints such as `x14ac:dyDescent`) are removed, then the
 * `mc:Ignorable` attribute itself. Elements of an ignorable namespace and `mc:AlternateContent` are not expected from
 * this writer; they make the function throw rather than be silently passed over, so that a change in ExcelJS shows.
 */
export function withoutIgnorableMarkup(xml: string): string {
  const declaration = /\sxmlns:([A-Za-z0-9_.-]+)="([^"]*)"/g;
  const mcPrefixes = [...xml.matchAll(declaration)].filter((m) => m[2] === MC_NAMESPACE).map((m) => m[1]!);
  if (mcPrefixes.length === 0) return xml;
  let result = xml;
  for (const mc of mcPrefixes) {
    if (new RegExp(`<${mc}:(AlternateContent|Choice|Fallback)[\\s/>]`).test(result)) {
      throw new Error(`${mc}:AlternateContent is not handled by withoutIgnorableMarkup`);
    }
    const ignorable = new RegExp(`\\s${mc}:Ignorable="([^"]*)"`).exec(result);
    if (!ignorable) continue;
    for (const prefix of ignorable[1]!.split(/\s+/).filter(Boolean)) {
      if (new RegExp(`<${prefix}:`).test(result)) {
        throw new Error(`elements of the ignorable namespace "${prefix}" are not handled by withoutIgnorableMarkup`);
      }
      result = result.replace(new RegExp(`\\s${prefix}:[A-Za-z0-9_.-]+="[^"]*"`, "g"), "");
    }
    result = result.replace(new RegExp(`\\s${mc}:Ignorable="[^"]*"`, "g"), "");
  }
  return result;
}

/**
 * `<t xml:space="preserve">` keeps the leading and trailing spaces of a SpreadsheetML string. Excel writes it and the
 * text of ECMA-376 Part 1 (§18.4.12, t) expects it, but the schema types `t` as the simple type ST_Xstring, which cannot
 * carry attributes (a known gap of the schema: plutext/docx4j#41). It is removed from SpreadsheetML parts before
 * validation, and only there.
 */
export function withoutPreservedSpaceOnText(xml: string): string {
  return xml.replace(/<t xml:space="preserve">/g, "<t>");
}

/** xmllint-wasm refuses file names that look like options or paths; the part path is kept in the result. */
function safeFileName(partPath: string, index: number): string {
  return `part${index < 0 ? "" : index}-${partPath.replace(/[^A-Za-z0-9.]+/g, "_")}`;
}

/** Validates every XML part of the package; resolves with the schema errors (none for a valid package). */
export async function validatePackageParts(bytes: Uint8Array): Promise<PackageValidation> {
  const zip = await JSZip.loadAsync(bytes);
  const xmlParts = Object.keys(zip.files).filter(
    (p) => !zip.files[p]!.dir && (p.endsWith(".xml") || p.endsWith(".rels")),
  );
  const errors: SchemaError[] = [];
  const files: { fileName: string; part: string; schema: string; contents: string }[] = [];
  const unvalidated: string[] = [];
  for (const part of xmlParts) {
    const xml = await zip.file(part)!.async("string");
    const kind = PART_KINDS.find((candidate) => candidate.path.test(part));
    if (!kind) {
      unvalidated.push(part);
      if (!FREE_PARTS.test(part)) {
        errors.push({ part, schema: "(none)", line: undefined, message: "no ECMA-376 schema is known for this part" });
      }
      continue;
    }
    const root = rootOf(xml);
    if (root !== kind.root) {
      errors.push({
        part,
        schema: kind.schema,
        line: undefined,
        message: `root element ${root} instead of ${kind.root}`,
      });
    }
    const readable = withoutIgnorableMarkup(xml);
    const contents = kind.schema === "sml.xsd" ? withoutPreservedSpaceOnText(readable) : readable;
    files.push({ fileName: safeFileName(part, files.length), part, schema: kind.schema, contents });
  }
  // The free parts are still XML: xmllint checks that they are well-formed.
  const freeParts = await Promise.all(
    unvalidated.map(async (part) => ({
      fileName: safeFileName(part, -1),
      part,
      contents: await zip.file(part)!.async("string"),
    })),
  );
  for (const { part, fileName, contents } of freeParts) {
    const result = await validateXML({ xml: { fileName, contents }, normalization: "format" });
    if (!result.valid)
      errors.push({ part, schema: "(well-formedness)", line: undefined, message: result.rawOutput.trim() });
  }

  const result = await validateXML({
    xml: files.map(({ fileName, contents }) => ({ fileName, contents })),
    schema: ALL_SCHEMAS,
    preload: schemaFiles,
    // The worksheets of a large plan reach tens of megabytes once parsed.
    maxMemoryPages: memoryPages.GiB,
  });
  const byFileName = new Map(files.map((file) => [file.fileName, file]));
  const located = result.errors.filter((error) => error.loc);
  for (const error of result.errors) {
    // xmllint ends each invalid file with "<file> fails to validate": kept only when no located error explains it.
    const summary = /^(\S+) fails to validate/.exec(error.rawMessage.trim());
    if (!error.loc && summary && located.some((other) => other.loc?.fileName === summary[1])) continue;
    const file = byFileName.get(error.loc?.fileName ?? summary?.[1] ?? "");
    errors.push({
      part: file?.part ?? "(unknown part)",
      schema: file?.schema ?? "(unknown schema)",
      line: error.loc?.lineNumber,
      message: error.message.trim() || error.rawMessage.trim(),
    });
  }
  if (!result.valid && result.errors.length === 0) {
    errors.push({
      part: "(unknown part)",
      schema: "(unknown schema)",
      line: undefined,
      message: result.rawOutput.trim(),
    });
  }
  return { validated: files.map(({ part }) => part), unvalidated, errors };
}
