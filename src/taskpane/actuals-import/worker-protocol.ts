/**
 * The messages between the pane and the CRM import's worker (crm-import.worker.ts, worker-engine.ts). Types and one
 * small error class only: the page's first script holds this module, not the import's message catalog.
 */
import type { CrmMessageKey, CrmMessageParams } from "../../crm/messages";
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

/** A failure reported by the worker, rebuilt on the page (with the import's message key when it had one). */
export class EngineError extends Error {
  readonly crm: EngineFailure["crm"];

  constructor(failure: EngineFailure) {
    super(failure.message);
    this.name = "EngineError";
    this.crm = failure.crm;
  }
}
