import { KPI_FREQUENCIES, KPI_UNITS, type KpiUnit } from "../../plan/schema";
import { getAt, listAt, type PlanPath } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { enumOptions, rowOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextAreaField } from "../fields/TextAreaField";
import { TextField } from "../fields/TextField";
import { useI18n, type I18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { RowNameField } from "../lists/RowNameField";
import { KpiTargetFields } from "./KpiTargetFields";
import { MonthlyReviewSlot } from "../actuals-import/MonthlyReviewSlot";

/** A KPI's target in its unit: money, a percentage, a count, hours or days. */
function formatKpiValue({ t, format }: I18n, value: number, unit: unknown): string {
  switch (unit as KpiUnit) {
    case "currency":
      return format.money(value);
    case "percent":
      return format.percent(value);
    case "hours":
      return `${format.number(value)} ${t.units.hours}`;
    case "days":
      return `${format.number(value)} ${t.units.days}`;
    case "count":
    default:
      return format.number(value);
  }
}

/** Step 7: the KPIs, the KPIs per rep, the dashboards, and the monthly review (importing what the CRM recorded). */
export function MeasurementStep() {
  const i18n = useI18n();
  const { t } = i18n;
  const { draft, figures } = usePlanEditor();
  const targetSummary = (list: "kpis" | "repKpis", index: number): string | undefined => {
    const figure = figures?.[list][index];
    if (!figure) return undefined;
    return t.hints.kpiValue(formatKpiValue(i18n, figure.target, getAt(draft, ["measurement", list, index, "unit"])));
  };
  const unitField = (path: PlanPath) => (
    <SelectField path={[...path, "unit"]} options={enumOptions(KPI_UNITS, t.enums.kpiUnit)} />
  );
  return (
    <>
      <RowList
        path={["measurement", "kpis"]}
        listKey="measurement.kpis"
        nameField="name"
        foldable
        ids={{ nameField: "name", fallback: "kpi", references: "none" }}
        newRow={() => ({
          name: "",
          tier: "primary",
          target: { kind: "revenueTarget", period: "month" },
          unit: "currency",
          owner: "",
          frequency: "monthly",
          dataSource: "",
        })}
        summary={(index) => targetSummary("kpis", index)}
      >
        {(_, path) => (
          <>
            <RowNameField field="name" />
            <SelectField
              path={[...path, "tier"]}
              options={enumOptions(["primary", "secondary"] as const, t.enums.tier)}
            />
            <SelectField
              path={[...path, "stageId"]}
              optional
              options={rowOptions(getAt(draft, ["methodology", "stages"]), "name")}
            />
            <KpiTargetFields kpiPath={path} />
            {unitField(path)}
            <TextField path={[...path, "owner"]} />
            <SelectField path={[...path, "frequency"]} options={enumOptions(KPI_FREQUENCIES, t.enums.kpiFrequency)} />
            <TextField path={[...path, "dataSource"]} />
            <RowIdField />
          </>
        )}
      </RowList>
      <RowList
        path={["measurement", "repKpis"]}
        listKey="measurement.repKpis"
        nameField="name"
        foldable
        ids={{ nameField: "name", fallback: "rep-kpi", references: "none" }}
        newRow={(current) => {
          const firstRole = listAt(current, ["organization", "roles"])[0] as Record<string, unknown> | undefined;
          return {
            name: "",
            roleId: typeof firstRole?.id === "string" ? firstRole.id : "",
            target: { kind: "deals", period: "month" },
            unit: "count",
          };
        }}
        summary={(index) => targetSummary("repKpis", index)}
      >
        {(_, path) => (
          <>
            <RowNameField field="name" />
            <SelectField
              path={[...path, "roleId"]}
              options={rowOptions(getAt(draft, ["organization", "roles"]), "title")}
            />
            <KpiTargetFields kpiPath={path} />
            {unitField(path)}
            <RowIdField />
          </>
        )}
      </RowList>
      <RowList
        path={["measurement", "dashboards"]}
        listKey="measurement.dashboards"
        nameField="team"
        newRow={() => ({ team: "", purpose: "", tool: "" })}
      >
        {(_, path) => (
          <>
            <TextField path={[...path, "team"]} />
            <TextAreaField path={[...path, "purpose"]} rows={2} />
            <TextField path={[...path, "tool"]} />
          </>
        )}
      </RowList>
      <MonthlyReviewSlot />
    </>
  );
}
