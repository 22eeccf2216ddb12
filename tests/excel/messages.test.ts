import { excelMessage, excelMessages, localeForLanguage } from "../../src/excel/messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the adapter's message catalog", () => {
  it("gives every message the same placeholders in French as in English", () => {
    for (const [key, english] of Object.entries(excelMessages["en-US"])) {
      const french = excelMessages["fr-FR"][key as keyof (typeof excelMessages)["fr-FR"]];
      expect([key, placeholders(french)]).toEqual([key, placeholders(english)]);
    }
  });

  it("fills placeholders and leaves a missing one visible", () => {
    expect(excelMessage("en-US", "sheetClash", { name: "Plan" })).toContain("“Plan”");
    expect(excelMessage("en-US", "sheetClash")).toContain("“{name}”");
  });

  it("maps display languages to the plan locales", () => {
    expect(localeForLanguage("fr-CA")).toBe("fr-FR");
    expect(localeForLanguage("FR")).toBe("fr-FR");
    expect(localeForLanguage("de-DE")).toBe("en-US");
    expect(localeForLanguage(undefined)).toBe("en-US");
  });
});
