import { FIELDS, type FieldKey } from '../fields';
import type { RelatedRef } from '../findings';
import type { LedgerRow } from '../row';

/** Where a row flag points: the row's own cell of a field (header text and column number). */
export function cellOf(
  row: LedgerRow,
  field: FieldKey,
): { sheet: string; row: number; column: string; columnIndex?: number } {
  const cell = row.cells[field];
  if (!cell) return { sheet: row.sheet, row: row.row, column: FIELDS[field].label };
  return { sheet: row.sheet, row: row.row, column: cell.header, columnIndex: cell.column };
}

/** At most this many other rows are listed in one finding; a document citing 200 rows stays readable. */
export const MAX_LISTED_ROWS = 20;

/**
 * The rows of a group other than `row`, at most MAX_LISTED_ROWS + 1 of them (one more than is
 * listed, to know whether the list is cut): each row of a group of thousands costs the same.
 */
export function othersIn(group: readonly LedgerRow[], row: LedgerRow): LedgerRow[] {
  const out: LedgerRow[] = [];
  for (const other of group) {
    if (other === row) continue;
    out.push(other);
    if (out.length > MAX_LISTED_ROWS) break;
  }
  return out;
}

/** 3、5、7 — the other rows' numbers for a message, cut with … past MAX_LISTED_ROWS. */
export function rowList(rows: readonly LedgerRow[]): string {
  const shown = rows.slice(0, MAX_LISTED_ROWS).map((r) => String(r.row));
  return rows.length > MAX_LISTED_ROWS ? `${shown.join('、')}…` : shown.join('、');
}

/** The other rows as `related`, named by their body name, cut like `rowList`. */
export function relatedRows(rows: readonly LedgerRow[]): RelatedRef[] {
  return rows.slice(0, MAX_LISTED_ROWS).map((r) => ({ sheet: r.sheet, row: r.row, value: r.name }));
}

/** Groups items by a key, keeping first-seen order; items with an empty key are left out. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === '') continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
