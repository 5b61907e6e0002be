/**
 * Writes sheets described by `SheetSpec` into a new .xlsx with ExcelJS (the CLI's outputs: the
 * consolidated return, change lists, new registers). No Node APIs: returns the bytes.
 *
 * Safety: every value is written as a plain value. Text stays text even when it starts with = + - @
 * (ExcelJS only writes a formula for a `{ formula }` object, and objects from inputs are reduced to
 * their visible value first), so no formula from an input ever reaches the output.
 */
import ExcelJS from 'exceljs';
import { columnLetters, type CellValue } from '../ledger/grid';
import { toScalar } from '../ledger/cells/value';
import { fixZipTimestamps } from './zipTimestamps';
import { headerRowOf, type ColumnFormat, type ColumnSpec, type SheetSpec } from '../ledger/sheetSpec';

const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | null>> = {
  date: 'yyyy-mm-dd',
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  text: '@',
  general: null,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9BB7D4' } };
/** Excel's limit on an inline list validation ("a,b,c" including the quotes). */
const INLINE_LIST_LIMIT = 255;
const LIST_SHEET = '下拉选项';

/** A value safe to write: scalars as they are, host objects (rich text, formulas, errors) as their visible value. */
export function plainValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const scalar = toScalar(value);
  switch (scalar.kind) {
    case 'empty': return null;
    case 'text': return scalar.text;
    case 'number': return scalar.value;
    case 'boolean': return scalar.value;
    case 'date': return scalar.date;
    case 'error': return scalar.text;
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique within the workbook (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table column names must be unique, non-empty text. */
function tableColumnNames(columns: readonly ColumnSpec[]): string[] {
  const seen = new Set<string>();
  return columns.map((c, i) => {
    let name = c.header.trim() || `列${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${c.header.trim() || `列${i + 1}`}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function writeRow(sheet: ExcelJS.Worksheet, rowNumber: number, values: readonly CellValue[]): ExcelJS.Row {
  const row = sheet.getRow(rowNumber);
  values.forEach((value, i) => {
    const plain = plainValue(value);
    if (plain === null) return;
    const cell = row.getCell(i + 1);
    cell.value = plain;
    if (plain instanceof Date && !cell.numFmt) cell.numFmt = 'yyyy-mm-dd';
  });
  return row;
}

/** The message Excel shows for a value not in the list (Excel allows at most 225 characters). */
function listHint(items: readonly string[]): string {
  const all = items.join('、');
  return `请从下拉列表中选择：${all.length > 100 ? `${all.slice(0, 100)}…` : all}`;
}

/** ExcelJS has worksheet.dataValidations (ranges allowed) but its typings omit it. */
interface WithValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Lists too long for an inline validation, written to a hidden sheet once every sheet is done. */
interface ListStore {
  readonly columns: string[][];
}

/** A quoted inline list when it fits Excel's limit, else a range on the hidden list sheet. */
function listFormula(items: readonly string[], lists: ListStore): string {
  const inline = `"${items.join(',')}"`;
  if (inline.length <= INLINE_LIST_LIMIT && !items.some((i) => i.includes(',') || i.includes('"'))) return inline;
  const key = items.join('\n');
  let index = lists.columns.findIndex((c) => c.join('\n') === key);
  if (index === -1) index = lists.columns.push([...items]) - 1;
  const letters = columnLetters(index + 1);
  return `'${LIST_SHEET}'!$${letters}$1:$${letters}$${items.length}`;
}

function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, name: string, tableIndex: number, lists: ListStore): void {
  const sheet = workbook.addWorksheet(name);
  const headerRow = headerRowOf(spec);
  const bodyRows = spec.rows.length + (spec.blankRows ?? 0);
  const firstBodyRow = headerRow + 1;
  const lastBodyRow = headerRow + bodyRows;

  // Column formats go on the column itself, so cells created later (and rows typed in by hand) get them.
  spec.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width ?? Math.min(40, Math.max(8, column.header.length * 2 + 2));
    const numFmt = NUMBER_FORMATS[column.format ?? 'general'];
    if (numFmt) col.numFmt = numFmt;
  });

  spec.preamble?.forEach((values, i) => {
    const row = writeRow(sheet, i + 1, values);
    // Preamble cells are notes, not column data: drop the column's number format on text.
    row.eachCell((cell) => { if (typeof cell.value === 'string') cell.numFmt = 'General'; });
    if (i === 0) row.font = { bold: true, size: 14 };
  });

  const names = tableColumnNames(spec.columns);
  if (spec.table !== false && spec.columns.length > 0) {
    // An Excel table needs at least one body row; an empty one is what Excel itself makes.
    const rows = spec.rows.map((r) => spec.columns.map((_, i) => plainValue(r[i])));
    const blank = Math.max(spec.blankRows ?? 0, rows.length === 0 ? 1 : 0);
    for (let i = 0; i < blank; i++) rows.push(spec.columns.map(() => null));
    sheet.addTable({
      name: `Table${tableIndex}`,
      ref: `A${headerRow}`,
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: names.map((n) => ({ name: n, filterButton: true })),
      rows,
    });
  } else {
    writeRow(sheet, headerRow, names);
    spec.rows.forEach((values, i) => writeRow(sheet, firstBodyRow + i, values));
  }
  // Dates outside date-formatted columns still need a date format to show as dates.
  for (let r = firstBodyRow; r < firstBodyRow + spec.rows.length; r++) {
    sheet.getRow(r).eachCell((cell) => { if (cell.value instanceof Date && !cell.numFmt) cell.numFmt = 'yyyy-mm-dd'; });
  }

  const header = sheet.getRow(headerRow);
  for (let c = 1; c <= spec.columns.length; c++) {
    header.getCell(c).style = {
      font: { bold: true },
      fill: HEADER_FILL,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
    };
  }

  spec.columns.forEach((column, i) => {
    if (!column.list || column.list.length === 0 || bodyRows === 0) return;
    const letters = sheet.getColumn(i + 1).letter;
    (sheet as unknown as WithValidations).dataValidations.add(`${letters}${firstBodyRow}:${letters}${lastBodyRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(column.list, lists)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '不在选项中',
      error: listHint(column.list),
    });
  });

  const footerStart = Math.max(lastBodyRow, headerRow + (spec.table !== false && bodyRows === 0 ? 1 : 0)) + 1;
  spec.footer?.forEach((values, i) => {
    const row = writeRow(sheet, footerStart + i, values);
    row.eachCell((cell) => { if (typeof cell.value === 'string') cell.numFmt = 'General'; });
  });

  if (spec.freezeHeader !== false) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
}

/** Writes the sheets, in order, into a new workbook and returns its bytes. */
export async function writeWorkbook(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // Fixed timestamps keep outputs byte-comparable between runs (the content carries its own dates).
  const epoch = new Date(Date.UTC(2000, 0, 1));
  workbook.created = epoch;
  workbook.modified = epoch;
  workbook.creator = 'ledger';
  const taken = new Set<string>([LIST_SHEET]);
  const lists: ListStore = { columns: [] };
  specs.forEach((spec, i) => {
    const name = uniqueSheetName(spec.name, taken);
    taken.add(name);
    writeSheet(workbook, spec, name, i + 1, lists);
  });
  if (lists.columns.length > 0) {
    const listSheet = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });
    lists.columns.forEach((items, c) => items.forEach((item, r) => { listSheet.getCell(r + 1, c + 1).value = item; }));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
