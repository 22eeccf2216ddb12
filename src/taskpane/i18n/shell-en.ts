/**
 * The strings the pane's first script shows before the rest of it loads (the header, the step navigation and the
 * loading state), in English. They are the first keys of the full catalog (`en.ts` spreads them), so the pane names
 * everything the same way before and after the full catalog arrives. `shell-fr.ts` is typed with `ShellCatalog`.
 */
export const enShell = {
  language: { name: "English", label: "Language" },
  app: {
    title: "Sales Plan Builder",
    subtitle: "Build your seven-step sales action plan; the figures update as you type.",
    loadingStoredPlan: "Looking for a plan stored in this workbook…",
    loadingEditor: "Loading the plan editor…",
    loadFailed: (message: string) => `Part of the pane could not be loaded: ${message}`,
    retryLoad: "Try again",
  },
  nav: {
    label: "Plan steps",
    planDetails: "Plan",
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    detailsProgress: "Plan details and starting point",
    previous: "Previous",
    next: "Next",
    problemCount: (count: number) => (count === 1 ? "1 problem" : `${count} problems`),
    noProblems: "no problems",
    stepButton: (number: string, name: string, status: string) => `${number}. ${name}, ${status}`,
    /** While the plan is not checked yet (the editor still loading), the button names only the step. */
    stepButtonUnchecked: (number: string, name: string) => `${number}. ${name}`,
  },
  steps: {
    details: "Plan details",
    mission: "Mission and positioning",
    objectives: "Objectives",
    organization: "Organization",
    audience: "Audience",
    methodology: "Methodology",
    execution: "Execution",
    measurement: "Measurement",
  },
};

export type ShellCatalog = typeof enShell;
