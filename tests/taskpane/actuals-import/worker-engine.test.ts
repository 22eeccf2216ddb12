/**
 * @jest-environment jsdom
 */
import { TextEncoder } from "node:util";
import { inThreadEngine, type CrmImportEngine } from "../../../src/taskpane/actuals-import/import-engine";
import { workerEngine } from "../../../src/taskpane/actuals-import/worker-engine";
import { answerRequest } from "../../../src/taskpane/actuals-import/engine-requests";
import { fileErrorMessage } from "../../../src/taskpane/actuals-import/import-model";
import type { EngineRequest, EngineResponse } from "../../../src/taskpane/actuals-import/worker-protocol";

/**
 * A Worker stand-in (jsdom has none) that runs the worker's own request handler on a real engine, and passes
 * messages through structuredClone as postMessage does, so only what survives the crossing reaches the pane.
 */
class LoopbackWorker {
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: EngineRequest[] = [];
  private readonly engine = inThreadEngine();

  postMessage(request: EngineRequest): void {
    this.requests.push(request);
    void answerRequest(this.engine, structuredClone(request)).then((response) =>
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent<EngineResponse>),
    );
  }

  terminate(): void {}
}

/** A fresh buffer per call: a load hands its bytes over to the worker (transferred, as in the page). */
const bytesOf = (text: string) => new Uint8Array(new TextEncoder().encode(text)).buffer;

const DEALS = [
  "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Won time",
  "1,Alpha,Ada Kilo,100,EUR,won,2027-01-15",
  "2,Beta,,200,EUR,won,2027-01-16",
].join("\n");

const MAPPING = {
  kind: "deals",
  columns: {
    crmId: "Deal - ID",
    owner: "Deal - Owner",
    value: "Deal - Value",
    status: "Deal - Status",
    wonOn: "Deal - Won time",
  },
} as const;

describe("the CRM import engine in a worker", () => {
  it("loads a file in the worker and checks it there, handing back the summary and the records", async () => {
    const worker = new LoopbackWorker();
    const engine = workerEngine(
      () => worker as unknown as Worker,
      () => Promise.reject(new Error("not used")),
    );
    const summary = await engine.load(bytesOf(DEALS), "csv");
    expect(summary.rowCount).toBe(2);
    expect(summary.headers[2]).toBe("Deal - Owner");
    const checked = await engine.check(MAPPING, "EUR", {});
    expect(checked.kind).toBe("deals");
    expect(checked.result.good.map((row) => row.record.crmId)).toEqual(["1"]);
    expect(checked.result.bad.map((row) => row.rowNumber)).toEqual([3]);
    expect(worker.requests.map((request) => request.call)).toEqual(["load", "check"]);
  });

  it("keeps the import's message key of a file it cannot read, so the pane can word it in French", async () => {
    const engine = workerEngine(
      () => new LoopbackWorker() as unknown as Worker,
      () => Promise.reject(new Error("not used")),
    );
    const failure = await engine.load(bytesOf(" , \n"), "csv").catch((error: unknown) => error);
    expect(fileErrorMessage(failure, "fr-FR")).toBe("Le fichier n’a pas de ligne d’en-tête.");
    expect(fileErrorMessage(failure, "en-US")).toBe("The file holds no header row.");
  });

  it("runs on the page's thread where a worker cannot start", async () => {
    const onThread: CrmImportEngine = inThreadEngine();
    const engine = workerEngine(
      () => {
        throw new Error("Workers are not allowed here");
      },
      () => Promise.resolve(onThread),
    );
    expect((await engine.load(bytesOf(DEALS), "csv")).rowCount).toBe(2);
    expect((await engine.check(MAPPING, "EUR", {})).result.good).toHaveLength(1);
  });

  it("fails the calls under way when the worker stops", async () => {
    let started: { onerror: ((event: ErrorEvent) => void) | null } | undefined;
    const engine = workerEngine(
      () => {
        const silent = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
        started = silent;
        return silent as unknown as Worker;
      },
      () => Promise.reject(new Error("not used")),
    );
    const loading = engine.load(bytesOf(DEALS), "csv");
    started?.onerror?.({ message: "Script error: crm-import-worker.js did not load" } as ErrorEvent);
    await expect(loading).rejects.toThrow("Script error: crm-import-worker.js did not load");
  });
});
