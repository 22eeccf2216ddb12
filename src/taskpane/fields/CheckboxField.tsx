import { Checkbox, Field } from "@fluentui/react-components";
import type { PlanPath } from "../draft/path";
import { useFieldBinding } from "./useFieldBinding";

/** A yes/no field, labelled by its own text. */
export function CheckboxField({ path }: { readonly path: PlanPath }) {
  const binding = useFieldBinding(path);
  return (
    <Field validationState={binding.message ? "error" : "none"} validationMessage={binding.message}>
      <Checkbox
        data-path={binding.dataPath}
        label={binding.label}
        checked={binding.value === true}
        onChange={(_, data) => binding.setValue(data.checked === true)}
      />
    </Field>
  );
}
