import { convertCell, describeCell, formatNumber } from "../../src/workbook/cell-values";
import { layoutText } from "../../src/workbook/i18n";

const en = layoutText("en-US");
const fr = layoutText("fr-FR");

describe("converting a cell back to a plan value", () => {
  it("reads numbers, numeric text, and treats an empty cell as absent", () => {
    expect(convertCell(12.5, { type: "number" }, en)).toEqual({ ok: true, present: true, value: 12.5 });
    expect(convertCell(" 1e3 ", { type: "number" }, en)).toEqual({ ok: true, present: true, value: 1000 });
    expect(convertCell(null, { type: "number" }, en)).toEqual({ ok: true, present: false });
    expect(convertCell("  ", { type: "number", optional: true }, en)).toEqual({ ok: true, present: false });
    expect(convertCell("#DIV/0!", { type: "number" }, en)).toEqual({ ok: false, problem: "must be a number" });
    expect(convertCell(true, { type: "number" }, fr)).toEqual({ ok: false, problem: "doit être un nombre" });
  });

  it("reads dates from serials or ISO text", () => {
    expect(convertCell(46388, { type: "date" }, en)).toEqual({ ok: true, present: true, value: "2027-01-01" });
    expect(convertCell("2027-03-31", { type: "date" }, en)).toEqual({ ok: true, present: true, value: "2027-03-31" });
    expect(convertCell(12, { type: "date" }, en)).toEqual({ ok: false, problem: "must be a date" });
    expect(convertCell("31/03/2027", { type: "date" }, fr)).toEqual({ ok: false, problem: "doit être une date" });
  });

  it("reads choices by their label, in any case, or by their value", () => {
    const binding = { type: "enum" as const, options: { high: "Haute", low: "Basse" } };
    expect(convertCell("Haute", binding, fr)).toEqual({ ok: true, present: true, value: "high" });
    expect(convertCell(" basse ", binding, fr)).toEqual({ ok: true, present: true, value: "low" });
    expect(convertCell("low", binding, fr)).toEqual({ ok: true, present: true, value: "low" });
    expect(convertCell("Moyenne", binding, fr)).toEqual({
      ok: false,
      problem: "doit être l'une des valeurs : Haute, Basse",
    });
  });

  it("splits text lists on line breaks and drops blank lines", () => {
    expect(convertCell("a\r\nb\n\n c ", { type: "textList" }, en)).toEqual({
      ok: true,
      present: true,
      value: ["a", "b", " c "],
    });
    expect(convertCell(null, { type: "textList" }, en)).toEqual({ ok: true, present: true, value: [] });
  });

  it("keeps text exactly, numbers as their digits, and an empty required text as empty", () => {
    expect(convertCell("\t=1+1", { type: "text" }, en)).toEqual({ ok: true, present: true, value: "\t=1+1" });
    expect(convertCell(2027, { type: "text" }, en)).toEqual({ ok: true, present: true, value: "2027" });
    expect(convertCell(null, { type: "text" }, en)).toEqual({ ok: true, present: true, value: "" });
  });

  it("reads flags as booleans, 1 and 0, or TRUE/FALSE words in English and French", () => {
    expect(convertCell(true, { type: "boolean" }, en)).toEqual({ ok: true, present: true, value: true });
    expect(convertCell("faux", { type: "boolean" }, fr)).toEqual({ ok: true, present: true, value: false });
    expect(convertCell(1, { type: "boolean" }, en)).toEqual({ ok: true, present: true, value: true });
    expect(convertCell("maybe", { type: "boolean" }, en)).toEqual({ ok: false, problem: "must be TRUE or FALSE" });
  });
});

describe("showing a cell in a message", () => {
  it("writes percentages, decimals in the plan's language, and text in quotes", () => {
    expect(describeCell(1.4, true, "en-US", en)).toBe("140 %");
    expect(describeCell(0.125, true, "fr-FR", fr)).toBe("12,5 %");
    expect(describeCell("abc", false, "en-US", en)).toBe('"abc"');
    expect(describeCell(false, false, "fr-FR", fr)).toBe("FAUX");
    expect(formatNumber(1234.5, "fr-FR")).toBe("1234,5");
  });

  it("keeps the significant digits of a tiny value: a cell holding 1E-9 is 0.0000001 %, not 0 %", () => {
    expect(describeCell(1e-9, true, "en-US", en)).toBe("0.0000001 %");
    expect(describeCell(1e-9, true, "fr-FR", fr)).toBe("0,0000001 %");
    expect(describeCell(1.23456789e-10, false, "en-US", en)).toBe("0.000000000123457");
    expect(describeCell(-2e-8, false, "en-US", en)).toBe("-0.00000002");
    expect(formatNumber(1e-300, "fr-FR")).toBe("1E-300");
    expect(formatNumber(1 / 3, "en-US")).toBe("0.333333");
    expect(formatNumber(0.1 + 0.2, "en-US")).toBe("0.3");
  });
});
