import { deletePath, getPath, parsePath, setPath } from "../../src/workbook/field-path";

describe("plan paths", () => {
  it("parse dots and brackets", () => {
    expect(parsePath("objectives.funnel[2].conversionRate")).toEqual(["objectives", "funnel", 2, "conversionRate"]);
    expect(parsePath("target.kind")).toEqual(["target", "kind"]);
  });

  it("set values, creating objects and arrays on the way, and read them back", () => {
    const root: Record<string, unknown> = {};
    setPath(root, parsePath("a.list[1].b"), 3);
    expect(root).toEqual({ a: { list: [undefined, { b: 3 }] } });
    expect(getPath(root, parsePath("a.list[1].b"))).toBe(3);
    expect(getPath(root, parsePath("a.missing.b"))).toBeUndefined();
  });

  it("delete a field, and ignore a path that does not exist", () => {
    const root: Record<string, unknown> = { a: { b: 1, c: 2 } };
    deletePath(root, ["a", "b"]);
    deletePath(root, ["x", "y"]);
    expect(root).toEqual({ a: { c: 2 } });
  });

  it("writes a key named __proto__ as an ordinary field", () => {
    const root: Record<string, unknown> = {};
    setPath(root, ["__proto__"], 1);
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.keys(root)).toEqual(["__proto__"]);
  });
});
