import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { buildXlsx } from "../../src/xlsx/write-xlsx";
import { parseStoredPlanXml } from "../../src/workbook/stored-plan";
import { smallSpec } from "../helpers/small-spec";

let zip: JSZip;
let reread: ExcelJS.Workbook;
const text = (path: string): Promise<string> => zip.file(path)!.async("string");

beforeAll(async () => {
  const bytes = await buildXlsx(smallSpec());
  zip = await JSZip.loadAsync(bytes);
  reread = new ExcelJS.Workbook();
  await reread.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
});

describe("the .xlsx writer", () => {
  it("writes well-formed XML parts only", async () => {
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith(".xml") || p.endsWith(".rels"))) {
      expect([path, XMLValidator.validate(await text(path))]).toEqual([path, true]);
    }
  });

  it("writes the sheets in order with their names", () => {
    expect(reread.worksheets.map((s) => s.name)).toEqual(["Plan", "2 Objectives"]);
  });

  it("writes native formulas with the plan core's result as the cached value", async () => {
    const sheet = await text("xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<c r="B3"[^>]*><f>ROUNDUP\(B1\/B2,0\)<\/f><v>100<\/v><\/c>/);
    const cell = reread.getWorksheet("2 Objectives")!.getCell("B3");
    expect(cell.formula).toBe("ROUNDUP(B1/B2,0)");
    expect(cell.result).toBe(100);
  });

  it("keeps hostile user text as text, never a formula", async () => {
    const sheet = await text("xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<c r="A6"[^>]*t="s"/);
    expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
    const objectives = reread.getWorksheet("2 Objectives")!;
    expect(objectives.getCell("A6").value).toBe('=HYPERLINK("http://x","y")');
    expect(objectives.getCell("A7").value).toBe("+33 6 12 34 56 78");
    expect(objectives.getCell("E2").value).toBe("@mention");
  });

  it("writes workbook-scoped defined names and the print areas", async () => {
    const workbook = (await text("xl/workbook.xml")).replace(/&apos;/g, "'");
    expect(workbook).toContain(`<definedName name="RevenueTarget">'2 Objectives'!$B$1</definedName>`);
    expect(workbook).toContain(`<definedName name="DealsNeeded">'2 Objectives'!$B$3</definedName>`);
    expect(workbook).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="1">'2 Objectives'!\$A\$?1:\$E\$?7<\/definedName>/,
    );
    expect(workbook).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="1">'2 Objectives'!\$1:\$1<\/definedName>/,
    );
    expect(workbook).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("writes the table over the block's cells with its header", async () => {
    const tables = Object.keys(zip.files).filter((p) => p.startsWith("xl/tables/") && p.endsWith(".xml"));
    expect(tables).toHaveLength(1);
    const table = await text(tables[0]!);
    expect(table).toMatch(/name="Stages"/);
    expect(table).toMatch(/ref="A5:C7"/);
    expect(table).toContain('<tableColumn id="1" name="Stage"');
  });

  it("writes validations with their messages, conditional formats, frozen panes and number formats", async () => {
    const sheet = await text("xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<dataValidation type="decimal"[^>]*sqref="B6:B7"[^>]*>/);
    expect(sheet).toContain('error="The rate must be from 0 % to 100 %."');
    expect(sheet).toMatch(/<formula1>(&quot;|")Leads,Won deals(&quot;|")<\/formula1>/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="C6:C7">/);
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const objectives = reread.getWorksheet("2 Objectives")!;
    expect(objectives.getCell("E1").numFmt).toBe("yyyy-mm-dd");
    expect(objectives.getCell("B1").numFmt).toBe("#,##0 €");
  });

  it("links to another sheet with an internal location and no external relationship", async () => {
    const sheet = await text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(`<hyperlink ref="A2" location="&#39;2 Objectives&#39;!A1" display="2 Objectives"/>`);
    const rels = zip.file("xl/worksheets/_rels/sheet1.xml.rels");
    if (rels) expect(await rels.async("string")).not.toContain('TargetMode="External"');
  });

  it("stores the plan as a custom XML part related from the workbook", async () => {
    const part = parseStoredPlanXml(await text("customXml/item1.xml"));
    expect(part).toEqual({ ok: true, document: { schemaVersion: 1, meta: { planName: "Demo <plan> & ]]>" } } });
    expect(await text("xl/_rels/workbook.xml.rels")).toContain('Target="../customXml/item1.xml"');
    expect(await text("[Content_Types].xml")).toContain('PartName="/customXml/itemProps1.xml"');
    expect(await text("customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
  });

  it("writes each chart as a DrawingML part anchored on its sheet and referencing the sheet's cells", async () => {
    const charts = Object.keys(zip.files)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .sort();
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const funnel = (await text("xl/charts/chart1.xml")).replace(/&#39;/g, "'");
    expect(funnel).toContain('<c:barDir val="bar"/>');
    expect(funnel).toContain("<c:f>'2 Objectives'!$C$6:$C$7</c:f>");
    expect(funnel).toContain('<c:orientation val="maxMin"/>');
    const combo = await text("xl/charts/chart2.xml");
    expect(combo).toContain('<c:barDir val="col"/>');
    expect(combo).toContain("<c:lineChart>");
    const barPart = combo.slice(combo.indexOf("<c:barChart>"), combo.indexOf("</c:barChart>"));
    expect(barPart).toContain("<c:v>Value</c:v>");
    expect(barPart).not.toContain("<c:v>Line</c:v>");
    const sheet = await text("xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/><tableParts/);
    const drawing = await text("xl/drawings/drawing1.xml");
    expect(drawing).toContain("<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    const types = await text("[Content_Types].xml");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  });

  it("gives the same bytes for the same spec", async () => {
    const [a, b] = await Promise.all([buildXlsx(smallSpec()), buildXlsx(smallSpec())]);
    const names = async (bytes: Uint8Array) => {
      const archive = await JSZip.loadAsync(bytes);
      return Promise.all(
        Object.keys(archive.files)
          .sort()
          .map(async (p) => [p, await archive.file(p)?.async("string")]),
      );
    };
    expect(await names(a)).toEqual(await names(b));
  });
});
