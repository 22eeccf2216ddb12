import { functionMessages, renderFunctionMessage, type FunctionMessageKey } from "../../src/functions/messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the functions' message catalog", () => {
  it("has every message in English and French, with the same placeholders", () => {
    const english = functionMessages["en-US"];
    const french = functionMessages["fr-FR"];
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english) as FunctionMessageKey[]) {
      expect([key, placeholders(french[key])]).toEqual([key, placeholders(english[key])]);
    }
  });

  it("translates every message that has words to translate", () => {
    const english = functionMessages["en-US"];
    const french = functionMessages["fr-FR"];
    const neutral = new Set<FunctionMessageKey>(["gotNumber"]);
    for (const key of Object.keys(english) as FunctionMessageKey[]) {
      if (!neutral.has(key)) expect([key, french[key]]).not.toEqual([key, english[key]]);
    }
  });

  it("fills placeholders and writes numbers with a decimal comma in French", () => {
    expect(renderFunctionMessage("en-US", "vector", { subject: "weights", rows: 2, columns: 3 })).toBe(
      "weights must be a single row or column (got 2 rows × 3 columns)",
    );
    expect(renderFunctionMessage("fr-FR", "gotNumber", { number: 2.5 })).toBe("2,5");
    expect(renderFunctionMessage("en-US", "gotNumber", { number: 2.5 })).toBe("2.5");
  });

  it("leaves a placeholder without a value visible rather than inventing one", () => {
    expect(renderFunctionMessage("en-US", "item", { argument: "hires" })).toBe("item {index} of hires");
  });
});
