import { useState } from "react";

let lastKey = 0;
const newKey = (): string => `row-${(lastKey += 1)}`;

export interface RowKeys {
  readonly keys: readonly string[];
  /** Call with the list edit, in the same event: the new row's key. */
  readonly add: () => string;
  readonly remove: (index: number) => void;
  readonly move: (from: number, to: number) => void;
}

/**
 * Stable React keys for the rows of a list, which have no stable identity of their own (an id follows the name as
 * it is typed). Keys follow the pane's own edits; a list whose length changed elsewhere gets fresh keys.
 */
export function useRowKeys(length: number): RowKeys {
  const [keys, setKeys] = useState<readonly string[]>(() => Array.from({ length }, newKey));
  let current = keys;
  if (keys.length !== length) {
    // Adjusting state while rendering, as React recommends for state derived from props.
    current = Array.from({ length }, newKey);
    setKeys(current);
  }
  return {
    keys: current,
    add: () => {
      const key = newKey();
      setKeys((previous) => [...previous, key]);
      return key;
    },
    remove: (index) => setKeys((previous) => previous.filter((_, at) => at !== index)),
    move: (from, to) =>
      setKeys((previous) => {
        const next = [...previous];
        [next[from], next[to]] = [next[to]!, next[from]!];
        return next;
      }),
  };
}
