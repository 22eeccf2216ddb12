import type { PlanPath } from "../draft/path";

/** The pane's pages: the plan's details, then the seven steps of the reference document. */
export const STEP_IDS = [
  "details",
  "mission",
  "objectives",
  "organization",
  "audience",
  "methodology",
  "execution",
  "measurement",
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** How many of the pages are the numbered steps (all but the details page). */
export const NUMBERED_STEPS = STEP_IDS.length - 1;

const STEP_OF_SECTION: Readonly<Record<string, StepId>> = {
  schemaVersion: "details",
  meta: "details",
  mission: "mission",
  objectives: "objectives",
  organization: "organization",
  audience: "audience",
  methodology: "methodology",
  execution: "execution",
  measurement: "measurement",
  // A scenario overrides the objectives' drivers, so its fields sit with them (step 2).
  scenarios: "objectives",
};

/** The page that edits the field at `path` (problems with the whole plan belong to the details page). */
export function stepOfPath(path: PlanPath): StepId {
  const section = path[0];
  return (typeof section === "string" && STEP_OF_SECTION[section]) || "details";
}
