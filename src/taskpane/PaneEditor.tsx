/**
 * The part of the pane that loads after the first paint, in its own script chunk (`pane-editor`): the plan core
 * (zod validation and the figures), the step forms, the live results, the workbook and plan-file sections and the
 * notices. The first script (App) shows the header and the step navigation meanwhile.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import { NO_ACTUALS, type Actuals } from "../plan/actuals";
import type { PlanFigures } from "../plan/calculate";
import type { Plan } from "../plan/schema";
import type { PlanDraft } from "./draft/path";
import type { StarterName } from "./draft/starters";
import { CrmImportEngineContext } from "./actuals-import/CrmImportEngineContext";
import type { CrmImportEngine } from "./actuals-import/import-engine";
import { PaneActualsContext } from "./actuals-import/PaneActualsContext";
import { usePlanEditor } from "./editor/PlanEditorContext";
import { SectionDivider } from "./fields/SectionDivider";
import { FilePanel } from "./file/FilePanel";
import type { FileDelivery } from "./file/file-delivery";
import type { SaveFile } from "./file/save-file";
import { useI18n } from "./i18n/I18nContext";
import type { Notice } from "./notice";
import { LiveResults } from "./results/LiveResults";
import { SheetPreviews } from "./results/SheetPreviews";
import { StepPanel } from "./steps/StepPanel";
import type { StepId } from "./steps/steps";
import { useGateway } from "./workbook/GatewayContext";
import { WorkbookPanel } from "./workbook/WorkbookPanel";

export { derivePlanEditor } from "./editor/derive-plan-editor";

export interface PaneNoticesProps {
  readonly notice: Notice | undefined;
  readonly onUndo: (draft: PlanDraft) => void;
  /** The user chose to open the plan the notice offers. */
  readonly onOpenOffer: (draft: PlanDraft) => void;
  /** The browser refused to save the plan. */
  readonly storageRefused: boolean;
}

/** The pane's notice (with its undo) and the warning that the browser does not keep the plan. */
export function PaneNotices({ notice, onUndo, onOpenOffer, storageRefused }: PaneNoticesProps) {
  const { t } = useI18n();
  return (
    <>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text(t)}</MessageBarBody>
          {(notice.undo ?? notice.offer) && (
            <MessageBarActions>
              {notice.undo && (
                <Button size="small" onClick={() => onUndo(notice.undo!)}>
                  {t.start.undo}
                </Button>
              )}
              {notice.offer && (
                <Button size="small" onClick={() => onOpenOffer(notice.offer!)}>
                  {t.storage.open}
                </Button>
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {storageRefused && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.storage.unavailable}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export interface PaneBodyProps {
  readonly step: StepId;
  /** Opens a step, and focuses the field at `field` (a plan path) when given. */
  readonly onGoTo: (step: StepId, field?: string) => void;
  readonly onStart: (starter: StarterName) => void;
  readonly generated: boolean;
  /** The workbook now holds the plan's sheets, and the id stored with its plan (undefined without plan storage). */
  readonly onGenerated: (workbookId: string | undefined) => void;
  readonly onPlanRead: (plan: Plan) => void;
  readonly saveFile: SaveFile;
  readonly fileDelivery: FileDelivery;
  readonly now: () => Date;
  readonly onImported: (plan: Plan, name: string) => void;
  /** The download button outside Excel, given the actuals the pane imported (outside Excel the pane holds them). */
  readonly downloadWorkbook?: ((plan: Plan | undefined, actuals: Actuals) => ReactNode) | undefined;
  readonly chartPreviews?: ((plan: Plan, figures: PlanFigures) => ReactNode) | undefined;
  readonly crmImportEngine?: CrmImportEngine | undefined;
}

/**
 * The current step's form, the live results, the workbook and plan-file sections, and the previews outside Excel.
 * Outside Excel it also holds the actuals imported in step 7, which the downloaded workbook includes.
 */
export function PaneBody(props: PaneBodyProps) {
  const { validation, figures, generation } = usePlanEditor();
  const gateway = useGateway();
  // Outside Excel, the actuals imported in step 7 live here, above the steps, so they survive moving between steps.
  const [actuals, setActuals] = useState<Actuals>(NO_ACTUALS);
  const paneActuals = useMemo(() => ({ actuals, setActuals }), [actuals]);
  return (
    <PaneActualsContext.Provider value={paneActuals}>
      <CrmImportEngineContext.Provider value={props.crmImportEngine}>
        <StepPanel key={generation} step={props.step} onSelect={(next) => props.onGoTo(next)} onStart={props.onStart} />
        <SectionDivider />
        <LiveResults onGoTo={props.onGoTo} />
        <SectionDivider />
        <WorkbookPanel
          generated={props.generated}
          onGenerated={props.onGenerated}
          onPlanRead={props.onPlanRead}
          onGoTo={props.onGoTo}
          downloadWorkbook={props.downloadWorkbook?.(validation.ok ? validation.plan : undefined, actuals)}
        />
        <FilePanel
          saveFile={props.saveFile}
          delivery={props.fileDelivery}
          now={props.now}
          onImported={props.onImported}
        />
        {!gateway.available && validation.ok && figures && (
          <SheetPreviews
            plan={validation.plan}
            figures={figures}
            chartPreviews={props.chartPreviews?.(validation.plan, figures)}
          />
        )}
      </CrmImportEngineContext.Provider>
    </PaneActualsContext.Provider>
  );
}
