import { buildXlsx } from "../../src/xlsx/write-xlsx";
import {
  excelPackageViolations,
  formulaProblems,
  nameProblems,
  readPackageParts,
  referencedSheets,
  sheetNameProblems,
} from "./excel-package-rules";
import { smallSpec } from "./small-spec";

/** The small spec's package, and the same package with one part edited. */
let parts: Map<string, string>;

beforeAll(async () => {
  parts = await readPackageParts(await buildXlsx(smallSpec()));
});

function edited(path: string, edit: (xml: string) => string): Map<string, string> {
  const copy = new Map(parts);
  const before = copy.get(path)!;
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  copy.set(path, after);
  return copy;
}

const rulesBroken = (edit: Map<string, string>): string[] => [
  ...new Set(excelPackageViolations(edit).map((v) => v.rule)),
];

describe("Excel's rules for a package", () => {
  it("finds nothing wrong in the writer's package for the small spec", () => {
    expect(excelPackageViolations(parts)).toEqual([]);
  });

  it.each([
    ["History", 'is "History", which Excel reserves'],
    ["a:b", "contains one of / \\ ? * : [ ]"],
    ["'quoted", "begins or ends with an apostrophe"],
    ["x".repeat(32), "has 32 characters (31 at most)"],
    ["", "is blank"],
  ])("rejects the sheet name %j", (name, problem) => {
    expect(sheetNameProblems(name)).toContain(problem);
  });

  it("accepts sheet names Excel accepts", () => {
    for (const name of ["2 Objectives", "x".repeat(31), "It's fine", "Été 2027 😀"]) {
      expect(sheetNameProblems(name)).toEqual([]);
    }
  });

  it("finds two sheets whose names differ only by case", () => {
    const broken = edited("xl/workbook.xml", (xml) => xml.replace('name="Plan"', 'name="2 OBJECTIVES"'));
    expect(excelPackageViolations(broken)).toContainEqual({
      rule: "sheet-name",
      part: "xl/workbook.xml",
      message: 'sheet name "2 Objectives" repeats "2 OBJECTIVES"',
    });
  });

  it("rejects names that look like cell references or hold spaces", () => {
    expect(nameProblems("A1")).toContain("looks like a cell reference");
    expect(nameProblems("R1C1")).toContain("looks like a cell reference");
    expect(nameProblems("c")).toContain("looks like a cell reference");
    expect(nameProblems("Deals needed")).not.toEqual([]);
    expect(nameProblems("1Deals")).not.toEqual([]);
    expect(nameProblems("DealsNeeded")).toEqual([]);
    expect(nameProblems("_Objectifs.Été")).toEqual([]);
  });

  it("finds a defined name that repeats another, or a table's, ignoring case", () => {
    const twice = edited("xl/workbook.xml", (xml) => xml.replace('name="DealsNeeded"', 'name="revenuetarget"'));
    expect(excelPackageViolations(twice).map((v) => v.message)).toContain(
      'defined name "revenuetarget" repeats defined name "RevenueTarget"',
    );
    const asTable = edited("xl/workbook.xml", (xml) => xml.replace('name="DealsNeeded"', 'name="STAGES"'));
    expect(excelPackageViolations(asTable).map((v) => v.message)).toContain(
      'defined name "STAGES" repeats table "Stages"',
    );
  });

  it("finds a table name Excel refuses, and a display name other than the name", () => {
    const broken = edited("xl/tables/table1.xml", (xml) =>
      xml.replace('name="Stages" displayName="Stages"', 'name="1 Stages" displayName="Stages"'),
    );
    expect(rulesBroken(broken)).toEqual(["table-name"]);
  });

  it("finds a cell style index beyond cellXfs", () => {
    const broken = edited("xl/worksheets/sheet2.xml", (xml) => xml.replace('<c r="B1" s="5">', '<c r="B1" s="999">'));
    expect(excelPackageViolations(broken).map((v) => [v.rule, v.message])).toContainEqual([
      "style-index",
      'B1 has s="999" but cellXfs holds 12',
    ]);
  });

  it("finds a font index beyond the fonts, and a conditional format beyond the dxfs", () => {
    const font = edited("xl/styles.xml", (xml) =>
      xml.replace(/(<cellXfs[^>]*>\s*<xf [^>]*?)fontId="\d+"/, '$1fontId="99"'),
    );
    expect(rulesBroken(font)).toEqual(["style-index"]);
    const dxf = edited("xl/worksheets/sheet2.xml", (xml) => xml.replace('dxfId="0"', 'dxfId="7"'));
    expect(rulesBroken(dxf)).toEqual(["style-index"]);
  });

  it("finds shared formulas without a master or outside the master's range", () => {
    const shared = edited("xl/worksheets/sheet2.xml", (xml) =>
      xml
        .replace("<f>ROUNDUP(C7/B6,0)</f>", '<f t="shared" ref="C6:C6" si="0">ROUNDUP(C7/B6,0)</f>')
        .replace("<f>ROUNDUP(B3/B7,0)</f>", '<f t="shared" si="0"/>')
        .replace("<f>ROUNDUP(B1/B2,0)</f>", '<f t="shared" si="4"/>'),
    );
    expect(excelPackageViolations(shared).map((v) => v.message)).toEqual([
      "B3 uses shared formula 4, which has no master",
      "C7 lies outside shared formula 0's range",
    ]);
  });

  it("accepts a consistent shared formula", () => {
    const shared = edited("xl/worksheets/sheet2.xml", (xml) =>
      xml
        .replace("<f>ROUNDUP(C7/B6,0)</f>", '<f t="shared" ref="C6:C7" si="0">ROUNDUP(C7/B6,0)</f>')
        .replace("<f>ROUNDUP(B3/B7,0)</f>", '<f t="shared" si="0"/>'),
    );
    expect(excelPackageViolations(shared)).toEqual([]);
  });

  it("finds a table header cell that does not say the column's name, and repeated column names", () => {
    const renamed = edited("xl/tables/table1.xml", (xml) => xml.replace('name="Rate"', 'name="Rates"'));
    expect(excelPackageViolations(renamed).map((v) => v.message)).toEqual([
      'table "Stages" column "Rates" has header cell B5 = "Rate"',
    ]);
    const repeated = edited("xl/tables/table1.xml", (xml) => xml.replace('name="Rate"', 'name="STAGE"'));
    expect(excelPackageViolations(repeated).map((v) => v.message)).toContain(
      'table "Stages" repeats column name "STAGE"',
    );
  });

  it("reads a line break in a column name as a space, as XML does, and so finds the header different", () => {
    const broken = edited("xl/tables/table1.xml", (xml) => xml.replace('name="Rate"', 'name="Ra\nte"'));
    expect(excelPackageViolations(broken).map((v) => v.message)).toEqual([
      'table "Stages" column "Ra te" has header cell B5 = "Rate"',
    ]);
  });

  it("finds a table whose columns do not match its range", () => {
    const broken = edited("xl/tables/table1.xml", (xml) =>
      xml.replace('ref="A5:C7" totalsRowShown', 'ref="A5:D7" totalsRowShown'),
    );
    expect(rulesBroken(broken)).toEqual(expect.arrayContaining(["table-columns", "table-range"]));
  });

  it("finds a relationship to a missing part and a part without a content type", () => {
    const dangling = edited("xl/worksheets/_rels/sheet2.xml.rels", (xml) =>
      xml.replace("../drawings/drawing1.xml", "../drawings/drawing9.xml"),
    );
    expect(excelPackageViolations(dangling).map((v) => v.message)).toContain(
      "targets xl/drawings/drawing9.xml, which is not in the package",
    );
    const untyped = new Map(parts);
    untyped.set("xl/media/image1.png", "");
    expect(rulesBroken(untyped)).toEqual(["content-types"]);
  });

  it("finds a relationship id that the part's .rels does not define", () => {
    const broken = edited("xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(/<drawing r:id="rId\d+"\/>/, '<drawing r:id="rId9"/>'),
    );
    expect(excelPackageViolations(broken).map((v) => v.message)).toEqual([
      'r:id="rId9" has no relationship in xl/worksheets/_rels/sheet2.xml.rels',
    ]);
  });

  it("finds a list validation over 255 characters and messages over Excel's limits", () => {
    const list = edited("xl/worksheets/sheet2.xml", (xml) =>
      xml.replace("&quot;Leads,Won deals&quot;", `&quot;${"Stage,".repeat(60)}Won&quot;`),
    );
    expect(rulesBroken(list)).toEqual(["validation-list"]);
    const message = edited("xl/worksheets/sheet2.xml", (xml) =>
      xml.replace('error="Pick a stage."', `error="${"x".repeat(225)}"`),
    );
    expect(excelPackageViolations(message).map((v) => v.message)).toEqual([
      "the validation of A6:A7 has a error of 225 characters (224 at most)",
    ]);
  });

  it("finds a number cell holding NaN, and a chart cache point holding NaN", () => {
    const cell = edited("xl/worksheets/sheet2.xml", (xml) => xml.replace("<v>100</v>", "<v>NaN</v>"));
    expect(rulesBroken(cell)).toEqual(["cell-value"]);
    const chart = edited("xl/charts/chart1.xml", (xml) => xml.replace(/(<c:numCache>.*?<c:v>)[^<]*/, "$1Infinity"));
    expect(rulesBroken(chart)).toEqual(["chart-cache"]);
  });

  it("finds formulas beyond Excel's length, argument and nesting limits", () => {
    expect(formulaProblems(`SUM(${"1,".repeat(255)}1)`)).toEqual(["passes 256 arguments to a function (255 at most)"]);
    expect(formulaProblems(`SUM(${"1,".repeat(254)}1)`)).toEqual([]);
    expect(formulaProblems(`${"ABS(".repeat(65)}1${")".repeat(65)}`)).toEqual([
      "nests 65 levels of functions (64 at most)",
    ]);
    expect(formulaProblems(`${"ABS(".repeat(64)}1${")".repeat(64)}`)).toEqual([]);
    expect(formulaProblems(`LEN("${"x".repeat(8200)}")`)[0]).toMatch(/characters \(8,192 at most\)/);
    // Commas inside text, sheet names and array constants are not argument separators.
    expect(formulaProblems(`SUM('a,b'!A1,"${",".repeat(300)}",{1,2,3})`)).toEqual([]);
  });

  it("finds repeated sheet and table ids", () => {
    const sheets = edited("xl/workbook.xml", (xml) => xml.replace('sheetId="2"', 'sheetId="1"'));
    expect(excelPackageViolations(sheets).map((v) => v.message)).toEqual(['sheetId "1" repeats']);
    const columns = edited("xl/tables/table1.xml", (xml) => xml.replace('tableColumn id="2"', 'tableColumn id="1"'));
    expect(excelPackageViolations(columns).map((v) => v.message)).toEqual([
      'table "Stages" has column id "1", not a unique positive number',
    ]);
  });

  it("finds defined names and chart series that refer to a sheet the workbook does not have", () => {
    expect(referencedSheets("'2 Objectives'!$B$1+Plan!A1+'It''s'!C3+SUM(A1:B2)")).toEqual([
      "2 Objectives",
      "Plan",
      "It's",
    ]);
    const name = edited("xl/workbook.xml", (xml) => xml.replace("&apos;2 Objectives&apos;!$B$3", "Objectifs!$B$3"));
    expect(excelPackageViolations(name).map((v) => v.message)).toEqual([
      'defined name "DealsNeeded" refers to missing sheet "Objectifs"',
    ]);
    const chart = edited("xl/charts/chart1.xml", (xml) =>
      xml.replace(/&#39;2 Objectives&#39;!/, "&#39;2 Objectifs&#39;!"),
    );
    expect(excelPackageViolations(chart).map((v) => v.message)).toEqual([
      'a series refers to missing sheet "2 Objectifs"',
    ]);
  });

  it("finds overlapping merged cells, too wide columns and repeated drawing object ids", () => {
    const merges = edited("xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(
        /<mergeCells count="1">(<mergeCell ref="[^"]+"\/>)<\/mergeCells>/,
        '<mergeCells count="2">$1<mergeCell ref="B1:B2"/></mergeCells>',
      ),
    );
    expect(rulesBroken(merges)).toEqual(["merged-cells"]);
    const width = edited("xl/worksheets/sheet2.xml", (xml) => xml.replace('width="30"', 'width="300"'));
    expect(rulesBroken(width)).toEqual(["column-width"]);
    const ids = edited("xl/drawings/drawing1.xml", (xml) => xml.replace('cNvPr id="3"', 'cNvPr id="2"'));
    expect(rulesBroken(ids)).toEqual(["drawing-ids"]);
  });
});
