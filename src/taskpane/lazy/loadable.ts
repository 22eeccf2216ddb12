import { useEffect, useSyncExternalStore } from "react";

/** Where a lazily loaded part of the pane stands. A part that has not started loading yet counts as loading. */
export type LoadState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly value: T }
  | { readonly status: "failed"; readonly error: Error };

/**
 * A part of the pane that arrives in its own script chunk (a dynamic `import()`), loaded once and shared by every
 * component that needs it. Unlike `React.lazy`, a part that has already arrived renders at once, without a fallback
 * frame, and a failed load can be tried again (webpack fetches a failed chunk again on the next `import()`).
 */
export interface Loadable<T> {
  /** Starts loading unless it is under way or done (after a failure, starts again); resolves with the part. */
  readonly load: () => Promise<T>;
  readonly state: () => LoadState<T>;
  readonly subscribe: (listener: () => void) => () => void;
}

const LOADING = { status: "loading" } as const;

export function loadable<T>(importPart: () => Promise<T>): Loadable<T> {
  let state: LoadState<T> = LOADING;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  const settle = (next: LoadState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    load: () => {
      if (state.status === "ready") return Promise.resolve(state.value);
      if (pending) return pending;
      if (state.status === "failed") settle(LOADING);
      pending = importPart().then(
        (value) => {
          pending = undefined;
          settle({ status: "ready", value });
          return value;
        },
        (error: unknown) => {
          pending = undefined;
          settle({ status: "failed", error: error instanceof Error ? error : new Error(String(error)) });
          throw error;
        },
      );
      return pending;
    },
    state: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The part's state, loading it if needed; the component renders again when it arrives or fails. */
export function useLoaded<T>(part: Loadable<T>): LoadState<T> {
  const state = useSyncExternalStore(part.subscribe, part.state, part.state);
  useEffect(() => {
    // A failure is reported through the state; the rejection itself needs no handler here.
    if (part.state().status === "loading") part.load().catch(() => undefined);
  }, [part]);
  return state;
}

/** Runs `task` when the browser is idle (after the first paint), or soon where idle callbacks are not supported. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout: 5_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}
