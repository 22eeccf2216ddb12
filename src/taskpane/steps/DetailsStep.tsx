import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { LOCALES } from "../../plan/schema";
import { textAt } from "../draft/path";
import type { StarterName } from "../draft/starters";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { FormSection } from "../fields/FormSection";
import { NumberField } from "../fields/NumberField";
import { enumOptions } from "../fields/options";
import { SelectField } from "../fields/SelectField";
import { TextField } from "../fields/TextField";
import { useI18n } from "../i18n/I18nContext";

const useStyles = makeStyles({
  starters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The plan's name, currency, language and calendar, and where to start from. */
export function DetailsStep({ onStart }: { readonly onStart: (starter: StarterName) => void }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { draft } = usePlanEditor();
  const currency = textAt(draft, ["meta", "currency"]);
  const startMonth = textAt(draft, ["meta", "startMonth"]);
  return (
    <>
      <FormSection title={t.sections.start}>
        <Caption1>{t.start.intro}</Caption1>
        <div className={styles.starters}>
          <Button onClick={() => onStart("blank")}>{t.start.blank}</Button>
          <Button onClick={() => onStart("fr-reference")}>{t.start.frenchExample}</Button>
          <Button onClick={() => onStart("en-saas")}>{t.start.englishExample}</Button>
        </div>
      </FormSection>
      <FormSection title={t.sections.details}>
        <TextField path={["meta", "planName"]} />
        <TextField path={["meta", "company"]} />
        <TextField
          path={["meta", "currency"]}
          hint={format.currencyName(currency)}
          transform={(text) => text.toUpperCase().slice(0, 3)}
        />
        <SelectField path={["meta", "locale"]} options={enumOptions(LOCALES, t.enums.locale)} />
        <TextField path={["meta", "startMonth"]} type="month" hint={format.month(startMonth)} />
        <NumberField path={["meta", "horizonMonths"]} unit={t.units.months} />
        <SelectField
          path={["meta", "fiscalYearStartMonth"]}
          numeric
          options={MONTHS.map((month) => ({ value: String(month), label: format.monthName(month) }))}
        />
        <NumberField path={["meta", "workingDaysPerMonth"]} unit={t.units.days} placeholder="21" />
      </FormSection>
    </>
  );
}
