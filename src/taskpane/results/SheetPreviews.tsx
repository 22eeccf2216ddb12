import { Body1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { PlanFigures } from "../../plan/calculate";
import type { Plan } from "../../plan/schema";
import { useI18n } from "../i18n/I18nContext";
import { currentHeadcounts } from "./LiveResults";
import { FunnelTable, HeadcountTable, HiresTable } from "./PlanTables";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export interface SheetPreviewsProps {
  readonly plan: Plan;
  readonly figures: PlanFigures;
  /**
   * The SVG pictures of the workbook's charts (`PaneExtensions.chartPreviews`), drawn from the same plan and
   * figures.
   */
  readonly chartPreviews?: ReactNode;
}

/** Outside Excel: what the workbook's key tables will hold, with every period view and pay column. */
export function SheetPreviews({ plan, figures, chartPreviews }: SheetPreviewsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.section} aria-labelledby="sheet-previews-heading">
      <Title3 as="h2" id="sheet-previews-heading" className={styles.heading}>
        {t.previews.title}
      </Title3>
      <Body1>{t.previews.intro}</Body1>
      <FunnelTable figures={figures} detail="full" />
      <HeadcountTable figures={figures} currentHeadcount={currentHeadcounts(plan)} detail="full" />
      <HiresTable figures={figures} detail="full" />
      {chartPreviews}
    </section>
  );
}
