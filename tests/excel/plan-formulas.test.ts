import {
  callsPlanFunction,
  countPlanFormulas,
  frozenCells,
  referencesSheet,
  sheetsToFreeze,
} from "../../src/excel/plan-formulas";

describe("finding PLAN functions", () => {
  it.each([
    ["=PLAN.HEADCOUNT(200,20)", true],
    ["=1+plan.headcount(A1, B1)", true],
    ["=ROUND(PLAN.HEADCOUNT(A1,B1)*2,0)", true],
    ["=_xldudf_PLAN_HEADCOUNT(A1,B1)", true],
    ['="PLAN.HEADCOUNT("&A1&")"', false],
    ["=MYPLAN.HEADCOUNT(1)", false],
    ["=PLAN.HEADCOUNT", false],
    ["=SUM(A1:A3)", false],
  ])("%s calls PLAN: %s", (formula, expected) => {
    expect(callsPlanFunction(formula)).toBe(expected);
  });

  it("counts PLAN formulas in a used range", () => {
    const formulas = [
      ["=PLAN.HEADCOUNT(1,1)", "text", "=B1"],
      [1, "=PLAN.HEADCOUNT(2,1)", ""],
    ];
    expect(countPlanFormulas({ rowIndex: 0, columnIndex: 0, formulas, values: formulas })).toBe(2);
  });
});

describe("references to other sheets", () => {
  it("recognises quoted and bare sheet references, not look-alikes or text", () => {
    expect(referencesSheet("='2 Objectives'!C2*2", "2 Objectives")).toBe(true);
    expect(referencesSheet("=budget!B1", "Budget")).toBe(true);
    expect(referencesSheet("=MyBudget!B1", "Budget")).toBe(false);
    expect(referencesSheet('="Budget!B1"', "Budget")).toBe(false);
    expect(referencesSheet("='It''s'!A1", "It's")).toBe(true);
  });
});

describe("what the leadership copy freezes", () => {
  it("replaces PLAN formulas and formulas reading other PLAN sheets by their values, escaping text", () => {
    const used = {
      rowIndex: 2,
      columnIndex: 1,
      formulas: [["=PLAN.HEADCOUNT(1,1)", "=B3*2", "=Budget!A1", "=PLAN.LABEL()"]],
      values: [[10, 20, 7, "=not a formula"]],
    };
    expect(frozenCells(used, ["Budget"])).toEqual({
      values: [[10, null, 7, "'=not a formula"]],
      planFormulas: 2,
      dependentFormulas: 1,
    });
  });

  it("chooses the PLAN sheets and, transitively, the sheets whose formulas read them", () => {
    const sheet = (name: string, formulas: string[]) => ({
      name,
      used: { rowIndex: 0, columnIndex: 0, formulas: [formulas], values: [formulas.map(() => 0)] },
    });
    expect(
      sheetsToFreeze([
        sheet("Summary", ["=Team!A1"]),
        sheet("Team", ["=Budget!B2"]),
        sheet("Budget", ["=PLAN.HEADCOUNT(1,1)"]),
        sheet("Other", ["=1+1"]),
        { name: "Empty", used: undefined },
      ]),
    ).toEqual(["Summary", "Team", "Budget"]);
    expect(sheetsToFreeze([sheet("Other", ["=1+1"])])).toEqual([]);
  });
});
