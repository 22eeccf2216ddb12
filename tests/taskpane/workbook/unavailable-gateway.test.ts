import { examplePlan } from "../../../src/plan/examples";
import { parsePlan } from "../../../src/plan/validate";
import { createUnavailableGateway } from "../../../src/taskpane/workbook/unavailable-gateway";
import { WorkbookActionError } from "../../../src/workbook/gateway";

describe("the gateway of a plain browser", () => {
  const gateway = createUnavailableGateway();
  const plan = parsePlan(examplePlan("fr-reference"));

  it("is not available and has no stored plan", async () => {
    expect(gateway.available).toBe(false);
    await expect(gateway.loadStoredPlan()).resolves.toBeUndefined();
  });

  it("refuses every action with a WorkbookActionError in the plan's language", async () => {
    await expect(gateway.generate(plan)).rejects.toThrow(
      new WorkbookActionError(
        "Cette action nécessite Excel : le volet s'exécute dans un navigateur, aucun classeur n'a été modifié.",
        "generate",
      ),
    );
    await expect(gateway.update(plan)).rejects.toMatchObject({ name: "WorkbookActionError", action: "update" });
    await expect(gateway.readFromWorkbook(plan)).rejects.toMatchObject({ action: "read" });
    await expect(gateway.leadershipCopy()).rejects.toMatchObject({
      action: "leadershipCopy",
      message: "This action needs Excel: the pane is running in a browser, so no workbook was changed.",
    });
  });
});
