import { valuesAndFormulas } from "../../src/excel/workbook-writer";

describe("a values-and-formulas backup", () => {
  it("keeps formulas as formulas and constants as escaped text", () => {
    const used = {
      rowIndex: 4,
      columnIndex: 2,
      formulas: [["=A1*2", '=HYPERLINK("x")', 3, ""]],
      values: [[10, '=HYPERLINK("x")', 3, ""]],
    };
    expect(valuesAndFormulas(used)).toEqual({
      address: "C5:F5",
      values: [[null, '\'=HYPERLINK("x")', 3, null]],
      formulas: [["=A1*2", null, null, null]],
    });
  });
});
