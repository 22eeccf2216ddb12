import { createExcelGateway, type ExcelGatewayDependencies } from "../../src/excel/excel-gateway";
import { PLAN_XML_NAMESPACE, planToXml } from "../../src/excel/plan-storage";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../src/excel/request-budget";
import { WorkbookActionError } from "../../src/workbook/gateway";
import { GENERATED_SHEET_TAG } from "../../src/workbook/spec";
import { FakeExcel, FakeOfficeError, type FakeOp } from "./fake-excel";
import { syntheticKnownRegions, syntheticLayout, syntheticReadBack, testPlan } from "./synthetic-workbook";

const HOSTILE = '=HYPERLINK("http://x","y")';

function setup(
  options: { apiVersion?: number; executionRows?: number; dependencies?: Partial<ExcelGatewayDependencies> } = {},
) {
  const excel = new FakeExcel({ apiVersion: options.apiVersion ?? 12 });
  const gateway = createExcelGateway({
    layout: syntheticLayout({ executionRows: options.executionRows ?? 0 }),
    readBack: syntheticReadBack,
    knownRegions: syntheticKnownRegions,
    now: () => new Date(2027, 2, 14, 12),
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    displayLanguage: () => "en-US",
    ...options.dependencies,
  });
  return { excel, gateway };
}

/** The rejection of `promise`, which must be a WorkbookActionError. */
async function failure(promise: Promise<unknown>): Promise<WorkbookActionError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookActionError);
    return error as WorkbookActionError;
  }
  throw new Error("expected the action to fail");
}

const mutations = (ops: readonly FakeOp[]) => ops.filter((op) => op.mutates);

