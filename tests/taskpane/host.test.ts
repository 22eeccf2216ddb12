import { themeForBackground } from "../../src/taskpane/host";

describe("themeForBackground", () => {
  it.each([
    ["#FFFFFF", "light"],
    ["#E6E6E6", "light"],
    ["#262626", "dark"],
    ["#000000", "dark"],
    ["#6B6B6B", "dark"],
  ] as const)("treats an Office body background of %s as %s", (colour, theme) => {
    expect(themeForBackground(colour)).toBe(theme);
  });

  it("falls back to light for a missing or malformed colour", () => {
    expect(themeForBackground(undefined)).toBe("light");
    expect(themeForBackground("white")).toBe("light");
  });
});
