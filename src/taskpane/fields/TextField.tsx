import { Field, Input, type InputProps } from "@fluentui/react-components";
import type { PlanPath } from "../draft/path";
import { useControlStyles } from "./useControlStyles";
import { useFieldBinding } from "./useFieldBinding";

export interface TextFieldProps {
  readonly path: PlanPath;
  readonly hint?: string;
  readonly label?: string;
  /** `date` (YYYY-MM-DD), `month` (YYYY-MM) and `url` use the browser's own controls. */
  readonly type?: Extract<InputProps["type"], "text" | "date" | "month" | "url">;
  /** Turns what is typed into what is stored (currency codes are upper case). */
  readonly transform?: (text: string) => string;
  /** Replaces the plain setter, for fields whose change also changes others (a row's name and its id). */
  readonly onValueChange?: (text: string) => void;
}

/** A one-line text, date or month field; an empty optional field stays an empty string. */
export function TextField({ path, hint, label, type = "text", transform, onValueChange }: TextFieldProps) {
  const controls = useControlStyles();
  const binding = useFieldBinding(path, label === undefined ? {} : { label });
  const value = typeof binding.value === "string" ? binding.value : "";
  return (
    <Field
      label={binding.label}
      hint={hint}
      validationState={binding.message ? "error" : "none"}
      validationMessage={binding.message}
    >
      <Input
        className={controls.control}
        data-path={binding.dataPath}
        type={type}
        value={value}
        onChange={(_, data) => {
          const next = transform ? transform(data.value) : data.value;
          if (onValueChange) onValueChange(next);
          else binding.setValue(next);
        }}
      />
    </Field>
  );
}
