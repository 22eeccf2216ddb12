import { Field, Select } from "@fluentui/react-components";
import type { PlanPath } from "../draft/path";
import { useI18n } from "../i18n/I18nContext";
import { useControlStyles } from "./useControlStyles";
import { useFieldBinding } from "./useFieldBinding";

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  readonly path: PlanPath;
  readonly options: readonly SelectOption[];
  readonly label?: string;
  readonly hint?: string;
  /** Offers "None", which leaves the field out of the plan. */
  readonly optional?: boolean;
  /** Stores numbers (a month number) instead of text. */
  readonly numeric?: boolean;
  readonly onValueChange?: (value: string | undefined) => void;
}

/**
 * A choice among fixed values (an enumeration, or the rows of another list). A stored value that is not among the
 * options (a link to a removed row) stays visible, with its validation message, until the user picks another.
 */
export function SelectField({ path, options, label, hint, optional, numeric, onValueChange }: SelectFieldProps) {
  const { t } = useI18n();
  const controls = useControlStyles();
  const binding = useFieldBinding(path, label === undefined ? {} : { label });
  const current = typeof binding.value === "string" || typeof binding.value === "number" ? String(binding.value) : "";
  const known = current === "" || options.some((option) => option.value === current);
  return (
    <Field
      label={binding.label}
      hint={hint}
      validationState={binding.message ? "error" : "none"}
      validationMessage={binding.message}
    >
      <Select
        className={controls.control}
        data-path={binding.dataPath}
        value={current}
        onChange={(_, data) => {
          const raw = data.value === "" ? undefined : data.value;
          if (onValueChange) onValueChange(raw);
          else binding.setValue(raw !== undefined && numeric ? Number(raw) : raw);
        }}
      >
        {(optional || current === "") && <option value="">{optional ? t.hints.noneOption : ""}</option>}
        {!known && <option value={current}>{current}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
