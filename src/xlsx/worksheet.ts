/**
 * One worksheet part: cells go straight from values to SpreadsheetML bytes, with a style index
 * shared per column and one shared string per distinct text, and no cell objects in between
 * (a 30,000-row sheet is 600,000 cells).
 *
 * Text is always a shared string (`t="s"`) and nothing is ever written as `<f>`, so no value can
 * become a formula, whatever it starts with.
 */
import { columnLetters, type CellValue } from '../ledger/grid';
import { toScalar } from '../ledger/cells/value';
import { AsciiSink, ascii } from './bytes';
import { escapeAttribute, type SharedStrings } from './xml';

export type PlainValue = string | number | boolean | Date | null;
export type WrittenValue = Exclude<PlainValue, null>;

/** A value safe to write: scalars as they are, host objects (rich text, formulas, errors) as their visible value. */
export function plainValue(value: CellValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const scalar = toScalar(value);
  switch (scalar.kind) {
    case 'empty':
      return null;
    case 'text':
      return scalar.text;
    case 'number':
      return scalar.value;
    case 'boolean':
      return scalar.value;
    case 'date':
      return scalar.date;
    case 'error':
      return scalar.text;
  }
}

/** Excel's limit on the characters of one cell: more and Excel “repairs” the file, dropping content. */
export const MAX_CELL_TEXT = 32_767;

/** Text cut to Excel's cell limit, with a visible marker saying how long it was. */
export function cutCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const marker = `…〔已截断：原文 ${text.length} 字，超出 Excel 单元格上限 ${MAX_CELL_TEXT} 字 / cut: ${text.length} characters, Excel's cell limit is ${MAX_CELL_TEXT}〕`;
  let keep = MAX_CELL_TEXT - marker.length;
  // Never split a surrogate pair.
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + marker;
}

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 in Excel's 1900 date system; dates are taken as UTC, as the rest of the product does. */
const UNIX_EPOCH_SERIAL = 25_569;

export function excelSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}

const ROW_OPEN = ascii('<row r="');
const TAG_END = ascii('">');
const ROW_CLOSE = ascii('</row>');
const SHARED_STRING = ascii('" t="s"><v>');
const BOOLEAN = ascii('" t="b"><v>');
const VALUE = ascii('"><v>');
const CELL_CLOSE = ascii('</v></c>');

/**
 * The cells of one worksheet as `<sheetData>` rows, added top to bottom. Written straight to
 * bytes: with text in the shared strings, everything here is ASCII.
 */
export class SheetData {
  private readonly sink = new AsciiSink();
  /** `<c r="A` … per column, encoded once. */
  private readonly cellOpen: Uint8Array[] = [];
  /** `" s="3` … per style index, encoded once. */
  private readonly styleAttribute: Uint8Array[] = [];
  private lastRow = 0;
  private lastColumn = 0;

  constructor(
    private readonly strings: SharedStrings,
    private readonly onCut?: (row: number, column: number, length: number) => void,
  ) {
    this.sink.ascii('<sheetData>');
  }

  /** Adds row `rowNumber` (1-based); `styleOf(column, value)` gives each written cell's style. Empty cells are left out. */
  add(rowNumber: number, values: readonly CellValue[], styleOf: (column: number, value: WrittenValue) => number): void {
    if (rowNumber <= this.lastRow)
      throw new Error(`worksheet rows must be added in order: row ${rowNumber} after row ${this.lastRow}`);
    const sink = this.sink;
    const row = ascii(String(rowNumber));
    let written = 0; // 1 + the last column written; the row opens with its first cell
    for (let c = 0; c < values.length; c++) {
      let value = plainValue(values[c]);
      if (value === null) continue;
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) {
        this.onCut?.(rowNumber, c + 1, value.length);
        value = cutCellText(value);
      }
      if (written === 0) {
        sink.bytes(ROW_OPEN);
        sink.bytes(row);
        sink.bytes(TAG_END);
      }
      written = c + 1;
      sink.bytes((this.cellOpen[c] ??= ascii(`<c r="${columnLetters(c + 1)}`)));
      sink.bytes(row);
      const style = styleOf(c, value);
      if (style !== 0) sink.bytes((this.styleAttribute[style] ??= ascii(`" s="${style}`)));
      if (typeof value === 'string') {
        sink.bytes(SHARED_STRING);
        sink.number(this.strings.index(value));
      } else if (typeof value === 'boolean') {
        sink.bytes(BOOLEAN);
        sink.number(value ? 1 : 0);
      } else {
        sink.bytes(VALUE);
        sink.number(typeof value === 'number' ? value : excelSerial(value));
      }
      sink.bytes(CELL_CLOSE);
    }
    if (written === 0) return;
    sink.bytes(ROW_CLOSE);
    this.lastRow = rowNumber;
    if (written > this.lastColumn) this.lastColumn = written;
  }

  /** The used range, for `<dimension>`. */
  get dimension(): string {
    return this.lastRow === 0 ? 'A1' : `A1:${columnLetters(this.lastColumn)}${this.lastRow}`;
  }

  /** `<sheetData>…</sheetData>` in parts; nothing can be added after this. */
  parts(): Uint8Array<ArrayBuffer>[] {
    this.sink.ascii('</sheetData>');
    return this.sink.parts();
  }
}