describe("generating the plan's sheets", () => {
  it("writes every spec sheet in 2 syncs on a workbook without generated sheets", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Sheet1");
    const report = await gateway.generate(testPlan());
    expect(report).toEqual({
      created: ["Plan", "1 Mission", "2 Objectives", "4 Audience"],
      updated: [],
      backups: [],
      degraded: [],
      syncs: 2,
      workbookId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.sheetNames()).toEqual(["Sheet1", "Plan", "1 Mission", "2 Objectives", "4 Audience"]);
  });

  it("writes constants, formulas and number formats as one 2-D assignment per block and property", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    const objectives = excel.sheet("2 Objectives");
    const writes = excel
      .mutationsOf(objectives.id)
      .filter((op) => ["Range.values", "Range.formulas", "Range.numberFormat"].includes(op.kind));
    // Two blocks: the inputs (values, formats) and the deals (values, formulas, formats).
    expect(writes.map((op) => op.kind)).toEqual([
      "Range.values",
      "Range.numberFormat",
      "Range.values",
      "Range.formulas",
      "Range.numberFormat",
    ]);
    expect(excel.cell("2 Objectives", "C2")).toEqual({
      value: plan.objectives.annualRevenueTarget,
      numberFormat: "#,##0",
    });
    expect(excel.cell("2 Objectives", "C6")?.formula).toBe("=ROUNDUP(C2/C3,0)");
    expect(excel.cell("2 Objectives", "C4")?.numberFormat).toBe("0%");
  });

  it("keeps hostile user text as text in every cell it writes", async () => {
    const { excel, gateway } = setup({ executionRows: 10 });
    const plan = testPlan("en-US", (draft) => {
      draft.audience.personas[0]!.name = HOSTILE;
      draft.audience.personas[0]!.role = "+33 1 23 45 67 89";
      draft.mission.missionStatement = "@everyone -- win";
    });
    await gateway.generate(plan);
    expect(excel.cell("4 Audience", "A2")).toEqual({ value: HOSTILE, quotePrefix: true });
    expect(excel.cell("4 Audience", "B2")).toEqual({ value: "+33 1 23 45 67 89", quotePrefix: true });
    expect(excel.cell("1 Mission", "A2")).toEqual({ value: "@everyone -- win", quotePrefix: true });
    // "-owner with a dash" in the synthetic execution table.
    expect(excel.cell("6 Execution", "C2")).toEqual({ value: "-owner with a dash", quotePrefix: true });
    const formulas = excel.sheets.flatMap((sheet) => [...sheet.cells.values()].flatMap((cell) => cell.formula ?? []));
    expect(formulas.every((formula) => !formula.includes("HYPERLINK") && !formula.includes("owner"))).toBe(true);
  });

  it("applies each style once per rectangle of equal style, not once per cell", async () => {
    const { excel, gateway } = setup({ executionRows: 5000 });
    await gateway.generate(testPlan());
    const execution = excel.sheet("6 Execution");
    const fills = execution.formats.filter((format) => format.property === "fill.color");
    expect(fills).toEqual([
      { address: "A1:H1", property: "fill.color", value: "#1F4E79" },
      { address: "B2:C5001", property: "fill.color", value: "#FFF2CC" },
      { address: "D2:E5001", property: "fill.color", value: "#FFF2CC" },
      { address: "F2:F5001", property: "fill.color", value: "#F2F2F2" },
      { address: "G2:G5001", property: "fill.color", value: "#FFF2CC" },
    ]);
    expect(execution.formats.length).toBeLessThan(60);
  });

  it("creates each table after its range is written, with its name, style and banded rows", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    const audience = excel.sheet("4 Audience");
    const kinds = excel.mutationsOf(audience.id).map((op) => op.kind);
    expect(kinds.indexOf("TableCollection.add")).toBeGreaterThan(kinds.indexOf("Range.values"));
    expect(
      excel.tables.map(({ name, address, style, showBandedRows, sheet }) => [
        name,
        address,
        style,
        showBandedRows,
        sheet.name,
      ]),
    ).toEqual([["Personas", `A1:B${plan.audience.personas.length + 1}`, "TableStyleLight9", true, "4 Audience"]]);
  });

  it("writes workbook names, validations, conditional formats, frozen panes, tab colours, links, widths and print settings", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    expect(
      excel.names
        .filter((name) => !name.name.startsWith(GENERATED_SHEET_TAG))
        .map((name) => [name.name, excel.nameValue(name), name.comment]),
    ).toEqual([
      ["RevenueTarget", "'2 Objectives'!$C$2", "Annual revenue target"],
      ["DealsNeeded", "'2 Objectives'!$C$6", ""],
    ]);
    const objectives = excel.sheet("2 Objectives");
    expect(objectives.validations.get("C4")).toEqual({
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      errorAlert: {
        message: "Enter a rate from 0% to 100%.",
        showAlert: true,
        style: "Stop",
        title: "Sales Plan Builder",
      },
      prompt: { message: "The share of qualified opportunities won.", showPrompt: true, title: "" },
    });
    expect(objectives.validations.get("C2:C3")?.rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(objectives.conditionalFormats).toEqual([
      { address: "C6", formula: "=C6>1000", fontColor: "#C00000", bold: true },
    ]);
    expect(objectives.freeze).toEqual({ rows: 1, columns: 1 });
    expect(objectives.tabColor).toBe("#2E75B6");
    expect(objectives.page).toEqual({
      printArea: "B2:C6",
      orientation: "Portrait",
      // B2:C6 is 5 rows: one page wide, one page tall allowed (print-zoom.ts).
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      titleRows: "$1:$1",
    });
    // 30 characters of the default font: 7 px each plus 5 px of padding, in points.
    expect(objectives.columnWidths.get(1)).toBe(161.25);
    expect(excel.sheet("Plan").hyperlinks).toEqual(
      new Map([
        ["A5", { documentReference: "'2 Objectives'!A1" }],
        ["B5", { address: "https://example.com/playbook" }],
      ]),
    );
    expect(excel.sheet("Plan").merges).toEqual(["A1:C1"]);
    expect(excel.sheet("4 Audience").validations.get("B2:B51")?.rule).toEqual({
      list: { inCellDropDown: true, source: "Buyer,Champion,User" },
    });
  });

  it("reports progress in the plan's language, ending at 1", async () => {
    const { gateway } = setup();
    const progress: (readonly [number | undefined, string])[] = [];
    await gateway.generate(testPlan("fr-FR"), (step) => progress.push([step.fraction, step.message]));
    expect(progress).toEqual([
      [0, "Lecture du classeur…"],
      [0.3, "Vérification de vos feuilles et de vos noms…"],
      [0.4, "Écriture des feuilles…"],
      [1, "Terminé."],
    ]);
  });

  it("suspends calculation and screen updating in the write request, before any change", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    const writeRequest = excel.ops.filter((op) => op.sync === 2);
    expect(writeRequest.slice(0, 2).map((op) => op.kind)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "Application.suspendScreenUpdatingUntilNextSync",
    ]);
  });

  it("tags generated sheets with a worksheet custom property on ExcelApi 1.12", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    expect(excel.sheets.map((sheet) => sheet.customProperties.get(GENERATED_SHEET_TAG))).toEqual([
      "plan",
      "mission",
      "objectives",
      "audience",
    ]);
    expect(excel.names.some((name) => name.name.startsWith(GENERATED_SHEET_TAG))).toBe(false);
  });

  it("tags generated sheets with hidden workbook names before ExcelApi 1.12, and finds them again", async () => {
    const { excel, gateway } = setup({ apiVersion: 11 });
    await gateway.generate(testPlan());
    const tags = excel.names.filter((name) => name.name.startsWith(GENERATED_SHEET_TAG));
    expect(tags.map((name) => [name.name, excel.nameValue(name), name.visible])).toEqual([
      ["SalesPlanBuilder.sheet.plan", "Plan!$A$1", false],
      ["SalesPlanBuilder.sheet.mission", "'1 Mission'!$A$1", false],
      ["SalesPlanBuilder.sheet.objectives", "'2 Objectives'!$A$1", false],
      ["SalesPlanBuilder.sheet.audience", "'4 Audience'!$A$1", false],
    ]);
    const again = await gateway.generate(testPlan());
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual(["Plan", "1 Mission", "2 Objectives", "4 Audience"]);
  });

  it("stores the plan in one custom XML part, replaced on each generation", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    await gateway.generate(plan);
    expect(excel.parts.map((part) => part.namespaceUri)).toEqual([PLAN_XML_NAMESPACE]);
    expect((await gateway.loadStoredPlan())?.plan).toEqual(plan);
  });

  it("rewrites its sheets in place in 3 syncs when generating again, so references to them survive", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    const ids = excel.sheets.map((sheet) => sheet.id);
    const before = excel.syncCount;
    const report = await gateway.generate(testPlan());
    expect(report.syncs).toBe(3);
    expect(excel.syncCount - before).toBe(3);
    expect(report.created).toEqual([]);
    expect(report.backups).toEqual([]);
    expect(excel.sheets.map((sheet) => sheet.id)).toEqual(ids);
    expect(excel.tables.map((table) => table.name)).toEqual(["Personas"]);
    expect(excel.sheet("2 Objectives").conditionalFormats).toHaveLength(1);
  });

  it("renames a generated sheet the user renamed back to its spec name, found by its tag", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.renameSheet(excel.sheet("2 Objectives"), "Goals");
    const report = await gateway.generate(testPlan());
    expect(report.created).toEqual([]);
    expect(excel.sheetNames()).toEqual(["Plan", "1 Mission", "2 Objectives", "4 Audience"]);
  });

  it("swaps the names of two generated sheets through temporary names", async () => {
    const { excel, gateway } = setup();
    const mission = excel.addSheet("2 Objectives", { tagProperty: "mission" });
    const objectives = excel.addSheet("1 Mission", { tagProperty: "objectives" });
    const report = await gateway.generate(testPlan());
    expect(report.backups).toEqual([]);
    expect(mission.name).toBe("1 Mission");
    expect(objectives.name).toBe("2 Objectives");
    expect(excel.cell("2 Objectives", "C6")?.formula).toBe("=ROUNDUP(C2/C3,0)");
  });
});

