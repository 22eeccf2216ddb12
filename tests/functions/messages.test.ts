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

  it("writes numbers in the user's number format, as the plan's messages do, keeping tiny and huge ones exact", () => {
    const tooMany = { subject: "weights", limit: 100_000, count: 1_048_576 };
    expect(renderFunctionMessage("en-US", "tooManyCells", tooMany)).toBe(
      "weights must hold at most 100,000 cells (got 1,048,576)",
    );
    // The narrow no-break space of formatMessageNumber (src/plan/messages.ts) groups French thousands.
    expect(renderFunctionMessage("fr-FR", "tooManyCells", tooMany)).toBe(
      "weights doit contenir au plus 100\u202F000 cellules (reçu : 1\u202F048\u202F576)",
    );
    expect(renderFunctionMessage("fr-FR", "gotNumber", { number: -1234.5 })).toBe("-1\u202F234,5");
    // Written out, 1E-300 would round to 0 and 1E308 would take 309 digits: they keep their exponent.
    expect(renderFunctionMessage("en-US", "gotNumber", { number: 1e-300 })).toBe("1e-300");
    expect(renderFunctionMessage("fr-FR", "gotNumber", { number: 1.5e308 })).toBe("1,5e+308");
    expect(functionMessages["en-US"].date).toContain("from 61 to 2,958,465");
    expect(functionMessages["fr-FR"].date).toContain("de 61 à 2\u202F958\u202F465");
  });

  it("leaves a placeholder without a value visible rather than inventing one", () => {
    expect(renderFunctionMessage("en-US", "item", { argument: "hires" })).toBe("item {index} of hires");
  });
});
