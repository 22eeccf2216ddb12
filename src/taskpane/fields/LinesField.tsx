import { Field, Textarea } from "@fluentui/react-components";
import type { PlanPath } from "../draft/path";
import { useI18n } from "../i18n/I18nContext";
import { useControlStyles } from "./useControlStyles";
import { useFieldBinding } from "./useFieldBinding";

export interface LinesFieldProps {
  readonly path: PlanPath;
  readonly label?: string;
}

/**
 * A list of short texts (differentiators, key qualities, industries…), one per line. Blank lines are kept while
 * typing, so Enter starts a new item, and dropped when the field loses focus.
 */
export function LinesField({ path, label }: LinesFieldProps) {
  const { t } = useI18n();
  const controls = useControlStyles();
  const binding = useFieldBinding(path, {
    within: true,
    describeItem: (index) => t.rows.line(index + 1),
    ...(label === undefined ? {} : { label }),
  });
  const lines = Array.isArray(binding.value) ? binding.value.map(String) : [];
  return (
    <Field
      label={binding.label}
      hint={t.hints.lines}
      validationState={binding.message ? "error" : "none"}
      validationMessage={binding.message}
    >
      <Textarea
        className={controls.control}
        data-path={binding.dataPath}
        resize="vertical"
        rows={Math.min(Math.max(lines.length + 1, 3), 8)}
        value={lines.join("\n")}
        onChange={(_, data) => binding.setValue(data.value.split("\n"))}
        onBlur={() => {
          const kept = lines.filter((line) => line.trim() !== "");
          if (kept.length !== lines.length) binding.setValue(kept);
        }}
      />
    </Field>
  );
}
