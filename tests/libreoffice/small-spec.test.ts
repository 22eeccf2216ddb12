import { smallSpec } from "../helpers/small-spec";
import { verifyInLibreOffice } from "../helpers/verify-in-libreoffice";

describe("a hand-written spec in LibreOffice Calc", () => {
  it("recalculates to the predicted results with no error, keeps the names and the charts, and prints", async () => {
    const verdict = await verifyInLibreOffice(smallSpec(), "small-spec");
    expect(verdict.errors).toEqual([]);
    expect(verdict.mismatches).toEqual([]);
    expect(verdict.formulaCount).toBe(5);
    expect(verdict.names).toEqual({ RevenueTarget: 1_200_000, DealsNeeded: 100 });
    expect(verdict.chartParts).toHaveLength(2);
    expect(verdict.pages.length).toBeGreaterThanOrEqual(1);
  });

  it("catches a wrong prediction: the check can fail", async () => {
    const spec = smallSpec();
    const deals = spec.sheets[1]!.blocks[0]!.rows[2]![1]!;
    deals.result = 99;
    const verdict = await verifyInLibreOffice(spec, "small-spec-wrong");
    expect(verdict.mismatches).toEqual([{ where: "2 Objectives!B3", predicted: 99, computed: 100 }]);
  });
});
