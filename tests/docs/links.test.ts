import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brokenLinks, githubSlug, headingAnchors, relativeLinks } from "../helpers/markdown-links";

const repoRoot = path.resolve(__dirname, "..", "..");
const docsPages = readdirSync(path.join(repoRoot, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);
const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");

describe("the README and docs/", () => {
  it("have no relative link or image leading to a missing file or heading", () => {
    expect(brokenLinks(repoRoot, ["README.md", ...docsPages])).toEqual([]);
  });

  it("keep the README a front door: at most 250 lines, with the two Quick-start commands", () => {
    expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(250);
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });

  it("link every page of docs/ from the README", () => {
    const linked = new Set(relativeLinks("README.md", readme).map((link) => link.target.split("#")[0]));
    for (const page of docsPages) expect(linked).toContain(page);
  });
});

describe("brokenLinks", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "markdown-links-"));
  mkdirSync(path.join(root, "docs", "images"), { recursive: true });
  writeFileSync(path.join(root, "docs", "images", "pane.png"), "png");
  writeFileSync(
    path.join(root, "docs", "guide.md"),
    "# Guide\n\n## Custom functions\n\n### `PLAN.SPLIT(total, weights, [whole])`\n\n## Budgets\n\n## Budgets\n",
  );
  const check = (markdown: string): string[] => {
    writeFileSync(path.join(root, "README.md"), markdown);
    return brokenLinks(root, ["README.md"]);
  };

  it("accepts links to existing files, images and headings, including repeated and code headings", () => {
    expect(
      check(
        [
          "[Guide](docs/guide.md) ![Pane](docs/images/pane.png) [Functions](docs/guide.md#custom-functions)",
          "[Split](docs/guide.md#plansplittotal-weights-whole) [Second budgets](docs/guide.md#budgets-1)",
          '[Here](#readme) <img src="docs/images/pane.png" alt="Pane"> [Web](https://example.com/missing.md)',
          "",
          "# Readme",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("reports a link to a missing file, with its line", () => {
    expect(check("# Readme\n\nSee [the guide](docs/gide.md).\n")).toEqual([
      "README.md:3 → docs/gide.md (no file docs/gide.md)",
    ]);
  });

  it("reports a missing image, in Markdown or HTML", () => {
    expect(check('![Pane](docs/images/pain.png)\n<img src="docs/images/gantt.png">\n')).toEqual([
      "README.md:1 → docs/images/pain.png (no file docs/images/pain.png)",
      "README.md:2 → docs/images/gantt.png (no file docs/images/gantt.png)",
    ]);
  });

  it("reports a fragment that names no heading, on another page or on the same one", () => {
    expect(check("# Readme\n\n[a](docs/guide.md#budgets-2) [b](#quick-start)\n")).toEqual([
      "README.md:3 → docs/guide.md#budgets-2 (no heading with anchor #budgets-2 in docs/guide.md)",
      "README.md:3 → #quick-start (no heading with anchor #quick-start in README.md)",
    ]);
  });

  it("ignores links inside code blocks and code spans", () => {
    expect(check("```md\n[x](missing.md)\n```\n\n`[y](missing.md)`\n")).toEqual([]);
  });
});

describe("githubSlug and headingAnchors", () => {
  it("give GitHub's anchors", () => {
    expect(githubSlug("Limits: a plan that validates always computes")).toBe(
      "limits-a-plan-that-validates-always-computes",
    );
    expect(githubSlug("The workbook as an .xlsx file")).toBe("the-workbook-as-an-xlsx-file");
    expect(githubSlug("Where the time goes, and what changed")).toBe("where-the-time-goes-and-what-changed");
    expect(githubSlug("`PLAN.HEADCOUNT(workload, capacity_per_person, [utilization])`")).toBe(
      "planheadcountworkload-capacity_per_person-utilization",
    );
    expect([...headingAnchors("## Budgets\n```\n# not a heading\n```\n### Budgets\n")]).toEqual([
      "budgets",
      "budgets-1",
    ]);
  });
});
