import type { tokens } from "@fluentui/react-components";

/** The tokens whose value is their bare CSS variable (the z-index tokens carry a fallback value, so are left out). */
export type PlainTokenName = Exclude<keyof typeof tokens, `zIndex${string}`>;

/**
 * A Fluent design token as the CSS variable that FluentProvider defines, which is exactly what `tokens[name]` holds.
 * The first script styles the header and the step navigation with it and plain inline styles: importing `tokens`
 * there would keep the whole token table (about 30 KB) in the first script, since the editor's chunk shares it, and
 * `makeStyles` would bring Griffel's style compiler (about 25 KB) that Fluent's own, precompiled styles do not need.
 */
export function tokenVar(name: PlainTokenName): string {
  return `var(--${name})`;
}
