import ExcelJS from "exceljs";
import { parseXlsx } from "../../src/crm";

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("parseXlsx", () => {
  it("reads the first worksheet with typed cells and Excel's row numbers", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Deals");
      sheet.addRow(["Deal - Title", "Deal - Value", "Deal - Won time", "Done"]);
      sheet.addRow(["Alpha", 1234.5, new Date(Date.UTC(2027, 2, 5)), true]);
      sheet.addRow([]);
      sheet.addRow(["Beta", 10, null, false]);
      workbook.addWorksheet("Other").addRow(["x"]);
    });
    const table = await parseXlsx(bytes);
    expect(table.headers).toEqual(["Deal - Title", "Deal - Value", "Deal - Won time", "Done"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["Alpha", 1234.5, new Date(Date.UTC(2027, 2, 5)), true] },
      { rowNumber: 4, cells: ["Beta", 10, null, false] },
    ]);
  });

  it("reads a named worksheet, from an ArrayBuffer, with formula results and rich text", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("First").addRow(["ignored"]);
      const sheet = workbook.addWorksheet("Activities");
      sheet.addRow(["Type", "Count"]);
      sheet.addRow([{ richText: [{ text: "De" }, { text: "mo" }] }, { formula: "1+1", result: 2 }]);
    });
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const table = await parseXlsx(buffer, { worksheet: "Activities" });
    expect(table.rows[0]!.cells).toEqual(["Demo", 2]);
  });

  it("names the worksheets it has when the one asked for is missing", async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet("Deals").addRow(["a"]));
    await expect(parseXlsx(bytes, { worksheet: "Affaires" })).rejects.toThrow(
      'The workbook has no worksheet named "Affaires" (it has: Deals).',
    );
  });
});
