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
  it("reads ISO dates with a time, keeping the wall-clock time an offset is given with", () => {
    const result = parseDateColumn([
      "2027-03-05",
      "2027-03-05 14:30",
      "2027-03-05T23:30:00+02:00",
      "2027-03-05T08:00Z",
    ]);
    expect(values(result.cells)).toEqual([
      "2027-03-05",
      "2027-03-05T14:30:00Z",
      "2027-03-05T23:30:00Z",
      "2027-03-05T08:00:00Z",
    ]);
  });

  it("keeps a deal won on the evening of 31 March in New York in March, not on 1 April UTC", () => {
    expect(values(parseDateColumn(["2027-03-31T20:00:00-05:00", "2027-04-01T00:30:00+02:00"]).cells)).toEqual([
      "2027-03-31T20:00:00Z",
      "2027-04-01T00:30:00Z",
    ]);
  });

  it("refuses an offset no time zone has", () => {
    expect(values(parseDateColumn(["2027-03-31T20:00:00+15:00"]).cells)).toEqual(["!dateInvalid"]);
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

  it("refuses serials and .xlsx dates outside Excel's dates (the plan's 1900-03-01 to 9999-12-31)", () => {
    // 2958465 is 9999-12-31, Excel's last date; 2958465.5 is noon that day.
    const serials = parseDateColumn([61, 2958465, 2958465.5, 2958466, 3e6, 1e9, 1e12]);
    expect(values(serials.cells)).toEqual([
      "1900-03-01",
      "9999-12-31",
      "9999-12-31T12:00:00Z",
      "!dateRange",
      "!dateRange",
      "!dateRange",
      "!dateRange",
    ]);
    const dates = parseDateColumn([
      new Date(Date.UTC(1899, 11, 31)),
      new Date(Date.UTC(1900, 1, 28, 23, 59, 59)),
      new Date(Date.UTC(1900, 2, 1)),
      new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
      new Date(Date.UTC(10000, 0, 1)),
    ]);
    expect(values(dates.cells)).toEqual([
      "!dateRange",
      "!dateRange",
      "1900-03-01",
      "9999-12-31T23:59:59Z",
      "!dateRange",
    ]);
    // The wall-clock time is kept, so an offset never carries a date in range past either end.
    expect(
      values(
        parseDateColumn(["9999-12-31T23:30:00-02:00", "1900-03-01T00:30:00+02:00", "1900-02-28T23:30:00-02:00"]).cells,
      ),
    ).toEqual(["9999-12-31T23:30:00Z", "1900-03-01T00:30:00Z", "!dateRange"]);
    const [tooLate] = serials.cells.slice(3);
    if (!tooLate || tooLate.ok) throw new Error("2958466 should be refused");
    expect(formatCrmMessage(tooLate.key, tooLate.params, "en-US")).toBe(
      '"2958466" is outside the dates Excel counts correctly, 1900-03-01 to 9999-12-31',
    );
    expect(formatCrmMessage(tooLate.key, tooLate.params, "fr-FR")).toBe(
      "« 2958466 » est hors des dates qu’Excel compte juste, du 1900-03-01 au 9999-12-31",
    );
  });
});
