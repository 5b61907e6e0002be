/**
 * The .xlsx/.xlsm reader of the reading layer: the zip is inflated part by part with fflate
 * (./zip: limits, CRC-32) and the SpreadsheetML is scanned byte by byte straight into the grid
 * (./xml), with no object model per cell. Runs in Node (the CLI) and in the browser (the pane's
 * file pickers): no Node APIs here.
 *
 * Values are those ExcelJS gives for the same file, so every host sees the same grid: numbers in
 * a date format become UTC Dates (in the workbook's 1900 or 1904 date system), formulas
 * `{ formula, result }` / `{ sharedFormula, result }` with their cached result, errors
 * `{ error: '#N/A' }`, hyperlinked text `{ text, hyperlink }`; rich text is its plain text
 * (phonetic runs left out); the covered cells of a merge are empty. Merges are clipped to the
 * cells the sheet has, so a merge over the whole sheet costs nothing.
 */
import type { CellValue, Grid, MergedRange } from '../ledger/grid';
import { serialToDate } from './legacy';
import { limitHit, ReadLimitError, type ReadLimits } from './limits';
import { allEmpty, damagedFile, emptyWorkbook, readFailure, type WorkbookRead } from './result';
import { attr, attrText, findAttr, intAt, numberAt, readTag, tag, tagIs, textAt, unescapeXml, XmlRefused } from './xml';
import { InflateBudget, readEntry, zipEntries, ZipDamaged, type ZipEntry } from './zip';

const utf8 = new TextDecoder('utf-8');

/** The parts of one package, inflated on demand within the budget. */
class Package {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly budget: InflateBudget,
  ) {}

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  async bytesOf(path: string): Promise<Uint8Array | null> {
    const entry = this.entries.get(path.toLowerCase());
    return entry ? readEntry(this.bytes, entry, this.budget) : null;
  }

  async textOf(path: string): Promise<string | null> {
    const bytes = await this.bytesOf(path);
    return bytes ? utf8.decode(bytes) : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Small parts (workbook, relationships, styles): few tags, read as text with regular expressions.

function attributesOf(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!;
    const value = unescapeXml(m[2] ?? m[3] ?? '');
    out.set(name, value);
    const colon = name.indexOf(':');
    // r:id is looked up as 'r:id'; any prefix bound to the relationships namespace works the same.
    if (colon > 0 && name.slice(colon + 1) === 'id' && !out.has('r:id')) out.set('r:id', value);
  }
  return out;
}

function elements(xml: string, localName: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  for (const m of xml.matchAll(re)) out.push(attributesOf(m[1]!));
  return out;
}

function refuseDoctype(xml: string): void {
  if (/<!DOCTYPE/i.test(xml)) throw new XmlRefused('DOCTYPE');
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(baseFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${baseFolder}${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsPathOf = (path: string) => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

async function relationships(pkg: Package, partPath: string): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>();
  const xml = await pkg.textOf(relsPathOf(partPath));
  if (!xml) return out;
  refuseDoctype(xml);
  for (const rel of elements(xml, 'Relationship')) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    if (!id || target === undefined) continue;
    const external = rel.get('TargetMode') === 'External';
    out.set(id, {
      type: rel.get('Type') ?? '',
      target: external ? target : resolveTarget(folderOf(partPath), target),
      external,
    });
  }
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ids). */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** True for a custom format with a date or time token outside quoted text, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/^\s*general\s*$/i.test(bare)) return false;
  return /[ymdhsb]/i.test(bare.replace(/general/gi, ''));
}

