/**
 * The add-in's marks in Excel: conditional formats whose own rule carries a tag, so that
 * "清除标记" can find exactly the add-in's marks and never touches the cells' own formatting or a
 * user's conditional formats. Pure: the tag, the formula and the colours.
 */
import { SEVERITY_RANK, type Severity } from '../ledger/findings';
import type { CellMark } from '../port/workbook';
import { chunkAddressList, compactAreas, MAX_ADDRESS_LENGTH } from './addresses';

export const MARK_TAG = 'ledger-mark';

/**
 * The rule formula of a mark: `N("text")` is 0, so the rule is always true and the string
 * literal is nothing but the tag. Excel keeps a custom rule's formula verbatim, which is what
 * lets clearMarks recognise it later, in any workbook locale.
 */
export function markFormula(severity: Severity): string {
  return `=N("${MARK_TAG}:${severity}")=0`;
}

const TAGGED = new RegExp(`N\\(\\s*"${MARK_TAG}:(error|warning|info)"\\s*\\)`, 'i');

/** The severity of a mark's rule formula; null for anything that is not one of ours. */
export function markSeverityOf(formula: unknown): Severity | null {
  if (typeof formula !== 'string') return null;
  const match = TAGGED.exec(formula);
  return match ? (match[1]!.toLowerCase() as Severity) : null;
}

/** Fill and font per severity: Excel's own "light red / yellow fill with dark text" family, plus blue for info. */
export const MARK_STYLE: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

/** One `getRanges` call's worth of marks: a sheet, a severity and an address list under the length limit. */
export interface MarkChunk {
  readonly sheet: string;
  readonly severity: Severity;
  readonly address: string;
}

/**
 * Groups marks into address lists per sheet and severity. A cell marked twice keeps only its most
 * severe mark, so no two of the add-in's rules overlap and clearMarks can count cells exactly.
 */
export function planMarks(marks: readonly CellMark[], maxLength = MAX_ADDRESS_LENGTH): MarkChunk[] {
  const strongest = new Map<string, CellMark>();
  for (const mark of marks) {
    if (!Number.isInteger(mark.row) || !Number.isInteger(mark.column) || mark.row < 1 || mark.column < 1) {
      throw new RangeError(`mark outside the sheet: ${mark.sheet} row ${mark.row} column ${mark.column}`);
    }
    const key = `${mark.sheet}\u0000${mark.row}\u0000${mark.column}`;
    const seen = strongest.get(key);
    if (!seen || SEVERITY_RANK[mark.severity] < SEVERITY_RANK[seen.severity]) strongest.set(key, mark);
  }
  const cellsByGroup = new Map<string, { sheet: string; severity: Severity; cells: CellMark[] }>();
  for (const mark of strongest.values()) {
    const key = `${mark.sheet}\u0000${mark.severity}`;
    const group = cellsByGroup.get(key);
    if (group) group.cells.push(mark);
    else cellsByGroup.set(key, { sheet: mark.sheet, severity: mark.severity, cells: [mark] });
  }
  const chunks: MarkChunk[] = [];
  for (const { sheet, severity, cells } of cellsByGroup.values()) {
    for (const address of chunkAddressList(compactAreas(cells), maxLength)) chunks.push({ sheet, severity, address });
  }
  return chunks;
}

/** Sheets named by a set of marks, in first-seen order. */
export function sheetsOf(marks: readonly CellMark[]): string[] {
  return [...new Set(marks.map((m) => m.sheet))];
}

/** The columns (1-based, inclusive) a sheet's marks span: where they are looked for later. */
export interface MarkColumns {
  readonly left: number;
  readonly right: number;
}

/** A sheet and the columns to look for the add-in's marks on. */
export interface MarkScope {
  readonly sheet: string;
  readonly columns: MarkColumns;
}

export function markColumns(marks: readonly CellMark[]): MarkColumns {
  let left = Infinity;
  let right = -Infinity;
  for (const { column } of marks) {
    left = Math.min(left, column);
    right = Math.max(right, column);
  }
  return { left, right };
}

export function unionColumns(a: MarkColumns, b: MarkColumns): MarkColumns {
  return { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
}

const MAX_COLUMN = 16_384;

/** The stored record of where the marks are; anything malformed (edited by hand, older) is dropped. */
export function parseMarkRecord(value: unknown): Record<string, MarkColumns> {
  const record: Record<string, MarkColumns> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return record;
  for (const [sheet, columns] of Object.entries(value as Record<string, unknown>)) {
    const { left, right } = (columns ?? {}) as { left?: unknown; right?: unknown };
    if (
      Number.isInteger(left) &&
      Number.isInteger(right) &&
      (left as number) >= 1 &&
      (left as number) <= (right as number) &&
      (right as number) <= MAX_COLUMN
    ) {
      record[sheet] = { left: left as number, right: right as number };
    }
  }
  return record;
}
