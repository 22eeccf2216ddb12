import { Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { PlanFigures } from "../../plan/calculate";
import { useI18n } from "../i18n/I18nContext";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    gap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  value: { margin: 0, overflowWrap: "anywhere" },
  label: { color: tokens.colorNeutralForeground2 },
});

/** The plan's headline figures: target, deals, top of the funnel, people and cost. */
export function KeyFigures({ figures }: { readonly figures: PlanFigures }) {
  const styles = useStyles();
  const { t, format } = useI18n();
  const items: [string, string][] = [
    [t.results.revenueTarget, format.money(figures.revenueTarget)],
    [t.results.deals, format.number(figures.deals)],
    [t.results.topOfFunnel, format.number(figures.topOfFunnelVolume)],
    [t.results.headcount, format.integer(figures.totalHeadcount)],
    [t.results.cost, format.money(figures.totalAnnualCost)],
  ];
  return (
    <dl className={styles.grid}>
      {items.map(([label, value]) => (
        <div key={label} className={styles.figure}>
          <dt>
            <Caption1 className={styles.label}>{label}</Caption1>
          </dt>
          <dd className={styles.value}>
            <Subtitle1>{value}</Subtitle1>
          </dd>
        </div>
      ))}
    </dl>
  );
}
