import { readFileSync } from "node:fs";
import path from "node:path";
import { OFFICE_FRENCH_LOCALES, messageLocaleFor } from "../../src/functions/language";
import { languageForDisplayLanguage } from "../../src/taskpane/i18n/language";
import { parseManifest, type ManifestElement } from "../../scripts/manifest-checks";

/**
 * French is chosen in three places: the manifest's overrides (the add-in's name, description, ribbon strings and the
 * functions metadata Excel shows while typing a formula), the function messages (src/functions/language.ts) and the
 * task pane (src/taskpane/i18n/language.ts). A French Office must get French from all three, or a user reads English
 * descriptions and French errors. The French display languages Office has are fr-FR and fr-CA ("Languages, culture
 * codes, and companion proofing languages", MicrosoftDocs/OfficeDocs-DeployOffice:
 * microsoft-365-apps/deploy/overview-deploying-languages-microsoft-365-apps.md), and a manifest can only localize
 * for the locales Office supports (office-js-docs-pr: docs/develop/localization.md).
 */

const repoRoot = path.resolve(__dirname, "..", "..");
const manifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");

/** Office's other display languages, from the same table (a sample across scripts and regions). */
const OTHER_OFFICE_LANGUAGES = [
  "en-US",
  "de-DE",
  "es-ES",
  "es-MX",
  "nl-NL",
  "it-IT",
  "pt-BR",
  "ar-SA",
  "lb-LU",
  "rm-CH",
];

function* walk(element: ManifestElement): Generator<ManifestElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

function localizedElements(): ManifestElement[] {
  const { root } = parseManifest(manifest);
  if (!root) throw new Error("manifest.xml does not parse");
  return [...walk(root)].filter((element) => element.children.some((child) => child.name === "Override"));
}

function nameOf(element: ManifestElement): string {
  return element.attributes.id ? `${element.path}#${element.attributes.id}` : element.path;
}

describe("the French locales", () => {
  it("are the two French display languages Office has", () => {
    expect([...OFFICE_FRENCH_LOCALES]).toEqual(["fr-FR", "fr-CA"]);
  });

  it("each have an override, with the same French value, on every element the manifest localizes", () => {
    const elements = localizedElements();
    expect(elements.map(nameOf)).toEqual(
      expect.arrayContaining([
        "OfficeApp/DisplayName",
        "OfficeApp/Description",
        "OfficeApp/VersionOverrides/Resources/Urls/Url#Functions.Metadata.Url",
        "OfficeApp/VersionOverrides/Resources/ShortStrings/String#SalesPlanGroup.Label",
      ]),
    );
    for (const element of elements) {
      const overrides = element.children.filter((child) => child.name === "Override");
      const locales = overrides.map((override) => override.attributes.Locale);
      expect([nameOf(element), locales]).toEqual([nameOf(element), [...OFFICE_FRENCH_LOCALES]]);
      const values = new Set(overrides.map((override) => override.attributes.Value));
      expect([nameOf(element), values.size]).toEqual([nameOf(element), 1]);
    }
  });

  it("point every French Excel at the French functions metadata", () => {
    const metadata = localizedElements().find((e) => e.attributes.id === "Functions.Metadata.Url");
    const overrides = metadata?.children.filter((child) => child.name === "Override") ?? [];
    expect(overrides.map((o) => [o.attributes.Locale, o.attributes.Value])).toEqual(
      OFFICE_FRENCH_LOCALES.map((locale) => [locale, "https://localhost:3000/functions-fr.json"]),
    );
  });

  it("get French function messages and a French task pane", () => {
    for (const locale of OFFICE_FRENCH_LOCALES) {
      expect([locale, messageLocaleFor(locale), languageForDisplayLanguage(locale)]).toEqual([
        locale,
        "fr-FR",
        "fr-FR",
      ]);
    }
  });

  it("are the only locales that get French: Office's other languages get English everywhere, with no override", () => {
    const overridden = new Set(
      localizedElements().flatMap((e) =>
        e.children.filter((c) => c.name === "Override").map((c) => c.attributes.Locale),
      ),
    );
    for (const locale of OTHER_OFFICE_LANGUAGES) {
      expect([locale, messageLocaleFor(locale), languageForDisplayLanguage(locale), overridden.has(locale)]).toEqual([
        locale,
        "en-US",
        "en-US",
        false,
      ]);
    }
  });
});
