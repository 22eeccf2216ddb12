/**
 * Runs queued writes in as few syncs as the request budget allows (request-budget.ts), with calculation and screen
 * updating suspended for each request, and, when Excel refuses a request, says which sheets may be partly written.
 */
import type { ApplicationApi } from "./office-port";
import { partitionByBudget, type QueuedWrite } from "./request-budget";
import type { ExcelSupport } from "./requirements";

/**
 * A request failed after `partial` sheets had (perhaps) been changed; `complete` ones were fully written.
 * Excel ran the writes of `failed` that came before the refused one (a failed sync does not undo them) and none
 * after it; `notRun` are the writes of the later requests, never sent.
 */
export class WriteFailure extends Error {
  constructor(
    readonly partial: readonly string[],
    readonly complete: readonly string[],
    override readonly cause: unknown,
    readonly failed: readonly QueuedWrite[] = [],
    readonly notRun: readonly QueuedWrite[] = [],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "WriteFailure";
  }
}

export interface WriteExecution {
  readonly sync: () => Promise<unknown>;
  readonly application: ApplicationApi;
  readonly support: ExcelSupport;
  readonly budgetBytes: number;
  /** Called before each request is queued: part number (1-based) and the number of parts. */
  readonly onRequest?: (part: number, parts: number) => void;
  /**
   * When true, optional writes (`part` set) never share a request with critical ones. Needed where nothing can tell
   * afterwards whether a shared request's critical writes all ran (no stored plan to look for: optional-parts.ts).
   */
  readonly separateOptional?: boolean;
}

/** Returns the number of requests (syncs) it made. */
export async function executeWrites(writes: readonly QueuedWrite[], execution: WriteExecution): Promise<number> {
  const batches = execution.separateOptional
    ? [
        ...partitionByBudget(
          writes.filter((write) => write.part === undefined),
          execution.budgetBytes,
        ),
        ...partitionByBudget(
          writes.filter((write) => write.part !== undefined),
          execution.budgetBytes,
        ),
      ]
    : partitionByBudget(writes, execution.budgetBytes);
  const sheetsOf = (batch: readonly QueuedWrite[]) => batch.flatMap((write) => write.sheet ?? []);
  let done = 0;
  try {
    for (const batch of batches) {
      execution.onRequest?.(done + 1, batches.length);
      // Each suspension lasts until the next sync, so it is renewed for every request.
      if (execution.support.has("suspendCalculation")) execution.application.suspendApiCalculationUntilNextSync();
      if (execution.support.has("suspendScreenUpdating")) execution.application.suspendScreenUpdatingUntilNextSync();
      for (const write of batch) write.apply();
      // Bounded: one request per budget's worth of writes (request-budget.ts); a realistic plan is one request.
      await execution.sync();
      done++;
    }
  } catch (error) {
    const started = new Set(batches.slice(0, done + 1).flatMap(sheetsOf));
    const pending = new Set(batches.slice(done).flatMap(sheetsOf));
    const complete = [...started].filter((sheet) => !pending.has(sheet));
    const partial = [...started].filter((sheet) => pending.has(sheet));
    throw new WriteFailure(partial, complete, error, batches[done] ?? [], batches.slice(done + 1).flat());
  }
  return batches.length;
}