/** For each cell style index, whether its number format shows a date. */
async function dateStyles(pkg: Package, stylesPath: string | null): Promise<Uint8Array> {
  const xml = stylesPath ? await pkg.textOf(stylesPath) : null;
  if (!xml) return new Uint8Array(0);
  refuseDoctype(xml);
  const custom = new Map<number, string>();
  for (const fmt of elements(xml, 'numFmt')) {
    const id = Number(fmt.get('numFmtId'));
    if (Number.isInteger(id)) custom.set(id, fmt.get('formatCode') ?? '');
  }
  const block = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!block) return new Uint8Array(0);
  const xfs = elements(block[1]!, 'xf');
  const out = new Uint8Array(xfs.length);
  xfs.forEach((xf, i) => {
    const id = Number(xf.get('numFmtId') ?? 0);
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormatCode(code) : isBuiltInDate(id)) ? 1 : 0;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rich text (shared strings and inline strings).

/**
 * The text of an `<si>` or `<is>` whose opening tag was just read: its `<t>` runs joined, the
 * phonetic runs (`<rPh>`) left out. Leaves `tag` at the closing tag.
 */
function richTextFrom(b: Uint8Array, from: number, closer: string): { text: string; end: number } {
  let text = '';
  let phonetic = 0;
  let p = from;
  for (let lt = b.indexOf(60, p); lt >= 0; lt = b.indexOf(60, p)) {
    readTag(b, lt);
    p = tag.end;
    if (tag.other) continue;
    if (tagIs(b, 't')) {
      if (tag.closing || tag.selfClosing || phonetic > 0) continue;
      const close = b.indexOf(60, p);
      if (close < 0) break;
      if (b[close + 1] === 33 && b[close + 2] === 91) {
        // <t><![CDATA[…]]></t>
        readTag(b, close);
        text += utf8.decode(b.subarray(tag.cdataStart, tag.cdataEnd));
        p = tag.end;
      } else {
        text += textAt(b, p, close);
        p = close;
      }
    } else if (tagIs(b, 'rPh')) {
      if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
    } else if (tag.closing && tagIs(b, closer)) {
      return { text, end: p };
    }
  }
  return { text, end: b.length };
}

async function sharedStrings(pkg: Package, path: string | null): Promise<string[]> {
  const b = path ? await pkg.bytesOf(path) : null;
  if (!b) return [];
  const out: string[] = [];
  let p = 0;
  for (let lt = b.indexOf(60, p); lt >= 0; lt = b.indexOf(60, p)) {
    readTag(b, lt);
    p = tag.end;
    if (tag.other || tag.closing || !tagIs(b, 'si')) continue;
    if (tag.selfClosing) {
      out.push('');
      continue;
    }
    const { text, end } = richTextFrom(b, p, 'si');
    out.push(text);
    p = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

interface SheetContext {
  readonly fileName: string;
  readonly limits: ReadLimits;
  readonly strings: readonly string[];
  readonly dates: Uint8Array;
  readonly date1904: boolean;
}

/** Row and column of an A1 reference at `[s, e)`; 0 for a part that is missing. */
const ref = { row: 0, column: 0 };
function parseRef(b: Uint8Array, s: number, e: number): void {
  let column = 0;
  let i = s;
  for (; i < e; i++) {
    let ch = b[i]!;
    if (ch === 36 /* $ */) continue;
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    column = column * 26 + (ch - 64);
    if (column > 1e7) break;
  }
  let row = 0;
  for (; i < e; i++) {
    const d = b[i]! - 48;
    if (d === 36 - 48) continue;
    if (d < 0 || d > 9) {
      row = 0;
      break;
    }
    row = row * 10 + d;
    if (row > 1e10) break;
  }
  ref.row = row;
  ref.column = column;
}

function parseRange(text: string): MergedRange | null {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?$/.exec(text.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]!);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? col(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** One sheet row as it is read: its cells from column `first` on (nulls in the gaps). */
interface RowRecord {
  row: number;
  first: number;
  cells: CellValue[];
}

function parseIsoDate(text: string): Date {
  const t = text.trim();
  // A date and time without a zone is the wall-clock time the file shows: keep it as UTC.
  return new Date(/T/.test(t) && !/(?:Z|[+-]\d\d:?\d\d)$/.test(t) ? `${t}Z` : t);
}

class SheetReader {
  private readonly rows: RowRecord[] = [];
  private current: RowRecord | null = null;
  private slots = 0;
  private sorted = true;
  /** Bounding box of every `<c>` in the sheet, empty ones included: what merges are clipped to. */
  minRow = Infinity;
  maxRow = 0;
  minColumn = Infinity;
  maxColumn = 0;
  private readonly sharedMasters = new Map<string, string>();

  constructor(
    private readonly ctx: SheetContext,
    private readonly name: string,
  ) {}

  private put(row: number, column: number, value: CellValue): void {
    let record = this.current;
    if (!record || record.row !== row) {
      const last = this.rows[this.rows.length - 1];
      if (last && last.row >= row) this.sorted = false;
      record = { row, first: column, cells: [value] };
      this.rows.push(record);
      this.current = record;
      this.charge(1);
      return;
    }
    const index = column - record.first;
    const cells = record.cells;
    if (index >= cells.length) {
      this.charge(index + 1 - cells.length);
      while (cells.length < index) cells.push(null);
      cells.push(value);
    } else if (index >= 0) {
      cells[index] = value;
    } else {
      this.charge(-index);
      const gap: CellValue[] = new Array<CellValue>(-index).fill(null);
      gap[0] = value;
      record.cells = gap.concat(cells);
      record.first = column;
    }
  }

  private charge(cells: number): void {
    this.slots += cells;
    if (this.slots > this.ctx.limits.maxCells) throw limitHit.cells(this.ctx.fileName, this.name, this.ctx.limits);
  }

  /** Scans `<sheetData>`; returns where the rest of the sheet (merges, hyperlinks) starts. */
  scan(b: Uint8Array): number {
    const { limits, strings, dates, date1904, fileName } = this.ctx;
    let p = 0;
    let inData = false;
    let rowNumber = 0;
    let column = 0;
    for (let lt = b.indexOf(60, p); lt >= 0; lt = b.indexOf(60, p)) {
      readTag(b, lt);
      p = tag.end;
      if (tag.other) continue;
      const length = tag.nameEnd - tag.nameStart;
      const first = b[tag.nameStart];
      if (!inData) {
        if (length === 9 && tagIs(b, 'sheetData')) {
          if (tag.closing || tag.selfClosing) return p;
          inData = true;
        }
        continue;
      }
      if (length === 3 && first === 114 /* row */ && tagIs(b, 'row')) {
        if (tag.closing) continue;
        rowNumber = findAttr(b, 'r') ? intAt(b, attr.start, attr.end) : rowNumber + 1;
        if (rowNumber < 1) rowNumber = (this.current?.row ?? 0) + 1;
        if (rowNumber > limits.maxRows) throw limitHit.rows(fileName, this.name, limits);
        column = 0;
        continue;
      }
      if (length === 9 && tag.closing && tagIs(b, 'sheetData')) return p;
      if (length !== 1 || first !== 99 /* c */ || tag.closing) continue;

      // <c r="B2" s="3" t="s">
      let row = rowNumber;
      if (findAttr(b, 'r')) {
        parseRef(b, attr.start, attr.end);
        column = ref.column > 0 ? ref.column : column + 1;
        if (ref.row > 0) row = ref.row;
      } else {
        column += 1;
      }
      if (row < 1) row = rowNumber = 1;
      if (row > limits.maxRows) throw limitHit.rows(fileName, this.name, limits);
      if (column > limits.maxColumns) throw limitHit.columns(fileName, this.name, limits);
      if (row < this.minRow) this.minRow = row;
      if (row > this.maxRow) this.maxRow = row;
      if (column < this.minColumn) this.minColumn = column;
      if (column > this.maxColumn) this.maxColumn = column;
      if (tag.selfClosing) continue;

      const style = findAttr(b, 's') ? intAt(b, attr.start, attr.end) : 0;
      let type = 110; // n
      let type2 = 0;
      if (findAttr(b, 't')) {
        type = b[attr.start] ?? 110;
        type2 = b[attr.start + 1] ?? 0;
      }
      // The cell's children: <f>, <v>, <is>.
      let vStart = -1;
      let vEnd = -1;
      let inline: string | null = null;
      let formula: string | null = null;
      let shared: string | null = null;
      for (let clt = b.indexOf(60, p); clt >= 0; clt = b.indexOf(60, p)) {
        readTag(b, clt);
        p = tag.end;
        if (tag.other) continue;
        const childLength = tag.nameEnd - tag.nameStart;
        const child = b[tag.nameStart];
        if (tag.closing) {
          if (childLength === 1 && child === 99) break;
          continue;
        }
        if (childLength === 1 && child === 118 /* v */) {
          if (tag.selfClosing) continue;
          vStart = p;
          vEnd = b.indexOf(60, p);
          if (vEnd < 0) vEnd = b.length;
          if (b[vEnd + 1] === 33 && b[vEnd + 2] === 91) {
            readTag(b, vEnd);
            vStart = tag.cdataStart;
            vEnd = tag.cdataEnd;
            p = tag.end;
          } else {
            p = vEnd;
          }
        } else if (childLength === 1 && child === 102 /* f */) {
          const isShared = findAttr(b, 't') && attr.end - attr.start === 6 && b[attr.start] === 115;
          const si = isShared && findAttr(b, 'si') ? attrText(b) : null;
          if (tag.selfClosing) {
            if (si !== null) shared = this.sharedMasters.get(si) ?? '';
            continue;
          }
          const fEnd = b.indexOf(60, p);
          const text = textAt(b, p, fEnd < 0 ? b.length : fEnd);
          p = fEnd < 0 ? b.length : fEnd;
          if (text === '' && si !== null) shared = this.sharedMasters.get(si) ?? '';
          else {
            formula = text;
            if (si !== null && !this.sharedMasters.has(si)) this.sharedMasters.set(si, `${columnName(column)}${row}`);
          }
        } else if (childLength === 2 && child === 105 /* is */) {
          if (tag.selfClosing) {
            inline = '';
            continue;
          }
          const rich = richTextFrom(b, p, 'is');
          inline = rich.text;
          p = rich.end;
        }
      }

      let value: CellValue = null;
      if (inline !== null) {
        value = inline;
      } else if (vStart >= 0) {
        if (type === 115 /* s */ && type2 !== 116 /* not "str" */) {
          const index = intAt(b, vStart, vEnd);
          value = index >= 0 ? (strings[index] ?? null) : null;
        } else if (type === 110 /* n */) {
          const n = numberAt(b, vStart, vEnd);
          value = Number.isNaN(n) ? null : dates[style] === 1 ? serialToDate(n, date1904) : n;
          if (value === null && vEnd > vStart) value = textAt(b, vStart, vEnd);
        } else if (type === 115 /* str */) {
          value = textAt(b, vStart, vEnd);
        } else if (type === 98 /* b */) {
          const n = numberAt(b, vStart, vEnd);
          value = Number.isNaN(n) ? textAt(b, vStart, vEnd).trim().toLowerCase() === 'true' : n !== 0;
        } else if (type === 101 /* e */) {
          value = { error: textAt(b, vStart, vEnd).trim() };
        } else if (type === 100 /* d */) {
          value = parseIsoDate(textAt(b, vStart, vEnd));
        } else {
          value = textAt(b, vStart, vEnd);
        }
      }
      if (formula !== null) value = { formula, result: value ?? undefined };
      else if (shared !== null) value = { sharedFormula: shared, result: value ?? undefined };
      if (value === null || value === '') continue;
      this.put(row, column, value);
    }
    return p;
  }

  /** Merges and hyperlinks, then the grid. `tail` is the sheet XML after `</sheetData>`. */
  finish(tail: string, links: Map<string, string>): Grid {
    const { limits, fileName } = this.ctx;
    let rows = this.rows;
    if (!this.sorted) rows = mergeRows(rows);
    const rowIndex = (row: number): number => {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid]!.row < row) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    let budget = 0;
    const visit = (range: MergedRange, each: (record: RowRecord, index: number, column: number) => void) => {
      for (let i = rowIndex(range.top); i < rows.length && rows[i]!.row <= range.bottom; i++) {
        const record = rows[i]!;
        const from = Math.max(range.left, record.first);
        const to = Math.min(range.right, record.first + record.cells.length - 1);
        if (to < from) continue;
        budget += to - from + 1;
        if (budget > limits.maxMergedCells) throw limitHit.merged(fileName, this.name, limits);
        for (let c = from; c <= to; c++) each(record, c - record.first, c);
      }
    };

    // Merges: clipped to the cells that exist; the covered cells are emptied.
    const merges: MergedRange[] = [];
    let touched = false;
    if (this.maxRow > 0) {
      for (const m of tail.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*"([^"]*)"/g)) {
        const range = parseRange(m[1]!);
        if (
          !range ||
          range.top > this.maxRow ||
          range.left > this.maxColumn ||
          range.bottom < this.minRow ||
          range.right < this.minColumn
        )
          continue;
        if (range.top < this.minRow || range.left < this.minColumn) continue; // its master cell is not in the sheet
        const clipped = {
          top: range.top,
          left: range.left,
          bottom: Math.min(range.bottom, this.maxRow),
          right: Math.min(range.right, this.maxColumn),
        };
        if (clipped.bottom === clipped.top && clipped.right === clipped.left) continue;
        merges.push(clipped);
        visit(clipped, (record, index, column) => {
          if (record.row === clipped.top && column === clipped.left) return;
          if (record.cells[index] !== null) {
            record.cells[index] = null;
            touched = true;
          }
        });
      }
    }

    // Hyperlinks: their cells' text becomes { text, hyperlink }, as ExcelJS gives it.
    for (const m of tail.matchAll(/<(?:[\w.-]+:)?hyperlink\b([^>]*)>/g)) {
      const attrs = attributesOf(m[1]!);
      const range = parseRange(attrs.get('ref') ?? '');
      const id = attrs.get('r:id');
      const location = attrs.get('location');
      const target = id ? links.get(id) : location ? `#${location}` : undefined;
      if (!range || target === undefined) continue;
      visit(range, (record, index) => {
        const value = record.cells[index];
        if (typeof value === 'string') record.cells[index] = { text: value, hyperlink: target };
      });
    }

    if (touched) rows = trimRows(rows);
    if (rows.length === 0) return { sheet: this.name, values: [], firstRow: 1, firstColumn: 1, merges };
    let firstColumn = Infinity;
    for (const record of rows) if (record.first < firstColumn) firstColumn = record.first;
    const firstRow = rows[0]!.row;
    const values: CellValue[][] = new Array<CellValue[]>(rows[rows.length - 1]!.row - firstRow + 1);
    for (const record of rows) {
      const shift = record.first - firstColumn;
      if (shift > 0) this.charge(shift);
      values[record.row - firstRow] =
        shift === 0 ? record.cells : new Array<CellValue>(shift).fill(null).concat(record.cells);
    }
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
    return { sheet: this.name, values, firstRow, firstColumn, merges };
  }
}

function columnName(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Rows that came out of order or twice: sorted, and each sheet row's cells put together. */
function mergeRows(rows: RowRecord[]): RowRecord[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const out: RowRecord[] = [];
  for (const record of sorted) {
    const last = out[out.length - 1];
    if (!last || last.row !== record.row) {
      out.push({ row: record.row, first: record.first, cells: [...record.cells] });
      continue;
    }
    const first = Math.min(last.first, record.first);
    const end = Math.max(last.first + last.cells.length, record.first + record.cells.length);
    const cells = new Array<CellValue>(end - first).fill(null);
    last.cells.forEach((v, i) => (cells[last.first - first + i] = v));
    record.cells.forEach((v, i) => {
      if (v !== null) cells[record.first - first + i] = v;
    });
    last.first = first;
    last.cells = cells;
  }
  return out;
}

/** Drops the empty ends of rows whose covered cells were emptied, and rows left with nothing. */
function trimRows(rows: RowRecord[]): RowRecord[] {
  const out: RowRecord[] = [];
  for (const record of rows) {
    const cells = record.cells;
    let start = 0;
    while (start < cells.length && cells[start] === null) start++;
    if (start === cells.length) continue;
    let end = cells.length;
    while (cells[end - 1] === null) end--;
    if (start > 0 || end < cells.length)
      out.push({ row: record.row, first: record.first + start, cells: cells.slice(start, end) });
    else out.push(record);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function binaryWorkbook(fileName: string): WorkbookRead {
  return readFailure(
    'unsupported',
    `${fileName}：这是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中另存为 Excel 工作簿（.xlsx）再试。`,
    `${fileName}: this is an Excel Binary Workbook (.xlsb) and cannot be read. Save it as an Excel Workbook (.xlsx) in Excel and try again.`,
  );
}

/**
 * Reads an .xlsx package (already recognised by `detectContainer`) into one grid per worksheet, in
 * tab order. Never throws on a bad file: a damaged zip, a CRC-32 that does not match or a DOCTYPE
 * is reported as a damaged file, a limit hit as too large, naming the file.
 */
export async function readXlsx(data: Uint8Array, fileName: string, limits: ReadLimits): Promise<WorkbookRead> {
  try {
    return await readPackage(data, fileName, limits);
  } catch (error) {
    if (error instanceof ReadLimitError) return error.result;
    if (error instanceof ZipDamaged) return damagedFile(fileName, error.truncated);
    return damagedFile(fileName, false);
  }
}

async function readPackage(data: Uint8Array, fileName: string, limits: ReadLimits): Promise<WorkbookRead> {
  const pkg = new Package(data, zipEntries(data), new InflateBudget(fileName, limits));
  let workbookPath = 'xl/workbook.xml';
  for (const rel of (await relationships(pkg, '')).values()) {
    if (/\/officeDocument$/.test(rel.type) && !rel.external) workbookPath = rel.target;
  }
  if (!pkg.has(workbookPath)) {
    if (pkg.has('xl/workbook.bin') || /\.bin$/i.test(workbookPath)) return binaryWorkbook(fileName);
    return damagedFile(fileName, false);
  }
  const workbookXml = (await pkg.textOf(workbookPath)) ?? '';
  refuseDoctype(workbookXml);
  const date1904 = elements(workbookXml, 'workbookPr').some((pr) => /^(?:1|true)$/i.test(pr.get('date1904') ?? ''));
  const rels = await relationships(pkg, workbookPath);
  let stylesPath: string | null = null;
  let stringsPath: string | null = null;
  for (const rel of rels.values()) {
    if (/\/styles$/.test(rel.type)) stylesPath = rel.target;
    else if (/\/sharedStrings$/.test(rel.type)) stringsPath = rel.target;
  }
  const ctxBase = {
    fileName,
    limits,
    dates: await dateStyles(pkg, stylesPath),
    strings: await sharedStrings(pkg, stringsPath),
    date1904,
  };

  const sheets: Grid[] = [];
  for (const sheet of elements(workbookXml, 'sheet')) {
    const rel = rels.get(sheet.get('r:id') ?? '');
    if (!rel || rel.external || !/\/worksheet$/.test(rel.type)) continue;
    const name = sheet.get('name') ?? `Sheet${sheets.length + 1}`;
    const bytes = await pkg.bytesOf(rel.target);
    if (!bytes) continue;
    const reader = new SheetReader(ctxBase, name);
    const tailStart = reader.scan(bytes);
    const tail = tailStart < bytes.length ? utf8.decode(bytes.subarray(tailStart)) : '';
    refuseDoctype(tail);
    const links = /<(?:[\w.-]+:)?hyperlink\b/.test(tail)
      ? await hyperlinkTargets(pkg, rel.target)
      : new Map<string, string>();
    sheets.push(reader.finish(tail, links));
  }
  if (sheets.length === 0 || allEmpty(sheets)) return emptyWorkbook(fileName, sheets.length);
  return { ok: true, sheets, format: 'xlsx' };
}

async function hyperlinkTargets(pkg: Package, sheetPath: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [id, rel] of await relationships(pkg, sheetPath))
    if (/\/hyperlink$/.test(rel.type)) out.set(id, rel.target);
  return out;
}