describe("protecting what the add-in did not create", () => {
  it("refuses a spec sheet name held by a user's sheet, naming it, and changes nothing", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("2 objectives");
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toBe(
      "A sheet named “2 objectives” already exists and was not created by Sales Plan Builder. Rename or move that sheet, then try again. Nothing was changed.",
    );
    expect(error.action).toBe("generate");
    expect(mutations(excel.ops)).toEqual([]);
    expect(excel.syncCount).toBe(1);
  });

  it("refuses a defined name of the user's that the spec needs, and changes nothing", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Budget");
    excel.addName("RevenueTarget", "=Budget!$B$2");
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toContain("The name “RevenueTarget” is already defined");
    expect(mutations(excel.ops)).toEqual([]);
  });

  it("refuses a table of the user's that has a spec table's name, and changes nothing", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Mine");
    excel.addTable("Mine", "personas", "A1:B3");
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toContain("The table “personas” already exists on the sheet “Mine”");
    expect(mutations(excel.ops)).toEqual([]);
  });

  it("gives the refusal in the plan's language", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("2 Objectifs");
    const error = await failure(gateway.generate(testPlan("fr-FR")));
    expect(error.message).toMatch(/^Une feuille nommée « 2 Objectifs » existe déjà/);
  });

  it("never deletes, clears, renames or writes a sheet the add-in did not create, whatever the action", async () => {
    const { excel, gateway } = setup();
    const notes = excel.addSheet("Notes");
    excel.setCells("Notes", "A1", [["my notes", 42]]);
    const budget = excel.addSheet("Budget");
    excel.setCells("Budget", "A1", [["Headcount", { formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }]]);
    await gateway.generate(testPlan());
    // The user copies a generated sheet: Excel copies its tag too.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("2 Objectives").copy("End");
      await context.sync();
    });
    const copied = excel.sheet("2 Objectives (2)");
    excel.setCells("2 Objectives (2)", "F20", [["scenario B"]]);
    await gateway.generate(testPlan());
    await gateway.update(testPlan());
    await gateway.readFromWorkbook(testPlan());
    await gateway.leadershipCopy();
    for (const sheet of [notes, budget, copied]) expect(excel.mutationsOf(sheet.id)).toEqual([]);
    expect(excel.cell("Notes", "A1")?.value).toBe("my notes");
    expect(excel.cell("Budget", "B1")?.formula).toBe("=PLAN.HEADCOUNT(200,20)");
    expect(excel.cell("2 Objectives (2)", "F20")?.value).toBe("scenario B");
  });
});

