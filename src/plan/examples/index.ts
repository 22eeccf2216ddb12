import type { PlanInput, PlanLocale } from "../schema";
import { englishSaasPlan } from "./en-saas";
import { frenchReferencePlan } from "./fr-reference";

export { defaultSalesStages } from "./default-stages";

/** The example plans shipped with the product, by name (`npm run export -- fr-reference out.xlsx`). */
export const EXAMPLE_PLANS = {
  "fr-reference": frenchReferencePlan,
  "en-saas": englishSaasPlan,
} as const satisfies Record<string, PlanInput>;

export type ExampleName = keyof typeof EXAMPLE_PLANS;

export function isExampleName(name: string): name is ExampleName {
  return Object.hasOwn(EXAMPLE_PLANS, name);
}

/** A deep copy of an example, safe to edit. */
export function examplePlan(name: ExampleName): PlanInput {
  return structuredClone(EXAMPLE_PLANS[name]);
}

/** The example in a given language: French reference plan or English SaaS plan. */
export function exampleForLocale(locale: PlanLocale): PlanInput {
  return examplePlan(locale === "fr-FR" ? "fr-reference" : "en-saas");
}
