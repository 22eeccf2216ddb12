import { tokens } from "@fluentui/react-components";
import { tokenVar, type PlainTokenName } from "../../src/taskpane/token-var";

describe("a design token as a CSS variable", () => {
  it("is exactly what Fluent's tokens hold, for every token but the z-index ones (which carry a fallback)", () => {
    const names = Object.keys(tokens).filter((name) => !name.startsWith("zIndex")) as PlainTokenName[];
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => tokenVar(name) !== tokens[name])).toEqual([]);
  });
});
