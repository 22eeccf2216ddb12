import { Body1, Button, Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular, ArrowRightRegular } from "@fluentui/react-icons";
import type { StarterName } from "../draft/starters";
import { useI18n } from "../i18n/I18nContext";
import { AudienceStep } from "./AudienceStep";
import { DetailsStep } from "./DetailsStep";
import { ExecutionStep } from "./ExecutionStep";
import { MeasurementStep } from "./MeasurementStep";
import { MethodologyStep } from "./MethodologyStep";
import { MissionStep } from "./MissionStep";
import { ObjectivesStep } from "./ObjectivesStep";
import { OrganizationStep } from "./OrganizationStep";
import { NUMBERED_STEPS, STEP_IDS, type StepId } from "./steps";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0, ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  pager: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface StepPanelProps {
  readonly step: StepId;
  readonly onSelect: (step: StepId) => void;
  readonly onStart: (starter: StarterName) => void;
}

function StepForm({ step, onStart }: { step: StepId; onStart: (starter: StarterName) => void }) {
  switch (step) {
    case "details":
      return <DetailsStep onStart={onStart} />;
    case "mission":
      return <MissionStep />;
    case "objectives":
      return <ObjectivesStep />;
    case "organization":
      return <OrganizationStep />;
    case "audience":
      return <AudienceStep />;
    case "methodology":
      return <MethodologyStep />;
    case "execution":
      return <ExecutionStep />;
    case "measurement":
      return <MeasurementStep />;
  }
}

/**
 * One step of the plan: its title, where it stands in the seven, its form, and the way to the next one. The heading
 * takes the focus when the user moves to another step (see App), so keyboard users land at the top of the new form.
 */
export function StepPanel({ step, onSelect, onStart }: StepPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const index = STEP_IDS.indexOf(step);
  const previous = STEP_IDS[index - 1];
  const next = STEP_IDS[index + 1];
  return (
    <section className={styles.panel} aria-labelledby="step-heading">
      <header className={styles.header}>
        <Caption1>{index === 0 ? t.nav.detailsProgress : t.nav.stepOf(index, NUMBERED_STEPS)}</Caption1>
        <Title3 as="h2" id="step-heading" className={styles.heading} tabIndex={-1}>
          {t.steps[step]}
        </Title3>
        <Body1>{t.stepIntros[step]}</Body1>
      </header>
      <StepForm step={step} onStart={onStart} />
      <div className={styles.pager}>
        {previous ? (
          <Button icon={<ArrowLeftRegular />} onClick={() => onSelect(previous)}>
            {`${t.nav.previous}: ${t.steps[previous]}`}
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onSelect(next)}>
            {`${t.nav.next}: ${t.steps[next]}`}
          </Button>
        )}
      </div>
    </section>
  );
}
