/**
 * The relative links of Markdown pages, and which of them lead nowhere: a missing file, or a `#fragment` that names
 * no heading of the page it points to. Anchors follow GitHub's rules (github-slugger, which github.com uses): the
 * heading's rendered text, lower-cased, punctuation dropped, each space a hyphen, and `-1`, `-2`… on repeats.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface MarkdownLink {
  /** The page the link is written in, as given to `brokenLinks`. */
  readonly page: string;
  readonly line: number;
  readonly target: string;
}

/** Fenced code blocks, whose text is code and not Markdown, blanked line for line so line numbers stay right. */
function withoutCodeBlocks(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split("\n")
    .map((line) => {
      const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) {
        fence = fence === undefined ? marker : undefined;
        return "";
      }
      return fence === undefined ? line : "";
    })
    .join("\n");
}

/** Inline code spans hold no links: `a](b)` inside backticks is text. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, "");
}

/** The text GitHub renders for a heading: code without its backticks, links as their text, no emphasis or HTML. */
function renderedHeadingText(heading: string): string {
  return heading
    .replace(/\s+#+\s*$/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[`*]/g, "");
}

/** GitHub's anchor for a heading's text, before the `-1`, `-2`… given to repeats. */
export function githubSlug(headingText: string): string {
  return renderedHeadingText(headingText)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a page offers: one per heading (repeats numbered as GitHub numbers them) and each HTML `id`/`name`. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCodeBlocks(markdown).split("\n")) {
    const heading = /^ {0,3}#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (heading !== undefined) {
      const slug = githubSlug(heading);
      const repeats = seen.get(slug) ?? 0;
      seen.set(slug, repeats + 1);
      anchors.add(repeats === 0 ? slug : `${slug}-${repeats}`);
    }
    for (const match of line.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  }
  return anchors;
}

/** The links and images of a page whose target is not a URL with a scheme (`https:`, `mailto:`…). */
export function relativeLinks(page: string, markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutCodeBlocks(markdown)
    .split("\n")
    .forEach((rawLine, index) => {
      const line = withoutCodeSpans(rawLine);
      const targets = [
        ...[...line.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
        ...[...line.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]!),
        ...[...line.matchAll(/<img\s[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!),
      ];
      for (const target of targets) {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ page, line: index + 1, target });
      }
    });
  return links;
}

/**
 * The links of the given pages (paths relative to `root`) that lead to no file, or to no heading of a Markdown page,
 * each described as `page:line → target (why)`.
 */
export function brokenLinks(root: string, pages: readonly string[]): string[] {
  const broken: string[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let found = anchorsOf.get(file);
    if (!found) anchorsOf.set(file, (found = headingAnchors(readFileSync(file, "utf8"))));
    return found;
  };
  for (const page of pages) {
    const pageFile = path.join(root, page);
    for (const link of relativeLinks(page, readFileSync(pageFile, "utf8"))) {
      const hashAt = link.target.indexOf("#");
      const filePart = hashAt === -1 ? link.target : link.target.slice(0, hashAt);
      const fragment = hashAt === -1 ? undefined : decodeURIComponent(link.target.slice(hashAt + 1));
      const file = filePart === "" ? pageFile : path.resolve(path.dirname(pageFile), decodeURIComponent(filePart));
      const where = `${link.page}:${link.line} → ${link.target}`;
      if (link.target === "") broken.push(`${where} (empty link)`);
      else if (!existsSync(file)) broken.push(`${where} (no file ${path.relative(root, file)})`);
      else if (fragment !== undefined && file.endsWith(".md") && !anchors(file).has(fragment)) {
        broken.push(`${where} (no heading with anchor #${fragment} in ${path.relative(root, file)})`);
      }
    }
  }
  return broken;
}
