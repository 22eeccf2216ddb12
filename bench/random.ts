/** Deterministic pseudo-random inputs (mulberry32), so every run of the benchmark measures the same calls. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max], rounded to `decimals` decimals. */
  between(min: number, max: number, decimals?: number): number;
  /** A whole number in [min, max]. */
  integer(min: number, max: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max, decimals = 0) => {
      const scale = 10 ** decimals;
      return Math.round((min + next() * (max - min)) * scale) / scale;
    },
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
