import { formatCrmMessage, parseAmountColumn, parseDateColumn, type CellResult } from "../../src/crm";

const values = <T>(cells: readonly (CellResult<T> | null)[]): (T | string | null)[] =>
  cells.map((cell) => (cell === null ? null : cell.ok ? cell.value : `!${cell.key}`));

describe("parseAmountColumn", () => {
  it("reads decimal commas with space, no-break space and narrow no-break space thousands", () => {
    const result = parseAmountColumn(["1 234,56", "1\u00A0234,5", "12\u202F345\u202F678,9", "0,75"]);
    expect(values(result.cells)).toEqual([1234.56, 1234.5, 12345678.9, 0.75]);
    expect(result.question).toBeNull();
  });

  it("reads decimal points with comma thousands, and dot thousands with a decimal comma", () => {
    expect(values(parseAmountColumn(["1,234.56", "99.5"]).cells)).toEqual([1234.56, 99.5]);
    expect(values(parseAmountColumn(["1.234,56", "12,5"]).cells)).toEqual([1234.56, 12.5]);
  });

  it("strips currency symbols and codes and reads signs and parentheses", () => {
    const result = parseAmountColumn(["€1,200.00", "USD 300", "-45.5", "(10.00)", "£7", "CHF 1'000.50"]);
    expect(values(result.cells)).toEqual([1200, 300, -45.5, -10, 7, 1000.5]);
    expect(values(parseAmountColumn(["1 200,00 €", "EUR 3,5", "-0,5"]).cells)).toEqual([1200, 3.5, -0.5]);
  });

  it("takes numbers from .xlsx as they are and skips blanks", () => {
    expect(values(parseAmountColumn([1234.5, null, "  "]).cells)).toEqual([1234.5, null, null]);
  });

  it("refuses a value that fits both conventions when nothing in the column decides, and asks", () => {
    const result = parseAmountColumn(["1,234", "2,500", "300"]);
    expect(values(result.cells)).toEqual(["!amountAmbiguous", "!amountAmbiguous", 300]);
    expect(result.question).toEqual({ kind: "decimalSeparator", examples: ["1,234", "2,500"] });
    const first = result.cells[0]!;
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(formatCrmMessage(first.key, first.params, "en-US")).toBe(
        '"1,234" could be 1234 or 1.234; choose the decimal separator of this column ("." or ",")',
      );
    }
  });

  it("reads the ambiguous values with the convention the rest of the column shows", () => {
    expect(values(parseAmountColumn(["1,234", "5,5"]).cells)).toEqual([1.234, 5.5]);
    expect(values(parseAmountColumn(["1,234", "5.50"]).cells)).toEqual([1234, 5.5]);
  });

  it("reads them with the decimal separator the user chose", () => {
    expect(values(parseAmountColumn(["1,234"], ",").cells)).toEqual([1.234]);
    expect(values(parseAmountColumn(["1,234"], ".").cells)).toEqual([1234]);
  });

  it("refuses a value against the column's convention, and text that is no amount", () => {
    const result = parseAmountColumn(["1 234,56", "2 000,00", "1,234.56", "12,5,0", "abc", "1,23,456.00"]);
    expect(values(result.cells)).toEqual([1234.56, 2000, "!amountConvention", "!amount", "!amount", "!amount"]);
  });
});

describe("parseDateColumn", () => {
  it("reads ISO dates, with a time and an offset converted to UTC", () => {
    const result = parseDateColumn([
      "2027-03-05",
      "2027-03-05 14:30",
      "2027-03-05T23:30:00+02:00",
      "2027-03-05T08:00Z",
    ]);
    expect(values(result.cells)).toEqual([
      "2027-03-05",
      "2027-03-05T14:30:00Z",
      "2027-03-05T21:30:00Z",
      "2027-03-05T08:00:00Z",
    ]);
  });

  it("finds day/month order from a day above 12 and applies it to the whole column", () => {
    expect(values(parseDateColumn(["05/03/2027", "25/12/2027"]).cells)).toEqual(["2027-03-05", "2027-12-25"]);
    expect(values(parseDateColumn(["03/05/2027", "12/25/2027 09:15"]).cells)).toEqual([
      "2027-03-05",
      "2027-12-25T09:15:00Z",
    ]);
  });

  it("asks for the order when every day is 12 or less, never guessing", () => {
    const result = parseDateColumn(["05/03/2027", "01/02/2027", "07/07/2027"]);
    expect(values(result.cells)).toEqual(["!dateAmbiguous", "!dateAmbiguous", "2027-07-07"]);
    expect(result.question).toEqual({ kind: "dateOrder", examples: ["05/03/2027", "01/02/2027"] });
  });

  it("reads ambiguous dates with the order the user chose", () => {
    expect(values(parseDateColumn(["05/03/2027"], "dmy").cells)).toEqual(["2027-03-05"]);
    expect(values(parseDateColumn(["05/03/2027"], "mdy").cells)).toEqual(["2027-05-03"]);
    expect(values(parseDateColumn(["25/03/2027"], "mdy").cells)).toEqual(["!dateOrderConflict"]);
  });

  it("reads Excel serials (with a time part) and .xlsx dates in UTC", () => {
    // 45292 is 2024-01-01 in Excel's 1900 date system.
    const result = parseDateColumn([45292, 45292.5, new Date(Date.UTC(2027, 2, 5)), new Date(Date.UTC(2027, 2, 5, 9))]);
    expect(values(result.cells)).toEqual(["2024-01-01", "2024-01-01T12:00:00Z", "2027-03-05", "2027-03-05T09:00:00Z"]);
  });

  it("refuses impossible dates, dates before 1900-03-01 and text that is no date", () => {
    const result = parseDateColumn(["2027-02-30", "31/04/2027", "1900-01-15", 59, "next week", "2027-03-05 25:00"]);
    expect(values(result.cells)).toEqual([
      "!dateInvalid",
      "!dateInvalid",
      "!dateRange",
      "!dateRange",
      "!date",
      "!dateInvalid",
    ]);
  });
});
