import { formatPath } from "../../plan/messages";
import { getAt, type PlanPath } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import { useI18n } from "../i18n/I18nContext";
import { fieldLabel } from "./labels";

export interface FieldBinding {
  readonly value: unknown;
  readonly setValue: (value: unknown) => void;
  readonly label: string;
  /** The field's problems in the pane's language, joined; undefined when there is none. */
  readonly message: string | undefined;
  /** Marks the control with its plan path (tests check that every plan field has one). */
  readonly dataPath: string;
}

/**
 * Binds a control to the plan field at `path`: its value, its setter, its label from the catalog and its validation
 * messages (`within` also takes the problems of its parts, for composite fields).
 */
export function useFieldBinding(
  path: PlanPath,
  options: {
    label?: string;
    within?: boolean;
    describeItem?: (index: number) => string;
    /** The field is typed in percent (25 for 0.25): its bounds read as percentages, "at most 100 %". */
    percent?: boolean;
  } = {},
): FieldBinding {
  const { draft, setField, issues } = usePlanEditor();
  const { t } = useI18n();
  const found = options.within ? issues.within(path) : issues.at(path);
  const message =
    found.length === 0
      ? undefined
      : found
          .map((issue) => {
            const item = issue.path[path.length];
            const problem = options.percent ? issue.percentProblem : issue.problem;
            return typeof item === "number" && options.describeItem
              ? `${options.describeItem(item)}: ${problem}`
              : problem;
          })
          .join("; ");
  return {
    value: getAt(draft, path),
    setValue: (value) => setField(path, value),
    label: options.label ?? fieldLabel(t, path) ?? formatPath(path),
    message,
    dataPath: formatPath(path),
  };
}
