/**
 * Finishes the .xlsx package ExcelJS wrote, with the parts ExcelJS does not support:
 * - the plan as a custom XML part (the format of src/workbook/stored-plan.ts), related from the workbook, so the add-in
 *   restores the plan when the file is later opened in Excel;
 * - internal hyperlinks (`location="'2 Objectives'!A1"`, no relationship), which ExcelJS would write with a bogus
 *   external relationship;
 * - the charts, as DrawingML parts (drawing-ml.ts).
 * It edits the zip with JSZip (ExcelJS's own zip library) and touches nothing else.
 */
import JSZip from "jszip";
import { quoteSheetName } from "../workbook/address";
import type { WorkbookSpec } from "../workbook/spec";
import { planToXml } from "../workbook/stored-plan";
import { chartPartXml, drawingPartXml } from "./drawing-ml";
import { xmlEscaped } from "../workbook/xml-text";
import type { InternalLink } from "./write-xlsx";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

async function readText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the package has no ${path}`);
  return file.async("string");
}

/** Adds a relationship to a .rels part (creating it when absent) and returns its id. */
export async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = zip.file(relsPath)
    ? await readText(zip, relsPath)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set([...existing.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relationship = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscaped(target)}"/>`;
  zip.file(relsPath, existing.replace("</Relationships>", `${relationship}</Relationships>`));
  return id;
}

/** Declares a part's content type in [Content_Types].xml. */
export async function addContentTypeOverride(zip: JSZip, partName: string, contentType: string): Promise<void> {
  const types = await readText(zip, "[Content_Types].xml");
  if (types.includes(`PartName="${partName}"`)) return;
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`),
  );
}

/** A stable GUID derived from text (FNV-1a), so the same spec gives the same package. */
function guidFrom(text: string): string {
  const hex: string[] = [];
  for (let seed = 0; seed < 4; seed++) {
    let hash = 0x811c9dc5 ^ seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hex.push((hash >>> 0).toString(16).padStart(8, "0"));
  }
  const all = hex.join("").toUpperCase();
  return `{${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20, 32)}}`;
}

async function addPlanPart(zip: JSZip, spec: WorkbookSpec): Promise<void> {
  zip.file(
    "customXml/item1.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n${planToXml(spec.planJson, spec.schemaVersion)}`,
  );
  zip.file(
    "customXml/itemProps1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guidFrom(spec.planJson)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  await addRelationship(zip, "customXml/_rels/item1.xml.rels", REL_CUSTOM_XML_PROPS, "itemProps1.xml");
  await addRelationship(zip, "xl/_rels/workbook.xml.rels", REL_CUSTOM_XML, "../customXml/item1.xml");
  await addContentTypeOverride(zip, "/customXml/itemProps1.xml", CT_CUSTOM_XML_PROPS);
}

/** Worksheet part path of each sheet name, from the workbook part and its relationships. */
export async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readText(zip, "xl/workbook.xml");
  const rels = await readText(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const paths = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(match[2]!);
    if (!target) continue;
    const name = match[1]!
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
    paths.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

async function addInternalLinks(zip: JSZip, links: readonly InternalLink[]): Promise<void> {
  if (links.length === 0) return;
  const paths = await worksheetPaths(zip);
  const bySheet = new Map<string, InternalLink[]>();
  for (const link of links) bySheet.set(link.sheet, [...(bySheet.get(link.sheet) ?? []), link]);
  for (const [sheet, sheetLinks] of bySheet) {
    const path = paths.get(sheet);
    if (!path) throw new Error(`no worksheet part for sheet "${sheet}"`);
    let xml = await readText(zip, path);
    const elements = sheetLinks
      .map((link) => {
        const location = `${quoteSheetName(link.target.sheet)}!${link.target.cell}`;
        return `<hyperlink ref="${link.cell}" location="${xmlEscaped(location)}" display="${xmlEscaped(link.target.sheet)}"/>`;
      })
      .join("");
    if (xml.includes("</hyperlinks>")) xml = xml.replace("</hyperlinks>", `${elements}</hyperlinks>`);
    else if (xml.includes("<printOptions"))
      xml = xml.replace("<printOptions", `<hyperlinks>${elements}</hyperlinks><printOptions`);
    else xml = xml.replace("<pageMargins", `<hyperlinks>${elements}</hyperlinks><pageMargins`);
    zip.file(path, xml);
  }
}

/** The .rels part of a part: `xl/worksheets/sheet2.xml` → `xl/worksheets/_rels/sheet2.xml.rels`. */
function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * One drawing part per sheet with charts, one chart part per chart, and the `<drawing>` element in the worksheet
 * (after the page setup and before the table parts, as CT_Worksheet orders them).
 */
async function addCharts(zip: JSZip, spec: WorkbookSpec): Promise<void> {
  const paths = await worksheetPaths(zip);
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of spec.sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) throw new Error(`no worksheet part for sheet "${sheet.name}"`);
    drawingNumber++;
    const drawingPath = `xl/drawings/drawing${drawingNumber}.xml`;
    const anchored: { chart: (typeof sheet.charts)[number]; relationshipId: string }[] = [];
    for (const chart of sheet.charts) {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chartPartXml(sheet.name, chart));
      await addContentTypeOverride(zip, `/xl/charts/chart${chartNumber}.xml`, CT_CHART);
      const relationshipId = await addRelationship(
        zip,
        relsPathOf(drawingPath),
        REL_CHART,
        `../charts/chart${chartNumber}.xml`,
      );
      anchored.push({ chart, relationshipId });
    }
    zip.file(drawingPath, drawingPartXml(anchored));
    await addContentTypeOverride(zip, `/${drawingPath}`, CT_DRAWING);
    const drawingRelationship = await addRelationship(
      zip,
      relsPathOf(sheetPath),
      REL_DRAWING,
      `../drawings/drawing${drawingNumber}.xml`,
    );
    let xml = await readText(zip, sheetPath);
    const element = `<drawing r:id="${drawingRelationship}"/>`;
    xml = xml.includes("<tableParts")
      ? xml.replace("<tableParts", `${element}<tableParts`)
      : xml.replace("</worksheet>", `${element}</worksheet>`);
    zip.file(sheetPath, xml);
  }
}

/** Adds the parts ExcelJS cannot write and returns the finished package. */
export async function finishPackage(
  bytes: Uint8Array,
  spec: WorkbookSpec,
  links: readonly InternalLink[],
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await addPlanPart(zip, spec);
  await addInternalLinks(zip, links);
  await addCharts(zip, spec);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
