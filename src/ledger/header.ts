import { FIELDS, REQUIRED_FIELDS, fieldOfHeader, type FieldKey } from './fields';
import { finding, type Finding } from './findings';
import { columnLetters, type Grid } from './grid';
import { cellText } from './cells/value';

/** One non-empty header cell. */
export interface HeaderColumn {
  /** 1-based sheet column. */
  readonly column: number;
  /** The header text as written (line breaks folded to spaces). */
  readonly header: string;
  /** The field it maps to, or null for a column the register does not know (kept untouched). */
  readonly field: FieldKey | null;
}

export interface HeaderMap {
  /** Index into grid.values of the last header row (a two-row header spans two rows). */
  readonly rowIndex: number;
  /** The sheet's own row number of that row. */
  readonly row: number;
  readonly columns: readonly HeaderColumn[];
  /** Field → the column that feeds it (the first one when two columns claim a field). */
  readonly fields: Readonly<Partial<Record<FieldKey, HeaderColumn>>>;
  /** Non-empty texts above the header: the title and unit/date lines. */
  readonly title: readonly string[];
  /** missing-column and duplicate-column findings. */
  readonly findings: readonly Finding[];
}

export type HeaderResult =
  | { readonly found: true; readonly header: HeaderMap }
  | { readonly found: false; readonly reason: 'empty-sheet' | 'no-header' };

/** Rows searched for the header: titles and unit lines sit above it, never 20 rows of them. */
export const HEADER_SEARCH_ROWS = 20;
/** A header must name at least this many of the seven fields to be taken for one. */
const MIN_REQUIRED_MATCHES = 3;
const MAX_HEADER_LENGTH = 40;

function foldHeaderText(value: unknown): string {
  return cellText(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** Field per column of one grid row (indexes into the row). */
function rowFields(row: readonly unknown[]): (FieldKey | null)[] {
  return row.map((cell) => {
    const text = foldHeaderText(cell);
    // No header is a paragraph; skipping long cells keeps the search cheap on sheets of prose.
    return text.length > MAX_HEADER_LENGTH ? null : fieldOfHeader(text);
  });
}

function requiredCount(fields: readonly (FieldKey | null)[]): number {
  const seen = new Set<FieldKey>();
  for (const f of fields) if (f && FIELDS[f].required) seen.add(f);
  return seen.size;
}

function isEmptyGrid(grid: Grid): boolean {
  return grid.values.every((row) => row.every((cell) => cellText(cell) === ''));
}

/**
 * Finds the header row within the first rows of a sheet, below titles and unit lines. Handles a
 * two-row header (a merged group label such as “设立情况” above 设立时间 / 依据文件) by reading both rows.
 */
export function findHeader(grid: Grid): HeaderResult {
  if (isEmptyGrid(grid)) return { found: false, reason: 'empty-sheet' };
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);

  let best = -1;
  let bestScore = 0;
  let bestFields: (FieldKey | null)[] = [];
  let bestLower: (FieldKey | null)[] | null = null;
  for (let i = 0; i < limit; i++) {
    const fields = rowFields(grid.values[i] ?? []);
    let score = requiredCount(fields);
    let lower: (FieldKey | null)[] | null = null;
    // A two-row header: the next row fills columns this row leaves without a field. The upper row
    // must name a field itself (机构名称 merged down), so the search never reaches past its limit.
    const next = score > 0 && i + 1 < grid.values.length ? rowFields(grid.values[i + 1] ?? []) : [];
    if (next.some((f, c) => f !== null && (fields[c] ?? null) === null)) {
      const merged = mergeRows(fields, next);
      const mergedScore = requiredCount(merged);
      if (mergedScore > score) {
        score = mergedScore;
        lower = merged;
      }
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
      bestFields = fields;
      bestLower = lower;
    }
  }
  if (best < 0 || bestScore < MIN_REQUIRED_MATCHES) return { found: false, reason: 'no-header' };

  const headerIndex = bestLower ? best + 1 : best;
  const upper = grid.values[best] ?? [];
  const lowerRow = bestLower ? (grid.values[best + 1] ?? []) : [];
  const fieldsPerColumn = bestLower ?? bestFields;
  const width = Math.max(upper.length, lowerRow.length);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const lowerText = foldHeaderText(lowerRow[c]);
    const upperText = foldHeaderText(upper[c]);
    const field = fieldsPerColumn[c] ?? null;
    // The text shown for a column is the one that named its field, else whichever is present.
    const text =
      bestLower && lowerText !== '' && (field === null || fieldOfHeader(lowerText) === field)
        ? lowerText
        : upperText || lowerText;
    if (text === '') continue;
    columns.push({ column: firstColumn + c, header: text, field });
  }

  const sheet = grid.sheet;
  const headerRow = firstRow + headerIndex;
  const fields: Partial<Record<FieldKey, HeaderColumn>> = {};
  const claims = new Map<FieldKey, HeaderColumn[]>();
  for (const col of columns) {
    if (!col.field) continue;
    const list = claims.get(col.field) ?? [];
    list.push(col);
    claims.set(col.field, list);
    if (!fields[col.field]) fields[col.field] = col;
  }

  const findings: Finding[] = [];
  for (const key of REQUIRED_FIELDS) {
    if (fields[key]) continue;
    findings.push(
      finding({
        code: 'missing-column',
        sheet,
        row: headerRow,
        column: FIELDS[key].label,
        value: null,
        params: { field: FIELDS[key].label, fieldEn: FIELDS[key].labelEn },
        suggestion: FIELDS[key].label,
      }),
    );
  }
  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    const names = list.map((c) => `${c.header}（${columnLetters(c.column)}列）`).join('、');
    for (const col of list.slice(1)) {
      findings.push(
        finding({
          code: 'duplicate-column',
          sheet,
          row: headerRow,
          column: col.header,
          value: col.header,
          params: { field: FIELDS[key].label, columns: names },
          columnIndex: col.column,
        }),
      );
    }
  }

  const title: string[] = [...(grid.caption ?? [])];
  for (let i = 0; i < best; i++) {
    for (const cell of grid.values[i] ?? []) {
      const text = foldHeaderText(cell);
      if (text !== '') title.push(text);
    }
  }
  return { found: true, header: { rowIndex: headerIndex, row: headerRow, columns, fields, title, findings } };
}

function mergeRows(upper: readonly (FieldKey | null)[], lower: readonly (FieldKey | null)[]): (FieldKey | null)[] {
  const width = Math.max(upper.length, lower.length);
  const out: (FieldKey | null)[] = [];
  for (let c = 0; c < width; c++) out.push(lower[c] ?? upper[c] ?? null);
  return out;
}
