import {
  contentOutsideRegions,
  sheetSnapshot,
  sheetsHoldingFields,
  unqualifiedAddress,
} from "../../src/excel/sheet-contents";
import { parseRangeAddress } from "../../src/workbook/address";
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
