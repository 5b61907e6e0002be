/**
 * Reads a CSV (or tab-separated) text file into a grid, e.g. the list a general office sends for
 * 对账. No Node APIs: runs in the CLI and in the browser.
 *
 * Encodings: UTF-8 with or without BOM, UTF-16 with BOM (Excel's “Unicode text”), and GB18030
 * (a superset of GBK/GB2312, what Excel on Chinese Windows writes for “CSV”). Bad files never
 * throw: the result says what is wrong, naming the file.
 */
import type { Grid } from '../ledger/grid';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type CsvRead =
  | { readonly ok: true; readonly grid: Grid; readonly encoding: TextEncodingName; readonly delimiter: string }
  | { readonly ok: false; readonly reason: 'empty' | 'binary'; readonly message: string; readonly messageEn: string };

/** Decodes text bytes, choosing the encoding from a BOM, else UTF-8 when valid, else GB18030. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const DELIMITERS = [',', '\t', ';', '，'] as const;

/** The delimiter used most, outside quotes, in the first lines (comma on a tie or when none is found). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines += 1;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d)!;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** One record of a CSV file and the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold the delimiter, line breaks and
 * doubled quotes), each with the line it starts on. Trailing empty lines are dropped.
 */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    records.push({ fields: row, line: rowLine });
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      rowLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  while (records.length > 0 && records[records.length - 1]!.fields.every((f) => f.trim() === '')) records.pop();
  return records;
}

/** Splits CSV text into rows of fields (see `parseCsvRecords`). */
export function parseCsv(text: string, delimiter: string): string[][] {
  return parseCsvRecords(text, delimiter).map((r) => r.fields);
}

/**
 * Rows placed at their lines: a record that spans lines is followed by empty rows, so that
 * `values[i]` is line i + 1 of the file and findings name the line a text editor shows.
 */
export function recordsByLine(records: readonly CsvRecord[]): string[][] {
  const rows: string[][] = [];
  for (const record of records) {
    while (rows.length < record.line - 1) rows.push([]);
    rows.push(record.fields);
  }
  return rows;
}

function looksBinary(bytes: Uint8Array): 'xlsx' | 'binary' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = bytes.subarray(0, 1024);
  let controls = 0;
  for (const b of head) if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1;
  // UTF-16 text has NULs too, but it starts with a BOM (handled before this check).
  return controls > head.length / 20 ? 'binary' : null;
}

/** The file name without folders and extension: the grid's sheet name. */
function sheetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** Bytes that no encoding makes sense of decode to replacement characters (U+FFFD). */
function undecodable(text: string): boolean {
  let bad = 0;
  const sample = Math.min(text.length, 8192);
  for (let i = 0; i < sample; i++) if (text.charCodeAt(i) === 0xfffd) bad += 1;
  return bad > sample / 50;
}

/** Reads a CSV / TSV file into one grid named after the file. */
export function readCsv(bytes: Uint8Array, fileName: string): CsvRead {
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const binary = hasBom ? null : looksBinary(bytes);
  if (binary === 'xlsx') {
    return {
      ok: false,
      reason: 'binary',
      message: `${fileName}：不是 CSV 文本文件，看起来是 Excel 工作簿（.xlsx）。请把扩展名改为 .xlsx 再试。`,
      messageEn: `${fileName}: not a CSV text file; it looks like an Excel workbook (.xlsx). Rename it to .xlsx and try again.`,
    };
  }
  if (binary === 'binary') {
    return {
      ok: false,
      reason: 'binary',
      message: `${fileName}：不是 CSV 文本文件（内容为二进制数据）。请在 Excel 中另存为“CSV（逗号分隔）”再试。`,
      messageEn: `${fileName}: not a CSV text file (the content is binary). Save it from Excel as “CSV (Comma delimited)” and try again.`,
    };
  }
  const { text, encoding } = decodeTextFile(bytes);
  if (undecodable(text)) {
    return {
      ok: false,
      reason: 'binary',
      message: `${fileName}：内容既不是表格也不是可识别的文本（UTF-8 或 GB18030）。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）再试。`,
      messageEn: `${fileName}: the content is neither a spreadsheet nor readable text (UTF-8 or GB18030). Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`,
    };
  }
  const delimiter = detectDelimiter(text);
  const rows = recordsByLine(parseCsvRecords(text, delimiter));
  if (rows.every((r) => r.every((f) => f.trim() === ''))) {
    return {
      ok: false,
      reason: 'empty',
      message: `${fileName}：文件为空`,
      messageEn: `${fileName}: the file is empty`,
    };
  }
  return { ok: true, grid: { sheet: sheetNameOf(fileName), values: rows }, encoding, delimiter };
}
