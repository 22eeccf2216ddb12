import { useCallback, useContext, useRef, useState } from "react";
import { checkMapping, type ColumnQuestionFor } from "../../crm/normalise";
import type { CrmIssue } from "../../crm/messages";
import type { OwnerCount } from "../../crm/owners";
import type { ColumnMapping, ImportKind } from "../../crm/presets";
import type { ActualsImportReport } from "../../workbook/gateway";
import type { PlanDraft } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import type { Catalog } from "../i18n/en";
import { useI18n } from "../i18n/I18nContext";
import { useGateway } from "../workbook/GatewayContext";
import { generationLines } from "../workbook/WorkbookPanel";
import { CrmImportEngineContext } from "./CrmImportEngineContext";
import { inThreadEngine, type ExportSummary } from "./import-engine";
import {
  canRemember,
  fileErrorMessage,
  incomingActuals,
  mappingFor,
  mergeActuals,
  ownersWithoutRole,
  withRememberedMapping,
  type CheckedImport,
  type MappingSource,
  type ReadingChoices,
} from "./import-model";
import { usePaneActuals } from "./PaneActualsContext";
import { exportFormatOf, nextTurn, readBytes } from "./read-export";

export interface LoadedExport {
  readonly name: string;
  readonly kind: ImportKind;
  /** Its headers, first rows and row count; the rows themselves stay in the engine. */
  readonly summary: ExportSummary;
}

export type ImportStage =
  | { readonly status: "idle" }
  | { readonly status: "working"; readonly fraction: number | undefined; readonly message: string }
  | {
      readonly status: "mapping";
      readonly file: LoadedExport;
      readonly start: ColumnMapping;
      readonly issues: readonly CrmIssue[];
      /** No preset nor remembered mapping fits these headers (not a correction the user asked for). */
      readonly unknownHeaders: boolean;
    }
  | {
      readonly status: "checked";
      readonly file: LoadedExport;
      readonly mapping: ColumnMapping;
      readonly source: MappingSource;
      readonly choices: ReadingChoices;
      readonly checked: CheckedImport;
      /** Every question asked about this file so far, answered or not: the answers stay visible and can change. */
      readonly asked: readonly ColumnQuestionFor[];
      /** Owners of the good rows the plan had no role for when the file was checked (their choices show in the plan). */
      readonly ownersToPlace: readonly OwnerCount[];
      readonly notRemembered: boolean;
    }
  | {
      readonly status: "done";
      readonly outcome: "success" | "error" | "info";
      readonly title: string | undefined;
      readonly lines: readonly string[];
    };

function workbookLines(t: Catalog, report: ActualsImportReport, kind: ImportKind): string[] {
  const counts = report[kind];
  return [
    ...generationLines(t, report, t.actualsImport.importedWorkbook),
    t.actualsImport.mergeCounts(t.actualsImport.kinds[kind], counts.added, counts.updated, counts.kept),
    ...(report.actualsBackups.length ? [t.actualsImport.actualsBackups(report.actualsBackups.join(", "))] : []),
  ];
}

/**
 * The import flow: read the file (with progress, yielding to the browser between phases), find its mapping (the
 * user's own for these columns, a CRM preset, or a form), check its rows, then import the good rows or nothing.
 * Inside Excel the gateway writes them (all or nothing); in a browser the pane keeps them for the downloaded workbook.
 */
