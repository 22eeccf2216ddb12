/** The messages between the pane and the CRM import's worker (crm-import.worker.ts, worker-engine.ts). */
import { CrmFileError, type CrmMessageKey, type CrmMessageParams } from "../../crm/messages";
import type { CrmImportEngine } from "./import-engine";
import type { ColumnMapping } from "../../crm/presets";
import type { ReadingChoices } from "./import-model";
import type { ExportFormat } from "./read-export";

export type EngineRequest =
  | { readonly id: number; readonly call: "load"; readonly bytes: ArrayBuffer; readonly format: ExportFormat }
  | {
      readonly id: number;
      readonly call: "check";
      readonly mapping: ColumnMapping;
      readonly planCurrency: string;
      readonly choices: ReadingChoices;
    };

/** An error as it crosses to the page: a CrmFileError keeps its message key, so the pane can say it in French. */
export interface EngineFailure {
  readonly message: string;
  readonly crm?: { readonly key: CrmMessageKey; readonly params: CrmMessageParams };
}

export type EngineResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: EngineFailure };

function failureOf(error: unknown): EngineFailure {
  if (error instanceof CrmFileError) return { message: error.message, crm: { key: error.key, params: error.params } };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The worker's side: one request run on its engine, its value or its error as a message. */
export async function answerRequest(engine: CrmImportEngine, request: EngineRequest): Promise<EngineResponse> {
  try {
    const value =
      request.call === "load"
        ? await engine.load(request.bytes, request.format)
        : await engine.check(request.mapping, request.planCurrency, request.choices);
    return { id: request.id, ok: true, value };
  } catch (error) {
    return { id: request.id, ok: false, error: failureOf(error) };
  }
}
