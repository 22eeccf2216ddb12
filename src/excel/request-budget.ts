/**
 * Keeping every Office.js request under Excel on the web's 5 MB payload limit while syncing as rarely as possible.
 *
 * The rule: each queued write carries an estimate of the bytes it adds to the request (the UTF-8 length of its
 * JSON arguments plus a fixed per-operation overhead). Writes are grouped in order into batches; a batch is closed,
 * and synced, only when the next write would take it over the budget (4,000,000 bytes by default, leaving room
 * for what the estimate does not see). A realistic plan is one batch, so one write sync. A block whose arrays alone
 * would exceed a quarter of the budget is split into row bands first, so no single write can overflow a batch.
 */
import type { CellScalar } from "./office-port";
import type { OptionalChart, OptionalPart } from "./optional-parts";

/** Excel on the web's limit for one request (and one response). */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Default size at which a write batch is closed and synced. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4_000_000;

/** What one queued operation costs beyond its arguments: the object path, the method or property name, ids. */
export const OPERATION_OVERHEAD_BYTES = 200;

/** A write queued on the request context when `apply` runs; `sheet` names the sheet it changes, for error reports. */
export interface QueuedWrite {
  readonly bytes: number;
  readonly sheet: string | undefined;
  /**
   * Undefined for the critical part of an action (sheets, values, formulas, tables, names, the stored plan); otherwise
   * the optional part the write belongs to, which may fail without failing the action (optional-parts.ts).
   */
  readonly part?: OptionalPart;
  /** The chart a `charts` write draws, so that a chart Excel refuses can be removed and drawn again in its fallback. */
  readonly chart?: OptionalChart;
  /** True for the write of the stored plan: the last critical write, whose presence proves the critical part ran. */
  readonly storesPlan?: true;
  apply(): void;
}

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated request bytes of an operation whose arguments are `payload`. */
export function operationBytes(payload: unknown = null): number {
  return OPERATION_OVERHEAD_BYTES + utf8Length(JSON.stringify(payload) ?? "null");
}

/** Estimated bytes of each row of a 2-D array as JSON. */
export function rowBytes(rows: readonly (readonly CellScalar[])[]): number[] {
  return rows.map((row) => utf8Length(JSON.stringify(row)) + 1);
}

/**
 * Splits row indices `[0, rows.length)` into consecutive bands whose summed bytes stay at or under `maxBytes`
 * (a single larger row forms its own band). Returns `[start, end)` pairs.
 */
export function rowBands(bytesPerRow: readonly number[], maxBytes: number): [number, number][] {
  const bands: [number, number][] = [];
  let start = 0;
  let size = 0;
  bytesPerRow.forEach((bytes, row) => {
    if (row > start && size + bytes > maxBytes) {
      bands.push([start, row]);
      start = row;
      size = 0;
    }
    size += bytes;
  });
  if (bytesPerRow.length > start) bands.push([start, bytesPerRow.length]);
  return bands;
}

/** Groups writes, in order, into batches of at most `budget` estimated bytes (see the rule above). */
export function partitionByBudget<T extends { readonly bytes: number }>(writes: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const write of writes) {
    if (current.length > 0 && size + write.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(write);
    size += write.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
