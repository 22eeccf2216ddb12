import { Body1, Caption1, makeStyles, Spinner, Title3, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Plan } from "../../plan/schema";
import { useI18n } from "../i18n/I18nContext";

/** A chart drawn as an SVG document. */
export interface ChartPicture {
  readonly id: string;
  readonly title: string;
  readonly sheet: string;
  readonly svg: string;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  picture: {
    width: "100%",
    height: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface ChartPreviewsProps {
  readonly plan: Plan;
  /** Draws the plan's charts (loads the layout and the SVG renderer on first use). */
  readonly draw: (plan: Plan) => Promise<readonly ChartPicture[]>;
}

type PreviewState =
  | { readonly status: "drawing" }
  | { readonly status: "ready"; readonly pictures: readonly ChartPicture[] }
  | { readonly status: "failed"; readonly message: string };

/** How long the plan must stay unchanged before the charts are drawn again (typing should not redraw them all). */
const REDRAW_DELAY_MS = 400;

/** Outside Excel: the workbook's charts as pictures, redrawn a moment after the plan stops changing. */
export function ChartPreviews({ plan, draw }: ChartPreviewsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<PreviewState>({ status: "drawing" });

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      draw(plan).then(
        (pictures) => current && setState({ status: "ready", pictures }),
        (error: unknown) =>
          current && setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
      );
    }, REDRAW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [plan, draw]);

  return (
    <section className={styles.section} aria-labelledby="chart-previews-heading">
      <Title3 as="h2" id="chart-previews-heading" className={styles.heading}>
        {t.previews.chartsTitle}
      </Title3>
      {state.status === "drawing" && <Spinner size="tiny" label={t.previews.drawing} />}
      {state.status === "failed" && <Body1>{t.previews.chartsFailed(state.message)}</Body1>}
      {state.status === "ready" &&
        state.pictures.map((picture) => (
          <figure key={picture.id} className={styles.figure}>
            <img
              className={styles.picture}
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`}
              alt={t.previews.chartAlt(picture.title, picture.sheet)}
            />
            <Caption1 as="p">{t.previews.chartCaption(picture.title, picture.sheet)}</Caption1>
          </figure>
        ))}
    </section>
  );
}
