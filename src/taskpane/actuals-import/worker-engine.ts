/**
 * The CRM import engine in a Web Worker, for the page (index.tsx passes `startWorker`, which holds the bundler's
 * `new Worker(new URL(...))`). The worker starts with the first file; where it cannot start (a host that forbids
 * workers), the engine runs on the page's thread instead: slower for large files, the same results.
 */
import type { CrmImportEngine, ExportSummary } from "./import-engine";
import type { CheckedImport } from "./import-model";
import { EngineError, type EngineRequest, type EngineResponse } from "./worker-protocol";

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

type RequestBody = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, "id"> : never) : never;

export function workerEngine(startWorker: () => Worker, onThread: () => Promise<CrmImportEngine>): CrmImportEngine {
  let worker: Worker | undefined;
  let fallback: Promise<CrmImportEngine> | undefined;
  let lastId = 0;
  const waiting = new Map<number, Waiting>();

  /** The worker, started on first use; undefined once it could not start (the fallback then serves every call). */
  const ensureWorker = (): Worker | undefined => {
    if (worker || fallback) return worker;
    try {
      worker = startWorker();
    } catch {
      fallback = onThread();
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<EngineResponse>) => {
      const response = event.data;
      const call = waiting.get(response.id);
      waiting.delete(response.id);
      if (response.ok) call?.resolve(response.value);
      else call?.reject(new EngineError(response.error));
    };
    worker.onerror = (event) => {
      // A worker that fails (its script did not load) fails the calls under way; the next file starts a new one.
      for (const call of waiting.values()) call.reject(new Error(event.message || "The import worker stopped."));
      waiting.clear();
      worker?.terminate();
      worker = undefined;
    };
    return worker;
  };

  const run = <T>(
    request: RequestBody,
    transfer: Transferable[],
    local: (engine: CrmImportEngine) => Promise<T>,
  ): Promise<T> => {
    const target = ensureWorker();
    if (!target) return fallback!.then(local);
    lastId += 1;
    const id = lastId;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: (value) => resolve(value as T), reject });
      target.postMessage({ ...request, id }, transfer);
    });
  };

  return {
    load: (bytes, format) =>
      run<ExportSummary>({ call: "load", bytes, format }, [bytes], (engine) => engine.load(bytes, format)),
    check: (mapping, planCurrency, choices) =>
      run<CheckedImport>({ call: "check", mapping, planCurrency, choices }, [], (engine) =>
        engine.check(mapping, planCurrency, choices),
      ),
  };
}
