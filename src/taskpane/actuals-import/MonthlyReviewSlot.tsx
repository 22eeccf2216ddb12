import { Button, Spinner, Text } from "@fluentui/react-components";
import { useI18n } from "../i18n/I18nContext";
import { loadable, useLoaded } from "../lazy/loadable";

/** The monthly review and the CRM import's core (papaparse, presets) load when step 7 opens, not with the editor. */
const monthlyReviewPart = loadable(
  async () => (await import(/* webpackChunkName: "actuals-import" */ "./MonthlyReview")).MonthlyReview,
);

export function MonthlyReviewSlot() {
  const { t } = useI18n();
  const part = useLoaded(monthlyReviewPart);
  if (part.status === "ready") {
    const MonthlyReview = part.value;
    return <MonthlyReview />;
  }
  if (part.status === "failed") {
    return (
      <div role="alert">
        <Text>{t.app.loadFailed(part.error.message)}</Text>{" "}
        <Button size="small" onClick={() => void monthlyReviewPart.load().catch(() => undefined)}>
          {t.app.retryLoad}
        </Button>
      </div>
    );
  }
  return <Spinner size="tiny" label={t.actualsImport.title} />;
}
