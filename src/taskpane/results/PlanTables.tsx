import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { PlanFigures } from "../../plan/calculate";
import { useI18n } from "../i18n/I18nContext";
import { ScrollTable } from "./ScrollTable";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
});

/** `compact` for the live results; `full` for the sheet previews, with every period view and pay column. */
export type TableDetail = "compact" | "full";

function TableBlock({ title, children }: { readonly title: string; readonly children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.block}>
      <Subtitle2 as="h4" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </div>
  );
}

/** Volumes needed at each funnel stage, then won deals, per year down to per working day. */
export function FunnelTable({ figures, detail }: { readonly figures: PlanFigures; readonly detail: TableDetail }) {
  const { t, format } = useI18n();
  const full = detail === "full";
  const views = (row: PlanFigures["dealsViews"]) =>
    (full
      ? [row.perYear, row.perQuarter, row.perMonth, row.perWeek, row.perWorkingDay]
      : [row.perYear, row.perMonth, row.perWorkingDay]
    ).map((value) => format.number(value));
  const columns = [
    { header: t.results.stage },
    ...(full
      ? [t.results.perYear, t.results.perQuarter, t.results.perMonth, t.results.perWeek, t.results.perDay]
      : [t.results.perYear, t.results.perMonth, t.results.perDay]
    ).map((header) => ({ header, numeric: true })),
  ];
  return (
    <TableBlock title={t.results.funnelTitle}>
      <ScrollTable
        caption={t.results.funnelTitle}
        columns={columns}
        rows={figures.funnel.map((row) => [row.name, ...views(row)])}
        totals={[t.results.wonDeals, ...views(figures.dealsViews)]}
      />
    </TableBlock>
  );
}

/** People needed per role in plan year 1 and what they cost. */
export function HeadcountTable({
  figures,
  currentHeadcount,
  detail,
}: {
  readonly figures: PlanFigures;
  /** Each role's current headcount, from the plan, in the roles' order. */
  readonly currentHeadcount: readonly number[];
  readonly detail: TableDetail;
}) {
  const { t, format } = useI18n();
  if (figures.roles.length === 0) return <Caption1>{t.results.noRoles}</Caption1>;
  const full = detail === "full";
  const columns = [
    { header: t.results.role },
    { header: t.results.current, numeric: true },
    { header: t.results.required, numeric: true },
    ...(full ? [{ header: t.results.ote, numeric: true }] : []),
    { header: t.results.annualCost, numeric: true },
  ];
  return (
    <TableBlock title={t.results.headcountTitle}>
      <ScrollTable
        caption={t.results.headcountTitle}
        columns={columns}
        rows={figures.roles.map((role, index) => [
          role.title,
          format.integer(currentHeadcount[index] ?? 0),
          format.integer(role.requiredHeadcount),
          ...(full ? [format.money(role.ote)] : []),
          format.money(role.annualCost),
        ])}
        totals={[
          t.results.total,
          "",
          format.integer(figures.totalHeadcount),
          ...(full ? [""] : []),
          format.money(figures.totalAnnualCost),
        ]}
      />
    </TableBlock>
  );
}

/**
 * Hires each fiscal quarter of the horizon, one column per role; the full table adds each role's expected headcount
 * at the end of the quarter.
 */
export function HiresTable({ figures, detail }: { readonly figures: PlanFigures; readonly detail: TableDetail }) {
  const { t, format } = useI18n();
  if (figures.roles.length === 0) return null;
  const full = detail === "full";
  const overdue = figures.roles.reduce((total, role) => total + role.requisitionsOverdueAtStart, 0);
  return (
    <TableBlock title={t.results.hiresTitle}>
      <ScrollTable
        caption={t.results.hiresTitle}
        columns={[
          { header: t.results.quarter },
          ...figures.roles.flatMap((role) => [
            { header: full ? `${role.title}: ${t.results.hires}` : role.title, numeric: true },
            ...(full ? [{ header: `${role.title}: ${t.results.headcountEnd}`, numeric: true }] : []),
          ]),
        ]}
        rows={figures.quarters.map((quarter, index) => [
          quarter.label,
          ...figures.roles.flatMap((role) => [
            format.integer(role.hiresByQuarter[index] ?? 0),
            ...(full ? [format.number(role.headcountByQuarter[index] ?? 0)] : []),
          ]),
        ])}
      />
      {overdue > 0 && <Caption1>{t.results.overdue(overdue)}</Caption1>}
    </TableBlock>
  );
}

/** Revenue capacity of the quota-carrying roles next to the revenue target, per fiscal quarter. */
export function CapacityTable({ figures }: { readonly figures: PlanFigures }) {
  const { t, format } = useI18n();
  const capacity = figures.capacityByQuarter;
  if (figures.roles.length === 0) return null;
  if (!capacity) return <Caption1>{t.results.noQuota}</Caption1>;
  return (
    <TableBlock title={t.results.capacityTitle}>
      <ScrollTable
        caption={t.results.capacityTitle}
        columns={[
          { header: t.results.quarter },
          { header: t.results.target, numeric: true },
          { header: t.results.capacity, numeric: true },
        ]}
        rows={figures.quarters.map((quarter, index) => [
          quarter.label,
          format.money(figures.revenueTargetByQuarter[index] ?? 0),
          format.money(capacity[index] ?? 0),
        ])}
      />
    </TableBlock>
  );
}
