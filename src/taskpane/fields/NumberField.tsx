import { Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { numberToText, textToNumber, type NumberScale } from "../draft/numbers";
import type { PlanPath } from "../draft/path";
import { useI18n } from "../i18n/I18nContext";
import { useControlStyles } from "./useControlStyles";
import { useFieldBinding } from "./useFieldBinding";

export interface NumberFieldProps {
  readonly path: PlanPath;
  /** `percent`: the plan stores a fraction, the field shows and takes a percentage. */
  readonly scale?: NumberScale;
  /** Shown after the label: "%", "EUR", "months". */
  readonly unit?: string;
  readonly hint?: string;
  /** Shown in the empty field: the value the plan uses when the field is left empty. */
  readonly placeholder?: string;
  readonly label?: string;
}

/**
 * A number typed as text in the pane's language ("0,5" or "0.5", "1 200 000"): the plan gets the number as it is
 * typed, an empty field leaves the value out, and text that is not a number stays on screen with its message.
 */
export function NumberField({ path, scale = "plain", unit, hint, placeholder, label }: NumberFieldProps) {
  const { format } = useI18n();
  const controls = useControlStyles();
  const binding = useFieldBinding(path, {
    ...(label === undefined ? {} : { label }),
    percent: scale === "percent",
  });
  // The text while the user edits; undefined shows the stored value, formatted.
  const [text, setText] = useState<string | undefined>(undefined);
  const shown = text ?? numberToText(binding.value, scale, format.decimalSeparator);
  return (
    <Field
      label={unit ? `${binding.label} (${unit})` : binding.label}
      hint={hint}
      validationState={binding.message ? "error" : "none"}
      validationMessage={binding.message}
    >
      <Input
        className={controls.control}
        data-path={binding.dataPath}
        inputMode="decimal"
        autoComplete="off"
        value={shown}
        placeholder={placeholder}
        onChange={(_, data) => {
          setText(data.value);
          binding.setValue(textToNumber(data.value, scale, format.decimalSeparator));
        }}
        onBlur={() => {
          // Keep text that is not a number, or too large a number (1e400), so the user sees what the message is about.
          setText((current) => {
            if (current === undefined) return undefined;
            const parsed = textToNumber(current, scale, format.decimalSeparator);
            return parsed !== undefined && !Number.isFinite(parsed) ? current : undefined;
          });
        }}
      />
    </Field>
  );
}
