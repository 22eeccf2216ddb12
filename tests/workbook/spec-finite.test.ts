/**
 * The workbook spec holds only finite numbers (defect 3 of "a plan that validates always computes"): an .xlsx
 * `<v>Infinity</v>` is not a number, and LibreOffice reads it as 0. The schema and every writer refuse Infinity and
 * NaN, naming the sheet and the cell.
 */
import { workbookSpecSchema, nonFiniteNumbers, type WorkbookSpec } from "../../src/workbook/spec";
import { buildXlsx } from "../../src/xlsx/write-xlsx";
import { smallSpec } from "../helpers/small-spec";

/** The small spec with its "Deals needed" result (Plan!B4) and one value of the second sheet replaced. */
function specWith(result: number, value: number): WorkbookSpec {
  const spec = structuredClone(smallSpec());
  spec.sheets[0]!.blocks[0]!.rows[3]![1] = { formula: "=DealsNeeded", result, format: "0" };
  const objectives = spec.sheets[1]!;
  const block = objectives.blocks[0]!;
  const row = block.rows.findIndex((cells) => cells.some((cell) => typeof cell?.value === "number"));
  const column = block.rows[row]!.findIndex((cell) => typeof cell?.value === "number");
  block.rows[row]![column] = { ...block.rows[row]![column]!, value };
  return spec;
}

describe("finite numbers in a workbook spec", () => {
  it("accepts the small spec", () => {
    expect(nonFiniteNumbers(smallSpec())).toEqual([]);
    expect(workbookSpecSchema.safeParse(smallSpec()).success).toBe(true);
  });

  it("refuses Infinity and NaN, naming the sheet and the cell", () => {
    const spec = specWith(Number.POSITIVE_INFINITY, Number.NaN);
    const places = nonFiniteNumbers(spec);
    expect(places[0]).toBe("Plan!B4 result is Infinity, not a finite number");
    expect(places[1]).toMatch(/^'2 Objectives'![A-Z]+\d+ value is NaN, not a finite number$/);
    const parsed = workbookSpecSchema.safeParse(spec);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(expect.arrayContaining(places));
  });

  it("refuses a non-finite defined name and chart value", () => {
    const spec = structuredClone(smallSpec());
    spec.names[0] = { ...spec.names[0]!, result: Number.NEGATIVE_INFINITY };
    expect(nonFiniteNumbers(spec)).toEqual([`name ${spec.names[0].name} is -Infinity, not a finite number`]);
  });

  it("makes the .xlsx writer refuse the spec before writing anything", async () => {
    await expect(buildXlsx(specWith(Number.POSITIVE_INFINITY, 1))).rejects.toThrow(
      "Plan!B4 result is Infinity, not a finite number",
    );
  });
});
