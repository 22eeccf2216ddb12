import fc from "fast-check";
import {
  OPERATION_OVERHEAD_BYTES,
  operationBytes,
  partitionByBudget,
  rowBands,
  utf8Length,
} from "../../src/excel/request-budget";

describe("request size estimates", () => {
  it("measures UTF-8 bytes exactly, surrogate pairs and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
    expect(utf8Length("é€😀")).toBe(2 + 3 + 4);
  });

  it("counts an operation as its JSON arguments plus a fixed overhead", () => {
    expect(operationBytes([["a", 1]])).toBe(OPERATION_OVERHEAD_BYTES + '[["a",1]]'.length);
    expect(operationBytes()).toBe(OPERATION_OVERHEAD_BYTES + 4);
  });
});

describe("row bands", () => {
  it("cuts rows into consecutive bands that stay within the limit", () => {
    expect(rowBands([4, 4, 4, 4, 4], 8)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
  });

  it("keeps a row larger than the limit in a band of its own", () => {
    expect(rowBands([1, 20, 1], 8)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(rowBands([], 8)).toEqual([]);
  });
});

describe("batches under the budget", () => {
  it("keeps the order, stays within the budget and opens a batch only when the next write would overflow", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 60 }),
        fc.integer({ min: 100, max: 400 }),
        (sizes, budget) => {
          const writes = sizes.map((bytes, index) => ({ bytes, index }));
          const batches = partitionByBudget(writes, budget);
          expect(batches.flat()).toEqual(writes);
          for (const batch of batches)
            expect(batch.reduce((sum, write) => sum + write.bytes, 0)).toBeLessThanOrEqual(budget);
          batches.slice(1).forEach((batch, i) => {
            const previous = batches[i]!.reduce((sum, write) => sum + write.bytes, 0);
            expect(previous + batch[0]!.bytes).toBeGreaterThan(budget);
          });
        },
      ),
    );
  });

  it("makes a single batch of everything that fits", () => {
    expect(partitionByBudget([{ bytes: 1 }, { bytes: 2 }], 10)).toEqual([[{ bytes: 1 }, { bytes: 2 }]]);
    expect(partitionByBudget([], 10)).toEqual([]);
  });
});
