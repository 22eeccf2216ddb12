import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import {
  AddRegular,
  ArrowDownRegular,
  ArrowUpRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  DeleteRegular,
} from "@fluentui/react-icons";
import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import { renameReferences, uniqueId, type ReferencedList } from "../draft/ids";
import { listAt, setAt, textAt, type PlanDraft, type PlanPath } from "../draft/path";
import { usePlanEditor } from "../editor/PlanEditorContext";
import type { ListKey } from "../i18n/en";
import { useI18n } from "../i18n/I18nContext";
import { RowContext, type RowScope } from "./RowContext";
import { useRowKeys } from "./useRowKeys";

/** The plan's id rule: 1 to 40 letters, digits, "-" or "_". */
const USABLE_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Rows whose id other rows refer to: the id is made from `nameField` while it has not been edited by hand. */
export interface RowIds {
  readonly nameField: string;
  /** The id used when the name gives none: "stage", "role"… */
  readonly fallback: string;
  readonly references: ReferencedList;
}

export interface RowListProps {
  /** Path of the list in the plan: `["objectives", "funnel"]`. */
  readonly path: PlanPath;
  /** Its names in the catalog (title, item, add). */
  readonly listKey: ListKey;
  /** A new row, given the current draft (to pick defaults such as the first activity). */
  readonly newRow: (draft: PlanDraft) => Record<string, unknown>;
  /** The field shown as the row's name in its header. */
  readonly nameField: string;
  readonly ids?: RowIds;
  /** Long rows start folded and unfold from their header; short rows always show their fields. */
  readonly foldable?: boolean;
  /** A line under the header with the row's live figures. */
  readonly summary?: (index: number) => string | undefined;
  readonly children: (index: number, path: PlanPath) => ReactNode;
}

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXXS },
  title: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: 0,
  },
  staticTitle: {
    flexGrow: 1,
    minWidth: 0,
    alignSelf: "center",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightSemibold,
  },
  actions: { display: "flex", flexShrink: 0 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  problems: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
  add: { alignSelf: "flex-start" },
});

/**
 * An editable list of plan rows: add, remove and reorder, each row's fields in a bordered block. Rows that other
 * rows refer to get an id made from their name (unique in the list) until the user edits the id.
 */
export function RowList({ path, listKey, newRow, nameField, ids, foldable = false, summary, children }: RowListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { draft, updateDraft, issues } = usePlanEditor();
  const rows = listAt(draft, path) as Record<string, unknown>[];
  const rowKeys = useRowKeys(rows.length);
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  // Keys of rows added here whose id still follows the name.
  const [autoIds, setAutoIds] = useState<ReadonlySet<string>>(() => new Set());
  const headingId = useId();
  const names = t.lists[listKey];

  const rowLabel = (index: number): string => {
    const name = rows[index]?.[nameField];
    const text = typeof name === "string" ? name.trim() : "";
    const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    return short ? t.rows.named(names.item, index + 1, short) : t.rows.untitled(names.item, index + 1);
  };

  const add = () => {
    const key = rowKeys.add();
    updateDraft((current) => {
      const list = listAt(current, path);
      const row = newRow(current);
      if (ids) {
        const taken = list.map((item) => textAt(item, ["id"]));
        row.id = uniqueId(textAt(row, [nameField]), ids.fallback, taken);
      }
      return setAt(current, path, [...list, row]);
    });
    if (ids) setAutoIds((previous) => new Set(previous).add(key));
    setUnfolded((previous) => new Set(previous).add(key));
  };
  const remove = (index: number) => {
    rowKeys.remove(index);
    updateDraft((current) =>
      setAt(
        current,
        path,
        listAt(current, path).filter((_, at) => at !== index),
      ),
    );
  };
  const move = (from: number, to: number) => {
    rowKeys.move(from, to);
    updateDraft((current) => {
      const list = [...listAt(current, path)];
      [list[from], list[to]] = [list[to], list[from]];
      return setAt(current, path, list);
    });
  };

  return (
    <section className={styles.list} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {names.title}
      </Subtitle2>
      {issues.at(path).map((issue, index) => (
        <Caption1 key={index} className={styles.problems} role="alert">
          {issue.problem}
        </Caption1>
      ))}
      {rows.length === 0 && <Caption1 className={styles.empty}>{t.rows.empty}</Caption1>}
      {rows.map((_, index) => {
        const key = rowKeys.keys[index]!;
        return (
          <Row
            key={key}
            index={index}
            count={rows.length}
            path={path}
            label={rowLabel(index)}
            foldable={foldable}
            unfolded={!foldable || unfolded.has(key)}
            onToggle={() =>
              setUnfolded((previous) => {
                const next = new Set(previous);
                if (!next.delete(key)) next.add(key);
                return next;
              })
            }
            onMove={move}
            onRemove={remove}
            ids={ids}
            autoId={autoIds.has(key)}
            onManualId={() =>
              setAutoIds((previous) => {
                const next = new Set(previous);
                next.delete(key);
                return next;
              })
            }
            nameField={nameField}
            updateDraft={updateDraft}
            summary={summary?.(index)}
          >
            {children(index, [...path, index])}
          </Row>
        );
      })}
      <Button className={styles.add} icon={<AddRegular />} onClick={add}>
        {names.add}
      </Button>
    </section>
  );
}

