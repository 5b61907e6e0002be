/**
 * The legacy formats, read with SheetJS CE (the `@e965/xlsx` build of 0.20.3): Excel 97–2003 .xls
 * (BIFF8), WPS 表格 .et (which WPS writes in the same layout), OpenDocument .ods, and the web-page
 * and XML Spreadsheet 2003 files some systems export under an “.xls” name. Values are mapped to
 * what the .xlsx reader gives, so every format reads into the same grid: numbers in a date format
 * become Dates (in the workbook's own 1900 or 1904 date system), errors become `{ error: '#N/A' }`,
 * covered cells of a merge stay empty.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { CellValue, Grid, MergedRange } from '../ledger/grid';
import { etUnreadable } from './detect';
import { allEmpty, damagedFile, emptyWorkbook, type SourceFormat, type WorkbookRead } from './result';

type SheetJs = typeof import('@e965/xlsx');

const MS_PER_DAY = 86_400_000;
/** Day 0 of each date system as a Unix day: 1899-12-30 (1900 system, after Excel's leap-year bug) and 1904-01-01. */
const EPOCH_1900 = -25_569;
const EPOCH_1904 = -24_107;

/** An Excel serial as the UTC date and time it shows, like ExcelJS gives for .xlsx. */
export function serialToDate(serial: number, date1904: boolean): Date {
  // Serials before 1900-03-01 sit one day off because Excel counts 29 February 1900.
  const adjusted = !date1904 && serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((adjusted + (date1904 ? EPOCH_1904 : EPOCH_1900)) * MS_PER_DAY));
}

function cellValue(cell: CellObject | undefined, xlsx: SheetJs, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return cell.v === '' ? null : (cell.v as string);
    case 'n': {
      const v = cell.v as number;
      if (typeof cell.z === 'string' && xlsx.SSF.is_date(cell.z)) return serialToDate(v, date1904);
      return v;
    }
    case 'b':
      return cell.v as boolean;
    case 'e':
      return { error: cell.w ?? '#N/A' };
    case 'd': {
      // SheetJS builds these in local time; keep the day and time the file shows, as UTC.
      const d = cell.v as Date;
      return new Date(
        Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()),
      );
    }
    default:
      return null;
  }
}

function sheetToGrid(name: string, sheet: WorkSheet, xlsx: SheetJs, date1904: boolean): Grid {
  const data = (sheet['!data'] ?? []) as (CellObject | undefined)[][];
  const rows: { row: number; cells: CellValue[] }[] = [];
  let firstColumn = Infinity;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    let cells: CellValue[] | null = null;
    for (let c = 0; c < source.length; c++) {
      const value = cellValue(source[c], xlsx, date1904);
      if (value === null) continue;
      cells ??= [];
      cells[c] = value;
      if (c < firstColumn) firstColumn = c;
    }
    if (cells) rows.push({ row: r, cells });
  }
  const merges: MergedRange[] = (sheet['!merges'] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return { sheet: name, values: [], firstRow: 1, firstColumn: 1, merges };
  const values: CellValue[][] = Array.from({ length: last.row - first.row + 1 }, () => []);
  for (const { row, cells } of rows) {
    const dense = cells.slice(firstColumn);
    for (let c = 0; c < dense.length; c++) if (dense[c] === undefined) dense[c] = null;
    values[row - first.row] = dense;
  }
  return { sheet: name, values, firstRow: first.row + 1, firstColumn: firstColumn + 1, merges };
}

/** SheetJS reports some oddities with console.error; they are not the user's business. */
function quietly<T>(read: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * Reads a legacy workbook. `format` is what the caller recognised (.et is told apart from .xls by
 * its name only: WPS writes the same bytes).
 */
export async function readLegacy(
  data: Uint8Array,
  fileName: string,
  format: Extract<SourceFormat, 'xls' | 'et' | 'ods' | 'html'>,
): Promise<WorkbookRead> {
  const xlsx = await import('@e965/xlsx');
  let book: WorkBook;
  try {
    book = quietly(() =>
      xlsx.read(data, {
        type: 'array',
        dense: true,
        cellDates: false,
        cellNF: true,
        cellFormula: false,
        cellHTML: false,
        cellStyles: false,
      }),
    );
  } catch (error) {
    if (format === 'et') {
      const refused = etUnreadable(fileName);
      if (refused.kind === 'refused') return refused.result;
    }
    const detail = error instanceof Error ? error.message : String(error);
    return damagedFile(fileName, /unexpected end|truncat|end of (?:data|file)|out of range|bad.*sector/i.test(detail));
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheets = book.SheetNames.map((name) => sheetToGrid(name, book.Sheets[name]!, xlsx, date1904));
  if (sheets.length === 0 || allEmpty(sheets)) return emptyWorkbook(fileName, sheets.length);
  return { ok: true, sheets, format };
}
