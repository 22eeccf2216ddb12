import { examplePlan, parsePlan } from "../../../src/plan";
import type { WorkbookGateway } from "../../../src/workbook/gateway";
import { lazyGateway } from "../../../src/taskpane/workbook/lazy-gateway";

const plan = parsePlan(examplePlan("fr-reference"));
const report = { created: ["Plan"], updated: [], backups: [], degraded: [], syncs: 2 };

const stored = { plan, workbookId: "0123456789abcdef" };

function fakeGateway(): WorkbookGateway {
  return {
    available: true,
    generate: jest.fn().mockResolvedValue(report),
    update: jest.fn().mockResolvedValue(report),
    readFromWorkbook: jest.fn().mockResolvedValue({ plan, changedFields: [] }),
    leadershipCopy: jest.fn().mockResolvedValue({ sheets: [], frozenFormulas: 0 }),
    importActuals: jest.fn(),
    loadStoredPlan: jest.fn().mockResolvedValue(stored),
  };
}

describe("the lazily loaded gateway", () => {
  it("loads the implementation once, on first use, and delegates every action", async () => {
    const real = fakeGateway();
    const load = jest.fn().mockResolvedValue(real);
    const gateway = lazyGateway(load);
    expect(gateway.available).toBe(true);
    expect(load).not.toHaveBeenCalled();
    expect(await gateway.loadStoredPlan()).toBe(stored);
    expect(await gateway.generate(plan)).toBe(report);
    await gateway.update(plan);
    await gateway.readFromWorkbook(plan);
    await gateway.leadershipCopy();
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.generate).toHaveBeenCalledWith(plan, undefined);
  });

  it("rejects the action when the implementation cannot load", async () => {
    const gateway = lazyGateway(() => Promise.reject(new Error("chunk failed")));
    await expect(gateway.generate(plan)).rejects.toThrow("chunk failed");
  });
});