describe("backups before a generated sheet is rewritten", () => {
  it("copies a generated sheet holding content outside its known blocks to a dated backup, then rewrites it", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.setCells("2 Objectives", "F10", [["my own note"]]);
    const report = await gateway.update(testPlan());
    expect(report.backups).toEqual(["2 Objectives backup 2027-03-14"]);
    const backup = excel.sheet("2 Objectives backup 2027-03-14");
    expect(excel.cell("2 Objectives backup 2027-03-14", "F10")?.value).toBe("my own note");
    expect(backup.customProperties.has(GENERATED_SHEET_TAG)).toBe(false);
    expect(excel.cell("2 Objectives", "F10")).toBeUndefined();
    const objectives = excel.sheet("2 Objectives");
    const kinds = excel.ops.filter((op) => op.sheetId === objectives.id).map((op) => op.kind);
    expect(kinds.indexOf("Worksheet.copy")).toBeLessThan(kinds.indexOf("Range.clear"));
    // The backup is the user's now: the next generation leaves it alone.
    const changesSoFar = excel.mutationsOf(backup.id).length;
    await gateway.generate(testPlan());
    expect(excel.mutationsOf(backup.id)).toHaveLength(changesSoFar);
    expect(excel.cell("2 Objectives backup 2027-03-14", "F10")?.value).toBe("my own note");
  });

  it("names backups uniquely within Excel's 31 characters when one of that name exists", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.addSheet("2 Objectives backup 2027-03-14");
    excel.setCells("2 Objectives", "F10", [["note"]]);
    const report = await gateway.generate(testPlan());
    expect(report.backups).toEqual(["2 Objecti backup 2027-03-14 (2)"]);
  });

  it("does not back up a sheet whose table grew by the rows the user added", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    const personas = excel.tables.find((table) => table.name === "Personas")!;
    personas.address = "A1:B5";
    excel.setCells("4 Audience", "A5", [["New persona", "Buyer"]]);
    const report = await gateway.update(testPlan());
    expect(report.backups).toEqual([]);
  });

  it("backs up a generated sheet holding a chart the charts step did not draw", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.addChart("Plan", "My pie");
    const report = await gateway.generate(testPlan());
    expect(report.backups).toEqual(["Plan backup 2027-03-14"]);
    expect(excel.sheet("Plan backup 2027-03-14").charts).toEqual([{ name: "My pie" }]);
    expect(excel.sheet("Plan").charts).toEqual([]);
  });

  it("keeps edits made in Excel in a backup when generating from the pane's plan", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.setCells("2 Objectives", "C2", [[2_000_000]]);
    const report = await gateway.generate(testPlan());
    expect(report.backups).toEqual(["2 Objectives backup 2027-03-14"]);
    expect(excel.cell("2 Objectives backup 2027-03-14", "C2")?.value).toBe(2_000_000);
    expect(excel.cell("2 Objectives", "C2")?.value).toBe(testPlan().objectives.annualRevenueTarget);
  });

  it("makes values-and-formulas backups where sheets cannot be copied (before ExcelApi 1.7), and says so", async () => {
    const { excel, gateway } = setup({ apiVersion: 6 });
    await gateway.generate(testPlan());
    excel.setCells("2 Objectives", "F10", [[`'${HOSTILE}`, { formula: "=C2*2", value: 0 }]]);
    const report = await gateway.generate(testPlan());
    expect(report.backups).toEqual(["2 Objectives backup 2027-03-14"]);
    expect(report.degraded).toContain(
      "Backup sheets hold values and formulas without formats or charts (copying a sheet needs Excel API 1.7).",
    );
    expect(excel.cell("2 Objectives backup 2027-03-14", "F10")).toEqual({ value: HOSTILE, quotePrefix: true });
    expect(excel.cell("2 Objectives backup 2027-03-14", "G10")?.formula).toBe("=C2*2");
    expect(excel.cell("2 Objectives backup 2027-03-14", "C6")?.formula).toBe("=ROUNDUP(C2/C3,0)");
  });
});

