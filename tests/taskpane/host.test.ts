import { detectHost, themeForBackground } from "../../src/taskpane/host";

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

describe("detectHost inside Excel", () => {
  // The members of Office.context the pane reads (office-js typings: Office.Context.platform, partitionKey,
  // requirements.isSetSupported, ui.openBrowserWindow); everything else is absent.
  function officeOn(platform: string, sets: readonly string[], partitionKey: string | undefined) {
    const openBrowserWindow = jest.fn();
    (globalThis as { Office?: unknown }).Office = {
      onReady: () => Promise.resolve({ host: "Excel", platform }),
      HostType: { Excel: "Excel" },
      PlatformType: { Mac: "Mac", PC: "PC", OfficeOnline: "OfficeOnline" },
      context: {
        platform,
        displayLanguage: "fr-CA",
        officeTheme: { bodyBackgroundColor: "#FFFFFF" },
        partitionKey,
        requirements: { isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`) },
        ui: { openBrowserWindow },
      },
    };
    return openBrowserWindow;
  }

  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("on a Mac, says downloads do not work and offers the browser window where OpenBrowserWindowApi 1.1 is there", async () => {
    const openBrowserWindow = officeOn("Mac", ["OpenBrowserWindowApi 1.1"], "");
    const host = await detectHost();
    expect(host).toMatchObject({
      insideExcel: true,
      downloads: false,
      partitionKey: undefined,
      displayLanguage: "fr-CA",
    });
    host.openBrowserWindow?.("https://localhost:3000/taskpane.html#plan-file=x");
    expect(openBrowserWindow).toHaveBeenCalledWith("https://localhost:3000/taskpane.html#plan-file=x");
  });

  it("elsewhere, downloads as usual, keeps the partition key, and has no browser window without the set", async () => {
    officeOn("OfficeOnline", [], "partition-1");
    const host = await detectHost();
    expect(host).toMatchObject({ insideExcel: true, downloads: true, partitionKey: "partition-1" });
    expect(host.openBrowserWindow).toBeUndefined();
  });
});
