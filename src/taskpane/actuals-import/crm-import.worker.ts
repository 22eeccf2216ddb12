/**
 * The CRM import's worker: parses and checks an export off the page's thread (see import-engine.ts). Started by
 * worker-engine.ts from the composition root (index.tsx); nothing here touches the DOM.
 */
import { inThreadEngine } from "./import-engine";
import { answerRequest } from "./engine-requests";
import type { EngineRequest, EngineResponse } from "./worker-protocol";

const engine = inThreadEngine();

// `self` is the worker's global scope; the DOM typings the project compiles with call it a Window.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage: (message: EngineResponse) => void;
};

scope.onmessage = (event) => {
  void answerRequest(engine, event.data).then((response) => scope.postMessage(response));
};