describe("requirement sets", () => {
  it("generates on ExcelApi 1.5 with a message for each feature left out, calling nothing the host lacks", async () => {
    const { excel, gateway } = setup({ apiVersion: 5 });
    const report = await gateway.generate(testPlan());
    expect(report.degraded).toEqual([
      "Sheet tab colours were not set (they need Excel API 1.7).",
      "Links between the sheets were not created (they need Excel API 1.7).",
      "Print settings (print area, fit to page width, repeated titles) were not set (they need Excel API 1.9).",
      "Input checks (data validation) were not added (they need Excel API 1.8).",
      "Highlighting rules (conditional formats) were not added (they need Excel API 1.6).",
      "Headings were not frozen in place (it needs Excel API 1.7).",
    ]);
    expect(excel.cell("2 Objectives", "C6")?.formula).toBe("=ROUNDUP(C2/C3,0)");
    expect(excel.names.map((name) => name.name)).toContain("SalesPlanBuilder.sheet.objectives");
    expect((await gateway.loadStoredPlan())?.plan).toEqual(testPlan());
  });

  it("writes validation and conditional formats on 1.8 but not print settings, which need 1.9", async () => {
    const { excel, gateway } = setup({ apiVersion: 8 });
    const report = await gateway.generate(testPlan());
    expect(report.degraded).toEqual([
      "Print settings (print area, fit to page width, repeated titles) were not set (they need Excel API 1.9).",
    ]);
    expect(excel.sheet("2 Objectives").validations.size).toBe(2);
    expect(excel.ops.some((op) => op.kind.startsWith("PageLayout"))).toBe(false);
    expect(excel.ops.some((op) => op.kind === "Application.suspendScreenUpdatingUntilNextSync")).toBe(false);
  });

  it("refuses to start below ExcelApi 1.5, the manifest's minimum, before calling Excel", async () => {
    const { excel, gateway } = setup({ apiVersion: 4 });
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toBe(
      "This version of Excel is too old for the workbook actions of Sales Plan Builder (they need Excel API 1.5 or later). Nothing was changed.",
    );
    expect(excel.syncCount).toBe(0);
  });
});

describe("request size and round trips", () => {
  it("generates a 5,000-row plan in 2 syncs, then 3 when regenerating, with every request and response under 5 MB", async () => {
    const { excel, gateway } = setup({ executionRows: 5000 });
    const first = await gateway.generate(testPlan());
    expect(first.syncs).toBe(2);
    const second = await gateway.generate(testPlan());
    expect(second.syncs).toBe(3);
    expect(excel.syncCount).toBe(5);
    expect(Math.max(...excel.requestBytes)).toBeGreaterThan(1_000_000);
    expect(Math.max(...excel.requestBytes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...excel.responseBytes)).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(excel.cell("6 Execution", "F5001")?.formula).toBe("=E5001-D5001+1");
  });

  it("splits the writes into more requests only when they exceed the budget, keeping each under it", async () => {
    const budget = 300_000;
    const { excel, gateway } = setup({ executionRows: 5000, dependencies: { requestBudgetBytes: budget } });
    const report = await gateway.generate(testPlan());
    expect(report.syncs).toBeGreaterThan(3);
    expect(excel.syncCount).toBe(report.syncs);
    for (const bytes of excel.requestBytes) expect(bytes).toBeLessThan(budget);
    const whole = setup({ executionRows: 5000 });
    await whole.gateway.generate(testPlan());
    expect(excel.sheet("6 Execution").cells).toEqual(whole.excel.sheet("6 Execution").cells);
    expect(excel.sheet("6 Execution").formats).toEqual(whole.excel.sheet("6 Execution").formats);
  });
});

