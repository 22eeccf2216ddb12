import { literalText, needsQuotePrefix } from "../../src/workbook/text";

describe("literalText keeps user text as text when Excel would read it as something else", () => {
  it.each([
    ["a formula", '=HYPERLINK("http://x","y")'],
    ["a sign-led formula", "+33 1 23 45 67 89"],
    ["a minus-led formula", "-5"],
    ["an at-led formula", "@SUM(A1)"],
    ["a leading tab", "\tcmd"],
    ["a leading carriage return", "\rcmd"],
    ["a number with leading zeros", "007"],
    ["a decimal", "0.5"],
    ["a spaced number", " 42"],
    ["a percentage", "50%"],
    ["an amount", "$1,200"],
    ["an amount in euros", "€5"],
    ["an accounting negative", "(5)"],
    ["a fraction or a date", "1/2"],
    ["an ISO date", "2027-01-15"],
    ["a time", "12:30"],
    ["a boolean", "TRUE"],
    ["a French boolean", "faux"],
    ["an error literal", "#N/A"],
    ["a division error literal", "#DIV/0!"],
    ["an English month and year", "Jan 2027"],
    ["a French month and year", "déc. 2027"],
    ["a month and day", "March-5"],
  ])("prefixes %s", (_, text) => {
    expect(needsQuotePrefix(text)).toBe(true);
    expect(literalText(text)).toBe(`'${text}`);
  });

  it.each([
    ["a word", "Prospecting"],
    ["a sentence with numbers inside", "Send 200 emails a day"],
    ["a month name alone", "March"],
    ["a word that starts like a month", "Decision maker"],
    ["a hashtag-like word with spaces", "# of meetings"],
    ["an empty string", ""],
  ])("leaves %s untouched", (_, text) => {
    expect(needsQuotePrefix(text)).toBe(false);
    expect(literalText(text)).toBe(text);
  });
});
