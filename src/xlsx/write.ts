/**
 * Writes sheets described by `SheetSpec` into a new .xlsx (the CLI's outputs: the consolidated
 * return, change lists, new registers) and returns the bytes. Node only (zip.ts deflates with
 * node:zlib); the caller does the file I/O.
 *
 * The SpreadsheetML is written directly (worksheet.ts) rather than through ExcelJS's cell model:
 * ExcelJS took about 7 s of CPU on the 30,000-row return of the consolidation bench (a style
 * object per cell, hashed again on save, every table cell rewritten, a JavaScript deflate);
 * written straight to bytes it takes about half a second.
 *
 * Safety: every value is written as a plain value. Text is always a shared string, never a
 * formula, even when it starts with = + - @, and objects from inputs (formulas, rich text) are
 * reduced to their visible value first, so no formula from an input ever reaches the output.
 */
import { columnLetters } from '../ledger/grid';
import { headerRowOf, type ColumnFormat, type ColumnSpec, type SheetSpec } from '../ledger/sheetSpec';
import {
  THEME_XML,
  contentTypesXml,
  corePropertiesXml,
  packageRelationshipsXml,
  sheetRelationshipsXml,
  workbookRelationshipsXml,
  workbookXml,
  type SheetPart,
} from './parts';
import { Styles, type FontKind } from './styles';
import { SheetData, tableXml, worksheetXml, type ListValidation, type WrittenValue } from './worksheet';
import { SharedStrings, escapeAttribute } from './xml';
import { zip, type ZipEntry } from './zip';

export { cutCellText, MAX_CELL_TEXT, plainValue } from './worksheet';

const DATE_FORMAT = 'yyyy-mm-dd';
const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | null>> = {
  date: DATE_FORMAT,
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  text: '@',
  general: null,
};

