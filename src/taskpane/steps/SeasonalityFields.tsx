import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, setAt } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { FormSection } from "../fields/FormSection";
import { NumberField } from "../fields/NumberField";
import { SelectField } from "../fields/SelectField";
import { useI18n } from "../i18n/I18nContext";

const useStyles = makeStyles({
  weights: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const PATH = ["objectives", "seasonality"] as const;

/** Quarter weights become month weights by repeating each one; month weights become quarter weights by summing. */
function convertWeights(weights: readonly unknown[], granularity: string): number[] {
  const numbers = weights.map((weight) => (typeof weight === "number" && Number.isFinite(weight) ? weight : 0));
  if (granularity === "month")
    return [0, 1, 2, 3].flatMap((quarter) => Array(3).fill(numbers[quarter] ?? 1) as number[]);
  return [0, 1, 2, 3].map((quarter) => numbers.slice(3 * quarter, 3 * quarter + 3).reduce((a, b) => a + b, 0));
}

/** How the revenue target spreads over the fiscal year: relative weights by quarter or by month. */
export function SeasonalityFields() {
  const styles = useStyles();
  const { t, format } = useI18n();
  const { draft, updateDraft, issues, figures } = usePlanEditor();
  const granularity = getAt(draft, [...PATH, "granularity"]) === "month" ? "month" : "quarter";
  const weights = getAt(draft, [...PATH, "weights"]);
  const count = granularity === "month" ? 12 : 4;
  return (
    <FormSection title={t.sections.seasonality}>
      <SelectField
        path={[...PATH, "granularity"]}
        options={[
          { value: "quarter", label: t.enums.granularity.quarter },
          { value: "month", label: t.enums.granularity.month },
        ]}
        onValueChange={(value) =>
          updateDraft((current) =>
            setAt(current, PATH, {
              granularity: value ?? "quarter",
              weights: convertWeights(Array.isArray(weights) ? weights : [], value ?? "quarter"),
            }),
          )
        }
      />
      {issues.at([...PATH, "weights"]).map((issue, index) => (
        <Caption1 key={index} className={styles.problem}>
          {`${t.fields["objectives.seasonality.weights"]}: ${issue.problem}`}
        </Caption1>
      ))}
      <div className={styles.weights}>
        {Array.from({ length: count }, (_, index) => {
          const name = granularity === "month" ? t.rows.fiscalMonth(index + 1) : t.rows.quarter(index + 1);
          const share = granularity === "quarter" ? figures?.seasonality[index]?.share : undefined;
          return (
            <NumberField
              key={`${granularity}-${index}`}
              path={[...PATH, "weights", index]}
              label={t.rows.weight(name)}
              hint={share === undefined ? undefined : t.hints.weightShare(format.percent(share))}
            />
          );
        })}
      </div>
    </FormSection>
  );
}
