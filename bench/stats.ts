/**
 * Summaries of repeated measurements. A benchmark reports the median (robust to a stray garbage collection or a
 * noisy neighbour) and the spread (fastest and slowest run), never a single run.
 */

export interface Summary {
  /** Median of the runs. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Number of measured runs (warm-up runs excluded). */
  readonly runs: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error("summarize needs at least one value");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Milliseconds taken by `run`, measured with the monotonic high-resolution clock. */
export function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Runs `run` once unmeasured, then measures it at least `minRuns` and at most `maxRuns` times, stopping once the
 * measured runs add up to `budgetMs`: slow runs are repeated less, fast ones more. Returns each run's ms.
 */
export function repeatWithinMs(
  run: () => void,
  options: { readonly minRuns: number; readonly maxRuns: number; readonly budgetMs: number },
): number[] {
  run();
  const times: number[] = [];
  let spent = 0;
  while (times.length < options.maxRuns && (times.length < options.minRuns || spent < options.budgetMs)) {
    const ms = timeMs(run);
    times.push(ms);
    spent += ms;
  }
  return times;
}
