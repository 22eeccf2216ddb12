import ExcelJS from "exceljs";
import JSZip from "jszip";
import { examplePlan, parsePlan } from "../../src/plan";
import { layoutWorkbook } from "../../src/workbook/layout";
import { ooxmlText } from "../../src/xlsx/ooxml-text";
import { buildXlsx } from "../../src/xlsx/write-xlsx";

// eslint-disable-next-line no-control-regex -- the test looks for exactly those characters
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe("text in an .xlsx part", () => {
  it("escapes the control characters XML forbids as _xHHHH_", () => {
    expect(ooxmlText("Leads\u000Bqualified")).toBe("Leads_x000B_qualified");
    expect(ooxmlText("Kick\u0001off\u001F")).toBe("Kick_x0001_off_x001F_");
    expect(ooxmlText("lone \uD800 surrogate")).toBe("lone _xD800_ surrogate");
  });

  it("keeps tabs, line feeds, accents and emoji as they are", () => {
    expect(ooxmlText("a\tb\nc Été 😀")).toBe("a\tb\nc Été 😀");
  });

  it("escapes a carriage return, which XML parsers turn into a line feed (XML 1.0, §2.11)", () => {
    expect(ooxmlText("a\r\nb\rc")).toBe("a_x000D_\nb_x000D_c");
  });

  it("protects a literal _xHHHH_ so it reads back as typed", () => {
    expect(ooxmlText("code_x0041_b")).toBe("code_x005F_x0041_b");
  });
});

describe("a plan whose text holds control characters, exported as .xlsx", () => {
  const input = structuredClone(parsePlan(examplePlan("en-saas")));
  input.objectives.funnel[0]!.name = "Leads\u000Bqualified";
  input.execution.initiatives[0]!.name = "Kick\u0001off _x0041_";
  input.mission.insights[0]!.text = "Pasted from Windows\r\nsecond line\rthird";
  const plan = parsePlan(input);
  const spec = layoutWorkbook(plan, { generatedOn: "2027-01-15" });
  let zip: JSZip;
  let reread: ExcelJS.Workbook;

  beforeAll(async () => {
    const bytes = await buildXlsx(spec);
    zip = await JSZip.loadAsync(bytes);
    reread = new ExcelJS.Workbook();
    await reread.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  });

  it("has no character XML forbids in any part, charts included", async () => {
    const parts = Object.keys(zip.files).filter((path) => path.endsWith(".xml"));
    expect(parts.some((path) => path.startsWith("xl/charts/"))).toBe(true);
    for (const path of parts) {
      expect([path, XML_FORBIDDEN.test(await zip.file(path)!.async("string"))]).toEqual([path, false]);
    }
  });

  it("reads back the user's exact text in the cells", () => {
    const texts = reread.worksheets.flatMap((sheet) => {
      const found: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => found.push(cell.value)));
      return found;
    });
    expect(texts).toContain("Leads\u000Bqualified");
    expect(texts).toContain("Kick\u0001off _x0041_");
    expect(texts).toContain("Pasted from Windows\r\nsecond line\rthird");
  });
});
