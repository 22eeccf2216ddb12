import { INITIATIVE_CATEGORIES, INITIATIVE_STATUSES } from "../../plan/schema";
import { textAt, type PlanDraft } from "../draft/path";
import { CheckboxField } from "../fields/CheckboxField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";
import { RowIdField } from "../lists/RowIdField";
import { RowList } from "../lists/RowList";
import { RowNameField } from "../lists/RowNameField";

/** A new initiative spans the plan's first month. */
function firstMonthOf(draft: PlanDraft): { start: string; end: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(textAt(draft, ["meta", "startMonth"]));
  const year = match ? Number(match[1]) : new Date().getFullYear();
  const month = match ? Number(match[2]) : 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const prefix = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  return { start: `${prefix}-01`, end: `${prefix}-${String(lastDay).padStart(2, "0")}` };
}

/** Step 6: the initiatives of the execution plan. */
export function ExecutionStep() {
  const { t } = useI18n();
  return (
    <RowList
      path={["execution", "initiatives"]}
      listKey="execution.initiatives"
      nameField="name"
      foldable
      ids={{ nameField: "name", fallback: "initiative", references: "none" }}
      newRow={(draft) => ({
        name: "",
        category: "other",
        owner: "",
        ...firstMonthOf(draft),
        milestone: false,
        status: "notStarted",
      })}
    >
      {(_, path) => (
        <>
          <RowNameField field="name" />
          <SelectField
            path={[...path, "category"]}
            options={enumOptions(INITIATIVE_CATEGORIES, t.enums.initiativeCategory)}
          />
          <TextField path={[...path, "owner"]} />
          <TextField path={[...path, "start"]} type="date" />
          <TextField path={[...path, "end"]} type="date" />
          <CheckboxField path={[...path, "milestone"]} />
          <SelectField
            path={[...path, "status"]}
            options={enumOptions(INITIATIVE_STATUSES, t.enums.initiativeStatus)}
          />
          <RowIdField />
        </>
      )}
    </RowList>
  );
}
