/**
 * The workbook gateway of a plain browser: there is no workbook, so nothing is stored and every action refuses with
 * a message that says why. The pane does not offer these actions outside Excel; this keeps any call honest.
 */
import type { PlanLocale } from "../../plan/schema";
import { WorkbookActionError, type WorkbookActionKind, type WorkbookGateway } from "../../workbook/gateway";

const MESSAGES: Readonly<Record<PlanLocale, string>> = {
  "en-US": "This action needs Excel: the pane is running in a browser, so no workbook was changed.",
  "fr-FR": "Cette action nécessite Excel : le volet s'exécute dans un navigateur, aucun classeur n'a été modifié.",
};

function refuse(action: WorkbookActionKind, locale: PlanLocale = "en-US"): Promise<never> {
  return Promise.reject(new WorkbookActionError(MESSAGES[locale], action));
}

export function createUnavailableGateway(): WorkbookGateway {
  return {
    available: false,
    generate: (plan) => refuse("generate", plan.meta.locale),
    update: (plan) => refuse("update", plan.meta.locale),
    readFromWorkbook: (current) => refuse("read", current.meta.locale),
    leadershipCopy: () => refuse("leadershipCopy"),
    // Outside Excel the pane keeps imported actuals itself and writes them into the downloaded workbook.
    importActuals: (plan) => refuse("importActuals", plan.meta.locale),
    // No workbook, so no stored plan: the pane falls back to what it saved itself.
    loadStoredPlan: () => Promise.resolve(undefined),
  };
}
