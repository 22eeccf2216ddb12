import {
  identifyGeneratedSheets,
  planNameChanges,
  planSheetChanges,
  sheetOfReference,
  uniqueSheetName,
  type ExistingSheet,
} from "../../src/excel/sheet-identity";
import { syntheticLayout, testPlan } from "./synthetic-workbook";

const spec = syntheticLayout()(testPlan(), { generatedOn: "2027-03-14" });
const sheet = (name: string, position: number, tagProperty?: string): ExistingSheet => ({
  name,
  position,
  tagProperty,
});

describe("finding the generated sheets", () => {
  it("recognises the custom-property tag and the hidden-name tag", () => {
    const found = identifyGeneratedSheets(
      [sheet("Plan", 0, "plan"), sheet("Goals", 1), sheet("Notes", 2, "not-a-key")],
      [{ name: "SalesPlanBuilder.sheet.objectives", value: "Goals!$A$1", type: "Range" }],
    );
    expect([...found]).toEqual([
      ["plan", "Plan"],
      ["objectives", "Goals"],
    ]);
  });

  it("ignores a tag name whose sheet was deleted", () => {
    const found = identifyGeneratedSheets(
      [sheet("2 Objectives", 0)],
      [{ name: "SalesPlanBuilder.sheet.objectives", value: "#REF!", type: "Error" }],
    );
    expect(found.size).toBe(0);
  });

  it("prefers the sheet named as the spec names it when a copy carries the same tag, else the leftmost", () => {
    const sheets = [sheet("2 Objectives (2)", 0, "objectives"), sheet("2 Objectives", 3, "objectives")];
    expect(identifyGeneratedSheets(sheets, [], { objectives: "2 Objectives" }).get("objectives")).toBe("2 Objectives");
    expect(identifyGeneratedSheets(sheets, []).get("objectives")).toBe("2 Objectives (2)");
  });

  it("reads the sheet of quoted and bare references, with or without the equals sign", () => {
    expect(sheetOfReference("'2 Objectives'!$A$1")).toBe("2 Objectives");
    expect(sheetOfReference("='It''s mine'!$A$1:$B$2")).toBe("It's mine");
    expect(sheetOfReference("=Plan!A1")).toBe("Plan");
    expect(sheetOfReference("=SUM(Plan!A1:A3)")).toBeUndefined();
    expect(sheetOfReference(42)).toBeUndefined();
  });
});

describe("planning the sheet changes", () => {
  it("rewrites generated sheets, renaming those whose name changed, and creates the others", () => {
    const changes = planSheetChanges(spec, new Map([["objectives", "Goals"]]), ["Goals", "Notes"]);
    expect(changes.clash).toBeUndefined();
    expect(changes.rewrites).toEqual([{ key: "objectives", from: "Goals", to: "2 Objectives" }]);
    expect(changes.creates.map((create) => create.name)).toEqual(["Plan", "1 Mission", "4 Audience"]);
  });

  it("reports a user sheet that holds a spec name, whatever its case", () => {
    expect(planSheetChanges(spec, new Map(), ["PLAN"]).clash).toBe("PLAN");
  });

  it("accepts a spec name held by another generated sheet of the spec (a swap)", () => {
    const generated = new Map([
      ["mission", "2 Objectives"],
      ["objectives", "1 Mission"],
    ] as const);
    expect(planSheetChanges(spec, generated, ["2 Objectives", "1 Mission"]).clash).toBeUndefined();
  });
});

describe("planning the name changes", () => {
  const generated = ["2 Objectives", "4 Audience"];

  it("replaces names of its own (on generated sheets or broken) and tables on rewritten sheets", () => {
    const changes = planNameChanges(
      spec,
      generated,
      generated,
      [
        { name: "RevenueTarget", value: "'2 Objectives'!$C$2", type: "Range" },
        { name: "DealsNeeded", value: "#REF!", type: "Error" },
      ],
      [{ name: "Personas", sheetName: "4 Audience" }],
    );
    expect(changes).toEqual({
      clash: undefined,
      namesToDelete: ["RevenueTarget", "DealsNeeded"],
      tablesToDelete: ["Personas"],
    });
  });

  it("reports a name of the user's and a table on a user sheet", () => {
    expect(
      planNameChanges(spec, generated, generated, [{ name: "revenuetarget", value: "Budget!$B$2", type: "Range" }], [])
        .clash,
    ).toEqual({
      kind: "name",
      name: "revenuetarget",
    });
    expect(planNameChanges(spec, generated, generated, [], [{ name: "Personas", sheetName: "Mine" }]).clash).toEqual({
      kind: "table",
      name: "Personas",
      sheet: "Mine",
    });
    // A user's defined name that takes a spec table's name clashes too: tables and names share one namespace.
    expect(
      planNameChanges(spec, generated, generated, [{ name: "Personas", value: 3, type: "Integer" }], []).clash,
    ).toEqual({
      kind: "name",
      name: "Personas",
    });
  });
});

describe("unique sheet names", () => {
  it("adds the suffix and numbers clashes, within 31 characters and case-insensitively", () => {
    expect(uniqueSheetName("2 Objectives", "backup 2027-03-14", [])).toBe("2 Objectives backup 2027-03-14");
    expect(uniqueSheetName("2 Objectives", "backup 2027-03-14", ["2 OBJECTIVES BACKUP 2027-03-14"])).toBe(
      "2 Objecti backup 2027-03-14 (2)",
    );
    const long = uniqueSheetName("3 Organisation et recrutement", "copie 2027-03-14", []);
    expect(long).toBe("3 Organisation copie 2027-03-14");
    expect(long.length).toBeLessThanOrEqual(31);
  });

  it("never starts or ends a name with an apostrophe", () => {
    expect(uniqueSheetName("'quoted'", "", [])).toBe("quoted");
  });
});
