/**
 * Tells what a file is from its first bytes (and, only where the bytes cannot tell, its
 * extension): which reader takes it, or why none can. Content wins over the name, because
 * registers arrive misnamed: systems export web pages and tab-separated text as “.xls”.
 */
import { readFailure, type WorkbookRead } from './result';

export type Container =
  | { readonly kind: 'xlsx' | 'docx' | 'ods' | 'xls' | 'html' | 'text' }
  | { readonly kind: 'refused'; readonly result: WorkbookRead };

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary (OLE2): .xls, WPS .et, old .doc, and how Office stores password-protected files. */
const CFB_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** BOF records of the BIFF2–4 formats (Excel 2.x–4.0), saved without a CFB container. */
const BIFF2_4_BOF = [
  [0x09, 0x00],
  [0x09, 0x02],
  [0x09, 0x04],
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

/** Byte search for an ASCII (or, with `utf16`, UTF-16LE) name, e.g. a zip entry or CFB stream name. */
export function containsName(bytes: Uint8Array, name: string, utf16 = false): boolean {
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

const extensionOf = (fileName: string) => /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

function refused(result: WorkbookRead): Container {
  return { kind: 'refused', result };
}

function saveAsXlsx(fileName: string, whatZh: string, whatEn: string): Container {
  return refused(
    readFailure(
      'unsupported',
      `${fileName}：${whatZh}，不是可读取的台账文件。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）再试。`,
      `${fileName}: ${whatEn}, not a register file that can be read. Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`,
    ),
  );
}

function describeCfb(bytes: Uint8Array, fileName: string): Container {
  if (containsName(bytes, 'EncryptedPackage', true) || containsName(bytes, 'EncryptionInfo', true)) {
    return refused(
      readFailure(
        'encrypted',
        `${fileName}：文件设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再试。`,
        `${fileName}: the file is password-protected (encrypted) and cannot be read. Remove the password in Excel or WPS, save it as .xlsx and try again.`,
      ),
    );
  }
  if (containsName(bytes, 'Workbook', true)) return { kind: 'xls' };
  if (containsName(bytes, 'Book', true)) {
    return refused(
      readFailure(
        'old-format',
        `${fileName}：这是 Excel 5.0/95 格式的旧工作簿，无法可靠读取其中的中文。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）再试。`,
        `${fileName}: this is an Excel 5.0/95 workbook, whose Chinese text cannot be read reliably. Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`,
      ),
    );
  }
  if (containsName(bytes, 'WordDocument', true))
    return saveAsXlsx(fileName, '这是旧版 Word 文档（.doc）', 'this is an old Word document (.doc)');
  if (extensionOf(fileName) === 'et') return etUnreadable(fileName);
  return saveAsXlsx(fileName, '这是未知的 Office 旧格式文件', 'this is an old Office file of an unknown kind');
}

/** WPS 表格's own format where it is not the Excel 97–2003 layout that WPS usually writes. */
export function etUnreadable(fileName: string): Container {
  return refused(
    readFailure(
      'unsupported',
      `${fileName}：无法读取这个 WPS 表格（.et）文件。请在 WPS 表格中点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再用另存的文件重试。`,
      `${fileName}: this WPS Spreadsheets (.et) file cannot be read. In WPS Spreadsheets choose File → Save As, pick “Excel Workbook (*.xlsx)”, and try again with the saved file.`,
    ),
  );
}

function describeZip(bytes: Uint8Array, fileName: string): Container {
  if (!hasEndOfCentralDirectory(bytes)) {
    return refused(
      readFailure(
        'corrupt',
        `${fileName}：文件不完整（压缩包结尾缺失，可能下载或复制时被截断），无法读取。请重新获取原文件。`,
        `${fileName}: the file is incomplete (the end of the zip archive is missing; perhaps cut short while downloading or copying). Get the original file again.`,
      ),
    );
  }
  if (containsName(bytes, 'xl/workbook.xml') || containsName(bytes, 'xl/workbook.bin')) return { kind: 'xlsx' };
  if (containsName(bytes, 'word/document.xml')) return { kind: 'docx' };
  if (containsName(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods' };
  if (containsName(bytes, 'ppt/presentation.xml'))
    return saveAsXlsx(fileName, '这是 PowerPoint 演示文稿', 'this is a PowerPoint presentation');
  return refused(
    readFailure(
      'corrupt',
      `${fileName}：是压缩包，但其中没有工作簿或 Word 文档的内容，文件已损坏或不是台账文件。`,
      `${fileName}: a zip archive with no workbook or Word document in it; the file is damaged or not a register.`,
    ),
  );
}

/** True when the head of the file is text (no control bytes beyond tab, line breaks and ESC). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1;
  return controls <= head.length / 50;
}

function describeText(bytes: Uint8Array): Container {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  // Web pages and Excel's XML Spreadsheet 2003, as some systems export “.xls” files.
  if (head.startsWith('<') && /<table|<html|urn:schemas-microsoft-com:office:spreadsheet/.test(head))
    return { kind: 'html' };
  return { kind: 'text' };
}

/** Which reader takes the file, or why none can. */
export function detectContainer(bytes: Uint8Array, fileName: string): Container {
  if (bytes.length === 0)
    return refused(
      readFailure('empty', `${fileName}：文件为空（0 字节）。`, `${fileName}: the file is empty (0 bytes).`),
    );
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return describeZip(bytes, fileName);
  if (startsWith(bytes, CFB_HEADER)) return describeCfb(bytes, fileName);
  if (
    BIFF2_4_BOF.some((bof) => startsWith(bytes, bof)) &&
    bytes[2] !== undefined &&
    bytes[2] < 0x20 &&
    bytes[3] === 0
  ) {
    return refused(
      readFailure(
        'old-format',
        `${fileName}：这是 Excel 2.x–4.0 格式的旧工作簿，无法读取。请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）再试。`,
        `${fileName}: this is an Excel 2.x–4.0 workbook and cannot be read. Save it as an Excel Workbook (.xlsx) in Excel or WPS and try again.`,
      ),
    );
  }
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-')
    return saveAsXlsx(fileName, '这是 PDF 文件', 'this is a PDF file');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || looksLikeText(bytes)) {
    return utf16 ? { kind: 'text' } : describeText(bytes);
  }
  if (extensionOf(fileName) === 'et') return etUnreadable(fileName);
  return saveAsXlsx(
    fileName,
    '内容不是表格、文本或 Word 文档',
    'its content is not a spreadsheet, text or a Word document',
  );
}
