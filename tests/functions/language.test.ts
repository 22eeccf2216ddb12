import { headcount } from "../../src/functions/functions";
import { messageLocaleFor, officeDisplayLanguage } from "../../src/functions/language";
import { valueError } from "../helpers/custom-functions";

const scope = globalThis as { Office?: unknown };

function withOffice(office: unknown, run: () => void): void {
  const previous = scope.Office;
  scope.Office = office;
  try {
    run();
  } finally {
    if (previous === undefined) delete scope.Office;
    else scope.Office = previous;
  }
}

describe("the functions' message language", () => {
  it("is French for any French display language and English otherwise", () => {
    expect(["fr-FR", "fr-CA", "FR-be", "fr"].map(messageLocaleFor)).toEqual(["fr-FR", "fr-FR", "fr-FR", "fr-FR"]);
    expect(["en-US", "de-DE", "fy-NL", "", undefined, null].map(messageLocaleFor)).toEqual(
      Array<string>(6).fill("en-US"),
    );
  });

  it("is English outside Office, where no display language is known", () => {
    expect(officeDisplayLanguage()).toBeUndefined();
    expect(valueError(() => headcount(200, 0))).toBe("capacity_per_person must be greater than 0");
  });

  it("follows Office's display language at every call", () => {
    withOffice({ context: { displayLanguage: "fr-FR" } }, () => {
      expect(officeDisplayLanguage()).toBe("fr-FR");
      expect(valueError(() => headcount(200, 0))).toBe("capacity_per_person doit être supérieur à 0");
    });
    withOffice({ context: { displayLanguage: "en-GB" } }, () => {
      expect(valueError(() => headcount(200, 0))).toBe("capacity_per_person must be greater than 0");
    });
  });

  it("falls back to English while Office has not initialized its context", () => {
    withOffice({}, () => expect(officeDisplayLanguage()).toBeUndefined());
    const throwing = {
      get context(): never {
        throw new Error("Office.context is not available yet");
      },
    };
    withOffice(throwing, () => expect(valueError(() => headcount(200, 0))).toMatch(/^capacity_per_person must/));
  });
});
