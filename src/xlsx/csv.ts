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
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
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

/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields may hold the delimiter, line
 * breaks and doubled quotes). Trailing empty lines are dropped.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
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
    } else if (ch === '\r') {
      endRow();
      if (text[i + 1] === '\n') i += 1;
    } else if (ch === '\n') {
      endRow();
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f.trim() === '')) rows.pop();
  return rows;
}

function looksBinary(bytes: Uint8Array): 'xlsx' | 'binary' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = bytes.subarray(0, 1024);
  let controls = 0;
  for (const b of head) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1;
  // UTF-16 text has NULs too, but it starts with a BOM (handled before this check).
  return controls > head.length / 20 ? 'binary' : null;
}

/** The file name without folders and extension: the grid's sheet name. */
function sheetNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}

/** Reads a CSV / TSV file into one grid named after the file. */
export function readCsv(bytes: Uint8Array, fileName: string): CsvRead {
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const binary = hasBom ? null : looksBinary(bytes);
  if (binary === 'xlsx') {
    return {
      ok: false, reason: 'binary',
      message: `${fileName}：不是 CSV 文本文件，看起来是 Excel 工作簿（.xlsx）。请把扩展名改为 .xlsx 再试。`,
      messageEn: `${fileName}: not a CSV text file; it looks like an Excel workbook (.xlsx). Rename it to .xlsx and try again.`,
    };
  }
  if (binary === 'binary') {
    return {
      ok: false, reason: 'binary',
      message: `${fileName}：不是 CSV 文本文件（内容为二进制数据）。请在 Excel 中另存为“CSV（逗号分隔）”再试。`,
      messageEn: `${fileName}: not a CSV text file (the content is binary). Save it from Excel as “CSV (Comma delimited)” and try again.`,
    };
  }
  const { text, encoding } = decodeTextFile(bytes);
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  if (rows.every((r) => r.every((f) => f.trim() === ''))) {
    return { ok: false, reason: 'empty', message: `${fileName}：文件为空`, messageEn: `${fileName}: the file is empty` };
  }
  return { ok: true, grid: { sheet: sheetNameOf(fileName), values: rows }, encoding, delimiter };
}
