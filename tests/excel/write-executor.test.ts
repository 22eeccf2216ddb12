import { excelSupport } from "../../src/excel/requirements";
import type { QueuedWrite } from "../../src/excel/request-budget";
import { executeWrites, WriteFailure } from "../../src/excel/write-executor";

function writes(...sheets: string[]): QueuedWrite[] {
  return sheets.map((sheet) => ({ bytes: 100, sheet, apply: () => undefined }));
}

const application = { suspendApiCalculationUntilNextSync: jest.fn(), suspendScreenUpdatingUntilNextSync: jest.fn() };

describe("executing writes", () => {
  it("syncs once per batch and suspends calculation and screen updating before each", async () => {
    const sync = jest.fn(() => Promise.resolve());
    const requests = await executeWrites(writes("A", "A", "B", "B", "C"), {
      sync,
      application,
      support: excelSupport(() => true),
      budgetBytes: 200,
    });
    expect(requests).toBe(3);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(application.suspendApiCalculationUntilNextSync).toHaveBeenCalledTimes(3);
    expect(application.suspendScreenUpdatingUntilNextSync).toHaveBeenCalledTimes(3);
  });

  it("does not suspend what the host cannot suspend", async () => {
    await executeWrites(writes("A"), {
      sync: () => Promise.resolve(),
      application,
      support: excelSupport((_, version) => version <= "1.5"),
      budgetBytes: 200,
    });
    expect(application.suspendApiCalculationUntilNextSync).not.toHaveBeenCalled();
  });

  it("tells the sheets written completely from those that may be partly written when a sync fails", async () => {
    const refused = new Error("refused");
    let calls = 0;
    const promise = executeWrites(writes("A", "A", "B", "B", "C", "D"), {
      sync: () => (++calls === 2 ? Promise.reject(refused) : Promise.resolve()),
      application,
      support: excelSupport(() => true),
      budgetBytes: 200,
    });
    await expect(promise).rejects.toBeInstanceOf(WriteFailure);
    const failure = (await promise.catch((error: unknown) => error)) as WriteFailure;
    expect(failure.complete).toEqual(["A"]);
    expect(failure.partial).toEqual(["B"]);
    expect(failure.cause).toBe(refused);
  });
});
