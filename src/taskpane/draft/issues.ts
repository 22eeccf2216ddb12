/**
 * Validation problems by field: each form field shows the problems reported at its own path; composite fields
 * (a list of lines, the ramp, the seasonality weights) also show the problems of their parts.
 */
import { formatPath } from "../../plan/messages";
import type { PlanIssue } from "../../plan/validate";
import type { PlanPath } from "./path";

export interface IssueIndex {
  readonly all: readonly PlanIssue[];
  /** Problems reported exactly at `path`. */
  readonly at: (path: PlanPath) => readonly PlanIssue[];
  /** Problems at `path` or inside it (its items, its fields). */
  readonly within: (path: PlanPath) => readonly PlanIssue[];
}

function startsWith(path: readonly (string | number)[], prefix: PlanPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

export function indexIssues(issues: readonly PlanIssue[]): IssueIndex {
  const byField = new Map<string, PlanIssue[]>();
  for (const issue of issues) {
    const list = byField.get(issue.field);
    if (list) list.push(issue);
    else byField.set(issue.field, [issue]);
  }
  return {
    all: issues,
    at: (path) => byField.get(formatPath(path)) ?? [],
    within: (path) => issues.filter((issue) => startsWith(issue.path, path)),
  };
}

export const NO_ISSUES: IssueIndex = indexIssues([]);