describe("reporting failures", () => {
  it("puts the workbook back and says nothing was changed when Excel rejects a critical write", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Sheet1");
    excel.setCells("Sheet1", "A1", [["mine", 42]]);
    const refused = new FakeOfficeError("InvalidArgument", "The argument is invalid or missing.");
    excel.failWhen = (op) => (op.kind === "Range.formulas" && op.sheetName === "2 Objectives" ? refused : undefined);
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toBe(
      "Excel stopped while writing (The argument is invalid or missing. [InvalidArgument]), so Sales Plan Builder put the workbook back as it was before the action: sheets it had added were removed, renamed sheets got their names back and cleared sheets their contents. Nothing was changed. Run the action again.",
    );
    expect(error.cause).toBe(refused);
    expect(excel.sheetNames()).toEqual(["Sheet1"]);
    expect(excel.names).toEqual([]);
    expect(excel.parts).toEqual([]);
    expect(excel.cell("Sheet1", "B1")?.value).toBe(42);
  });

  it("rewrites the sheets' former cells when a later request of an update fails", async () => {
    const { excel, gateway } = setup({ executionRows: 5000, dependencies: { requestBudgetBytes: 300_000 } });
    const plan = testPlan();
    await gateway.generate(plan);
    excel.setCells("2 Objectives", "C2", [[2_000_000]]);
    const before = excel.sheets.map((sheet) => ({ name: sheet.name, cells: new Map(sheet.cells) }));
    const syncsBefore = excel.syncCount;
    excel.failWhen = (op) =>
      op.sync === syncsBefore + 5 ? new FakeOfficeError("GeneralException", "Busy") : undefined;
    const error = await failure(gateway.update(plan));
    expect(error.message).toContain("Nothing was changed.");
    expect(excel.sheets.map((sheet) => ({ name: sheet.name, cells: sheet.cells }))).toEqual(before);
  });

  it("reports a failed read as nothing changed", async () => {
    const { excel, gateway } = setup();
    excel.failWhen = (op) => (op.sync === 1 ? new FakeOfficeError("AccessDenied", "Denied") : undefined);
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toBe("Excel could not read the workbook (Denied [AccessDenied]). Nothing was changed.");
  });

  it("turns a layout that throws into an error that names the problem, before calling Excel", async () => {
    const { excel, gateway } = setup({
      dependencies: {
        layout: () => {
          throw new Error("no stages");
        },
      },
    });
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toBe("The plan could not be laid out as sheets (no stages). Nothing was changed.");
    expect(excel.syncCount).toBe(0);
  });

  it("refuses a layout that breaks the WorkbookSpec schema, before calling Excel", async () => {
    const layout = syntheticLayout();
    const { excel, gateway } = setup({
      dependencies: {
        layout: (plan, options) => {
          const spec = layout(plan, options);
          return { ...spec, sheets: spec.sheets.map((sheet) => ({ ...sheet, name: `${sheet.name}:` })) };
        },
      },
    });
    const error = await failure(gateway.generate(testPlan()));
    expect(error.message).toMatch(/^The sheets described for this plan are not valid \(sheets\.0\.name: /);
    expect(excel.syncCount).toBe(0);
  });

  it("refuses an invalid plan, listing its fields", async () => {
    const { gateway } = setup();
    const plan = testPlan("en-US", (draft) => (draft.objectives.winRateTarget = 1.4));
    const error = await failure(gateway.generate(plan));
    expect(error.message).toBe(
      "The plan is not valid, so nothing was written:\n- objectives.winRateTarget must be greater than 0 and at most 1",
    );
  });
});

describe("updating and reading back", () => {
  it("merges the user's edits into the plan, then rewrites and stores it", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    excel.setCells("2 Objectives", "C2", [[2_000_000]]);
    const report = await gateway.update(plan);
    expect(report.syncs).toBe(3);
    expect(report.backups).toEqual([]);
    const stored = (await gateway.loadStoredPlan())!.plan;
    expect(stored.objectives.annualRevenueTarget).toBe(2_000_000);
    expect(excel.cell("2 Objectives", "C2")?.value).toBe(2_000_000);
  });

  it("refuses bad cells, naming each sheet and cell, and writes nothing", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.setCells("2 Objectives", "C2", [["lots"]]);
    const before = excel.ops.length;
    const error = await failure(gateway.update(testPlan()));
    expect(error.message).toBe(
      "Some cells cannot be read back into the plan, so nothing was written:\n- '2 Objectives'!C2: must be a number",
    );
    expect(mutations(excel.ops.slice(before))).toEqual([]);
  });

  it("reads the plan from the sheets in 2 syncs without writing anything", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    excel.setCells("2 Objectives", "C3", [[50_000]]);
    const before = excel.ops.length;
    const syncs = excel.syncCount;
    const read = await gateway.readFromWorkbook(plan);
    expect(read.changedFields).toEqual(["objectives.averageDealValue"]);
    expect(read.plan.objectives.averageDealValue).toBe(50_000);
    expect(excel.syncCount - syncs).toBe(2);
    expect(mutations(excel.ops.slice(before))).toEqual([]);
  });

  it("says there is nothing to read when no sheet was generated", async () => {
    const { gateway } = setup();
    const error = await failure(gateway.readFromWorkbook(testPlan()));
    expect(error.message).toBe(
      "This workbook holds no sheets generated by Sales Plan Builder. Generate the plan first. Nothing was changed.",
    );
    expect(error.action).toBe("read");
  });
});

