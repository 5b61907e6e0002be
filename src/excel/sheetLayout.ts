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
  /** Preamble rows holding one long line (a title, 报送期限…): merged across the table and wrapped. */
  readonly longLines: ReadonlyArray<{ readonly row: number; readonly lines: number }>;
  /** How the sheet prints: A4 landscape, fit to the page width, the header row on every page. */
  readonly print: { readonly title: string; readonly titleRow: number | null };
}

/** Widest a column is made to fit its header or content; longer text wraps (the header) or spills. */
export const MAX_AUTO_WIDTH = 40;
/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;

/** Width of a text in Excel's character units: a CJK character (or full-width form) takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch) ? 2 : 1;
  return width;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '0000-00-00';
  return String(value);
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
  const width = Math.max(
    1,
    columnCount,
    ...preamble.map((r) => r.length),
    ...spec.rows.map((r) => r.length),
    ...footer.map((r) => r.length),
  );

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
  push(
    spec.columns.map((c) => c.header),
    false,
  );
  for (const row of spec.rows) push(row, true);
  for (let r = headerRow + spec.rows.length; r < lastTableRow; r++) push([], true);
  for (const row of footer) push(row, false);

  // Each column at least as wide as its header's longest line and a sample of its content (up to
  // MAX_AUTO_WIDTH), so that headers such as 党委议事协调机构 are not cut off; the header row wraps beyond.
  const sample = spec.rows.slice(0, 200);
  const widths = spec.columns.flatMap((c, i) => {
    const header = Math.max(...String(c.header).split(/\r?\n/).map(displayWidth));
    const content = Math.max(0, ...sample.map((row) => displayWidth(textOf(row[i]))));
    // A width the spec gives is kept (widened only to fit the header); otherwise header and content decide.
    const given = c.width && c.width > 0 ? c.width : null;
    const wanted = Math.min(MAX_AUTO_WIDTH, (given === null ? Math.max(header, content) : header) + 2);
    const width = Math.max(given ?? 0, wanted);
    return width > DEFAULT_WIDTH ? [{ column: i + 1, points: widthToPoints(width) }] : [];
  });
  const widthOf = (column: number) => widths.find((w) => w.column === column)?.points ?? widthToPoints(DEFAULT_WIDTH);
  const tablePoints = Array.from({ length: Math.max(1, columnCount) }, (_, i) => widthOf(i + 1)).reduce(
    (a, b) => a + b,
    0,
  );
  const longLines = preamble.flatMap((row, r) => {
    const filled = row.map(textOf).filter((t) => t !== '');
    const text = textOf(row[0]);
    if (filled.length !== 1 || text === '' || columnCount < 2) return [];
    // Points needed at about 7.5 pt a character unit (11 pt text); lines of 15 pt.
    const lines = Math.max(1, Math.ceil((displayWidth(text) * 7.5) / tablePoints));
    return displayWidth(text) * 7.5 > widthOf(1) ? [{ row: r + 1, lines }] : [];
  });
  const firstText = preamble.map((row) => textOf(row[0])).find((t) => t !== '');
  const lists = spec.columns.flatMap((c, i): ListPlan[] =>
    c.list && c.list.length > 0 && lastTableRow > headerRow
      ? [
          {
            column: i + 1,
            firstRow: headerRow + 1,
            lastRow: lastTableRow,
            items: [...c.list],
            inlineSource: inlineListSource(c.list),
          },
        ]
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
    longLines,
    print: { title: firstText ?? spec.name, titleRow: columnCount > 0 ? headerRow : null },
  };
}
