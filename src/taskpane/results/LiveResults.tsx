import { Body1, makeStyles, MessageBar, MessageBarBody, Title3, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { calculatePlan } from "../../plan/calculate";
import { applyScenario, BASE_SCENARIO_ID } from "../../plan/scenarios";
import { listAt } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { useI18n } from "../i18n/I18nContext";
import type { StepId } from "../steps/steps";
import { KeyFigures } from "./KeyFigures";
import { CapacityTable, FunnelTable, HeadcountTable, HiresTable } from "./PlanTables";
import { ProblemList } from "./ProblemList";
import { ScenarioPanel } from "./ScenarioPanel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

/** Each role's current headcount, as typed (the figures have the needed headcount, not the current one). */
export function currentHeadcounts(draft: unknown): number[] {
  return listAt(draft, ["organization", "roles"]).map((role) => {
    const value = (role as { currentHeadcount?: unknown } | undefined)?.currentHeadcount;
    return typeof value === "number" ? value : 0;
  });
}

/**
 * The plan's figures as the user types: headline figures, funnel volumes, headcount and cost, hires per quarter and
 * capacity against the target, all from `calculatePlan`. While the plan is invalid, the problems that block them.
 */
export function LiveResults({ onGoTo }: { readonly onGoTo: (step: StepId, field: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { draft, validation, figures: baseFigures, calculationError } = usePlanEditor();
  const [scenarioId, setScenarioId] = useState(BASE_SCENARIO_ID);
  const plan = validation.ok ? validation.plan : undefined;
  // A scenario removed or renamed away falls back to the base plan.
  const shownId = plan?.scenarios.some((scenario) => scenario.id === scenarioId) ? scenarioId : BASE_SCENARIO_ID;
  const figures = useMemo(
    () =>
      plan && baseFigures && shownId !== BASE_SCENARIO_ID ? calculatePlan(applyScenario(plan, shownId)) : baseFigures,
    [plan, baseFigures, shownId],
  );
  return (
    <section className={styles.section} aria-labelledby="live-results-heading" aria-live="off">
      <Title3 as="h2" id="live-results-heading" className={styles.heading}>
        {t.results.title}
      </Title3>
      {!validation.ok ? (
        <>
          <Body1>{t.results.blocked(validation.issues.length)}</Body1>
          <ProblemList issues={validation.issues} onGoTo={onGoTo} />
        </>
      ) : calculationError !== undefined || !figures ? (
        <MessageBar intent="error">
          <MessageBarBody>{t.results.calculationFailed(calculationError ?? "")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {plan && <ScenarioPanel plan={plan} scenarioId={shownId} onScenarioChange={setScenarioId} />}
          <KeyFigures figures={figures} />
          <FunnelTable figures={figures} detail="compact" />
          <HeadcountTable figures={figures} currentHeadcount={currentHeadcounts(draft)} detail="compact" />
          <HiresTable figures={figures} detail="compact" />
          <CapacityTable figures={figures} />
        </>
      )}
    </section>
  );
}
