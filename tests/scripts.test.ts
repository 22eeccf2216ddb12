import { DEV_BASE_URL, resolveBaseUrl, rewriteManifestUrls } from "../scripts/manifest-urls";

describe("the production base URL", () => {
  it("defaults to the development URL", () => {
    expect(resolveBaseUrl(undefined)).toBe(DEV_BASE_URL);
    expect(resolveBaseUrl("  ")).toBe(DEV_BASE_URL);
  });

  it("drops a trailing slash and keeps a path", () => {
    expect(resolveBaseUrl("https://plans.example.com/")).toBe("https://plans.example.com");
    expect(resolveBaseUrl("https://cdn.example.com/addins/sales/")).toBe("https://cdn.example.com/addins/sales");
  });

  it("refuses http, relative URLs and queries with a message naming the variable", () => {
    expect(() => resolveBaseUrl("http://plans.example.com")).toThrow(/^ADDIN_BASE_URL must use https/);
    expect(() => resolveBaseUrl("plans.example.com")).toThrow(/^ADDIN_BASE_URL must be an absolute https URL/);
    expect(() => resolveBaseUrl("https://plans.example.com/?v=2")).toThrow(/must not carry a query/);
  });

  it("rewrites every development URL of a manifest", () => {
    const xml = '<a DefaultValue="https://localhost:3000/x.html"/><b DefaultValue="https://localhost:3000/y.png"/>';
    expect(rewriteManifestUrls(xml, "https://p.example.com")).toBe(
      '<a DefaultValue="https://p.example.com/x.html"/><b DefaultValue="https://p.example.com/y.png"/>',
    );
  });
});
