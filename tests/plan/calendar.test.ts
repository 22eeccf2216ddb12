import {
  fiscalQuarter,
  fiscalQuarterSpan,
  fromExcelSerial,
  horizonMonths,
  horizonQuarters,
  parseYearMonth,
  toExcelSerial,
  yearMonthOfSerial,
} from "../../src/plan";

describe("the fiscal calendar", () => {
  it("refuses a start month outside 1-12", () => {
    expect(() => fiscalQuarter({ year: 2027, month: 1 }, 13)).toThrow(
      "fiscalYearStartMonth must be a whole number from 1 to 12",
    );
  });

  it("names a January fiscal year after its calendar year", () => {
    expect(fiscalQuarter({ year: 2026, month: 1 }, 1).label).toBe("FY2026 Q1");
    expect(fiscalQuarter({ year: 2026, month: 12 }, 1).label).toBe("FY2026 Q4");
  });

  it("names other fiscal years after the calendar year in which they end", () => {
    expect(fiscalQuarter({ year: 2026, month: 4 }, 4).label).toBe("FY2027 Q1");
    expect(fiscalQuarter({ year: 2027, month: 3 }, 4).label).toBe("FY2027 Q4");
    expect(fiscalQuarter({ year: 2026, month: 7 }, 7).label).toBe("FY2027 Q1");
    expect(fiscalQuarter({ year: 2026, month: 6 }, 7).label).toBe("FY2026 Q4");
    expect(fiscalQuarter({ year: 2027, month: 2 }, 2).label).toBe("FY2028 Q1");
  });

  it("converts dates to Excel serials in UTC and back", () => {
    expect(toExcelSerial("1900-03-01")).toBe(61);
    expect(toExcelSerial("2027-01-01")).toBe(46388);
    expect(toExcelSerial("2024-02-29")).toBe(45351);
    expect(fromExcelSerial(46388)).toBe("2027-01-01");
    expect(fromExcelSerial(46388.75)).toBe("2027-01-01");
    expect(fromExcelSerial(2_958_465.5)).toBe("9999-12-31");
    expect(() => fromExcelSerial(2_958_466)).toThrow("must be an Excel date");
  });

  it("gives the calendar month of the date a serial names, over Excel's whole date range", () => {
    const serials = [61, 366, 367, 45351, 46387, 46388.999, 2_958_465];
    for (let serial = 61; serial <= 2_958_465; serial += 997) serials.push(serial);
    for (const serial of serials) {
      const [year, month] = fromExcelSerial(serial).split("-").map(Number);
      expect(yearMonthOfSerial(serial)).toEqual({ year, month });
    }
    expect(yearMonthOfSerial(46418)).toEqual({ year: 2027, month: 1 });
    expect(yearMonthOfSerial(46419)).toEqual({ year: 2027, month: 2 });
    expect(() => yearMonthOfSerial(60)).toThrow(
      "date must be an Excel date from 1900-03-01 (61) to 9999-12-31 (2958465)",
    );
  });

  it("refuses dates that are not real or that Excel's 1900 leap-year bug makes ambiguous", () => {
    expect(() => toExcelSerial("2027-02-30")).toThrow('date must be a real date written YYYY-MM-DD (got "2027-02-30")');
    expect(() => toExcelSerial("1900-02-28")).toThrow("date must be 1900-03-01 or later");
    expect(() => parseYearMonth("2027-13")).toThrow('month must be written YYYY-MM (got "2027-13")');
  });

  it("groups a horizon's months into fiscal quarters, including a partial first quarter", () => {
    const months = horizonMonths("2027-02", 12, 1);
    const quarters = horizonQuarters(months);
    expect(quarters.map((q) => q.label)).toEqual(["FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2027 Q4", "FY2028 Q1"]);
    expect(quarters[0]?.monthIndices).toEqual([0, 1]);
    expect(quarters[4]?.monthIndices).toEqual([11]);
    expect(quarters[1]?.startSerial).toBe(toExcelSerial("2027-04-01"));
    expect(quarters[1]?.endSerial).toBe(toExcelSerial("2027-07-01"));
  });

  it("gives the whole fiscal quarter of a month, from its first day to the day after its last", () => {
    expect(fiscalQuarterSpan({ year: 2027, month: 2 }, 1)).toEqual({
      startSerial: toExcelSerial("2027-01-01"),
      endSerial: toExcelSerial("2027-04-01"),
    });
    // With a February fiscal start, December 2027 is in the quarter November 2027 to January 2028.
    expect(fiscalQuarterSpan({ year: 2027, month: 12 }, 2)).toEqual({
      startSerial: toExcelSerial("2027-11-01"),
      endSerial: toExcelSerial("2028-02-01"),
    });
    expect(fiscalQuarterSpan({ year: 2027, month: 7 }, 7)).toEqual({
      startSerial: toExcelSerial("2027-07-01"),
      endSerial: toExcelSerial("2027-10-01"),
    });
  });
});