/** Excel's limit on an inline list validation ("a,b,c" including the quotes). */
const INLINE_LIST_LIMIT = 255;
const LIST_SHEET = '下拉选项';
/** Fixed document dates keep outputs byte-comparable between runs (the content carries its own dates). */
const DOCUMENT_DATE = new Date(Date.UTC(2000, 0, 1));

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique within the workbook (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = (
    wanted
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet'
  ).slice(0, 31);
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table column names must be unique, non-empty, one-line text (the header cells show the same text). */
function tableColumnNames(columns: readonly ColumnSpec[]): string[] {
  const seen = new Set<string>();
  return columns.map((c, i) => {
    const wanted = c.header.replace(/[\r\n\t]+/g, ' ').trim() || `列${i + 1}`;
    let name = wanted;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The message Excel shows for a value not in the list (Excel allows at most 225 characters). */
function listHint(items: readonly string[]): string {
  const all = items.join('、');
  return `请从下拉列表中选择：${all.length > 100 ? `${all.slice(0, 100)}…` : all}`;
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

/** What every sheet of one workbook shares while it is written. */
interface WorkbookState {
  readonly strings: SharedStrings;
  readonly styles: Styles;
  readonly lists: ListStore;
  tables: number;
  onCut?: ((cut: CellCut) => void) | undefined;
}

/** A text cell cut to Excel's limit of 32,767 characters (see `cutCellText`). */
export interface CellCut {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** The text's length before the cut. */
  readonly length: number;
}

export interface WriteOptions {
  /** Told of every cell whose text was cut to Excel's limit, so the caller can report it. */
  readonly onCut?: (cut: CellCut) => void;
}

interface BuiltSheet extends SheetPart {
  readonly xml: readonly Uint8Array[];
  readonly tableXml?: string;
}

function buildSheet(spec: SheetSpec, name: string, selected: boolean, book: WorkbookState): BuiltSheet {
  const { styles } = book;
  const data = new SheetData(
    book.strings,
    book.onCut ? (row, column, length) => book.onCut!({ sheet: name, row, column, length }) : undefined,
  );
  const headerRow = headerRowOf(spec);
  const bodyRows = spec.rows.length + (spec.blankRows ?? 0);
  const firstBodyRow = headerRow + 1;
  const lastBodyRow = headerRow + bodyRows;
  const withTable = spec.table !== false && spec.columns.length > 0;

  // One style per column, shared by all its cells; it also goes on the column itself, so cells
  // typed in later (the blank rows of a new register) get the format too.
  const formats = spec.columns.map((c) => NUMBER_FORMATS[c.format ?? 'general']);
  const bodyStyles = formats.map((f) => styles.cell('normal', f));
  const dateStyle = styles.cell('normal', DATE_FORMAT);
  // Dates outside date-formatted columns still get a date format, so they show as dates.
  const fills = spec.columns.map((c) => c.fills);
  const bodyStyle = (column: number, value: WrittenValue): number => {
    if (value instanceof Date) return dateStyle;
    const fill = typeof value === 'string' ? fills[column]?.[value] : undefined;
    return fill ? styles.cell('normal', formats[column] ?? null, fill) : (bodyStyles[column] ?? 0);
  };
  // Preamble and footer cells are notes, not column data: text there stays General.
  const noteStyle =
    (font: FontKind) =>
    (column: number, value: WrittenValue): number =>
      styles.cell(
        font,
        typeof value === 'string' ? null : value instanceof Date ? DATE_FORMAT : (formats[column] ?? null),
      );

  spec.preamble?.forEach((values, i) => data.add(i + 1, values, noteStyle(i === 0 ? 'title' : 'normal')));
  const names = tableColumnNames(spec.columns);
  const header = styles.header();
  data.add(headerRow, names, () => header);
  spec.rows.forEach((values, i) => data.add(firstBodyRow + i, values, bodyStyle));
  // An Excel table needs at least one body row; an empty one is what Excel itself makes.
  const tableEnd = withTable ? headerRow + Math.max(bodyRows, 1) : lastBodyRow;
  const footerStart = Math.max(lastBodyRow, tableEnd) + 1;
  spec.footer?.forEach((values, i) => data.add(footerStart + i, values, noteStyle('normal')));

  const validations: ListValidation[] = [];
  spec.columns.forEach((column, i) => {
    if (column.range && bodyRows > 0) {
      const letters = columnLetters(i + 1);
      const { min, max, whole } = column.range;
      validations.push({
        sqref: `${letters}${firstBodyRow}:${letters}${lastBodyRow}`,
        type: whole ? 'whole' : 'decimal',
        formula: String(min),
        ...(max === undefined ? {} : { formula2: String(max) }),
        errorTitle: '数值无效',
        error:
          max === undefined
            ? `请填写不小于 ${min} 的${whole ? '整数' : '数'}`
            : `请填写 ${min}–${max} 之间的${whole ? '整数' : '数'}`,
      });
    }
    if (!column.list || column.list.length === 0 || bodyRows === 0) return;
    const letters = columnLetters(i + 1);
    validations.push({
      sqref: `${letters}${firstBodyRow}:${letters}${lastBodyRow}`,
      formula: listFormula(column.list, book.lists),
      errorTitle: '不在选项中',
      error: listHint(column.list),
    });
  });

  const table = withTable ? ++book.tables : undefined;
  const xml = worksheetXml({
    data,
    columns: spec.columns.map((c, i) => ({
      width: c.width ?? Math.min(40, Math.max(8, c.header.length * 2 + 2)),
      style: bodyStyles[i] ?? 0,
    })),
    frozenRows: spec.freezeHeader === false ? 0 : headerRow,
    selected,
    validations,
    ...(table === undefined ? {} : { tableRelationship: 'rId1' }),
  });
  if (table === undefined) return { name, hidden: false, xml };
  const ref = `A${headerRow}:${columnLetters(spec.columns.length)}${tableEnd}`;
  return {
    name,
    hidden: false,
    xml,
    table,
    tableXml: tableXml({ id: table, name: `Table${table}`, ref, columns: names }),
  };
}

/** The hidden sheet holding dropdown lists too long to write inline, one list per column. */
function buildListSheet(lists: ListStore, book: WorkbookState): BuiltSheet {
  const data = new SheetData(book.strings);
  const rows = Math.max(...lists.columns.map((c) => c.length));
  for (let r = 0; r < rows; r++)
    data.add(
      r + 1,
      lists.columns.map((c) => c[r] ?? null),
      () => 0,
    );
  return {
    name: LIST_SHEET,
    hidden: true,
    xml: worksheetXml({ data, columns: [], frozenRows: 0, selected: false, validations: [] }),
  };
}

/** Writes the sheets, in order, into a new workbook and returns its bytes. */
export async function writeWorkbook(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<Uint8Array> {
  if (specs.length === 0) throw new Error('writeWorkbook: a workbook needs at least one sheet');
  const book: WorkbookState = {
    strings: new SharedStrings(),
    styles: new Styles(),
    lists: { columns: [] },
    tables: 0,
    onCut: options.onCut,
  };
  const taken = new Set<string>([LIST_SHEET]);
  const sheets = specs.map((spec, i) => {
    const name = uniqueSheetName(spec.name, taken);
    taken.add(name);
    return buildSheet(spec, name, i === 0, book);
  });
  if (book.lists.columns.length > 0) sheets.push(buildListSheet(book.lists, book));

  const encoder = new TextEncoder();
  const entry = (name: string, xml: string | readonly Uint8Array[]): ZipEntry => ({
    name,
    data: typeof xml === 'string' ? [encoder.encode(xml)] : xml,
  });
  const entries: ZipEntry[] = [
    entry('[Content_Types].xml', contentTypesXml(sheets)),
    entry('_rels/.rels', packageRelationshipsXml()),
    entry('docProps/core.xml', corePropertiesXml('ledger', DOCUMENT_DATE)),
    entry('xl/workbook.xml', workbookXml(sheets)),
    entry('xl/_rels/workbook.xml.rels', workbookRelationshipsXml(sheets)),
    entry('xl/theme/theme1.xml', THEME_XML),
    entry('xl/styles.xml', book.styles.xml(escapeAttribute)),
    entry('xl/sharedStrings.xml', book.strings.xml()),
  ];
  sheets.forEach((sheet, i) => {
    entries.push(entry(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml));
    if (sheet.table === undefined || sheet.tableXml === undefined) return;
    entries.push(entry(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRelationshipsXml(sheet.table)));
    entries.push(entry(`xl/tables/table${sheet.table}.xml`, sheet.tableXml));
  });
  return zip(entries);
}