interface RowProps {
  readonly index: number;
  readonly count: number;
  readonly path: PlanPath;
  readonly label: string;
  readonly foldable: boolean;
  readonly unfolded: boolean;
  readonly onToggle: () => void;
  readonly onMove: (from: number, to: number) => void;
  readonly onRemove: (index: number) => void;
  readonly ids: RowIds | undefined;
  readonly autoId: boolean;
  readonly onManualId: () => void;
  readonly nameField: string;
  readonly updateDraft: (update: (draft: PlanDraft) => PlanDraft) => void;
  readonly summary: string | undefined;
  readonly children: ReactNode;
}

function Row(props: RowProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { issues } = usePlanEditor();
  const bodyId = useId();
  const { index, count, path, label, ids, autoId, nameField, updateDraft, onManualId } = props;
  const rowPath = useMemo(() => [...path, index], [path, index]);
  const problems = issues.within(rowPath).length;

  // While an id is being edited (emptied, or made equal to another row's), links keep the last usable id they had,
  // so they follow the row once the edit is finished instead of being lost on the way.
  const linkedId = useRef<string | undefined>(undefined);
  const scope: RowScope = useMemo(() => {
    const withLinksMoved = (draft: PlanDraft, oldId: string, newId: string): PlanDraft => {
      if (!ids) return draft;
      const from = linkedId.current ?? oldId;
      const list = listAt(draft, path);
      const clash = list.some((item, at) => at !== index && textAt(item, ["id"]) === newId);
      if (!USABLE_ID.test(newId) || clash) {
        linkedId.current = from;
        return draft;
      }
      linkedId.current = undefined;
      return renameReferences(draft, ids.references, from, newId);
    };
    return {
      path: rowPath,
      index,
      setName: (name) =>
        updateDraft((current) => {
          const named = setAt(current, [...rowPath, nameField], name);
          if (!ids || !autoId) return named;
          const list = listAt(named, path);
          const oldId = textAt(list[index], ["id"]);
          const taken = list.filter((_, at) => at !== index).map((item) => textAt(item, ["id"]));
          const newId = uniqueId(name, ids.fallback, taken);
          return withLinksMoved(setAt(named, [...rowPath, "id"], newId), oldId, newId);
        }),
      setId: (id) => {
        onManualId();
        updateDraft((current) => {
          const oldId = textAt(listAt(current, path)[index], ["id"]);
          return withLinksMoved(setAt(current, [...rowPath, "id"], id), oldId, id);
        });
      },
    };
  }, [rowPath, index, path, ids, autoId, nameField, updateDraft, onManualId]);

  return (
    <div className={styles.row} role="group" aria-label={label}>
      <div className={styles.header}>
        {props.foldable ? (
          <Button
            className={styles.title}
            appearance="transparent"
            icon={props.unfolded ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={props.unfolded}
            aria-controls={bodyId}
            onClick={props.onToggle}
          >
            {label}
          </Button>
        ) : (
          <span className={styles.staticTitle}>{label}</span>
        )}
        <div className={styles.actions}>
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowUpRegular />}
            aria-label={t.rows.moveUp(label)}
            disabled={index === 0}
            onClick={() => props.onMove(index, index - 1)}
          />
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowDownRegular />}
            aria-label={t.rows.moveDown(label)}
            disabled={index === count - 1}
            onClick={() => props.onMove(index, index + 1)}
          />
          <Button
            appearance="subtle"
            size="small"
            icon={<DeleteRegular />}
            aria-label={t.rows.remove(label)}
            onClick={() => props.onRemove(index)}
          />
        </div>
      </div>
      {props.summary && <Caption1>{props.summary}</Caption1>}
      {problems > 0 && !props.unfolded && (
        <Caption1 className={styles.problems}>{t.rows.hasProblems(problems)}</Caption1>
      )}
      {props.unfolded && (
        <div className={styles.body} id={bodyId}>
          <RowContext.Provider value={scope}>{props.children}</RowContext.Provider>
        </div>
      )}
    </div>
  );
}
