/**
 * Word tables (.docx), as registers arrive when they are an attachment of a 公文. Each top-level
 * table of the document becomes one grid named 表1, 表2 … whose row numbers are the table's own
 * rows, so a finding says “表2 第5行”. The paragraphs just above a table (附件2 / 东营区议事协调机构
 * 管理台账) become its caption, which the header finder reads as the title; footer and note lines
 * just below it (填表人：… 联系电话：…) follow the table's rows, where a sheet would have them.
 *
 * Merged cells: a horizontal span (w:gridSpan) fills its first column and records a merge; a
 * vertical merge (w:vMerge) leaves the covered cells empty, like a merged range in a workbook.
 */
import type { CellValue, Grid, MergedRange } from '../ledger/grid';
import { ReadLimitError, type ReadLimits } from './limits';
import { allEmpty, damagedFile, readFailure, type WorkbookRead } from './result';
import { InflateBudget, readEntry, zipEntries, ZipDamaged } from './zip';

interface WordCell {
  text: string;
  span: number;
  /** 'restart' opens a vertical merge, 'continue' is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

interface WordTable {
  readonly rows: { readonly before: number; readonly cells: WordCell[] }[];
  readonly caption: string[];
  readonly after: string[];
}

/** Lines under a table that belong to it: the footer and notes of the register. */
const TRAILING_LINE = /^(?:注|说明|备注|填表|填报|制表|审核|审批|联系|负责人|单位负责人|报送)/u;
const CAPTION_LINES = 3;
const TRAILING_LINES = 5;

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#x([0-9a-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/gi,
    (whole, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
      return (
        ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[named!.toLowerCase()] ?? whole
      );
    },
  );
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : null;
}

/** Scans word/document.xml into its top-level tables with the paragraphs around them. */
export function scanDocument(xml: string): WordTable[] {
  const tables: WordTable[] = [];
  const loose: string[] = []; // paragraphs outside tables since the last table
  let lastTable: WordTable | null = null;
  let depth = 0; // table nesting
  let current: WordTable | null = null;
  let row: { before: number; cells: WordCell[] } | null = null;
  let cell: WordCell | null = null;
  let paragraph = '';
  let inText = false;
  let inFallback = 0; // mc:Fallback repeats the content of mc:Choice
  const token = /<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [, closing, name, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && inFallback === 0) paragraph += decodeEntities(text);
      continue;
    }
    if (name === 'mc:Fallback') {
      inFallback += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (inFallback > 0) continue;
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing) paragraph += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing) paragraph += '\n';
        break;
      case 'w:p':
        if (closing) {
          if (cell) cell.text += (cell.text === '' ? '' : '\n') + paragraph;
          else if (depth === 0 && paragraph.trim() !== '') {
            loose.push(paragraph.trim());
            if (
              lastTable &&
              lastTable.after.length < TRAILING_LINES &&
              lastTable.after.length === loose.length - 1 &&
              TRAILING_LINE.test(paragraph.trim())
            )
              lastTable.after.push(paragraph.trim());
          }
          paragraph = '';
        } else if (!selfClosing && !cell) paragraph = '';
        break;
      case 'w:tbl':
        if (closing) {
          depth -= 1;
          if (depth === 0 && current) {
            tables.push(current);
            lastTable = current;
            current = null;
            loose.length = 0;
          }
        } else if (!selfClosing) {
          depth += 1;
          if (depth === 1) current = { rows: [], caption: loose.slice(-CAPTION_LINES), after: [] };
        }
        break;
      case 'w:tr':
        if (depth !== 1) break;
        if (closing) {
          if (row) current?.rows.push(row);
          row = null;
        } else if (!selfClosing) row = { before: 0, cells: [] };
        break;
      case 'w:gridBefore':
        if (depth === 1 && row && !closing) row.before = Number(attribute(attrs, 'w:val') ?? 0) || 0;
        break;
      case 'w:tc':
        if (depth !== 1) break;
        if (closing) {
          if (cell) row?.cells.push(cell);
          cell = null;
        } else if (!selfClosing) cell = { text: '', span: 1, vMerge: null };
        paragraph = '';
        break;
      case 'w:gridSpan':
        if (depth === 1 && cell && !closing) cell.span = Math.max(1, Number(attribute(attrs, 'w:val') ?? 1) || 1);
        break;
      case 'w:vMerge':
        if (depth === 1 && cell && !closing)
          cell.vMerge = attribute(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      default:
        break;
    }
  }
  return tables;
}

function tableToGrid(table: WordTable, index: number): Grid {
  const values: CellValue[][] = [];
  const merges: MergedRange[] = [];
  /** Open vertical merges by 0-based grid column. */
  const open = new Map<number, MergedRange>();
  table.rows.forEach((source, r) => {
    const out: CellValue[] = [];
    let column = source.before;
    for (const cell of source.cells) {
      for (let k = out.length; k < column; k++) out[k] = null;
      const text = cell.text.replace(/[ \t]+\n/g, '\n').trim();
      if (cell.vMerge === 'continue') {
        out[column] = null;
        const range = open.get(column);
        if (range) open.set(column, { ...range, bottom: r + 1 });
      } else {
        out[column] = text === '' ? null : text;
        if (cell.vMerge === 'restart') {
          const previous = open.get(column);
          if (previous && previous.bottom > previous.top) merges.push(previous);
          open.set(column, { top: r + 1, left: column + 1, bottom: r + 1, right: column + cell.span });
        } else if (open.has(column)) {
          const previous = open.get(column)!;
          if (previous.bottom > previous.top) merges.push(previous);
          open.delete(column);
        }
        if (cell.span > 1 && cell.vMerge !== 'restart')
          merges.push({ top: r + 1, left: column + 1, bottom: r + 1, right: column + cell.span });
      }
      for (let k = 1; k < cell.span; k++) out[column + k] = null;
      column += cell.span;
    }
    values.push(out);
  });
  for (const range of open.values()) if (range.bottom > range.top || range.right > range.left) merges.push(range);
  for (const line of table.after) values.push([line]);
  return {
    sheet: `表${index + 1}`,
    values,
    firstRow: 1,
    firstColumn: 1,
    merges,
    ...(table.caption.length > 0 ? { caption: table.caption } : {}),
  };
}

/** Reads the tables of a .docx (already recognised by `detectContainer`). */
export async function readDocx(data: Uint8Array, fileName: string, limits: ReadLimits): Promise<WorkbookRead> {
  let xml: string;
  try {
    // Through the reading layer's zip: the same limits, sizes and CRC-32 checks as a workbook.
    const entry = zipEntries(data).get('word/document.xml');
    if (!entry) return damagedFile(fileName, false);
    xml = new TextDecoder('utf-8').decode(await readEntry(data, entry, new InflateBudget(fileName, limits)));
  } catch (error) {
    if (error instanceof ReadLimitError) return error.result;
    return damagedFile(fileName, error instanceof ZipDamaged && error.truncated);
  }
  const sheets = scanDocument(xml)
    .map(tableToGrid)
    .filter((g) => g.values.length > 0);
  if (sheets.length === 0 || allEmpty(sheets)) {
    return readFailure(
      'empty',
      `${fileName}：Word 文档中没有表格，无法作为台账读取。`,
      `${fileName}: the Word document holds no table to read as a register.`,
    );
  }
  return { ok: true, sheets, format: 'docx' };
}
