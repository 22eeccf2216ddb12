import { Body1, Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { PlanIssue } from "../../plan/validate";
import { describeLocation } from "../fields/labels";
import { problemAsShown } from "../fields/percent-fields";
import { useI18n } from "../i18n/I18nContext";
import { stepOfPath, type StepId } from "../steps/steps";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: { overflowWrap: "anywhere" },
  link: { display: "inline", textAlign: "start" },
});

export interface ProblemListProps {
  readonly issues: readonly PlanIssue[];
  /** Opens the step of a problem and focuses its field. */
  readonly onGoTo: (step: StepId, field: string) => void;
  /** How many to list before "show every problem". */
  readonly limit?: number;
}

/** The plan's problems, each naming its step, row and field, with a link to it. */
export function ProblemList({ issues, onGoTo, limit = 5 }: ProblemListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? issues : issues.slice(0, limit);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((issue, index) => (
          <li key={`${index}-${issue.message}`} className={styles.item}>
            <Body1>
              <Link as="button" className={styles.link} onClick={() => onGoTo(stepOfPath(issue.path), issue.field)}>
                {describeLocation(t, issue.path)}
              </Link>
              {`: ${problemAsShown(issue)}`}
            </Body1>
          </li>
        ))}
      </ul>
      {!showAll && issues.length > limit && (
        <Button appearance="subtle" size="small" onClick={() => setShowAll(true)}>
          {`${t.problems.more(issues.length - limit)} ${t.problems.showAll}`}
        </Button>
      )}
    </>
  );
}
