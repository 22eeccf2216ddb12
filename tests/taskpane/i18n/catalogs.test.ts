import { en } from "../../../src/taskpane/i18n/en";
import { fr } from "../../../src/taskpane/i18n/fr";
import { languageForDisplayLanguage } from "../../../src/taskpane/i18n/language";

/** Every entry of a catalog as its key path ("fields/meta.planName") and its value. */
function entries(value: unknown, prefix = ""): [string, unknown][] {
  if (value === null || typeof value !== "object") return [[prefix, value]];
  return Object.entries(value).flatMap(([key, item]) => entries(item, prefix ? `${prefix}/${key}` : key));
}

describe("the string catalogs", () => {
  it("hold the same keys in English and French", () => {
    expect(entries(fr).map(([path]) => path)).toEqual(entries(en).map(([path]) => path));
  });

  it("translate every sentence (names, codes and words spelled alike in both languages aside)", () => {
    const french = new Map(entries(fr));
    const same = entries(en)
      .filter(([path, value]) => typeof value === "string" && value.includes(" ") && french.get(path) === value)
      .map(([path]) => path);
    expect(same).toEqual(["app/title"]);
  });

  it("follow a French display language in any region, English otherwise", () => {
    expect(languageForDisplayLanguage("fr-CA")).toBe("fr-FR");
    expect(languageForDisplayLanguage("fr")).toBe("fr-FR");
    expect(languageForDisplayLanguage("de-DE")).toBe("en-US");
    expect(languageForDisplayLanguage("en-GB")).toBe("en-US");
  });
});
