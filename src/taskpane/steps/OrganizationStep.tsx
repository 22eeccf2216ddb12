import { getAt, listAt, textAt } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { LinesField } from "../fields/LinesField";
import { NumberField } from "../fields/NumberField";
import { rowOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { FormSection } from "../fields/FormSection";
import { TextAreaField } from "../fields/TextAreaField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { RowNameField } from "../lists/RowNameField";
import { RampField } from "./RampField";

/** Step 3: the roles, their workload or quota, pay, ramp, attrition and hiring lead time. */
export function OrganizationStep() {
  const { t, format } = useI18n();
  const { draft, figures } = usePlanEditor();
  const currency = textAt(draft, ["meta", "currency"]);
  const activities = listAt(draft, ["objectives", "activityTargets"]) as Record<string, unknown>[];
  return (
    <>
      <FormSection title={t.sections.quota}>
        <NumberField
          path={["organization", "quotaOverAssignment"]}
          scale="percent"
          unit={t.units.percent}
          placeholder="0"
        />
      </FormSection>
      <RowList
        path={["organization", "roles"]}
        listKey="organization.roles"
        nameField="title"
        foldable
        ids={{ nameField: "title", fallback: "role", references: "role" }}
        newRow={() => ({
          title: "",
          responsibilities: "",
          keyQualities: [],
          utilization: 1,
          baseSalary: undefined,
          variablePay: 0,
          currentHeadcount: 0,
          ramp: 0,
          attritionRateAnnual: 0,
          hiringLeadTimeMonths: 0,
          quotaAttainment: 1,
          targetShare: 1,
        })}
        summary={(index) => {
          const role = figures?.roles[index];
          return role && t.hints.roleFigures(format.integer(role.requiredHeadcount), format.money(role.annualCost));
        }}
      >
        {(_, path) => {
          const activityId = getAt(draft, [...path, "activityId"]);
          const activity = activities.find((item) => item.id === activityId);
          const activityUnit = typeof activity?.unit === "string" ? activity.unit : "";
          return (
            <>
              <RowNameField field="title" />
              <TextAreaField path={[...path, "responsibilities"]} />
              <LinesField path={[...path, "keyQualities"]} />
              <SelectField path={[...path, "activityId"]} optional options={rowOptions(activities, "activity")} />
              <NumberField path={[...path, "capacityPerPersonPerDay"]} unit={t.units.perDay(activityUnit)} />
              <NumberField
                path={[...path, "utilization"]}
                scale="percent"
                unit={t.units.percent}
                placeholder="100"
                hint={t.hints.utilization}
              />
              <NumberField path={[...path, "baseSalary"]} unit={currency} />
              <NumberField path={[...path, "variablePay"]} unit={currency} placeholder="0" />
              <NumberField path={[...path, "currentHeadcount"]} unit={t.units.people} />
              <NumberField
                path={[...path, "plannedHeadcount"]}
                unit={t.units.people}
                hint={`${t.hints.optional} ${t.hints.plannedHeadcount}`}
              />
              <RampField rolePath={path} />
              <NumberField
                path={[...path, "attritionRateAnnual"]}
                scale="percent"
                unit={t.units.percent}
                placeholder="0"
              />
              <NumberField path={[...path, "hiringLeadTimeMonths"]} unit={t.units.months} placeholder="0" />
              <NumberField path={[...path, "quotaPerMonth"]} unit={currency} hint={t.hints.optional} />
              <NumberField
                path={[...path, "quotaAttainment"]}
                scale="percent"
                unit={t.units.percent}
                placeholder="100"
              />
              <NumberField
                path={[...path, "targetShare"]}
                scale="percent"
                unit={t.units.percent}
                placeholder="100"
                hint={t.hints.targetShare}
              />
              <TextField path={[...path, "overlay", "supportsRoleId"]} hint={t.hints.optional} />
              <NumberField
                path={[...path, "overlay", "peoplePerOverlay"]}
                unit={t.units.people}
                hint={t.hints.optional}
              />
              <RowIdField />
            </>
          );
        }}
      </RowList>
    </>
  );
}