export interface ColumnLayout {
  readonly width: number;
  /** Style of cells typed into the column later (and of its empty cells). */
  readonly style: number;
}

export interface ListValidation {
  /** Range such as `D4:D8`. */
  readonly sqref: string;
  /** `"a,b,c"` or a range on another sheet. */
  readonly formula: string;
  readonly errorTitle: string;
  readonly error: string;
  /** A number range instead of a list: whole numbers or decimals from `formula` to `formula2` (or at least `formula`). */
  readonly type?: 'list' | 'whole' | 'decimal';
  readonly formula2?: string;
}

export interface WorksheetLayout {
  readonly data: SheetData;
  readonly columns: readonly ColumnLayout[];
  /** Rows frozen at the top (0: none). */
  readonly frozenRows: number;
  /** The tab shown when the workbook opens. */
  readonly selected: boolean;
  readonly validations: readonly ListValidation[];
  /** Relationship id of the sheet's table part, if it has one. */
  readonly tableRelationship?: string;
}

function sheetView(layout: WorksheetLayout): string {
  const selected = layout.selected ? ' tabSelected="1"' : '';
  if (layout.frozenRows === 0) return `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`;
  const topLeft = `A${layout.frozenRows + 1}`;
  return (
    `<sheetViews><sheetView${selected} workbookViewId="0">` +
    `<pane ySplit="${layout.frozenRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function validationsXml(validations: readonly ListValidation[]): string {
  if (validations.length === 0) return '';
  const items = validations.map((v) => {
    const attributes = `allowBlank="1" showErrorMessage="1" errorTitle="${escapeAttribute(v.errorTitle)}" error="${escapeAttribute(v.error)}" sqref="${v.sqref}"`;
    if (v.type === undefined || v.type === 'list')
      return `<dataValidation type="list" errorStyle="warning" ${attributes}><formula1>${escapeAttribute(v.formula)}</formula1></dataValidation>`;
    const operator = v.formula2 === undefined ? 'greaterThanOrEqual' : 'between';
    return `<dataValidation type="${v.type}" operator="${operator}" ${attributes}><formula1>${escapeAttribute(v.formula)}</formula1>${v.formula2 === undefined ? '' : `<formula2>${escapeAttribute(v.formula2)}</formula2>`}</dataValidation>`;
  });
  return `<dataValidations count="${validations.length}">${items.join('')}</dataValidations>`;
}

/** xl/worksheets/sheetN.xml, its elements in the order the schema requires. */
export function worksheetXml(layout: WorksheetLayout): Uint8Array<ArrayBuffer>[] {
  const cols =
    layout.columns.length === 0
      ? ''
      : `<cols>${layout.columns
          .map(
            (c, i) =>
              `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.style === 0 ? '' : ` style="${c.style}"`} customWidth="1"/>`,
          )
          .join('')}</cols>`;
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="${layout.data.dimension}"/>` +
    sheetView(layout) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols;
  const tail =
    validationsXml(layout.validations) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (layout.tableRelationship
      ? `<tableParts count="1"><tablePart r:id="${layout.tableRelationship}"/></tableParts>`
      : '') +
    '</worksheet>';
  return [encoder.encode(head), ...layout.data.parts(), encoder.encode(tail)];
}

const encoder = new TextEncoder();

export interface TableLayout {
  /** Unique in the workbook, from 1. */
  readonly id: number;
  readonly name: string;
  /** Header row and body, such as `A3:G8`. */
  readonly ref: string;
  /** Exactly the header cells' text. */
  readonly columns: readonly string[];
}

/** xl/tables/tableN.xml: a banded table with a filter button on every column. */
export function tableXml(table: TableLayout): string {
  const columns = table.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeAttribute(name)}"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${table.id}" name="${table.name}" displayName="${table.name}" ref="${table.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}