describe("restoring the stored plan", () => {
  it("finds nothing in a workbook without a stored plan", async () => {
    const { gateway } = setup();
    await expect(gateway.loadStoredPlan()).resolves.toBeUndefined();
  });

  it("gives a workbook an id when it is first generated, and keeps it through every later write", async () => {
    const { gateway } = setup();
    const plan = testPlan();
    const first = await gateway.generate(plan);
    expect(first.workbookId).toMatch(/^[0-9a-f]{32}$/);
    expect(await gateway.loadStoredPlan()).toEqual({ plan, workbookId: first.workbookId });
    expect((await gateway.generate(plan)).workbookId).toBe(first.workbookId);
    expect((await gateway.update(plan)).workbookId).toBe(first.workbookId);
    expect((await gateway.loadStoredPlan())?.workbookId).toBe(first.workbookId);
  });

  it("gives two workbooks different ids", async () => {
    const plan = testPlan();
    const one = await setup().gateway.generate(plan);
    const other = await setup().gateway.generate(plan);
    expect(one.workbookId).not.toBe(other.workbookId);
  });

  it("restores a plan stored before workbooks had ids, and gives it one on the next write", async () => {
    const { excel, gateway } = setup();
    const plan = testPlan();
    await gateway.generate(plan);
    excel.parts[0]!.xml = excel.parts[0]!.xml.replace(/ workbookId="[^"]*"/, "");
    expect(await gateway.loadStoredPlan()).toEqual({ plan, workbookId: undefined });
    const report = await gateway.update(plan);
    expect(report.workbookId).toMatch(/^[0-9a-f]{32}$/);
    expect((await gateway.loadStoredPlan())?.workbookId).toBe(report.workbookId);
  });

  it("refuses a plan saved by a newer version with a clear message", async () => {
    const { excel, gateway } = setup();
    const newer = { ...testPlan(), schemaVersion: 2 };
    excel.parts.push({ id: "{p}", namespaceUri: PLAN_XML_NAMESPACE, xml: planToXml(JSON.stringify(newer), 2) });
    const error = await failure(gateway.loadStoredPlan());
    expect(error.action).toBe("restore");
    expect(error.message).toBe(
      "The plan saved in this workbook was written by a newer version of Sales Plan Builder (plan version 2; this version reads up to version 1). Update the add-in to open it. The workbook was not changed.",
    );
  });

  it("refuses a malformed stored plan with a clear message, in the display language", async () => {
    const { excel, gateway } = setup({ dependencies: { displayLanguage: () => "fr-CA" } });
    excel.parts.push({
      id: "{p}",
      namespaceUri: PLAN_XML_NAMESPACE,
      xml: `<salesPlan xmlns="${PLAN_XML_NAMESPACE}">{oops</salesPlan>`,
    });
    const error = await failure(gateway.loadStoredPlan());
    expect(error.message).toMatch(/^Le plan enregistré dans ce classeur est illisible \(/);
  });
});

describe("the leadership copy", () => {
  function workbookWithPlanFormulas() {
    const setupResult = setup();
    const { excel } = setupResult;
    excel.addSheet("Budget");
    excel.setCells("Budget", "A1", [
      ["Business developers", { formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }],
      ["Cost", { formula: "=B1*60000", value: 600000 }],
      ["Label", { formula: '="PLAN.HEADCOUNT("&B1&")"', value: "PLAN.HEADCOUNT(10)" }],
    ]);
    excel.addSheet("Summary");
    excel.setCells("Summary", "A1", [["Team", { formula: "=Budget!B1+2", value: 12 }]]);
    excel.addSheet("Other");
    excel.setCells("Other", "A1", [[{ formula: "=1+1", value: 2 }]]);
    return setupResult;
  }

  it("copies each sheet that uses PLAN functions and freezes them to values in the copy only", async () => {
    const { excel, gateway } = workbookWithPlanFormulas();
    const report = await gateway.leadershipCopy();
    expect(report).toEqual({ sheets: ["Budget leadership", "Summary leadership"], frozenFormulas: 1, degraded: [] });
    expect(excel.sheetNames()).toEqual(["Budget", "Budget leadership", "Summary", "Summary leadership", "Other"]);
    expect(excel.cell("Budget leadership", "B1")).toEqual({ value: 10 });
    // Same-sheet formulas keep working on the frozen values; cross-sheet ones to PLAN sheets are frozen too.
    expect(excel.cell("Budget leadership", "B2")?.formula).toBe("=B1*60000");
    expect(excel.cell("Budget leadership", "B3")?.formula).toBe('="PLAN.HEADCOUNT("&B1&")"');
    expect(excel.cell("Summary leadership", "B1")).toEqual({ value: 12 });
    expect(excel.cell("Budget", "B1")?.formula).toBe("=PLAN.HEADCOUNT(200,20)");
    // Inventory, used-range sizes, cells, then the write.
    expect(excel.syncCount).toBe(4);
  });

  it("does nothing when no formula calls a PLAN function", async () => {
    const { excel, gateway } = setup();
    excel.addSheet("Other");
    excel.setCells("Other", "A1", [[{ formula: "=1+1", value: 2 }]]);
    await expect(gateway.leadershipCopy()).resolves.toEqual({ sheets: [], frozenFormulas: 0, degraded: [] });
    expect(mutations(excel.ops)).toEqual([]);
    expect(excel.syncCount).toBe(3);
  });

  it("removes the generated tag from the copy of a generated sheet", async () => {
    const { excel, gateway } = setup();
    await gateway.generate(testPlan());
    excel.setCells("2 Objectives", "F2", [[{ formula: "=PLAN.HEADCOUNT(C2,20)", value: 60000 }]]);
    const report = await gateway.leadershipCopy();
    // The cover sheet's key figure reads "2 Objectives", which now holds a PLAN formula: it is copied too.
    expect(report.sheets).toEqual(["Plan leadership", "2 Objectives leadership"]);
    expect(excel.sheet("Plan leadership").customProperties.has(GENERATED_SHEET_TAG)).toBe(false);
    expect(excel.sheet("2 Objectives leadership").customProperties.has(GENERATED_SHEET_TAG)).toBe(false);
    expect(excel.cell("2 Objectives leadership", "F2")).toEqual({ value: 60000 });
  });

  it("builds a values-only copy with a message where sheets cannot be copied", async () => {
    const { excel, gateway } = setup({ apiVersion: 6 });
    excel.addSheet("Budget");
    excel.setCells("Budget", "A1", [[`'${HOSTILE}`, { formula: "=PLAN.HEADCOUNT(200,20)", value: 10 }]]);
    excel.sheet("Budget").cells.get("0,1")!.numberFormat = "0";
    const report = await gateway.leadershipCopy();
    expect(report.degraded).toEqual([
      "This version of Excel cannot copy sheets (Excel API 1.7), so the leadership copy holds the values of each sheet without its formats.",
    ]);
    expect(excel.cell("Budget leadership", "A1")).toEqual({
      value: HOSTILE,
      quotePrefix: true,
      numberFormat: "General",
    });
    expect(excel.cell("Budget leadership", "B1")).toEqual({ value: 10, numberFormat: "0" });
  });
});

describe("keeping the add-in's tables in place", () => {
  // Range.clear removes "content and formatting from cells without affecting the worksheet structure"
  // (docs/excel/excel-add-ins-ranges-clear-delete.md): a table survives the clear, so it can be resized in place.
  it("resizes a table that keeps its header row instead of deleting it, so structured references keep working", async () => {
    const excel = new FakeExcel({ apiVersion: 13 });
    const gatewayOn = (rows: number) =>
      createExcelGateway({
        layout: syntheticLayout({ executionRows: rows }),
        readBack: syntheticReadBack,
        knownRegions: syntheticKnownRegions,
        now: () => new Date(2027, 2, 14, 12),
        run: excel.run,
        isSetSupported: excel.isSetSupported,
        displayLanguage: () => "en-US",
      });
    await gatewayOn(5).generate(testPlan());
    const table = excel.tables.find((candidate) => candidate.name === "Initiatives")!;
    expect(table.address).toBe("A1:H6");
    const opsBefore = excel.ops.length;
    await gatewayOn(8).generate(testPlan());
    const kinds = excel.ops.slice(opsBefore).map((op) => op.kind);
    expect(kinds).toContain("Table.resize");
    expect(kinds).not.toContain("Table.delete");
    // The very table the user's formulas refer to, at its new size.
    expect(excel.tables.filter((candidate) => candidate.name === "Initiatives")).toEqual([table]);
    expect(table.address).toBe("A1:H9");
  });

  it("deletes and adds the table again below ExcelApi 1.13", async () => {
    const excel = new FakeExcel({ apiVersion: 12 });
    const gatewayOn = (rows: number) =>
      createExcelGateway({
        layout: syntheticLayout({ executionRows: rows }),
        readBack: syntheticReadBack,
        knownRegions: syntheticKnownRegions,
        now: () => new Date(2027, 2, 14, 12),
        run: excel.run,
        isSetSupported: excel.isSetSupported,
        displayLanguage: () => "en-US",
      });
    await gatewayOn(5).generate(testPlan());
    await gatewayOn(8).generate(testPlan());
    expect(excel.tables.find((candidate) => candidate.name === "Initiatives")?.address).toBe("A1:H9");
    expect(excel.ops.map((op) => op.kind)).not.toContain("Table.resize");
  });
});
