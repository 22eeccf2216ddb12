/**
 * The requirement sets as one set of facts: the manifest's minimum, the adapter's minimum, the version tag of every
 * Office.js member the port uses (@types/office-js), the guard before each member above the minimum
 * (requirements.ts), the fake's per-member checks, and the review table in docs/excel-compatibility.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FEATURE_REQUIREMENTS, guardVersion, MEMBER_GUARDS, MINIMUM_EXCEL_API } from "../../src/excel/requirements";
import { compareVersions, excelApiTags, officeApiMembersUsed } from "./office-api-scan";

const repoRoot = path.resolve(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

const members = officeApiMembersUsed();

describe("the ExcelApi requirement sets", () => {
  it("has the manifest's ExcelApi minimum as the adapter's minimum", () => {
    const declared = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"\s*\/>/.exec(read("manifest.xml"))?.[1];
    expect(declared).toBe(MINIMUM_EXCEL_API);
  });

  it("finds an ExcelApi tag for every member of the port", () => {
    expect(members.length).toBeGreaterThan(100);
    expect(members.filter((member) => member.version === undefined).map((member) => member.member)).toEqual([]);
  });

  it("guards every member above the minimum with a check of its set or a later one", () => {
    const unguarded = members
      .filter((member) => compareVersions(member.version!, MINIMUM_EXCEL_API) > 0)
      .filter((member) => {
        const guard = MEMBER_GUARDS[member.member];
        return guard === undefined || compareVersions(guardVersion(guard), member.version!) < 0;
      })
      .map((member) => `${member.member} (ExcelApi ${member.version}, guard ${MEMBER_GUARDS[member.member]})`);
    expect(unguarded).toEqual([]);
  });

  it("lists no guard for a member the port does not use or that needs no guard", () => {
    const needed = new Set(
      members.filter((member) => compareVersions(member.version!, MINIMUM_EXCEL_API) > 0).map((m) => m.member),
    );
    expect(Object.keys(MEMBER_GUARDS).filter((member) => !needed.has(member))).toEqual([]);
  });

  it("gives each feature the documented set of the newest member it guards, no later", () => {
    const newest = new Map<string, string>();
    for (const member of members) {
      const guard = MEMBER_GUARDS[member.member];
      if (guard === undefined || guard.startsWith("charts ")) continue;
      const known = newest.get(guard);
      if (known === undefined || compareVersions(member.version!, known) > 0) newest.set(guard, member.version!);
    }
    const features = Object.keys(FEATURE_REQUIREMENTS) as (keyof typeof FEATURE_REQUIREMENTS)[];
    const mismatched = features
      .filter((feature) => newest.has(feature) && newest.get(feature) !== FEATURE_REQUIREMENTS[feature])
      .map((feature) => `${feature}: ${FEATURE_REQUIREMENTS[feature]}, members up to ${newest.get(feature)}`);
    expect(mismatched).toEqual([]);
    // planStorage is the minimum itself: its members need no guard.
    expect(features.filter((feature) => !newest.has(feature))).toEqual(["planStorage"]);
  });

  it("ties each feature to the tag of the member it is named after", () => {
    const tags = excelApiTags();
    expect(tags.get("Range.getSpillingToRangeOrNullObject")).toBe(FEATURE_REQUIREMENTS.spillRanges);
    expect(tags.get("Worksheet.copy")).toBe(FEATURE_REQUIREMENTS.worksheetCopy);
    expect(tags.get("Worksheet.pageLayout")).toBe(FEATURE_REQUIREMENTS.printSettings);
    expect(tags.get("Range.dataValidation")).toBe(FEATURE_REQUIREMENTS.dataValidation);
    expect(tags.get("Range.conditionalFormats")).toBe(FEATURE_REQUIREMENTS.conditionalFormats);
    expect(tags.get("Workbook.customXmlParts")).toBe(FEATURE_REQUIREMENTS.planStorage);
    expect(tags.get("Worksheet.customProperties")).toBe(FEATURE_REQUIREMENTS.worksheetCustomProperties);
  });

  it("makes the fake refuse each member below the version its typings give", () => {
    const tags = excelApiTags();
    const fake = read("tests/excel/fake-excel.ts");
    const checks = [...fake.matchAll(/requires\((\d+), "([A-Za-z]+\.[A-Za-z]+)"\)/g)].map(([, minor, member]) => ({
      member: member!,
      version: `1.${minor}`,
    }));
    expect(checks.length).toBeGreaterThan(15);
    const wrong = checks
      .filter((check) => tags.has(check.member) && tags.get(check.member) !== check.version)
      .map((check) => `${check.member}: fake ${check.version}, typings ${tags.get(check.member)}`);
    expect(wrong).toEqual([]);
  });

  it("has a row in docs/excel-compatibility.md for every member above the minimum", () => {
    const table = read("docs/excel-compatibility.md");
    const missing = Object.keys(MEMBER_GUARDS).filter((member) => !table.includes(`\`${member}\``));
    expect(missing).toEqual([]);
  });
});
