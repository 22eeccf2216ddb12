/**
 * The fake's models of Excel on the web's payload limits, of spilled arrays and of the page zoom options: each pinned
 * here, so an adapter test that relies on them proves something (sources cited in fake-excel.ts).
 */
import type { RangeApi } from "../../src/excel/office-port";
import { FakeExcel, FakeOfficeError, WEB_PAYLOAD_LIMIT_BYTES } from "./fake-excel";

async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FakeOfficeError);
    return error as FakeOfficeError;
  }
  throw new Error("expected the run to fail");
}

describe("Excel on the web's 5 MB payload limits in the fake", () => {
  const bigText = "x".repeat(1000);

  it("refuses a request over 5 MB without running any of it", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    const error = await rejection(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
        sheet.getRange("A1").values = [["kept out"]];
        sheet.getRange("A1:A6000").values = Array.from({ length: 6000 }, () => [bigText]);
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.cell("Data", "A1")).toBeUndefined();
  });

  it("refuses a response over 5 MB", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    excel.setCells(
      "Data",
      "A1",
      Array.from({ length: 6000 }, () => [bigText]),
    );
    const error = await rejection(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItemOrNullObject("Data").getRange("A1:A6000");
        range.load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(excel.responseBytes.at(-1)).toBeGreaterThan(WEB_PAYLOAD_LIMIT_BYTES);
  });

  it("has no limit on a desktop host", async () => {
    const excel = new FakeExcel({ payloadLimitBytes: null });
    excel.addSheet("Data");
    excel.setCells(
      "Data",
      "A1",
      Array.from({ length: 6000 }, () => [bigText]),
    );
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject("Data").getRange("A1:A6000");
      range.load("values");
      await context.sync();
      expect(range.values).toHaveLength(6000);
    });
  });
});

describe("spilled arrays in the fake", () => {
  function spilling() {
    const excel = new FakeExcel();
    excel.addSheet("Plan");
    excel.setSpill("Plan", "B2", "=PLAN.FUNNEL(100,0.5)", [[100], [50], [25]]);
    return excel;
  }

  it("keeps the formula in the anchor only: the spilled cells read as values", async () => {
    const excel = spilling();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject("Plan").getRange("B2:B4");
      range.load("values,formulas");
      await context.sync();
      expect(range.values).toEqual([[100], [50], [25]]);
      expect(range.formulas).toEqual([["=PLAN.FUNNEL(100,0.5)"], [50], [25]]);
    });
  });

  it("gives the spill range from the anchor and a null object elsewhere, and the anchor from a spilled cell", async () => {
    const excel = spilling();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Plan");
      const fromAnchor = sheet.getRange("B2").getSpillingToRangeOrNullObject();
      const fromSpilled = sheet.getRange("B3").getSpillingToRangeOrNullObject();
      const fromTwoCells = sheet.getRange("B2:B3").getSpillingToRangeOrNullObject();
      // Not in the port (the adapter does not use it): the fake's range has it.
      const spilled = sheet.getRange("B4") as RangeApi & { getSpillParentOrNullObject(): RangeApi };
      const parent = spilled.getSpillParentOrNullObject();
      fromAnchor.load("address");
      parent.load("address");
      await context.sync();
      expect(fromAnchor.address).toBe("Plan!B2:B4");
      expect(fromSpilled.isNullObject).toBe(true);
      expect(fromTwoCells.isNullObject).toBe(true);
      expect(parent.address).toBe("Plan!B2");
    });
  });

  it("has no spill methods below ExcelApi 1.12", async () => {
    const excel = new FakeExcel({ apiVersion: 11 });
    excel.addSheet("Plan");
    await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItemOrNullObject("Plan").getRange("B2");
      expect(() => cell.getSpillingToRangeOrNullObject()).toThrow(/ExcelApi 1.12/);
      await context.sync();
    });
  });

  it("empties the spilled cells when the anchor's formula is replaced by a value", async () => {
    const excel = spilling();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Plan").getRange("B2").values = [[100]];
      await context.sync();
    });
    expect(excel.cell("Plan", "B2")).toEqual({ value: 100 });
    expect(excel.cell("Plan", "B3")).toBeUndefined();
    expect(excel.cell("Plan", "B4")).toBeUndefined();
  });

  it("shows #SPILL! in the anchor when a value is written into its spill range", async () => {
    const excel = spilling();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Plan").getRange("B3").values = [[7]];
      await context.sync();
    });
    expect(excel.cell("Plan", "B2")).toEqual({ value: "#SPILL!", formula: "=PLAN.FUNNEL(100,0.5)" });
    expect(excel.cell("Plan", "B3")).toEqual({ value: 7 });
    expect(excel.cell("Plan", "B4")).toBeUndefined();
  });
});

describe("page zoom options in the fake", () => {
  it.each([[{ horizontalFitToPages: 1, verticalFitToPages: 0 }], [{ scale: 5 }], [{ horizontalFitToPages: 1.5 }]])(
    "refuses %j, which the documentation gives no meaning",
    async (zoom) => {
      const excel = new FakeExcel();
      excel.addSheet("Plan");
      await excel.run(async (context) => {
        const layout = context.workbook.worksheets.getItemOrNullObject("Plan").pageLayout;
        expect(() => (layout.zoom = zoom)).toThrow(/does not define/);
        await context.sync();
      });
    },
  );

  it("accepts numbers of pages and a scale from 10 to 400", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Plan");
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItemOrNullObject("Plan").pageLayout;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 40 };
      layout.zoom = { scale: 400 };
      await context.sync();
    });
    expect(excel.sheet("Plan").page.zoom).toEqual({ scale: 400 });
  });
});
