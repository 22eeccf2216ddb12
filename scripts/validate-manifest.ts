/**
 * `npm run validate`: the offline manifest checks on the source manifest (development URLs allowed) and on the
 * production build's dist/manifest.xml (no localhost unless it was built for localhost), both against the files
 * in dist/. Exits non-zero with one line per problem.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest, manifestBaseUrl, parseManifest } from "./manifest-checks";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");

function validate(file: string, allowLocalhost: boolean): string[] {
  if (!existsSync(file)) return [`${path.relative(root, file)} does not exist (run \`npm run build\` first)`];
  const xml = readFileSync(file, "utf8");
  return checkManifest(xml, { allowLocalhost, servedDirectory: dist }).map((p) => `${path.relative(root, file)}: ${p}`);
}

function builtForLocalhost(file: string): boolean {
  if (!existsSync(file)) return false;
  const { root: manifest } = parseManifest(readFileSync(file, "utf8"));
  const base = manifest ? manifestBaseUrl(manifest) : undefined;
  return base !== undefined && new URL(base).hostname === "localhost";
}

const distManifest = path.join(dist, "manifest.xml");
if (!existsSync(dist)) {
  console.error("dist/ does not exist: run `npm run build` first, then `npm run validate`.");
  process.exit(1);
}
const problems = [
  ...validate(path.join(root, "manifest.xml"), true),
  ...validate(distManifest, builtForLocalhost(distManifest)),
];
if (problems.length > 0) {
  console.error(`Manifest checks failed (${problems.length}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log("manifest.xml and dist/manifest.xml pass the offline checks.");
