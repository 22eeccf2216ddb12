import { Caption1 } from "@fluentui/react-components";
import { listAt, textAt } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { NumberField } from "../fields/NumberField";
import { useI18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { RowNameField } from "../lists/RowNameField";

/**
 * The plan's scenarios (step 2): each a name and the drivers it overrides; an empty field keeps the base plan's
 * value. Percentages are typed in percent, factors as factors. The live results show any scenario and compare them.
 */
export function ScenariosEditor() {
  const { t } = useI18n();
  const { draft } = usePlanEditor();
  const stages = listAt(draft, ["objectives", "funnel"]).map((_, index) => ({
    id: textAt(draft, ["objectives", "funnel", index, "id"]),
    name: textAt(draft, ["objectives", "funnel", index, "name"]),
  }));
  return (
    <>
      <Caption1>{t.scenarios.editorHint}</Caption1>
      <RowList
        path={["scenarios"]}
        listKey="scenarios"
        nameField="name"
        foldable
        ids={{ nameField: "name", fallback: "scenario", references: "none" }}
        newRow={() => ({ name: "", overrides: {} })}
      >
        {(_, path) => {
          const driver = (field: string) => [...path, "overrides", field];
          return (
            <>
              <RowNameField field="name" />
              <NumberField path={driver("annualRevenueTarget")} />
              <NumberField path={driver("annualGrowthRate")} scale="percent" unit="%" />
              <NumberField path={driver("averageDealValue")} />
              <NumberField path={driver("winRateTarget")} scale="percent" unit="%" />
              <NumberField path={driver("conversionFactor")} />
              {stages
                .filter((stage) => stage.id !== "")
                .map((stage) => (
                  <NumberField
                    key={stage.id}
                    path={[...path, "overrides", "conversionRates", stage.id]}
                    label={t.scenarios.stageRate(stage.name || stage.id)}
                    scale="percent"
                    unit="%"
                  />
                ))}
              <NumberField path={driver("capacityFactor")} />
              <NumberField path={driver("utilization")} scale="percent" unit="%" />
              <NumberField path={driver("quotaAttainment")} scale="percent" unit="%" />
              <NumberField path={driver("rampMonths")} />
              <NumberField path={driver("attritionRateAnnual")} scale="percent" unit="%" />
              <NumberField path={driver("hiringLeadTimeMonths")} />
              <RowIdField />
            </>
          );
        }}
      </RowList>
    </>
  );
}
