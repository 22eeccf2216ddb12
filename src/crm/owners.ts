/**
 * CRM owners to the plan's roles: each rep of an export belongs to a role (BizDev, AE…), chosen once in the pane and
 * stored with the plan. This module only lists the owners and finds those still without a role.
 */
import type { Role } from "../plan/schema";

/** Owner name as the export writes it → id of a role of the plan (`organization.roles[].id`). */
export type OwnerRoleMapping = Readonly<Record<string, Role["id"]>>;

export interface OwnerCount {
  readonly owner: string;
  readonly records: number;
}

/** The distinct owners of an import's records with how many records each has, most records first, then by name. */
export function distinctOwners(records: readonly { readonly owner: string }[]): OwnerCount[] {
  const counts = new Map<string, number>();
  for (const { owner } of records) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  return [...counts.entries()]
    .map(([owner, count]) => ({ owner, records: count }))
    .sort((a, b) => b.records - a.records || a.owner.localeCompare(b.owner));
}

/**
 * The owners the mapping does not place in one of the plan's roles: not mapped at all, or mapped to a role id the
 * plan no longer has (a role deleted since). In the order given.
 */
export function unmappedOwners(
  owners: readonly string[],
  mapping: OwnerRoleMapping,
  roleIds: readonly Role["id"][],
): string[] {
  const roles = new Set(roleIds);
  return owners.filter((owner) => {
    const role = Object.hasOwn(mapping, owner) ? mapping[owner] : undefined;
    return role === undefined || !roles.has(role);
  });
}
