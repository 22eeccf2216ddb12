import { excelSupport, FEATURE_REQUIREMENTS } from "../../src/excel/requirements";

describe("requirement sets", () => {
  it("answers per feature from the host's requirement sets, asking once per version", () => {
    const asked: string[] = [];
    const support = excelSupport((name, version) => {
      asked.push(`${name} ${version}`);
      return Number(version.split(".")[1]) <= 7;
    });
    expect(support.minimum).toBe(true);
    expect(support.has("worksheetCopy")).toBe(true);
    expect(support.has("dataValidation")).toBe(false);
    expect(support.has("frozenPanes")).toBe(true);
    expect(support.supportsVersion("1.9")).toBe(false);
    expect(asked.filter((entry) => entry === "ExcelApi 1.7")).toHaveLength(1);
  });

  it("treats a host whose check throws as lacking the set", () => {
    const support = excelSupport(() => {
      throw new Error("no requirements API");
    });
    expect(support.minimum).toBe(false);
    expect(support.has("planStorage")).toBe(false);
  });

  it("names the documented version of each feature", () => {
    expect(FEATURE_REQUIREMENTS).toMatchObject({
      planStorage: "1.5",
      conditionalFormats: "1.6",
      worksheetCopy: "1.7",
      dataValidation: "1.8",
      printSettings: "1.9",
      suspendScreenUpdating: "1.9",
      worksheetCustomProperties: "1.12",
    });
  });
});
