import { numberToText, textToNumber } from "../../../src/taskpane/draft/numbers";

describe("textToNumber", () => {
  it.each([
    ["1200000", 1_200_000],
    ["1 200 000", 1_200_000],
    ["1\u202f200\u202f000", 1_200_000],
    ["1,200,000", 1_200_000],
    ["1.200.000,5", 1_200_000.5],
    ["0.5", 0.5],
    ["-3", -3],
  ])("reads %j as %d", (text, expected) => {
    expect(textToNumber(text, "plain")).toBe(expected);
  });

  it("reads a comma as the decimal separator in French and as thousands in English", () => {
    expect(textToNumber("1,200", "plain", ",")).toBe(1.2);
    expect(textToNumber("1,200", "plain", ".")).toBe(1200);
    expect(textToNumber("0,5", "plain", ".")).toBe(0.5);
    expect(textToNumber("0,125", "plain", ".")).toBe(0.125);
    expect(textToNumber("12,500", "plain", ".")).toBe(12500);
  });

  it("turns a percentage into the fraction the plan stores, without binary noise", () => {
    expect(textToNumber("7", "percent")).toBe(0.07);
    expect(textToNumber("62,5 %", "percent", ",")).toBe(0.625);
  });

  it("keeps the 15 significant digits Excel keeps in a typed percentage", () => {
    expect(textToNumber("33.3333333333333", "percent")).toBe(0.333333333333333);
    expect(numberToText(0.333333333333333, "percent", ".")).toBe("33.3333333333333");
  });

  it("leaves an empty field out and marks text that is not a number", () => {
    expect(textToNumber("  ", "plain")).toBeUndefined();
    expect(textToNumber("forty", "plain")).toBeNaN();
    expect(textToNumber("12abc", "percent")).toBeNaN();
  });
});

describe("numberToText", () => {
  it("shows fractions as percentages and uses the language's decimal separator", () => {
    expect(numberToText(0.07, "percent", ".")).toBe("7");
    expect(numberToText(0.625, "percent", ",")).toBe("62,5");
    expect(numberToText(1.5, "plain", ",")).toBe("1,5");
  });

  it("shows nothing for a missing or unreadable value", () => {
    expect(numberToText(undefined, "plain", ".")).toBe("");
    expect(numberToText(Number.NaN, "plain", ".")).toBe("");
    expect(numberToText("12", "plain", ".")).toBe("");
  });
});
