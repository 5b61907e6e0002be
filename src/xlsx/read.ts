/**
 * Reads an .xlsx file into grids, one per worksheet, with ExcelJS. Runs in Node (the CLI) and in
 * the browser (the preview and the Excel adapter's file picker): no Node APIs here.
 *
 * Bad files never throw: the result says what is wrong (not an .xlsx, encrypted, corrupt, empty)
 * in Chinese and English, naming the file.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedRange } from '../ledger/grid';

export type WorkbookReadFailure = 'not-xlsx' | 'encrypted' | 'corrupt' | 'empty';

export type WorkbookRead =
  | { readonly ok: true; readonly sheets: Grid[] }
  | { readonly ok: false; readonly reason: WorkbookReadFailure; readonly message: string; readonly messageEn: string };

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): old .xls/.doc, and also how Office stores password-protected .xlsx. */
const CFB_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

/** Byte search for an ASCII (or, with `utf16`, UTF-16LE) name, e.g. a zip entry or CFB stream name. */
function containsName(bytes: Uint8Array, name: string, utf16 = false): boolean {
  const needle: number[] = [];
  for (const ch of name) {
    needle.push(ch.charCodeAt(0));
    if (utf16) needle.push(0);
  }
  const first = needle[0]!;
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** A complete zip ends with an end-of-central-directory record (22 bytes + a comment of up to 64 KiB). */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

function failure(reason: WorkbookReadFailure, message: string, messageEn: string): WorkbookRead {
  return { ok: false, reason, message, messageEn };
}

/** What a file that is not a zip looks like, for a helpful message. */
function describeNonZip(bytes: Uint8Array, fileName: string): WorkbookRead {
  if (startsWith(bytes, CFB_HEADER)) {
    if (containsName(bytes, 'EncryptedPackage', true) || containsName(bytes, 'EncryptionInfo', true)) {
      return failure('encrypted',
        `${fileName}：工作簿设有打开密码（已加密），无法读取。请在 Excel 中取消密码后另存为 .xlsx 再试。`,
        `${fileName}: the workbook is password-protected (encrypted) and cannot be read. Remove the password in Excel, save as .xlsx and try again.`);
    }
    if (containsName(bytes, 'Workbook', true) || containsName(bytes, 'Book', true)) {
      return failure('not-xlsx',
        `${fileName}：这是旧版 Excel 97-2003（.xls）文件，不是 .xlsx。请在 Excel 中“另存为”Excel 工作簿（.xlsx）再试。`,
        `${fileName}: this is an old Excel 97-2003 (.xls) file, not .xlsx. Save it as an Excel Workbook (.xlsx) and try again.`);
    }
    return failure('encrypted',
      `${fileName}：不是 .xlsx 文件，可能是加密（设有密码）的工作簿或旧版 .xls 文件。请取消密码或另存为 .xlsx 再试。`,
      `${fileName}: not an .xlsx file; it is an encrypted (password-protected) workbook or an old .xls file. Remove the password or save it as .xlsx and try again.`);
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  let kindZh = '';
  let kindEn = '';
  if (head.startsWith('%PDF')) [kindZh, kindEn] = ['（看起来是 PDF 文件）', ' (it looks like a PDF file)'];
  else if (head.startsWith('<')) [kindZh, kindEn] = ['（看起来是网页或 XML 文件，有的系统导出的“Excel”实为网页）', ' (it looks like an HTML or XML file; some systems export “Excel” files that are web pages)'];
  else if (!/[\u0000-\u0008\u000e-\u001f]/.test(head)) [kindZh, kindEn] = ['（看起来是文本或 CSV 文件）', ' (it looks like a text or CSV file)'];
  return failure('not-xlsx',
    `${fileName}：不是 .xlsx 文件${kindZh}。请在 Excel 中另存为 Excel 工作簿（.xlsx）再试。`,
    `${fileName}: not an .xlsx file${kindEn}. Save it as an Excel Workbook (.xlsx) and try again.`);
}

/** Checks the container before handing it to ExcelJS, so each kind of bad file gets its own message. */
function checkContainer(bytes: Uint8Array, fileName: string): WorkbookRead | null {
  if (bytes.length === 0) {
    return failure('empty', `${fileName}：文件为空（0 字节）。`, `${fileName}: the file is empty (0 bytes).`);
  }
  if (!startsWith(bytes, ZIP_LOCAL_HEADER) && !startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return describeNonZip(bytes, fileName);
  if (!hasEndOfCentralDirectory(bytes)) {
    return failure('corrupt',
      `${fileName}：文件不完整（压缩包结尾缺失，可能下载或复制时被截断），无法读取。请重新获取原文件。`,
      `${fileName}: the file is incomplete (the end of the zip archive is missing; perhaps cut short while downloading or copying). Get the original file again.`);
  }
  if (!containsName(bytes, 'xl/workbook.xml')) {
    const other = containsName(bytes, 'word/document.xml') ? ['（这是 Word 文档）', ' (it is a Word document)']
      : containsName(bytes, 'ppt/presentation.xml') ? ['（这是 PowerPoint 文件）', ' (it is a PowerPoint file)']
        : ['', ''];
    return failure('corrupt',
      `${fileName}：是压缩包但不含 Excel 工作簿内容（缺少 xl/workbook.xml）${other[0]}，文件已损坏或不是 .xlsx。`,
      `${fileName}: a zip archive without an Excel workbook in it (no xl/workbook.xml)${other[1]}; the file is damaged or not an .xlsx.`);
  }
  return null;
}

function corruptMessage(fileName: string, error: unknown): WorkbookRead {
  const detail = error instanceof Error ? error.message : String(error);
  const truncated = /end of data|end of central directory|corrupted zip|invalid signature|unexpected end|crc32/i.test(detail);
  if (truncated) {
    return failure('corrupt',
      `${fileName}：文件不完整或已损坏（可能下载或复制时被截断），无法读取。请重新获取原文件。`,
      `${fileName}: the file is incomplete or damaged (perhaps cut short while downloading or copying). Get the original file again.`);
  }
  return failure('corrupt',
    `${fileName}：工作簿已损坏，无法读取（${detail}）。可在 Excel 中打开并另存为 .xlsx 后再试。`,
    `${fileName}: the workbook is damaged and cannot be read (${detail}). Open it in Excel, save it as .xlsx and try again.`);
}

// The few ExcelJS internals read here. The public `worksheet.model` would rebuild a model of every
// row, which doubles the work on a 100,000-row sheet; `_merges` is the map that model is built from.
interface MergeRangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface WorksheetInternals {
  readonly _merges?: Record<string, MergeRangeLike | undefined>;
}

const MERGE_CELL_TYPE = 1; // ExcelJS ValueType.Merge: a covered cell that echoes its master's value

/** One worksheet as a grid: the block from the first to the last non-empty cell. */
function worksheetToGrid(sheet: ExcelJS.Worksheet): Grid {
  // One array per non-empty row, indexed by column − 1; shifted to the first used column at the end.
  const rows: { row: number; cells: CellValue[] }[] = [];
  let firstColumn = Infinity;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: CellValue[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Covered cells of a merge read as empty, like Excel's own range.values: a title merged
      // across the sheet, or a header merged over two columns, counts once.
      if ((cell.type as number) === MERGE_CELL_TYPE) return;
      const value = cell.value as CellValue;
      if (value === null || value === undefined || value === '') return;
      cells ??= [];
      cells[col - 1] = value;
      if (col < firstColumn) firstColumn = col;
    });
    if (cells) rows.push({ row: rowNumber, cells });
  });

  const merges: MergedRange[] = [];
  for (const range of Object.values((sheet as unknown as WorksheetInternals)._merges ?? {})) {
    if (range) merges.push({ top: range.top, left: range.left, bottom: range.bottom, right: range.right });
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return { sheet: sheet.name, values: [], firstRow: 1, firstColumn: 1, merges };
  const values: CellValue[][] = new Array<CellValue[]>(last.row - first.row + 1);
  for (let i = 0; i < values.length; i++) values[i] = [];
  for (const { row, cells } of rows) {
    const dense = cells.slice(firstColumn - 1);
    // Fill holes so every row is a dense array (sparse arrays surprise callers using .map).
    for (let c = 0; c < dense.length; c++) if (dense[c] === undefined) dense[c] = null;
    values[row - first.row] = dense;
  }
  return { sheet: sheet.name, values, firstRow: first.row, firstColumn, merges };
}

/**
 * Reads an .xlsx file's bytes into one grid per worksheet (tab order). Values are as ExcelJS gives
 * them: rich text, hyperlinks, formulas with their cached result, error objects, Dates.
 */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<WorkbookRead> {
  try {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const problem = checkContainer(data, fileName);
    if (problem) return problem;

    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS types say Buffer; JSZip underneath takes any Uint8Array.
      await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch (error) {
      return corruptMessage(fileName, error);
    }

    const sheets = workbook.worksheets.map(worksheetToGrid);
    if (sheets.length === 0 || sheets.every((g) => g.values.length === 0)) {
      return failure('empty',
        `${fileName}：工作簿中没有任何数据${sheets.length === 0 ? '（没有工作表）' : '（所有工作表均为空）'}。`,
        `${fileName}: the workbook holds no data${sheets.length === 0 ? ' (no worksheets)' : ' (every sheet is empty)'}.`);
    }
    return { ok: true, sheets };
  } catch (error) {
    return corruptMessage(fileName, error);
  }
}
