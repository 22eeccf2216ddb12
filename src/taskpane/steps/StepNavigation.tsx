import { ProgressBar } from "@fluentui/react-components";
import { DocumentRegular } from "@fluentui/react-icons";
import type { CSSProperties } from "react";
import type { ShellCatalog } from "../i18n/shell-en";
import { ShellButton } from "../shell-controls";
import { tokenVar } from "../token-var";
import { NUMBERED_STEPS, STEP_IDS, type StepId } from "./steps";

/** Inline styles, not makeStyles: this is part of the first script (see token-var.ts). */
const styles = {
  nav: { display: "flex", flexDirection: "column", gap: tokenVar("spacingVerticalS") },
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokenVar("spacingHorizontalXS"),
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  item: { position: "relative" },
  step: { minWidth: "32px", paddingLeft: tokenVar("spacingHorizontalS"), paddingRight: tokenVar("spacingHorizontalS") },
  // A dot on steps that have problems; the button's name says it too.
  problemDot: {
    position: "absolute",
    top: "2px",
    right: "2px",
    width: "8px",
    height: "8px",
    borderRadius: tokenVar("borderRadiusCircular"),
    backgroundColor: tokenVar("colorPaletteRedBackground3"),
    pointerEvents: "none",
  },
} satisfies Record<string, CSSProperties>;

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
  const index = STEP_IDS.indexOf(current);
  return (
    <nav style={styles.nav} aria-label={t.nav.label}>
      <ol style={styles.list}>
        {STEP_IDS.map((step, position) => {
          const count = problems?.[step] ?? 0;
          const number = position === 0 ? t.nav.planDetails : String(position);
          const label = problems
            ? t.nav.stepButton(number, t.steps[step], count > 0 ? t.nav.problemCount(count) : t.nav.noProblems)
            : t.nav.stepButtonUnchecked(number, t.steps[step]);
          return (
            <li key={step} style={styles.item}>
              <ShellButton
                style={styles.step}
                appearance={step === current ? "primary" : "secondary"}
                aria-current={step === current ? "step" : undefined}
                aria-label={label}
                icon={position === 0 ? <DocumentRegular /> : undefined}
                onClick={() => onSelect(step)}
              >
                {position === 0 ? undefined : number}
              </ShellButton>
              {count > 0 && <span style={styles.problemDot} />}
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
