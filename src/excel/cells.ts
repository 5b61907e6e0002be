/**
 * Cell values between Office.js and the core. Office.js hands dates over as serial numbers and
 * takes only strings, numbers and booleans; the core and the other hosts (ExcelJS) use Date
 * objects for cells formatted as dates. Pure functions, no Office.js.
 */
import { cellText } from '../ledger/cells/value';
import type { CellValue } from '../ledger/grid';
import type { ColumnFormat } from '../ledger/sheetSpec';

const MS_PER_DAY = 86_400_000;
/** Serial 0 in the 1900 date system, as Excel counts it from 1 March 1900 on (after its phantom 29 Feb 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * True for a number format that displays a date (yyyy-mm-dd, yyyy"年"m"月"d"日", m/d/yy,
 * [$-804]…), false for General, numbers, text and pure times or durations ([h]:mm, h:mm).
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format
    .split(';')[0]!
    .replace(/"[^"]*"/g, '') // literal text such as "年"
    .replace(/\\./g, '') // escaped characters
    .replace(/\[[^\]]*\]/g, '') // colours, locales, [h] elapsed time
    .toLowerCase();
  if (/^general$/.test(bare.trim()) || bare.includes('@')) return false;
  if (/[yd]/.test(bare)) return true;
  // m alone is a month (mmm, mmmm); beside h or s it is minutes.
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** A 1900-system serial (what Office.js returns for a date) as a UTC Date; time of day kept. */
export function serialToDate(serial: number): Date {
  // Serials below 60 come before Excel's phantom 29 February 1900 and count from 31 Dec 1899.
  const days = serial < 60 ? serial + 1 : serial;
  return new Date(EPOCH_1900 + Math.round(days * MS_PER_DAY));
}

/** A Date (read as a UTC calendar date and time, as ExcelJS and the core do) as a 1900-system serial. */
export function dateToSerial(date: Date): number {
  const days = (date.getTime() - EPOCH_1900) / MS_PER_DAY;
  return days < 61 ? days - 1 : days;
}

/**
 * One block of `range.values` and `range.numberFormat` as grid rows: numbers in date-formatted
 * cells become Dates, the way ExcelJS reads the same file, so the pane and the CLI see the same
 * grid. Empty strings (Office.js's empty cell) become null.
 */
export function blockToRows(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[] | undefined,
): CellValue[][] {
  return values.map((row, r) =>
    row.map((value, c): CellValue => {
      if (value === '' || value === null || value === undefined) return null;
      if (typeof value === 'number' && isDateFormat(formats?.[r]?.[c])) return serialToDate(value);
      return value as CellValue;
    }),
  );
}

export type ExcelScalar = string | number | boolean;

/** The number format a column spec asks for; strings always get "@" (see `toExcelCell`). */
export const COLUMN_NUMBER_FORMAT: Readonly<Record<ColumnFormat, string>> = {
  text: '@',
  date: 'yyyy-mm-dd',
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  general: 'General',
};

export const TEXT_FORMAT = '@';

/**
 * A value and number format to write for one cell. Office.js parses every string it is given
 * like typed input: "=SUM(A1)" becomes a formula, "001" the number 1, "2019.03" a number and
 * "3/4" a date. Writing each string into a cell formatted "@" (text) beforehand keeps it exactly
 * as given, formula-like text included, and the cell stays text if the user edits it later. An
 * apostrophe prefix would only help with the first case and leaves a visible quote if a host does
 * not treat it as Excel's quote prefix.
 */
export function toExcelCell(
  value: CellValue,
  format: ColumnFormat | undefined,
): { value: ExcelScalar; numberFormat: string } {
  const columnFormat = COLUMN_NUMBER_FORMAT[format ?? 'general'];
  if (value === null || value === undefined) return { value: '', numberFormat: columnFormat };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: '', numberFormat: columnFormat };
    if (format === 'text') return { value: value.toISOString().slice(0, 10), numberFormat: TEXT_FORMAT };
    return { value: dateToSerial(value), numberFormat: format === 'date' ? columnFormat : COLUMN_NUMBER_FORMAT.date };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: String(value), numberFormat: TEXT_FORMAT };
    return format === 'text'
      ? { value: String(value), numberFormat: TEXT_FORMAT }
      : { value, numberFormat: columnFormat };
  }
  if (typeof value === 'boolean') {
    return format === 'text'
      ? { value: value ? 'TRUE' : 'FALSE', numberFormat: TEXT_FORMAT }
      : { value, numberFormat: columnFormat };
  }
  const text = typeof value === 'string' ? value : cellText(value);
  if (text === '') return { value: '', numberFormat: columnFormat };
  return { value: text, numberFormat: TEXT_FORMAT };
}

/**
 * The values and number formats that write `rows` into freshly inserted rows. A null leaves the
 * cell as the insert left it (Office.js skips null in a 2-D array), so numbers and empty cells keep
 * the formats the new rows took over from the row above; a date keeps that format when it shows a
 * date (yyyy"年"m"月"d"日" stays) and gets yyyy-mm-dd otherwise; text goes into "@" cells as always
 * (see `toExcelCell`). `formatsAbove` are the number formats of the row above, by column.
 */
export function insertedRowCells(
  rows: readonly (readonly CellValue[])[],
  width: number,
  formatsAbove: readonly unknown[] = [],
): { values: (ExcelScalar | null)[][]; numberFormat: (string | null)[][] } {
  const values: (ExcelScalar | null)[][] = [];
  const numberFormat: (string | null)[][] = [];
  for (const row of rows) {
    const valueRow: (ExcelScalar | null)[] = [];
    const formatRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? null;
      if (value === null || value === '') {
        valueRow.push(null);
        formatRow.push(null);
        continue;
      }
      const cell = toExcelCell(value, undefined);
      valueRow.push(cell.value);
      if (value instanceof Date) formatRow.push(isDateFormat(formatsAbove[c]) ? null : cell.numberFormat);
      else formatRow.push(cell.numberFormat === TEXT_FORMAT ? TEXT_FORMAT : null);
    }
    values.push(valueRow);
    numberFormat.push(formatRow);
  }
  return { values, numberFormat };
}
