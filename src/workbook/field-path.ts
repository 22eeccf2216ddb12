/**
 * Plan paths as the spec writes them (`objectives.funnel[2].conversionRate`, `target.kind`): parsing, and reading and
 * writing them in plain JSON data.
 */

export type PathSegment = string | number;

/** `objectives.funnel[2].conversionRate` → `["objectives", "funnel", 2, "conversionRate"]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function child(container: Container, segment: PathSegment): unknown {
  return Array.isArray(container) ? container[segment as number] : container[segment as string];
}

function assign(container: Container, segment: PathSegment, value: unknown): void {
  if (Array.isArray(container)) container[segment as number] = value;
  else Object.defineProperty(container, segment, { value, enumerable: true, writable: true, configurable: true });
}

/** Sets a value, creating objects and arrays on the way (an array where the next segment is an index). */
export function setPath(root: Container, path: readonly PathSegment[], value: unknown): void {
  let container = root;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      assign(container, segment, value);
      return;
    }
    let next = child(container, segment);
    if (!isContainer(next)) {
      next = typeof path[index + 1] === "number" ? [] : {};
      assign(container, segment, next);
    }
    container = next as Container;
  });
}

/** Removes a field (an absent optional value); does nothing when the path does not exist. */
export function deletePath(root: Container, path: readonly PathSegment[]): void {
  let container: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!isContainer(container)) return;
    container = child(container, segment);
  }
  const last = path[path.length - 1];
  if (isContainer(container) && !Array.isArray(container) && last !== undefined) delete container[last as string];
}

export function getPath(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (!isContainer(value)) return undefined;
    value = child(value, segment);
  }
  return value;
}
