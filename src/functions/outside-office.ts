/**
 * In Excel, office.js defines the `CustomFunctions` global before the add-in's bundles run. When the task pane
 * page is opened in a plain browser (from `npm start` on a machine without Excel, or when Office's CDN is out of
 * reach) it does not exist, and the `CustomFunctions.associate` calls that the build appends to functions.ts would
 * throw and stop the page. This stand-in is installed only in that case: it records the associations and offers
 * the same `Error` shape, so the page keeps working. It never replaces Office's real runtime.
 */

interface StandInRuntime {
  readonly associations: Map<string, (...args: never[]) => unknown>;
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: typeof StandInError;
  ErrorCode: Record<string, string>;
}

class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

// The typings declare CustomFunctions as always present; here we must check whether it really is.
const globalScope = globalThis as unknown as { CustomFunctions?: unknown };

if (typeof globalScope.CustomFunctions === "undefined") {
  const associations = new Map<string, (...args: never[]) => unknown>();
  const standIn: StandInRuntime = {
    associations,
    associate: (id, fn) => void associations.set(id, fn),
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  globalScope.CustomFunctions = standIn;
}

export {};
