import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nContext";

// A plain table styled with Fluent tokens: Fluent's Table component adds ~14 KB for features these tables do not use.
const useStyles = makeStyles({
  region: {
    overflowX: "auto",
    maxWidth: "100%",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { ...typographyStyles.caption1, minWidth: "100%", borderCollapse: "collapse" },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
  },
  header: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  number: { textAlign: "end", whiteSpace: "nowrap" },
  // Headers may wrap ("Cost per year"); the figures under them never do.
  numberHeader: { textAlign: "end", verticalAlign: "bottom" },
  text: { textAlign: "start", minWidth: "80px" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export interface TableColumn {
  readonly header: string;
  readonly numeric?: boolean;
}

export interface ScrollTableProps {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly ReactNode[])[];
  /** A last row in bold (totals). */
  readonly totals?: readonly ReactNode[];
}

/**
 * A table of figures that scrolls sideways in a narrow pane. The scrolling region is focusable and named, so keyboard
 * users can scroll it too.
 */
export function ScrollTable({ caption, columns, rows, totals }: ScrollTableProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const align = (column: number) => (columns[column]?.numeric ? styles.number : styles.text);
  return (
    <div className={styles.region} role="region" aria-label={t.results.tableRegion(caption)} tabIndex={0}>
      <table className={styles.table} aria-label={caption}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.header}
                scope="col"
                className={mergeClasses(
                  styles.cell,
                  styles.header,
                  column.numeric ? styles.numberHeader : align(index),
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((content, column) => (
                <td key={column} className={mergeClasses(styles.cell, align(column))}>
                  {content}
                </td>
              ))}
            </tr>
          ))}
          {totals && (
            <tr>
              {totals.map((content, column) => (
                <td key={column} className={mergeClasses(styles.cell, styles.total, align(column))}>
                  {content}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
