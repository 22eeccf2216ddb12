import { Field, Textarea } from "@fluentui/react-components";
import type { PlanPath } from "../draft/path";
import { useControlStyles } from "./useControlStyles";
import { useFieldBinding } from "./useFieldBinding";

export interface TextAreaFieldProps {
  readonly path: PlanPath;
  readonly hint?: string;
  readonly label?: string;
  readonly rows?: number;
  readonly onValueChange?: (text: string) => void;
}

/** A statement or description: several lines of free text. */
export function TextAreaField({ path, hint, label, rows = 3, onValueChange }: TextAreaFieldProps) {
  const controls = useControlStyles();
  const binding = useFieldBinding(path, label === undefined ? {} : { label });
  return (
    <Field
      label={binding.label}
      hint={hint}
      validationState={binding.message ? "error" : "none"}
      validationMessage={binding.message}
    >
      <Textarea
        className={controls.control}
        data-path={binding.dataPath}
        resize="vertical"
        rows={rows}
        value={typeof binding.value === "string" ? binding.value : ""}
        onChange={(_, data) => (onValueChange ? onValueChange(data.value) : binding.setValue(data.value))}
      />
    </Field>
  );
}
