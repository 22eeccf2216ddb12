/** The worker's side of the protocol (worker-protocol.ts): one request run on its engine, answered as a message. */
import { CrmFileError } from "../../crm/messages";
import type { CrmImportEngine } from "./import-engine";
import type { EngineFailure, EngineRequest, EngineResponse } from "./worker-protocol";

function failureOf(error: unknown): EngineFailure {
  if (error instanceof CrmFileError) return { message: error.message, crm: { key: error.key, params: error.params } };
  return { message: error instanceof Error ? error.message : String(error) };
}

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
