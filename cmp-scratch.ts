import "./src/functions/outside-office";
import * as F from "./src/functions/functions";
const N = 1_048_576;
const col = (f: (i: number) => number) => Array.from({ length: N }, (_, i) => [f(i)]);
const time = (name: string, run: () => unknown) => {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  let out: unknown;
  try { out = run(); } catch (e) { out = (e as Error).message; }
  const ms = performance.now() - t0; const c = process.cpuUsage(c0);
  console.log(name, "wall", ms.toFixed(0), "cpu", ((c.user + c.system) / 1000).toFixed(0), typeof out === "string" ? out.slice(0, 80) : Array.isArray(out) ? `${out.length} rows` : out);
};
const weights = col((i) => 1 + (i % 97) / 7);
const hires = col((i) => (i % 7 === 0 ? 2 : 0));
const zeros = col(() => 0);
const targets = col((i) => 10 + (i % 13));
const halves = col(() => 0.5);
const ones = col(() => 1);
for (const round of [1, 2]) {
console.log("round", round);
time("split whole", () => F.split(1_000_003, weights, true));
time("split", () => F.split(1_000_003, weights, false));
time("capacity linear 3", () => F.capacity(hires, 50000, [[3]], 5, [[0.01]], 0.9));
time("capacity linear 100000", () => F.capacity(hires, 50000, [[100000]], 5, [[0.01]], 0.9));
time("capacity list 4", () => F.capacity(hires, 50000, [[0.1, 0.3, 0.5, 0.75]], 5, [[0.01]], 0.9));
time("capacity departures", () => F.capacity(hires, 50000, [[3]], 5, zeros, 0.9));
time("hires", () => F.hires(targets, 5, 0.01));
time("funnel", () => F.funnel(1e6, 25000, halves));
time("ramp list", () => F.ramp(5, halves));
time("headcount", () => F.headcount(ones as never, 20));
}
