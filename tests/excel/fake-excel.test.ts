/**
 * The fake must behave like Excel where the adapter's tests rely on it: otherwise a passing adapter test proves
 * nothing. These tests pin the load/sync semantics and the input rules the other tests depend on.
 */
import { FakeExcel, FakeOfficeError } from "./fake-excel";

describe("the fake Excel host", () => {
  it("queues writes until sync and applies them in order", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItemOrNullObject("Data").getRange("A1:B1");
      range.values = [[1, 2]];
      expect(excel.cell("Data", "A1")).toBeUndefined();
      await context.sync();
      expect(excel.cell("Data", "A1")?.value).toBe(1);
    });
  });

  it("refuses to read a property before it is loaded and synced", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      sheet.load("name");
      // Reading before the sync is the mistake this test makes on purpose.
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => sheet.name).toThrow(/not loaded/);
      await context.sync();
      expect(sheet.name).toBe("Data");
      expect(() => sheet.position).toThrow(/not loaded/);
    });
  });

  it("exposes a collection's items only after a load and a sync, with nested loads", async () => {
    const excel = new FakeExcel();
    excel.addSheet("One", { tagProperty: "plan" });
    excel.addSheet("Two");
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/customProperties/items/key,items/customProperties/items/value");
      expect(() => sheets.items).toThrow(/not loaded/);
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(["One", "Two"]);
      expect(sheets.items[0]!.customProperties.items.map((p) => [p.key, p.value])).toEqual([
        ["SalesPlanBuilder.sheet", "plan"],
      ]);
    });
  });

  it("tells null objects after the sync", async () => {
    const excel = new FakeExcel();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      // Reading before the sync is the mistake this test makes on purpose.
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => missing.isNullObject).toThrow(/after sync/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("turns a string starting with = into a formula, and keeps a quote-prefixed one as text", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Data").getRange("A1:C1").values = [
        ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")', "-owner"],
      ];
      await context.sync();
    });
    expect(excel.cell("Data", "A1")?.formula).toBe('=HYPERLINK("http://x","y")');
    expect(excel.cell("Data", "B1")).toEqual({ value: '=HYPERLINK("http://x","y")', quotePrefix: true });
    expect(excel.cell("Data", "C1")?.formula).toBe("=-owner");
  });

  it("rejects an array whose shape differs from its range, failing the sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Data").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toThrow(FakeOfficeError);
  });

  it("throws ApiNotFound for a member above the host's requirement set", async () => {
    const excel = new FakeExcel({ apiVersion: 6 });
    excel.addSheet("Data");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      expect(() => sheet.copy("End")).toThrow(/ExcelApi 1.7/);
      expect(() => sheet.getRange("A1").dataValidation).toThrow(/ExcelApi 1.8/);
      expect(excel.isSetSupported("ExcelApi", "1.6")).toBe(true);
      expect(excel.isSetSupported("ExcelApi", "1.7")).toBe(false);
      await context.sync();
    });
  });

  it("counts syncs, records operations by sync and sheet, and syncs what is left queued when the run ends", async () => {
    const excel = new FakeExcel();
    const data = excel.addSheet("Data");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      sheet.load("name");
      await context.sync();
      sheet.getRange("A1").values = [["x"]];
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.mutationsOf(data.id).map((op) => [op.sync, op.kind])).toEqual([[2, "Range.values"]]);
    expect(excel.requestBytes[1]).toBeGreaterThan(0);
  });

  it("keeps names bound to their sheet across renames and breaks them when the sheet is deleted", () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Old");
    const name = excel.addName("Tag", "='Old'!$A$1");
    excel.renameSheet(sheet, "New name");
    expect(excel.nameValue(name)).toBe("'New name'!$A$1");
    excel.deleteSheet(sheet);
    expect(excel.nameValue(name)).toBe("#REF!");
  });

  it("copies a sheet with its custom properties and renames copied tables", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Source", { tagProperty: "objectives" });
    excel.addTable("Source", "Roles", "A1:B3");
    await excel.run(async (context) => {
      const copy = context.workbook.worksheets.getItemOrNullObject("Source").copy("End");
      copy.load("name");
      await context.sync();
      expect(copy.name).toBe("Source (2)");
    });
    expect(excel.sheet("Source (2)").customProperties.get("SalesPlanBuilder.sheet")).toBe("objectives");
    expect(excel.tables.map((table) => table.name)).toEqual(["Roles", "Roles2"]);
  });

  it("adds a chart at the sync, splits its source into series with text labels as categories, names it on request", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    excel.setCells("Data", "A1", [
      ["Q1", 1, 10],
      ["Q2", 2, 20],
    ]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C2"), "Columns");
      chart.name = "mine";
      expect(excel.sheet("Data").charts).toEqual([]);
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("mine");
    });
    expect(excel.sheet("Data").charts[0]!.series).toEqual([
      { name: "Series1", values: "B1:B2", xValues: "A1:A2" },
      { name: "Series2", values: "C1:C2", xValues: "A1:A2" },
    ]);
  });

  it("throws ApiNotFound for chart members above the host's set: series.add and setValues, axis formats, Funnel", async () => {
    const excel = new FakeExcel({ apiVersion: 6 });
    excel.addSheet("Data");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("A1:A3"), "Columns");
      expect(() => chart.series.add("More")).toThrow(/ExcelApi 1.7/);
      expect(() => chart.series.getItemAt(0).setValues(sheet.getRange("B1:B3"))).toThrow(/ExcelApi 1.7/);
      expect(() => (chart.axes.categoryAxis.reversePlotOrder = true)).toThrow(/ExcelApi 1.7/);
      expect(() => (chart.axes.valueAxis.numberFormat = "0")).toThrow(/ExcelApi 1.8/);
      expect(() => sheet.charts.add("Funnel", sheet.getRange("A1:A3"))).toThrow(/ExcelApi 1.9/);
      chart.axes.valueAxis.minimum = 0;
      await context.sync();
    });
  });

  it("fails the sync when a point beyond the series' values is formatted", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
        const chart = sheet.charts.add("BarStacked", sheet.getRange("A1:A3"), "Columns");
        chart.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor("#2E86C1");
        await context.sync();
      }),
    ).rejects.toThrow(/no such point/);
  });
});
