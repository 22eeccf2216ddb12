import { Button, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n/I18nContext";
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
  readonly problems: Readonly<Record<StepId, number>>;
  readonly onSelect: (step: StepId) => void;
}

/** The step buttons (any step can be opened) and how far along the current one is. */
export function StepNavigation({ current, problems, onSelect }: StepNavigationProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const index = STEP_IDS.indexOf(current);
  return (
    <nav className={styles.nav} aria-label={t.nav.label}>
      <ol className={styles.list}>
        {STEP_IDS.map((step, position) => {
          const count = problems[step];
          const status = count > 0 ? t.nav.problemCount(count) : t.nav.noProblems;
          const number = position === 0 ? t.nav.planDetails : String(position);
          return (
            <li key={step} className={styles.item}>
              <Button
                className={styles.step}
                appearance={step === current ? "primary" : "secondary"}
                aria-current={step === current ? "step" : undefined}
                aria-label={t.nav.stepButton(number, t.steps[step], status)}
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
