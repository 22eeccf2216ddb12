/**
 * Rectangles of cells that share one property (a style name, a number format), so formatting is applied once per
 * rectangle instead of once per cell: a 5,000-row table column in one input style is one operation.
 */

export interface CellRun<T> {
  /** 0-based offsets inside the grid. */
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly value: T;
}

/**
 * Covers every defined cell of `grid` (rows of possibly different lengths; `undefined` = no property) with
 * rectangles of equal values: vertical runs per column, then side-by-side runs with the same rows and value are
 * joined. Values are compared with `===`.
 */
export function uniformRuns<T extends string | number | boolean>(
  grid: readonly (readonly (T | undefined)[])[],
): CellRun<T>[] {
  const columnCount = grid.reduce((max, row) => Math.max(max, row.length), 0);
  const done: CellRun<T>[] = [];
  /** Runs that reach the previous column, by `row:rowCount:value`. */
  let open = new Map<string, { row: number; column: number; rowCount: number; columnCount: number; value: T }>();
  for (let column = 0; column < columnCount; column++) {
    const next = new Map<string, { row: number; column: number; rowCount: number; columnCount: number; value: T }>();
    let row = 0;
    while (row < grid.length) {
      const value = grid[row]![column];
      if (value === undefined) {
        row++;
        continue;
      }
      let end = row + 1;
      while (end < grid.length && grid[end]![column] === value) end++;
      const key = `${row}:${end - row}:${typeof value}:${String(value)}`;
      const extended = open.get(key);
      if (extended) {
        extended.columnCount++;
        open.delete(key);
        next.set(key, extended);
      } else {
        next.set(key, { row, column, rowCount: end - row, columnCount: 1, value });
      }
      row = end;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.column - b.column);
}
