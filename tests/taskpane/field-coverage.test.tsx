/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";
import { examplePlan } from "../../src/plan/examples";
import { formatPath } from "../../src/plan/messages";
import { renderPane } from "./support/render-pane";

/**
 * The plan paths a user fills in: every leaf of the plan, except that a list of texts (differentiators, industries…)
 * and the ramp are one field each, and the schema version is not the user's to choose.
 */
function fillablePaths(value: unknown, path: (string | number)[] = []): string[] {
  if (Array.isArray(value)) {
    const wholeField = value.every((item) => typeof item === "string") || path[path.length - 1] === "ramp";
    if (wholeField) return [formatPath(path)];
    return value.flatMap((item, index) => fillablePaths(item, [...path, index]));
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) =>
      key === "schemaVersion" ? [] : fillablePaths(item, [...path, key]),
    );
  }
  return [formatPath(path)];
}

describe("the editor's coverage of the plan", () => {
  it.each(["fr-reference", "en-saas"] as const)("has a control for every field of the %s example", async (example) => {
    const pane = renderPane({ example });
    const bound = new Set<string>();
    for (let step = 0; step <= 7; step += 1) {
      await pane.goToStep(step);
      for (const fold of screen.queryAllByRole("button", { expanded: false })) await pane.user.click(fold);
      for (const control of document.querySelectorAll<HTMLElement>("[data-path]")) bound.add(control.dataset.path!);
    }
    const expected = fillablePaths(examplePlan(example));
    expect(expected.length).toBeGreaterThan(300);
    expect(expected.filter((path) => !bound.has(path))).toEqual([]);
  });
});
