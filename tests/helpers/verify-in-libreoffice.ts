import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { parseCellAddress, cellAddress } from "../../src/workbook/address";
import type { WorkbookSpec } from "../../src/workbook/spec";
import { buildXlsx } from "../../src/xlsx/write-xlsx";
import { formulaResults, isErrorValue, recalculateInLibreOffice, type RecalculatedCell } from "./libreoffice";

export const ARTIFACTS = path.resolve(__dirname, "..", "..", "artifacts", "libreoffice");

export interface Mismatch {
  readonly where: string;
  readonly predicted: unknown;
  readonly computed: unknown;
}

export interface LibreOfficeVerdict {
  readonly errors: readonly RecalculatedCell[];
  readonly mismatches: readonly Mismatch[];
  readonly formulaCount: number;
  /** Value of each defined name's cell after recalculation. */
  readonly names: Readonly<Record<string, unknown>>;
  readonly chartParts: readonly string[];
  readonly pages: readonly string[];
}

function agrees(predicted: unknown, computed: unknown): boolean {
  // ExcelJS reads a date-formatted result as a Date and an empty text result as nothing.
  if (computed instanceof Date) computed = (computed.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (predicted === "" && (computed === undefined || computed === null)) return true;
  if (typeof predicted === "number" && typeof computed === "number") {
    if (Number.isInteger(predicted)) return predicted === computed;
    return Math.abs(predicted - computed) <= 1e-9 * Math.max(1, Math.abs(predicted));
  }
  return predicted === computed;
}

/** Writes the spec as .xlsx, has LibreOffice recalculate and convert it, and compares every formula with the spec. */
export async function verifyInLibreOffice(spec: WorkbookSpec, name: string): Promise<LibreOfficeVerdict> {
  const dir = path.join(ARTIFACTS, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await buildXlsx(spec));
  const output = recalculateInLibreOffice(file, dir);
  const cells = await formulaResults(output.xlsx);
  const byAddress = new Map(cells.map((cell) => [`${cell.sheet}!${cell.address}`, cell]));

  const mismatches: Mismatch[] = [];
  let formulaCount = 0;
  for (const sheet of spec.sheets) {
    for (const block of sheet.blocks) {
      const origin = parseCellAddress(block.anchor);
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell?.formula) return;
          formulaCount++;
          const where = `${sheet.name}!${cellAddress({ row: origin.row + r, column: origin.column + c })}`;
          const computed = byAddress.get(where)?.result;
          if (!agrees(cell.result, computed)) mismatches.push({ where, predicted: cell.result, computed });
        }),
      );
    }
  }

  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output.xlsx);
  const names: Record<string, unknown> = {};
  for (const definedName of spec.names) {
    const match = /^='?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(definedName.refersTo);
    if (!match) continue;
    const cell = workbook.getWorksheet(match[1]!.replace(/''/g, "'"))?.getCell(`${match[2]}${match[3]}`);
    const value = cell?.type === ExcelJS.ValueType.Formula ? cell.result : cell?.value;
    names[definedName.name] = value;
  }

  const archive = await JSZip.loadAsync(readFileSync(output.xlsx));
  const chartParts = Object.keys(archive.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  return {
    errors: cells.filter((cell) => isErrorValue(cell.result)),
    mismatches,
    formulaCount,
    names,
    chartParts,
    pages: output.pages,
  };
}
