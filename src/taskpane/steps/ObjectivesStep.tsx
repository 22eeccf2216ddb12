import { ACTIVITY_PERIODS, PIPELINE_SOURCES } from "../../plan/schema";
import { textAt } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { FormSection } from "../fields/FormSection";
import { NumberField } from "../fields/NumberField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextAreaField } from "../fields/TextAreaField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { ScenariosEditor } from "./ScenariosEditor";
import { RowNameField } from "../lists/RowNameField";
import { SeasonalityFields } from "./SeasonalityFields";

/** Step 2: the revenue target, the funnel that produces it, activity targets and response-time SLAs. */
export function ObjectivesStep() {
  const { t, format } = useI18n();
  const { draft, figures } = usePlanEditor();
  const currency = textAt(draft, ["meta", "currency"]);
  return (
    <>
      <FormSection title={t.sections.targets}>
        <NumberField path={["objectives", "annualRevenueTarget"]} unit={currency} />
        <NumberField path={["objectives", "averageDealValue"]} unit={currency} />
        <NumberField path={["objectives", "winRateTarget"]} scale="percent" unit={t.units.percent} />
        <NumberField path={["objectives", "annualGrowthRate"]} scale="percent" unit={t.units.percent} placeholder="0" />
        <SelectField
          path={["objectives", "funnelRounding"]}
          options={enumOptions(["up", "none"] as const, t.enums.funnelRounding)}
        />
      </FormSection>
      <SeasonalityFields />
      <FormSection title={t.sections.pipeline}>
        <NumberField path={["objectives", "salesCycleMonths"]} unit={t.units.months} placeholder="0" />
        <NumberField path={["objectives", "pipelineCoverage"]} hint={t.hints.optional} />
        <NumberField
          path={["objectives", "createAndCloseShare"]}
          scale="percent"
          unit={t.units.percent}
          placeholder="0"
        />
        <NumberField
          path={["objectives", "newBusinessShare"]}
          scale="percent"
          unit={t.units.percent}
          placeholder="100"
        />
      </FormSection>
      <RowList
        path={["objectives", "pipelineSources"]}
        listKey="objectives.pipelineSources"
        nameField="source"
        newRow={() => ({ source: "marketing", share: undefined })}
      >
        {(_, path) => (
          <>
            <SelectField path={[...path, "source"]} options={enumOptions(PIPELINE_SOURCES, t.enums.pipelineSource)} />
            <NumberField path={[...path, "share"]} scale="percent" unit={t.units.percent} />
          </>
        )}
      </RowList>
      <RowList
        path={["objectives", "funnel"]}
        listKey="objectives.funnel"
        nameField="name"
        ids={{ nameField: "name", fallback: "stage", references: "funnel" }}
        newRow={() => ({ name: "", conversionRate: undefined })}
        summary={(index) => {
          const row = figures?.funnel[index];
          return row && t.hints.stageVolume(format.number(row.perYear));
        }}
      >
        {(_, path) => (
          <>
            <RowNameField field="name" />
            <NumberField
              path={[...path, "conversionRate"]}
              scale="percent"
              unit={t.units.percent}
              hint={t.hints.percentOfNext}
            />
            <RowIdField />
          </>
        )}
      </RowList>
      <RowList
        path={["objectives", "activityTargets"]}
        listKey="objectives.activityTargets"
        nameField="activity"
        foldable
        ids={{ nameField: "activity", fallback: "activity", references: "activity" }}
        newRow={() => ({ activity: "", unit: "", quantity: undefined, period: "day", expertise: "" })}
        summary={(index) => {
          const activity = figures?.activities[index];
          return activity && t.hints.activityPerDay(format.number(activity.perDay));
        }}
      >
        {(_, path) => (
          <>
            <RowNameField field="activity" />
            <TextField path={[...path, "unit"]} />
            <NumberField path={[...path, "quantity"]} />
            <SelectField path={[...path, "period"]} options={enumOptions(ACTIVITY_PERIODS, t.enums.activityPeriod)} />
            <TextAreaField path={[...path, "expertise"]} rows={2} />
            <RowIdField />
          </>
        )}
      </RowList>
      <RowList
        path={["objectives", "slas"]}
        listKey="objectives.slas"
        nameField="activity"
        ids={{ nameField: "activity", fallback: "sla", references: "sla" }}
        newRow={() => ({ activity: "", maxHours: undefined })}
      >
        {(_, path) => (
          <>
            <RowNameField field="activity" />
            <NumberField path={[...path, "maxHours"]} unit={t.units.hours} />
            <RowIdField />
          </>
        )}
      </RowList>
      <ScenariosEditor />
    </>
  );
}
