import {
  budgetLines,
  checkBudget,
  figuresTables,
  formatRatio,
  formatValue,
  markdownTable,
  ratioOf,
} from "../../bench/report";

describe("benchmark budgets", () => {
  it("pass a value within an upper limit, the limit itself included, and are over beyond it", () => {
    expect(checkBudget("syncs", 3, { atMost: 3 }, String).status).toBe("PASS");
    expect(checkBudget("syncs", 4, { atMost: 3 }, String)).toEqual({ budget: "syncs", measured: "4", status: "OVER" });
  });

  it("pass a rate at or above a lower limit and are over below it", () => {
    expect(checkBudget("rate", 1_000_000, { atLeast: 1_000_000 }, String).status).toBe("PASS");
    expect(checkBudget("rate", 999_999, { atLeast: 1_000_000 }, String).status).toBe("OVER");
  });

  it("say NOT MEASURED for a figure that could not be taken, never PASS", () => {
    expect(checkBudget("first render", null, { atMost: 1 }, String)).toEqual({
      budget: "first render",
      measured: "not measured",
      status: "NOT MEASURED",
    });
  });

  it("print one line per budget starting with its status", () => {
    const lines = budgetLines([
      { budget: "a", measured: "1", status: "PASS" },
      { budget: "b", measured: "2", status: "OVER" },
    ]).split("\n");
    expect(lines).toEqual(["PASS         a: 1", "OVER         b: 2"]);
  });
});

describe("benchmark figures", () => {
  it("divide the value by the baseline, and give no ratio without both", () => {
    expect(ratioOf(3, 240)).toBe(0.0125);
    expect(ratioOf(null, 240)).toBeNull();
    expect(ratioOf(3, 0)).toBeNull();
    expect(formatRatio(0.43)).toBe("0.43×");
    expect(formatRatio(0.0083)).toBe("0.0083×");
    expect(formatRatio(58.8)).toBe("58.8×");
    expect(formatRatio(null)).toBe("n/a");
  });

  it("show units a reader can compare: bytes grouped with a decimal size, rates in millions, syncs counted", () => {
    expect(formatValue(4_739_176, "bytes")).toBe("4,739,176 B (4.74 MB)");
    expect(formatValue(2_150_000, "calls/s")).toBe("2.15 M/s");
    expect(formatValue(1, "syncs")).toBe("1 sync");
    expect(formatValue(5_892, "syncs")).toBe("5,892 syncs");
    expect(formatValue(null, "ms")).toBe("not measured");
  });

  it("lay out one Markdown table per section with the median, the spread, the baseline and the ratio", () => {
    const text = figuresTables([
      {
        section: "Core compute",
        name: "5,000 rows",
        value: 250,
        unit: "ms",
        spread: { min: 240, max: 300, runs: 7 },
        baseline: { label: "budget", value: 200 },
        ratio: 1.25,
      },
    ]);
    expect(text.split("\n")).toEqual([
      "### Core compute",
      "",
      "| Figure     | Value                            | Baseline       | Ratio (value ÷ baseline) | Note |",
      "| ---------- | -------------------------------- | -------------- | ------------------------ | ---- |",
      "| 5,000 rows | 250 ms (240 ms – 300 ms, 7 runs) | budget: 200 ms | 1.25×                    |      |",
    ]);
  });

  it("escape a pipe inside a cell so the table keeps its columns", () => {
    expect(markdownTable(["a"], [["x | y"]]).split("\n")[2]).toBe("| x \\| y |");
  });
});
