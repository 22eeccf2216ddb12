import { useCallback, useRef, useState } from "react";
import type { ActionProgress } from "../../workbook/gateway";

export type WorkbookButton = "generate" | "update" | "read" | "leadershipCopy";

export type ActionState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly action: WorkbookButton; readonly progress: ActionProgress }
  | {
      readonly status: "done";
      readonly action: WorkbookButton;
      readonly outcome: "success" | "error";
      readonly lines: readonly string[];
    };

/**
 * Runs one workbook action at a time and keeps what the user must see: its progress while it runs, then what it did
 * or the error's own message. A rejected action is always reported, never swallowed.
 */
export function useWorkbookAction(startMessage: string) {
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const runId = useRef(0);

  const run = useCallback(
    async (
      action: WorkbookButton,
      work: (onProgress: (progress: ActionProgress) => void) => Promise<readonly string[]>,
    ): Promise<void> => {
      runId.current += 1;
      const id = runId.current;
      setState({ status: "running", action, progress: { fraction: undefined, message: startMessage } });
      const onProgress = (progress: ActionProgress) => {
        // Late reports of an action that already finished must not bring its progress back.
        if (runId.current === id)
          setState((current) => (current.status === "running" ? { ...current, progress } : current));
      };
      try {
        const lines = await work(onProgress);
        if (runId.current === id) setState({ status: "done", action, outcome: "success", lines });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (runId.current === id) setState({ status: "done", action, outcome: "error", lines: [message] });
      }
    },
    [startMessage],
  );

  return { state, run };
}
