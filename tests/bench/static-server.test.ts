import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveInside, serveDirectory } from "../../bench/static-server";

function site(): string {
  const root = mkdtempSync(path.join(tmpdir(), "spb-static-"));
  writeFileSync(path.join(root, "taskpane.html"), "<h1>pane</h1>");
  mkdirSync(path.join(root, "assets"));
  writeFileSync(path.join(root, "assets", "icon 16.png"), "png");
  writeFileSync(path.join(root, "..", `${path.basename(root)}-secret.txt`), "secret");
  return root;
}

describe("the benchmark's static server", () => {
  it("serves the built files with their content type, and 404 for anything else", async () => {
    const server = await serveDirectory(site());
    try {
      const page = await fetch(`${server.origin}/taskpane.html?x=1`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toBe("<h1>pane</h1>");
      expect((await fetch(`${server.origin}/assets/icon%2016.png`)).headers.get("content-type")).toBe("image/png");
      expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
      expect((await fetch(`${server.origin}/assets`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("listens on 127.0.0.1 only", async () => {
    const server = await serveDirectory(site());
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await server.close();
    }
  });

  it("never resolves a path outside the served directory", () => {
    const root = site();
    const secret = `${path.basename(root)}-secret.txt`;
    expect(resolveInside(root, `/../${secret}`)).toBeUndefined();
    expect(resolveInside(root, `/%2e%2e/${secret}`)).toBeUndefined();
    expect(resolveInside(root, "/%E0%A4%A")).toBeUndefined();
    expect(resolveInside(root, "/taskpane.html")).toBe(path.join(root, "taskpane.html"));
  });
});
