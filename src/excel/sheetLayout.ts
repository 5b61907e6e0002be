/**
 * Where everything of a SheetSpec goes on a new sheet: preamble rows, the header, the body and
 * blank rows (the table), the footer below, column formats, widths, dropdown lists and the frozen
 * header. Pure: the Excel adapter writes the result with a handful of calls.
 */
import type { SheetSpec } from '../ledger/sheetSpec';
import { headerRowOf } from '../ledger/sheetSpec';
import { toExcelCell, type ExcelScalar } from './cells';

/** Excel's limit on a data-validation list typed in as “a,b,c”. */
export const MAX_INLINE_LIST_LENGTH = 255;

export interface ListPlan {
  /** 1-based sheet column. */
  readonly column: number;
  /** 1-based sheet rows the dropdown covers (the table body and its blank rows). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly items: readonly string[];
  /** The “a,b,c” source when it fits Excel's limit; null when the items must sit in cells. */
  readonly inlineSource: string | null;
}

export interface SheetLayout {
  /** Columns written (the widest of columns, preamble, body and footer rows). */
  readonly width: number;
  /** Rows 1…n of the sheet, each `width` long: values and number formats cell by cell. */
  readonly values: ExcelScalar[][];
  readonly formats: string[][];
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 1-based last row of the table (header row + body + blank rows, at least one body row). */
  readonly lastTableRow: number;
  /** Columns the table spans (the spec's columns). */
  readonly tableWidth: number;
  readonly table: boolean;
  /** Rows to freeze (through the header), 0 for none. */
  readonly freezeRows: number;
  readonly widths: ReadonlyArray<{ readonly column: number; readonly points: number }>;
  readonly lists: readonly ListPlan[];
}

/**
 * Excel's column width unit is the width of one digit of the default font (7 px for Calibri 11,
 * plus 5 px of padding); Office.js sets widths in points (0.75 pt per px).
 */
export function widthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The inline “a,b,c” list source, or null when an item has a comma or the list is too long. */
export function inlineListSource(items: readonly string[]): string | null {
  if (items.some((item) => item.includes(','))) return null;
  const source = items.join(',');
  return source.length <= MAX_INLINE_LIST_LENGTH ? source : null;
}

export function layoutSheet(spec: SheetSpec): SheetLayout {
  const preamble = spec.preamble ?? [];
  const footer = spec.footer ?? [];
  const headerRow = headerRowOf(spec);
  const columnCount = spec.columns.length;
  const bodyRows = spec.rows.length + Math.max(0, spec.blankRows ?? 0);
  const table = (spec.table ?? true) && columnCount > 0;
  // A table needs at least one body row; an empty one is laid out as one blank row.
  const lastTableRow = headerRow + Math.max(bodyRows, table ? 1 : 0);
  const width = Math.max(1, columnCount, ...preamble.map((r) => r.length), ...spec.rows.map((r) => r.length), ...footer.map((r) => r.length));

  const values: ExcelScalar[][] = [];
  const formats: string[][] = [];
  const push = (cells: readonly unknown[], columnFormats: boolean) => {
    const rowValues: ExcelScalar[] = [];
    const rowFormats: string[] = [];
    for (let c = 0; c < width; c++) {
      const format = columnFormats ? spec.columns[c]?.format : undefined;
      const cell = toExcelCell(cells[c] as never, format);
      rowValues.push(cell.value);
      rowFormats.push(cell.numberFormat);
    }
    values.push(rowValues);
    formats.push(rowFormats);
  };

  for (const row of preamble) push(row, false);
  push(spec.columns.map((c) => c.header), false);
  for (const row of spec.rows) push(row, true);
  for (let r = headerRow + spec.rows.length; r < lastTableRow; r++) push([], true);
  for (const row of footer) push(row, false);

  const widths = spec.columns.flatMap((c, i) => (c.width && c.width > 0 ? [{ column: i + 1, points: widthToPoints(c.width) }] : []));
  const lists = spec.columns.flatMap((c, i): ListPlan[] =>
    c.list && c.list.length > 0 && lastTableRow > headerRow
      ? [{ column: i + 1, firstRow: headerRow + 1, lastRow: lastTableRow, items: [...c.list], inlineSource: inlineListSource(c.list) }]
      : [],
  );

  return {
    width,
    values,
    formats,
    headerRow,
    lastTableRow,
    tableWidth: columnCount,
    table,
    freezeRows: (spec.freezeHeader ?? true) ? headerRow : 0,
    widths,
    lists,
  };
}

