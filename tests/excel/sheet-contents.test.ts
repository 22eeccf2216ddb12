import {
  contentOutsideRegions,
  formulaShape,
  overwrittenLayoutCell,
  sheetSnapshot,
  sheetsHoldingFields,
  unqualifiedAddress,
} from "../../src/excel/sheet-contents";
import { parseRangeAddress } from "../../src/workbook/address";
import type { SheetSpec } from "../../src/workbook/spec";
import { syntheticLayout, testPlan } from "./synthetic-workbook";

describe("sheet snapshots", () => {
  it("places the used range from A1, with empty cells as null", () => {
    const snapshot = sheetSnapshot(
      "objectives",
      "2 Objectives",
      {
        rowIndex: 1,
        columnIndex: 1,
        values: [
          ["Revenue", 5],
          ["", true],
        ],
        formulas: [
          ["Revenue", 5],
          ["", true],
        ],
      },
      { Roles: "B2:C3" },
    );
    expect(snapshot).toEqual({
      key: "objectives",
      name: "2 Objectives",
      values: [
        [null, null, null],
        [null, "Revenue", 5],
        [null, null, true],
      ],
      tableRanges: { Roles: "B2:C3" },
    });
  });

  it("is empty for an empty sheet", () => {
    expect(sheetSnapshot("plan", "Plan", undefined, {}).values).toEqual([]);
  });
});

describe("content outside the known regions", () => {
  const regions = [parseRangeAddress("B2:C4")];
  const used = (formulas: (string | number)[][]) => ({ rowIndex: 1, columnIndex: 1, formulas, values: formulas });

  it("finds the first non-empty cell outside every region", () => {
    expect(
      contentOutsideRegions(
        used([
          [1, 2, ""],
          ["", "", "note"],
        ]),
        regions,
      ),
    ).toBe("D3");
  });

  it("accepts content inside the regions and empty cells outside", () => {
    expect(
      contentOutsideRegions(
        used([
          [1, 2, ""],
          [3, 4, ""],
        ]),
        regions,
      ),
    ).toBeUndefined();
    expect(contentOutsideRegions(undefined, regions)).toBeUndefined();
  });

  it("counts a formula outside as content", () => {
    expect(contentOutsideRegions(used([["", "", "=A1"]]), regions)).toBe("D2");
  });
});

describe("which sheets hold changed fields", () => {
  const spec = syntheticLayout()(testPlan(), { generatedOn: "2027-03-14" });

  it("maps cell bindings and table lists to their sheets", () => {
    expect([...sheetsHoldingFields(spec, ["objectives.averageDealValue"])]).toEqual(["objectives"]);
    expect([...sheetsHoldingFields(spec, ["audience.personas[1].role"])]).toEqual(["audience"]);
    expect([...sheetsHoldingFields(spec, ["audience"])]).toEqual(["audience"]);
  });

  it("attributes a field no sheet binds to every sheet with bindings", () => {
    expect([...sheetsHoldingFields(spec, ["measurement.kpis"])]).toEqual(["plan", "mission", "objectives", "audience"]);
  });
});

describe("table addresses", () => {
  it("drops the sheet and the dollar signs", () => {
    expect(unqualifiedAddress("'2 Objectives'!$B$5:$F$12")).toBe("B5:F12");
    expect(unqualifiedAddress("A1:B2")).toBe("A1:B2");
  });
});

describe("a formula's shape", () => {
  it("ignores where it reads: moved references, sheet quoting, $ and spacing", () => {
    expect(formulaShape("=SUM(B10:B20)")).toBe(formulaShape("=SUM(B10:B21)"));
    expect(formulaShape("='2 Objectives'!$C$5*2")).toBe(formulaShape("= Plan!C6 * 2"));
    expect(formulaShape("=roundup(c5/c7,0)")).toBe(formulaShape("=ROUNDUP(C5/C7,0)"));
    expect(formulaShape("=_xlfn.XLOOKUP(A1,B1:B3,C1:C3)")).toBe(formulaShape("=XLOOKUP(A2,B1:B4,C1:C4)"));
  });

  it("sees a different function, operator, constant or text", () => {
    expect(formulaShape("=ROUNDUP(C5/C7,0)")).not.toBe(formulaShape("=ROUNDUP(C5/C7,0)+2"));
    expect(formulaShape("=ROUNDUP(C5/C7,0)")).not.toBe(formulaShape("=ROUND(C5/C7,0)"));
    expect(formulaShape("=ROUNDUP(C5/C7,0)")).not.toBe(formulaShape("=ROUNDUP(C5/C7,1)"));
    expect(formulaShape('="Q"&A1')).not.toBe(formulaShape('="q"&A1'));
  });

  it("keeps function names that end in digits and defined names", () => {
    expect(formulaShape("=LOG10(A1)")).toBe("=LOG10(R)");
    expect(formulaShape("=RevenueTarget/AverageDealValue")).toBe("=REVENUETARGET/AVERAGEDEALVALUE");
  });
});

describe("cells of a generated sheet the user changed", () => {
  // B2:D3 holds a label, a bound input and a formula, then an empty cell, a merged title and a table cell.
  const layout: SheetSpec = {
    key: "objectives",
    name: "2 Objectives",
    kind: "objectives",
    blocks: [
      {
        id: "inputs",
        anchor: "B2",
        rows: [
          [
            { value: "Revenue" },
            { value: 5, bind: { path: "objectives.annualRevenueTarget", type: "number" } },
            { formula: "=C2*2", result: 10 },
          ],
          [{ value: "Title", mergeAcross: 1 }, null, null],
          [{ value: 1 }, { formula: "=B4+1", result: 2 }, null],
        ],
      },
    ],
    tables: [{ name: "Rows", range: "B4:C4", style: "TableStyleMedium2", showBandedRows: true }],
  } as unknown as SheetSpec;
  const generated = (): (string | number)[][] => [
    ["Revenue", 5, "=C2*2"],
    ["Title", "", ""],
    [1, "=B4+1", ""],
  ];
  const used = (formulas: (string | number)[][]) => ({ rowIndex: 1, columnIndex: 1, formulas, values: formulas });
  const edited = (row: number, column: number, content: string | number) => {
    const cells = generated();
    cells[row]![column] = content;
    return overwrittenLayoutCell(layout, used(cells));
  };

  it("finds nothing in the sheet as generated, or with its inputs edited", () => {
    expect(overwrittenLayoutCell(layout, used(generated()))).toBeUndefined();
    expect(edited(0, 1, 9)).toBeUndefined();
    expect(overwrittenLayoutCell(layout, undefined)).toBeUndefined();
  });

  it("finds a formula replaced by a number or by another formula", () => {
    expect(edited(0, 2, 40)).toBe("D2");
    expect(edited(0, 2, "=C2*3")).toBe("D2");
    expect(edited(0, 2, "=$C$3*2")).toBeUndefined();
  });

  it("finds a note in an empty cell of a block and a retyped label, but not the cell a merge covers", () => {
    expect(edited(2, 2, "note")).toBe("D4");
    expect(edited(0, 0, "Revenue (ARR)")).toBe("B2");
    expect(edited(1, 1, "")).toBeUndefined();
  });

  it("inside a table, only finds a formula replaced by a constant", () => {
    expect(edited(2, 0, 7)).toBeUndefined();
    expect(edited(2, 1, "=B4+5")).toBeUndefined();
    expect(edited(2, 1, 3)).toBe("C4");
  });
});
