import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { formatPath } from "../../plan/messages";
import { numberToText, textToNumber } from "../draft/numbers";
import { getAt, type PlanPath } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { useControlStyles } from "../fields/useControlStyles";
import { useI18n } from "../i18n/I18nContext";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** A linear ramp of N months as the month-by-month list it stands for (the hire month counts 0). */
function monthsToList(months: number): number[] {
  if (!(months > 0)) return [1];
  return Array.from({ length: Math.ceil(months) }, (_, k) => Number((k / months).toPrecision(4)));
}

/**
 * A new hire's ramp: linear over N months, or a productivity percentage for each month after the hire. Both forms
 * are the plan's `ramp` (a number or a list of fractions).
 */
export function RampField({ rolePath }: { readonly rolePath: PlanPath }) {
  const styles = useStyles();
  const controls = useControlStyles();
  const { t, format } = useI18n();
  const { draft, setField, issues } = usePlanEditor();
  const path = [...rolePath, "ramp"];
  const value = getAt(draft, path);
  const kind = Array.isArray(value) ? "list" : "months";
  const [text, setText] = useState<string | undefined>(undefined);
  const kindId = useId();
  const separator = format.decimalSeparator;
  const stored =
    kind === "list"
      ? (value as unknown[]).map((item) => numberToText(item, "percent", separator)).join("; ")
      : numberToText(value, "plain", separator);
  const problems = issues.within(path);
  const message = problems.length ? problems.map((issue) => issue.problem).join("; ") : undefined;
  const label = t.fields["organization.roles.ramp"];

  return (
    <div className={styles.group} role="group" aria-labelledby={kindId}>
      <Field label={{ children: label, id: kindId }}>
        <Select
          className={controls.control}
          value={kind}
          onChange={(_, data) => {
            setText(undefined);
            if (data.value === "list") setField(path, monthsToList(typeof value === "number" ? value : 0));
            else setField(path, Array.isArray(value) ? value.length : 0);
          }}
        >
          <option value="months">{t.rampKinds.months}</option>
          <option value="list">{t.rampKinds.list}</option>
        </Select>
      </Field>
      <Field
        label={kind === "list" ? `${label} (${t.units.percent})` : `${label} (${t.units.months})`}
        hint={kind === "list" ? t.hints.rampList : t.hints.rampMonths}
        validationState={message ? "error" : "none"}
        validationMessage={message}
      >
        <Input
          className={controls.control}
          data-path={formatPath(path)}
          inputMode="decimal"
          autoComplete="off"
          value={text ?? stored}
          placeholder="0"
          onChange={(_, data) => {
            setText(data.value);
            if (kind === "list") {
              const parts = data.value.split(/[;\s]+/).filter((part) => part !== "");
              setField(
                path,
                parts.map((part) => textToNumber(part, "percent", separator) ?? Number.NaN),
              );
            } else {
              setField(path, textToNumber(data.value, "plain", separator));
            }
          }}
          onBlur={() => setText(undefined)}
        />
      </Field>
    </div>
  );
}
