import { TARGET_PERIODS, type KpiTarget } from "../../plan/schema";
import { getAt, listAt, type PlanDraft, type PlanPath } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { NumberField } from "../fields/NumberField";
import { enumOptions, rowOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { useI18n } from "../i18n/I18nContext";

type TargetKind = KpiTarget["kind"];
const TARGET_KINDS: readonly TargetKind[] = [
  "fixed",
  "revenueTarget",
  "deals",
  "averageDealValue",
  "winRate",
  "funnelStage",
  "activity",
  "sla",
];

function firstId(draft: PlanDraft, path: PlanPath): string {
  const first = listAt(draft, path)[0] as Record<string, unknown> | undefined;
  return typeof first?.id === "string" ? first.id : "";
}

/** A fresh target of `kind`, keeping the period of the previous one and linking the first row it can refer to. */
export function targetOfKind(kind: TargetKind, previous: unknown, draft: PlanDraft): Record<string, unknown> {
  const oldPeriod = (previous as { period?: unknown } | undefined)?.period;
  const period = typeof oldPeriod === "string" ? oldPeriod : "month";
  switch (kind) {
    case "fixed":
      return { kind, value: undefined };
    case "revenueTarget":
    case "deals":
      return { kind, period };
    case "averageDealValue":
    case "winRate":
      return { kind };
    case "funnelStage":
      return { kind, stageId: firstId(draft, ["objectives", "funnel"]), period };
    case "activity":
      return { kind, activityId: firstId(draft, ["objectives", "activityTargets"]), period };
    case "sla":
      return { kind, slaId: firstId(draft, ["objectives", "slas"]) };
  }
}

/** Where a KPI's target comes from: a fixed number, or a figure of the plan that the KPI then follows. */
export function KpiTargetFields({ kpiPath }: { readonly kpiPath: PlanPath }) {
  const { t } = useI18n();
  const { draft, setField } = usePlanEditor();
  const path = [...kpiPath, "target"];
  const target = getAt(draft, path) as Record<string, unknown> | undefined;
  const kind = target?.kind;
  const periodField = (
    <SelectField path={[...path, "period"]} options={enumOptions(TARGET_PERIODS, t.enums.targetPeriod)} />
  );
  return (
    <>
      <SelectField
        path={[...path, "kind"]}
        options={enumOptions(TARGET_KINDS, t.enums.targetKind)}
        onValueChange={(value) => value && setField(path, targetOfKind(value as TargetKind, target, draft))}
      />
      {kind === "fixed" && <NumberField path={[...path, "value"]} />}
      {kind === "funnelStage" && (
        <SelectField path={[...path, "stageId"]} options={rowOptions(getAt(draft, ["objectives", "funnel"]), "name")} />
      )}
      {kind === "activity" && (
        <SelectField
          path={[...path, "activityId"]}
          options={rowOptions(getAt(draft, ["objectives", "activityTargets"]), "activity")}
        />
      )}
      {kind === "sla" && (
        <SelectField path={[...path, "slaId"]} options={rowOptions(getAt(draft, ["objectives", "slas"]), "activity")} />
      )}
      {(kind === "revenueTarget" || kind === "deals" || kind === "funnelStage" || kind === "activity") && periodField}
    </>
  );
}
