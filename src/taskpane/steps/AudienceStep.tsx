import { SEGMENT_PRIORITIES } from "../../plan/schema";
import { FormSection } from "../fields/FormSection";
import { LinesField } from "../fields/LinesField";
import { NumberField } from "../fields/NumberField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextAreaField } from "../fields/TextAreaField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { RowList } from "../lists/RowList";

const CRITERIA = ["audience", "accountCriteria"] as const;
const PERSONA_TEXTS = ["profile", "demographics", "traits", "challenges", "goals", "ourSolution"] as const;

/** Step 4: target account criteria, segments and personas. */
export function AudienceStep() {
  const { t } = useI18n();
  return (
    <>
      <FormSection title={t.sections.accountCriteria}>
        <LinesField path={[...CRITERIA, "industries"]} />
        <NumberField path={[...CRITERIA, "employeeRange", "min"]} placeholder="0" />
        <NumberField path={[...CRITERIA, "employeeRange", "max"]} hint={t.hints.employeeMax} />
        <LinesField path={[...CRITERIA, "fundingStages"]} />
        <LinesField path={[...CRITERIA, "otherCriteria"]} />
      </FormSection>
      <RowList
        path={["audience", "segments"]}
        listKey="audience.segments"
        nameField="name"
        newRow={() => ({ name: "", criteria: "", priority: "medium" })}
      >
        {(_, path) => (
          <>
            <TextField path={[...path, "name"]} />
            <TextAreaField path={[...path, "criteria"]} rows={2} />
            <SelectField path={[...path, "priority"]} options={enumOptions(SEGMENT_PRIORITIES, t.enums.priority)} />
          </>
        )}
      </RowList>
      <RowList
        path={["audience", "personas"]}
        listKey="audience.personas"
        nameField="name"
        foldable
        newRow={() => ({
          name: "",
          role: "",
          profile: "",
          demographics: "",
          traits: "",
          challenges: "",
          goals: "",
          ourSolution: "",
        })}
      >
        {(_, path) => (
          <>
            <TextField path={[...path, "name"]} />
            <TextField path={[...path, "role"]} />
            {PERSONA_TEXTS.map((field) => (
              <TextAreaField key={field} path={[...path, field]} rows={2} />
            ))}
          </>
        )}
      </RowList>
    </>
  );
}
