import { METHODOLOGIES } from "../../plan/schema";
import { LinesField } from "../fields/LinesField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextAreaField } from "../fields/TextAreaField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { RowNameField } from "../lists/RowNameField";

/** Step 5: the sales stages with their activities, owner, methodology and exit criteria. */
export function MethodologyStep() {
  const { t } = useI18n();
  return (
    <RowList
      path={["methodology", "stages"]}
      listKey="methodology.stages"
      nameField="name"
      foldable
      ids={{ nameField: "name", fallback: "stage", references: "salesStage" }}
      newRow={() => ({
        name: "",
        description: "",
        activities: [],
        owner: "",
        methodology: "Other",
        exitCriteria: "",
        playbookUrl: "",
      })}
    >
      {(_, path) => (
        <>
          <RowNameField field="name" />
          <TextAreaField path={[...path, "description"]} rows={2} />
          <LinesField path={[...path, "activities"]} />
          <TextField path={[...path, "owner"]} />
          <SelectField path={[...path, "methodology"]} options={enumOptions(METHODOLOGIES, t.enums.methodology)} />
          <TextAreaField path={[...path, "exitCriteria"]} rows={2} />
          <TextField path={[...path, "playbookUrl"]} type="url" hint={t.hints.optional} />
          <RowIdField />
        </>
      )}
    </RowList>
  );
}
