import { Body1, Button, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import type { PlanFigures } from "../../plan/calculate";
import { localIsoDate } from "../../plan/calendar";
import { BASE_SCENARIO_ID, planOfRecordOf, planVariance, presetScenarios, scenarioFigures } from "../../plan/scenarios";
import type { Plan } from "../../plan/schema";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { useI18n } from "../i18n/I18nContext";
import { ScrollTable } from "./ScrollTable";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

/** The headline figures the compare view and the variance show, in the pane's formats. */
function headline(figures: PlanFigures) {
  return {
    deals: figures.deals,
    topOfFunnel: figures.topOfFunnelVolume,
    headcount: figures.totalHeadcount,
    cost: figures.totalAnnualCost,
  };
}

/**
 * Which scenario the live results show (the base plan by default), the scenarios side by side, the presets, and
 * the plan of record: approve the current plan, then see every input and figure that changed since. Every figure is
 * `calculatePlan(applyScenario(plan, id))` (src/plan/scenarios.ts); the pane computes none itself.
 */
export function ScenarioPanel({
  plan,
  scenarioId,
  onScenarioChange,
  today = () => new Date(),
}: {
  readonly plan: Plan;
  readonly scenarioId: string;
  readonly onScenarioChange: (id: string) => void;
  readonly today?: () => Date;
}) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const s = t.scenarios;
  const { setField } = usePlanEditor();
  const [label, setLabel] = useState("");
  const selectId = useId();
  const all = useMemo(() => scenarioFigures(plan), [plan]);
  const record = useMemo(() => planOfRecordOf(plan), [plan]);
  const variance = useMemo(() => (record ? planVariance(plan, record.plan) : undefined), [plan, record]);

  const names = all.map((entry) => (entry.id === BASE_SCENARIO_ID ? s.base : entry.name));
  const shownFigure: Readonly<Record<keyof ReturnType<typeof headline>, (value: number) => string>> = {
    deals: (value) => format.number(value),
    topOfFunnel: (value) => format.number(value),
    headcount: (value) => format.integer(value),
    cost: (value) => format.money(value),
  };
  const rows = (
    [
      [s.rowDeals, "deals"],
      [s.rowTopOfFunnel, "topOfFunnel"],
      [s.rowHeadcount, "headcount"],
      [s.rowCost, "cost"],
    ] as const
  ).map(([rowLabel, key]) => [rowLabel, ...all.map((entry) => shownFigure[key](headline(entry.figures)[key]))]);

  function approve(): void {
    const { planOfRecord: _previous, ...approved } = plan;
    setField(["planOfRecord"], {
      approvedOn: localIsoDate(today()),
      label: label.trim(),
      plan: JSON.parse(JSON.stringify(approved)) as unknown,
    });
  }

  return (
    <section className={styles.section} aria-labelledby="scenarios-heading">
      <Subtitle2 as="h3" id="scenarios-heading" className={styles.heading}>
        {s.title}
      </Subtitle2>
      {plan.scenarios.length > 0 ? (
        <>
          <Field label={s.showFor}>
            <Select id={selectId} value={scenarioId} onChange={(_, data) => onScenarioChange(data.value)}>
              {all.map((entry, index) => (
                <option key={entry.id} value={entry.id}>
                  {names[index]}
                </option>
              ))}
            </Select>
          </Field>
          <ScrollTable
            caption={s.compareTitle}
            columns={[{ header: s.figure }, ...names.map((name) => ({ header: name, numeric: true }))]}
            rows={rows}
          />
        </>
      ) : (
        <div className={styles.row}>
          <Button onClick={() => setField(["scenarios"], presetScenarios(plan))}>{s.addPresets}</Button>
          <Body1>{s.presetsHint}</Body1>
        </div>
      )}
      {record && variance && (
        <>
          <Body1>{s.approved(record.label, record.approvedOn)}</Body1>
          {variance.inputs.length === 0 && variance.figures.length === 0 ? (
            <Body1>{s.unchanged}</Body1>
          ) : (
            <>
              {variance.inputs.length > 0 && (
                <ScrollTable
                  caption={s.changedInputs}
                  columns={[{ header: s.field }, { header: s.approvedValue }, { header: s.workingValue }]}
                  rows={variance.inputs.map((change) => [change.path, shown(change.approved), shown(change.working)])}
                />
              )}
              {variance.figures.length > 0 && (
                <ScrollTable
                  caption={s.changedFigures}
                  columns={[
                    { header: s.figure },
                    { header: s.approvedValue, numeric: true },
                    { header: s.workingValue, numeric: true },
                    { header: s.difference, numeric: true },
                  ]}
                  rows={variance.figures.map((figure) => [
                    figure.key,
                    format.number(figure.approved),
                    format.number(figure.working),
                    format.number(figure.difference),
                  ])}
                />
              )}
            </>
          )}
        </>
      )}
      <div className={styles.row}>
        <Field label={s.approveLabel}>
          <Input value={label} onChange={(_, data) => setLabel(data.value)} maxLength={120} />
        </Field>
        <Button appearance="primary" onClick={approve}>
          {record ? s.approveAgain : s.approve}
        </Button>
      </div>
    </section>
  );

  function shown(value: unknown): string {
    if (value === undefined) return s.none;
    return typeof value === "string" ? value : JSON.stringify(value);
  }
}
