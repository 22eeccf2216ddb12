import type { SelectOption } from "./SelectField";

/** Select options for an enumeration, labelled from a catalog map of the same keys. */
export function enumOptions<K extends string>(
  values: readonly K[],
  labels: Readonly<Record<K, string>>,
): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** Select options for the rows of another list, by id, labelled by their name (or id while unnamed). */
export function rowOptions(rows: unknown, nameField: string): SelectOption[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => {
    if (!row || typeof row !== "object") return [];
    const record = row as Record<string, unknown>;
    const id = typeof record.id === "string" ? record.id : "";
    if (id === "") return [];
    const name = typeof record[nameField] === "string" ? record[nameField].trim() : "";
    return [{ value: id, label: name || id }];
  });
}
