import JSZip from "jszip";
import { buildXlsx } from "../../src/xlsx/write-xlsx";
import {
  schemaOfPart,
  validatePackageParts,
  withoutIgnorableMarkup,
  withoutPreservedSpaceOnText,
} from "./ooxml-schema-validation";
import { smallSpec } from "./small-spec";

let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await buildXlsx(smallSpec());
});

async function withPart(path: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const before = await zip.file(path)!.async("string");
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  zip.file(path, after);
  return zip.generateAsync({ type: "uint8array" });
}

describe("the schema check of a package", () => {
  it("picks the ECMA-376 schema of each kind of part", () => {
    expect(schemaOfPart("[Content_Types].xml")).toBe("opc-contentTypes.xsd");
    expect(schemaOfPart("xl/worksheets/_rels/sheet2.xml.rels")).toBe("opc-relationships.xsd");
    expect(schemaOfPart("xl/worksheets/sheet2.xml")).toBe("sml.xsd");
    expect(schemaOfPart("xl/charts/chart1.xml")).toBe("dml-chart.xsd");
    expect(schemaOfPart("xl/drawings/drawing1.xml")).toBe("dml-spreadsheetDrawing.xsd");
    expect(schemaOfPart("xl/theme/theme1.xml")).toBe("dml-main.xsd");
    expect(schemaOfPart("customXml/itemProps1.xml")).toBe("shared-customXmlDataProperties.xsd");
    expect(schemaOfPart("docProps/core.xml")).toBe("opc-coreProperties.xsd");
  });

  it("accepts the writer's package for the small spec", async () => {
    const result = await validatePackageParts(bytes);
    expect(result.errors).toEqual([]);
    expect(result.unvalidated).toEqual(["customXml/item1.xml"]);
  }, 60_000);

  it("reports a worksheet whose elements are out of the schema's order", async () => {
    // exceljs/exceljs#106: <drawing> after <tableParts> is one of the orders Excel repairs.
    const broken = await withPart("xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(/(<drawing r:id="rId\d+"\/>)(<tableParts.*<\/tableParts>)/, "$2$1"),
    );
    const { errors } = await validatePackageParts(broken);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ part: "xl/worksheets/sheet2.xml", schema: "sml.xsd" });
    expect(errors[0]!.message).toMatch(/drawing.*This element is not expected/);
  }, 60_000);

  it("reports a chart attribute outside its enumeration and a content type element it does not know", async () => {
    const chart = await validatePackageParts(
      await withPart("xl/charts/chart1.xml", (xml) =>
        xml.replace('<c:barDir val="bar"/>', '<c:barDir val="sideways"/>'),
      ),
    );
    expect(chart.errors.map((e) => e.part)).toEqual(["xl/charts/chart1.xml"]);
    const types = await validatePackageParts(
      await withPart("[Content_Types].xml", (xml) => xml.replace("</Types>", "<Unknown/></Types>")),
    );
    expect(types.errors.map((e) => e.part)).toEqual(["[Content_Types].xml"]);
  }, 60_000);

  it("reports a part whose root element is valid elsewhere but not for its kind of part", async () => {
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/worksheets/sheet1.xml", await zip.file("xl/charts/chart1.xml")!.async("string"));
    const { errors } = await validatePackageParts(await zip.generateAsync({ type: "uint8array" }));
    expect(errors).toEqual([
      {
        part: "xl/worksheets/sheet1.xml",
        schema: "sml.xsd",
        line: undefined,
        message:
          "root element {http://schemas.openxmlformats.org/drawingml/2006/chart}chartSpace instead of {http://schemas.openxmlformats.org/spreadsheetml/2006/main}worksheet",
      },
    ]);
  }, 60_000);

  it("reports a custom XML item that is not well-formed", async () => {
    const broken = await withPart("customXml/item1.xml", (xml) => xml.replace("</", "<"));
    const { errors } = await validatePackageParts(broken);
    expect(errors.map((e) => [e.part, e.schema])).toEqual([["customXml/item1.xml", "(well-formedness)"]]);
  }, 60_000);

  it("reads markup-compatibility attributes the way a Transitional consumer does: ignorable ones are dropped", () => {
    const xml =
      '<row xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="urn:x" r="1" x14ac:dyDescent="0.25"/>';
    expect(withoutIgnorableMarkup(xml)).toBe(
      '<row xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="urn:x" r="1"/>',
    );
    // An attribute of a namespace not declared ignorable stays, and fails the schema.
    expect(withoutIgnorableMarkup(xml.replace('mc:Ignorable="x14ac"', 'mc:Ignorable="x15"'))).toContain(
      'x14ac:dyDescent="0.25"',
    );
  });

  it("refuses markup it does not model rather than passing it over", () => {
    const alternate =
      '<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent/></a>';
    expect(() => withoutIgnorableMarkup(alternate)).toThrow("mc:AlternateContent is not handled");
    const element =
      '<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14" xmlns:x14="urn:x"><x14:b/></a>';
    expect(() => withoutIgnorableMarkup(element)).toThrow('elements of the ignorable namespace "x14"');
  });

  it("drops only xml:space on SpreadsheetML text, which the schema's ST_Xstring cannot carry", () => {
    expect(withoutPreservedSpaceOnText('<si><t xml:space="preserve"> a </t></si>')).toBe("<si><t> a </t></si>");
  });
});
