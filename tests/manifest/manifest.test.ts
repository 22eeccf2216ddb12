import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { checkManifest, parseManifest } from "../../scripts/manifest-checks";
import { buildProduction } from "../helpers/production-build";
import { TEST_SCALE } from "../helpers/test-scale";

const repoRoot = path.resolve(__dirname, "..", "..");
const sourceManifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
const PRODUCTION_BASE_URL = "https://plans.example.com/sales-plan";

let distDir: string;
let distManifest: string;

beforeAll(async () => {
  // Locally a quick build (not type-checked, not minified: the files checked here are the same); under
  // TEST_SCALE=full (CI) the exact `npm run build`.
  distDir = await buildProduction(PRODUCTION_BASE_URL, { quick: TEST_SCALE !== "full" });
  distManifest = readFileSync(path.join(distDir, "manifest.xml"), "utf8");
  // A guard against a hung build, not a performance budget: a production build under a loaded 2-core machine took 270 s.
}, 600_000);

describe("the source manifest", () => {
  it("passes every offline check against the files the build emits", () => {
    expect(checkManifest(sourceManifest, { allowLocalhost: true, servedDirectory: distDir })).toEqual([]);
  });

  it("is refused as a production manifest because it points at localhost", () => {
    const problems = checkManifest(sourceManifest, { allowLocalhost: false, servedDirectory: distDir });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes("localhost"))).toBe(true);
  });

  it("declares the PLAN namespace, the shared runtime and English and French names", () => {
    const { root } = parseManifest(sourceManifest);
    expect(root).toBeDefined();
    expect(sourceManifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="PLAN"/>');
    expect(sourceManifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(sourceManifest).toMatch(/<DisplayName DefaultValue="Sales Plan Builder">\s*<Override Locale="fr-FR"/);
    expect(sourceManifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  it("points French Excel at the French functions metadata", () => {
    expect(sourceManifest).toMatch(
      /<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*(<!--[^>]*-->\s*)?<bt:Override Locale="fr-FR" Value="https:\/\/localhost:3000\/functions-fr.json"\/>/,
    );
  });
});

describe("the production manifest (dist/manifest.xml)", () => {
  it("passes every offline check with localhost forbidden", () => {
    expect(checkManifest(distManifest, { allowLocalhost: false, servedDirectory: distDir })).toEqual([]);
  });

  it("carries the production base URL everywhere and no localhost URL", () => {
    expect(distManifest).not.toMatch(/localhost/);
    const urls = [...distManifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url?.startsWith(`${PRODUCTION_BASE_URL}/`)).toBe(true);
  });

  it("emits functions.json whose help links use the production base URL", () => {
    const functionsJson = readFileSync(path.join(distDir, "functions.json"), "utf8");
    expect(functionsJson).not.toMatch(/localhost/);
    expect(functionsJson).toContain(`${PRODUCTION_BASE_URL}/help.html#plan-headcount`);
  });

  it("emits functions-fr.json with production help links and the same fourteen functions as functions.json", () => {
    const french = readFileSync(path.join(distDir, "functions-fr.json"), "utf8");
    expect(french).not.toMatch(/localhost/);
    expect(french).toContain(`${PRODUCTION_BASE_URL}/help.html#plan-fiscalquarter`);
    const ids = (json: string) => (JSON.parse(json) as { functions: { id: string }[] }).functions.map((f) => f.id);
    const english = readFileSync(path.join(distDir, "functions.json"), "utf8");
    expect(ids(french)).toEqual(ids(english));
    expect(ids(english)).toEqual([
      "HEADCOUNT",
      "REPSNEEDED",
      "FUNNEL",
      "RAMP",
      "CAPACITY",
      "HIRES",
      "SPLIT",
      "FISCALQUARTER",
      "PIPELINE",
      "COVERAGE",
      "QUOTA",
      "OVERLAY",
      "ATTAINMENT",
      "PACE",
    ]);
  });

  it("emits a task pane page that loads the functions bundle before the task pane bundle", () => {
    const page = readFileSync(path.join(distDir, "taskpane.html"), "utf8");
    const functionsAt = page.indexOf("functions.js");
    const taskpaneAt = page.indexOf("taskpane.js");
    expect(functionsAt).toBeGreaterThan(-1);
    expect(taskpaneAt).toBeGreaterThan(functionsAt);
    expect(page).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});

describe("the offline checks catch broken manifests", () => {
  const check = (xml: string): string[] => checkManifest(xml, { allowLocalhost: true, servedDirectory: distDir });

  it("reports XML that does not parse", () => {
    expect(check(sourceManifest.replace("</OfficeApp>", ""))[0]).toMatch(/^the XML does not parse/);
  });

  it("reports children out of the schema's order", () => {
    const swapped = sourceManifest.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      "$3$2$1",
    );
    expect(check(swapped)).toContain("<Version> must come before <ProviderName> in OfficeApp");
  });

  it("reports an element the parent does not allow", () => {
    expect(check(sourceManifest.replace("<Permissions>", "<Colour>red</Colour><Permissions>"))).toContainEqual(
      expect.stringMatching(/^<Colour> is not a valid child of OfficeApp/),
    );
  });

  it("reports a resid that is not defined and a resource that is never used", () => {
    const problems = check(
      sourceManifest.replace('<Label resid="SalesPlanGroup.Label"/>', '<Label resid="Missing.Label"/>'),
    );
    expect(problems).toContain(
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Label refers to resid "Missing.Label", which is not defined in <Resources>',
    );
    expect(problems).toContain('resource "SalesPlanGroup.Label" is defined but never used');
  });

  it("reports a resid of the wrong kind", () => {
    const problems = check(
      sourceManifest.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Taskpane.Url"/>'),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/Namespace refers to "Taskpane.Url" in <Urls>, but it needs a resource in <ShortStrings>/),
    );
  });

  it("reports http URLs", () => {
    const problems = check(
      sourceManifest.replace("https://localhost:3000/help.html", "http://localhost:3000/help.html"),
    );
    expect(problems).toContainEqual(expect.stringMatching(/SupportUrl uses http: .* Office requires https/));
  });

  it("reports a functions page that does not use the runtime's resid", () => {
    const problems = check(
      sourceManifest.replace(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1GetStarted.LearnMoreUrl"),
    );
    expect(problems).toContain(
      'the custom-functions <Page> uses resid "GetStarted.LearnMoreUrl" but the runtime uses "Taskpane.Url"',
    );
  });

  it("reports a function script the build does not emit", () => {
    const problems = check(
      sourceManifest.replace("https://localhost:3000/functions.js", "https://localhost:3000/missing.js"),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/points at https:\/\/localhost:3000\/missing.js, but the build emits no missing.js/),
    );
  });

  it("reports a localized URL the build does not emit", () => {
    const problems = check(sourceManifest.replace("/functions-fr.json", "/functions-de.json"));
    expect(problems).toEqual([
      "OfficeApp/VersionOverrides/Resources/Urls/Url/Override points at https://localhost:3000/functions-de.json, but the build emits no functions-de.json",
    ]);
  });

  it("reports localized functions metadata served from elsewhere than the add-in's base URL", () => {
    const problems = check(
      sourceManifest.replace("https://localhost:3000/functions-fr.json", "https://cdn.example.com/functions-fr.json"),
    );
    expect(problems).toContain(
      "OfficeApp/VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint/Metadata/SourceLocation (https://cdn.example.com/functions-fr.json) is not served from the add-in's base URL https://localhost:3000",
    );
  });

  it("reports an override whose locale is malformed or repeated", () => {
    const override = '<bt:Override Locale="fr-FR" Value="https://localhost:3000/functions-fr.json"/>';
    expect(check(sourceManifest.replace(override, override.replace("fr-FR", "French")))).toContain(
      'OfficeApp/VersionOverrides/Resources/Urls/Url/Override has Locale "French", which is not a locale such as fr-FR',
    );
    expect(check(sourceManifest.replace(override, override + override))).toContain(
      'OfficeApp/VersionOverrides/Resources/Urls/Url overrides locale "fr-FR" twice',
    );
  });

  it("reports localized functions metadata that declares other functions or parameters than the default", () => {
    const served = mkdtempSync(path.join(tmpdir(), "spb-served-"));
    cpSync(distDir, served, { recursive: true });
    const frenchFile = path.join(served, "functions-fr.json");
    const french = JSON.parse(readFileSync(frenchFile, "utf8")) as {
      functions: { id: string; parameters: { name: string }[] }[];
    };
    french.functions = french.functions.filter((fn) => fn.id !== "SPLIT");
    french.functions.find((fn) => fn.id === "HEADCOUNT")!.parameters[0]!.name = "charge";
    writeFileSync(frenchFile, JSON.stringify(french));
    const problems = checkManifest(sourceManifest, { allowLocalhost: true, servedDirectory: served });
    expect(problems).toEqual([
      "functions-fr.json does not declare the function SPLIT of functions.json",
      "functions-fr.json declares HEADCOUNT with other parameters or result than functions.json",
    ]);
  });

  it("reports an icon whose pixel size differs from its declaration", () => {
    const problems = check(
      sourceManifest.replace(
        'DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'DefaultValue="https://localhost:3000/assets/icon-64.png"',
      ),
    );
    expect(problems).toContain("https://localhost:3000/assets/icon-64.png is declared as 80×80 px but is 64×64 px");
  });

  it("reports a TaskpaneId on an action under the shared runtime, which supports only one task pane", () => {
    const withoutTaskpaneId = sourceManifest.replace(/\s*<TaskpaneId>[^<]*<\/TaskpaneId>/g, "");
    const withTaskpaneId = withoutTaskpaneId.replace(
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane"><TaskpaneId>SalesPlanTaskpane</TaskpaneId>',
    );
    expect(check(withTaskpaneId)).toContain(
      "OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Control/Action has a <TaskpaneId>, but its host has a long-lived shared runtime, which supports only one task pane",
    );
    expect(check(withoutTaskpaneId)).toEqual([]);
  });

  it("reports an invalid namespace", () => {
    const problems = check(
      sourceManifest.replace(
        'id="Functions.Namespace" DefaultValue="PLAN"',
        'id="Functions.Namespace" DefaultValue="9 PLAN"',
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/namespace "9 PLAN" must start with a letter/));
  });

  it("reports an id that is not a GUID", () => {
    expect(check(sourceManifest.replace(/<Id>[^<]+<\/Id>/, "<Id>sales-plan</Id>"))).toContain(
      '<Id> must be a GUID (got "sales-plan")',
    );
  });
});

describe("the icons in assets/", () => {
  const sizes = [16, 32, 64, 80, 128];

  it("exist for every size the add-in needs, and nothing else", () => {
    const files = readdirSync(path.join(repoRoot, "assets"))
      .filter((f) => f.endsWith(".png"))
      .sort();
    expect(files).toEqual(sizes.map((s) => `icon-${s}.png`).sort());
  });

  it.each(sizes)("icon-%i.png has its declared size and shows a mark, not a blank square", (size) => {
    const png = PNG.sync.read(readFileSync(path.join(repoRoot, "assets", `icon-${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    const opaqueColours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 255) opaqueColours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
    }
    expect(opaqueColours.size).toBeGreaterThanOrEqual(3);
  });
});
