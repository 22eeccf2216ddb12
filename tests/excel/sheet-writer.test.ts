import type { PlanLocale } from "../../src/plan";
import { excelSupport } from "../../src/excel/requirements";
import { columnWidthPoints, sheetWrites, type ChartWriteRequest } from "../../src/excel/sheet-writer";
import type { SheetSpec } from "../../src/workbook/spec";
import { FakeExcel } from "./fake-excel";

function sheetSpec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    key: "objectives",
    name: "S",
    columnWidths: [],
    blocks: [{ id: "b", anchor: "A1", rows: [[{ value: "x" }]] }],
    tables: [],
    validations: [],
    conditionalFormats: [],
    print: { area: "A1:B2", orientation: "landscape", fitToWidth: false },
    charts: [],
    ...overrides,
  };
}

async function write(
  spec: SheetSpec,
  options: {
    apiVersion?: number;
    locale?: PlanLocale;
    writeCharts?: (request: ChartWriteRequest) => readonly string[];
  } = {},
) {
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? 12 });
  excel.addSheet("S");
  const degraded: string[] = [];
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject("S");
    const writes = sheetWrites(spec, () => worksheet, {
      support: excelSupport(excel.isSetSupported),
      locale: options.locale ?? "en-US",
      styles: {},
      degrade: (message) => degraded.push(message),
      writeCharts: options.writeCharts,
      bandBytes: 1_000_000,
    });
    for (const queued of writes) queued.apply();
    await context.sync();
  });
  return { excel, sheet: excel.sheet("S"), degraded };
}

describe("column widths", () => {
  it("converts Excel's character widths to points as Excel does", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(10)).toBe(56.25);
  });

  it("sets adjacent columns of equal width in one assignment", async () => {
    const { excel, sheet } = await write(
      sheetSpec({
        columnWidths: [
          { column: 2, width: 10 },
          { column: 0, width: 10 },
          { column: 1, width: 10 },
          { column: 3, width: 20 },
        ],
      }),
    );
    expect(sheet.formats.filter((format) => format.property === "columnWidth")).toEqual([
      { address: "A1:C1048576", property: "columnWidth", value: 56.25 },
      { address: "D1:D1048576", property: "columnWidth", value: 108.75 },
    ]);
    expect(excel.ops.filter((op) => op.kind === "RangeFormat.columnWidth")).toHaveLength(2);
  });
});

describe("data validation", () => {
  it("writes date bounds as serial-number formulas and text limits", async () => {
    const { sheet } = await write(
      sheetSpec({
        validations: [
          { range: "A2:A9", rule: { kind: "date", min: 46023, max: 46387 }, errorMessage: "2026 only." },
          { range: "B2", rule: { kind: "textLength", max: 120 }, errorMessage: "At most 120 characters." },
          { range: "C2", rule: { kind: "whole" }, errorMessage: "A whole number." },
        ],
      }),
    );
    expect(sheet.validations.get("A2:A9")?.rule).toEqual({
      date: { formula1: "=46023", formula2: "=46387", operator: "Between" },
    });
    expect(sheet.validations.get("B2")?.rule).toEqual({ textLength: { formula1: 120, operator: "LessThanOrEqualTo" } });
    expect(sheet.validations.get("C2")?.rule?.wholeNumber?.operator).toBe("Between");
  });

  it("shortens messages to Excel's limits instead of failing the request", async () => {
    const { sheet } = await write(
      sheetSpec({
        validations: [
          { range: "A1", rule: { kind: "decimal", max: 1 }, errorMessage: "e".repeat(300), prompt: "p".repeat(300) },
        ],
      }),
    );
    const entry = sheet.validations.get("A1")!;
    expect(entry.errorAlert!.message).toHaveLength(225);
    expect(entry.errorAlert!.message.endsWith("…")).toBe(true);
    expect(entry.prompt!.message).toHaveLength(255);
  });

  it("leaves out a drop-down list Excel cannot hold, saying which", async () => {
    const { sheet, degraded } = await write(
      sheetSpec({
        validations: [
          { range: "B2:B9", rule: { kind: "list", values: ["Yes, now", "No"] }, errorMessage: "Pick one." },
        ],
      }),
      { locale: "fr-FR" },
    );
    expect(sheet.validations.size).toBe(0);
    expect(degraded).toEqual([
      "La liste déroulante de S!B2:B9 n'a pas été ajoutée : Excel limite une liste à 255 caractères, sans virgule dans ses éléments.",
    ]);
  });
});

describe("frozen panes and print settings", () => {
  it("freezes rows alone or columns alone", async () => {
    expect((await write(sheetSpec({ freeze: { rows: 3, columns: 0 } }))).sheet.freeze).toEqual({ rows: 3, columns: 0 });
    expect((await write(sheetSpec({ freeze: { rows: 0, columns: 2 } }))).sheet.freeze).toEqual({ rows: 0, columns: 2 });
    expect(
      (await write(sheetSpec({ freeze: { rows: 0, columns: 0 } }))).excel.ops.some((op) =>
        op.kind.startsWith("WorksheetFreezePanes"),
      ),
    ).toBe(false);
  });

  it("sets a landscape print area without fitting to width when the spec does not ask for it", async () => {
    expect((await write(sheetSpec())).sheet.page).toEqual({ printArea: "A1:B2", orientation: "Landscape" });
  });

  it("reports a missing feature once per sheet", async () => {
    const { degraded } = await write(
      sheetSpec({
        conditionalFormats: [
          { range: "A1", formula: "=A1>1", style: { bold: true } },
          { range: "A2", formula: "=A2>1", style: { bold: true } },
        ],
      }),
      { apiVersion: 5 },
    );
    expect(degraded.filter((message) => message.startsWith("Highlighting rules"))).toHaveLength(1);
  });
});

describe("the charts step", () => {
  const chart = {
    id: "funnel",
    kind: "funnel" as const,
    title: "Funnel",
    anchor: { from: "E2", to: "K20" },
    categories: { range: "A2:A5", labels: ["a", "b", "c", "d"] },
    series: [{ name: "Volume", range: "B2:B5", values: [4, 3, 2, 1] }],
    requires: "ExcelApi 1.9",
    legend: "none" as const,
    categoryAxis: {},
    valueAxis: {},
  };

  it("hands each sheet with charts to the injected step, after the cells, with the host's support", async () => {
    const requests: { sheet: string; supports19: boolean; cellsWritten: boolean }[] = [];
    const { degraded } = await write(sheetSpec({ charts: [chart] }), {
      apiVersion: 8,
      writeCharts: (request) => {
        requests.push({
          sheet: request.sheet.name,
          supports19: request.supports("1.9"),
          cellsWritten: request.worksheet !== undefined,
        });
        return ["The funnel is drawn as bars (Excel API 1.9 is missing)."];
      },
    });
    expect(requests).toEqual([{ sheet: "S", supports19: false, cellsWritten: true }]);
    expect(degraded).toContain("The funnel is drawn as bars (Excel API 1.9 is missing).");
  });
});
