import { Button, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import type { ShellCatalog } from "../i18n/shell-en";
import { NUMBERED_STEPS, STEP_IDS, type StepId } from "./steps";

const useStyles = makeStyles({
  nav: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  item: { position: "relative" },
  step: { minWidth: "32px", paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  // A dot on steps that have problems; the button's name says it too.
  problemDot: {
    position: "absolute",
    top: "2px",
    right: "2px",
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteRedBackground3,
    pointerEvents: "none",
  },
});

export interface StepNavigationProps {
  readonly current: StepId;
  /** Problems per step; undefined until the plan core has checked the plan (it loads after the first paint). */
  readonly problems: Readonly<Record<StepId, number>> | undefined;
  readonly onSelect: (step: StepId) => void;
  /** The strings of the pane's first script: the navigation shows before the full catalog arrives. */
  readonly t: ShellCatalog;
}

/** The step buttons (any step can be opened) and how far along the current one is. */
export function StepNavigation({ current, problems, onSelect, t }: StepNavigationProps) {
  const styles = useStyles();
  const index = STEP_IDS.indexOf(current);
  return (
    <nav className={styles.nav} aria-label={t.nav.label}>
      <ol className={styles.list}>
        {STEP_IDS.map((step, position) => {
          const count = problems?.[step] ?? 0;
          const number = position === 0 ? t.nav.planDetails : String(position);
          const label = problems
            ? t.nav.stepButton(number, t.steps[step], count > 0 ? t.nav.problemCount(count) : t.nav.noProblems)
            : t.nav.stepButtonUnchecked(number, t.steps[step]);
          return (
            <li key={step} className={styles.item}>
              <Button
                className={styles.step}
                appearance={step === current ? "primary" : "secondary"}
                aria-current={step === current ? "step" : undefined}
                aria-label={label}
                icon={position === 0 ? <DocumentRegular /> : undefined}
                onClick={() => onSelect(step)}
              >
                {position === 0 ? undefined : number}
              </Button>
              {count > 0 && <span className={styles.problemDot} />}
            </li>
          );
        })}
      </ol>
      <ProgressBar
        value={index / NUMBERED_STEPS}
        thickness="large"
        aria-label={index === 0 ? t.nav.detailsProgress : t.nav.stepOf(index, NUMBERED_STEPS)}
      />
    </nav>
  );
}