export function useActualsImport() {
  const { t, language } = useI18n();
  const { draft, updateDraft, validation } = usePlanEditor();
  const gateway = useGateway();
  const paneActuals = usePaneActuals();
  const providedEngine = useContext(CrmImportEngineContext);
  const [ownEngine] = useState(() => (providedEngine ? undefined : inThreadEngine()));
  const engine = providedEngine ?? ownEngine!;
  const [stage, setStage] = useState<ImportStage>({ status: "idle" });
  const runId = useRef(0);
  // The async steps read the plan as it is when they finish, not as it was when the file was chosen.
  const draftRef = useRef<PlanDraft>(draft);
  draftRef.current = draft;
  const planCurrency = typeof draft.meta?.currency === "string" ? draft.meta.currency : "";

  const check = useCallback(
    async (
      id: number,
      file: LoadedExport,
      mapping: ColumnMapping,
      source: MappingSource,
      choices: ReadingChoices,
      notRemembered = false,
      askedBefore: readonly ColumnQuestionFor[] = [],
    ) => {
      setStage({ status: "working", fraction: 0.6, message: t.actualsImport.checking(file.summary.rowCount) });
      await nextTurn();
      let checked: CheckedImport;
      try {
        checked = await engine.check(mapping, planCurrency, choices);
      } catch (error) {
        const message = t.actualsImport.unreadable(file.name, fileErrorMessage(error, language));
        if (runId.current === id) setStage({ status: "done", outcome: "error", title: undefined, lines: [message] });
        return;
      }
      if (runId.current !== id) return;
      if (checked.result.mappingIssues.length > 0) {
        setStage({
          status: "mapping",
          file,
          start: mapping,
          issues: checked.result.mappingIssues,
          unknownHeaders: false,
        });
        return;
      }
      setStage({
        status: "checked",
        file,
        mapping,
        source,
        choices,
        checked,
        asked: [
          ...askedBefore,
          ...checked.result.questions.filter(
            (entry) =>
              !askedBefore.some((seen) => seen.column === entry.column && seen.question.kind === entry.question.kind),
          ),
        ],
        ownersToPlace: ownersWithoutRole(checked, draftRef.current),
        notRemembered,
      });
    },
    [t, language, planCurrency, engine],
  );

  const chooseFile = useCallback(
    async (file: File, kind: ImportKind) => {
      runId.current += 1;
      const id = runId.current;
      const fail = (line: string) => setStage({ status: "done", outcome: "error", title: undefined, lines: [line] });
      const format = exportFormatOf(file.name);
      if (format === undefined) return fail(t.actualsImport.notAnExport(file.name));
      setStage({ status: "working", fraction: 0, message: t.actualsImport.reading(file.name) });
      let summary: ExportSummary;
      try {
        await nextTurn();
        const bytes = await readBytes(file);
        if (runId.current !== id) return;
        setStage({ status: "working", fraction: 0.3, message: t.actualsImport.parsing(file.name) });
        summary = await engine.load(bytes, format);
      } catch (error) {
        if (runId.current === id) fail(t.actualsImport.unreadable(file.name, fileErrorMessage(error, language)));
        return;
      }
      if (runId.current !== id) return;
      if (summary.rowCount === 0) return fail(t.actualsImport.noRows(file.name));
      const loaded: LoadedExport = { name: file.name, kind, summary };
      const found = mappingFor(draftRef.current, kind, summary.headers);
      if (!found) {
        setStage({ status: "mapping", file: loaded, start: { kind, columns: {} }, issues: [], unknownHeaders: true });
        return;
      }
      await check(id, loaded, found.mapping, found.source, {});
    },
    [t, language, check, engine],
  );

  /** The user's mapping: checked against the file, remembered in the plan for these columns, then the rows read. */
  const confirmMapping = useCallback(
    async (mapping: ColumnMapping) => {
      if (stage.status !== "mapping") return;
      const { file } = stage;
      const { headers } = file.summary;
      const issues = checkMapping(mapping, headers);
      if (issues.length > 0) {
        setStage({ ...stage, start: mapping, issues });
        return;
      }
      const remember = canRemember(headers);
      if (remember) updateDraft((current) => withRememberedMapping(current, mapping, headers));
      runId.current += 1;
      await check(runId.current, file, mapping, { kind: "manual" }, {}, !remember);
    },
    [stage, updateDraft, check],
  );

  const editMapping = useCallback(() => {
    if (stage.status !== "checked") return;
    setStage({ status: "mapping", file: stage.file, start: stage.mapping, issues: [], unknownHeaders: false });
  }, [stage]);

  const answer = useCallback(
    async (choice: ReadingChoices) => {
      if (stage.status !== "checked") return;
      runId.current += 1;
      const choices = { ...stage.choices, ...choice };
      await check(runId.current, stage.file, stage.mapping, stage.source, choices, stage.notRemembered, stage.asked);
    },
    [stage, check],
  );

  const discard = useCallback(() => {
    runId.current += 1;
    setStage({ status: "done", outcome: "info", title: undefined, lines: [t.actualsImport.nothingImported] });
  }, [t]);

  const apply = useCallback(async () => {
    if (stage.status !== "checked" || stage.checked.result.good.length === 0) return;
    runId.current += 1;
    const id = runId.current;
    const { checked } = stage;
    if (!gateway.available) {
      const merged = mergeActuals(paneActuals.actuals, checked);
      paneActuals.setActuals(merged.actuals);
      const { added, updated, kept } = merged.counts;
      setStage({
        status: "done",
        outcome: "success",
        title: t.actualsImport.browserTitle,
        lines: [
          t.actualsImport.mergeCounts(t.actualsImport.kinds[checked.kind], added, updated, kept),
          t.actualsImport.browserHolding(merged.actuals.deals.length, merged.actuals.activities.length),
        ],
      });
      return;
    }
    if (!validation.ok) return;
    setStage({ status: "working", fraction: undefined, message: t.actualsImport.starting });
    try {
      const report = await gateway.importActuals(validation.plan, incomingActuals(checked), (progress) => {
        if (runId.current === id) setStage({ status: "working", ...progress });
      });
      if (runId.current === id)
        setStage({
          status: "done",
          outcome: "success",
          title: t.actualsImport.workbookTitle,
          lines: workbookLines(t, report, checked.kind),
        });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (runId.current === id)
        setStage({ status: "done", outcome: "error", title: t.actualsImport.failed, lines: [message] });
    }
  }, [stage, gateway, paneActuals, validation, t]);

  const cancel = useCallback(() => {
    runId.current += 1;
    setStage({ status: "idle" });
  }, []);

  return { stage, chooseFile, confirmMapping, editMapping, answer, apply, discard, cancel };
}
