/**
 * Re-importing next month: the existing records (from the previous import, or typed by hand in the Actuals tables)
 * merged with a new import by CRM id. Same id: replaced by the new version, in place; new id: appended; an existing
 * record without an id (typed by hand) or whose id the new export does not hold: kept as it is. Nothing is lost.
 */

export interface UpsertCounts {
  readonly added: number;
  readonly updated: number;
  readonly kept: number;
}

export interface UpsertResult<T> {
  readonly records: readonly T[];
  readonly counts: UpsertCounts;
}

export function upsertByCrmId<T extends { readonly crmId: string | null }>(
  existing: readonly T[],
  incoming: readonly T[],
): UpsertResult<T> {
  const incomingById = new Map<string, T>();
  const withoutId: T[] = [];
  for (const record of incoming) {
    if (record.crmId === null) withoutId.push(record);
    else incomingById.set(record.crmId, record);
  }
  const used = new Set<string>();
  let updated = 0;
  let kept = 0;
  const records = existing.map((record) => {
    const replacement = record.crmId === null ? undefined : incomingById.get(record.crmId);
    if (replacement === undefined || used.has(record.crmId!)) {
      kept++;
      return record;
    }
    used.add(record.crmId!);
    updated++;
    return replacement;
  });
  let added = 0;
  for (const [id, record] of incomingById) {
    if (used.has(id)) continue;
    records.push(record);
    added++;
  }
  // An imported row without an id cannot be matched next time: it is added, like a row typed by hand.
  for (const record of withoutId) {
    records.push(record);
    added++;
  }
  return { records, counts: { added, updated, kept } };
}
