/**
 * The reference list of 对账: whatever the Party or government general office sends — a column of
 * body names under any of the name headers (机构名称, 议事协调机构名称, 名称 …), perhaps a 发文字号
 * column, a title row above, section headings (一、市委议事协调机构（32个）) between the bodies.
 */
import { parseCategory } from '../categories';
import { findDocNumbers } from '../cells/docNumber';
import { cellText, isBlankOrPlaceholder } from '../cells/value';
import { fieldOfHeader, normaliseHeader } from '../fields';
import type { Grid } from '../grid';
import { nonBodyKind } from '../submissionContact';

export interface ReferenceEntry {
  readonly sheet: string;
  /** The sheet's own 1-based row number. */
  readonly row: number;
  /** The name as written, without a leading ordinal (1. / （一）). */
  readonly name: string;
  /** 1-based sheet column of the name, and its header as written. */
  readonly column: number;
  readonly header: string;
  /** The 发文字号 cell as written ('' without such a column). */
  readonly docText: string;
  /** Its document numbers in standard form. */
  readonly docs: readonly string[];
}

export interface ReferenceSheet {
  readonly sheet: string;
  readonly headerRow: number;
  readonly nameHeader: string;
  readonly docHeader: string | null;
  readonly entries: number;
}

export interface ReferenceList {
  readonly file: string;
  readonly sheets: readonly ReferenceSheet[];
  readonly entries: readonly ReferenceEntry[];
  /** Texts above the header rows (the list's title). */
  readonly title: readonly string[];
}

export type ReferenceRead =
  | { readonly ok: true; readonly list: ReferenceList }
  | {
      readonly ok: false;
      readonly reason: 'no-name-column' | 'empty-list';
      readonly message: string;
      readonly messageEn: string;
    };

const SEARCH_ROWS = 20;
const NOTE_LINE = /^(?:注|说明|备注|填表|制表|审核|合计|小计|总计|共计|附件)\s*[:：]?/u;
const ORDINAL =
  /^\s*(?:[0-9]+|[一二三四五六七八九十]+|[（(][一二三四五六七八九十0-9]+[）)])\s*[、.．)）]?\s*(?=[\u4e00-\u9fff“"《])/u;
const COUNT_NOTE = /[（(]\s*[0-9]+\s*个?\s*[）)]$/u;

/** Is this header cell the list's name column? The register's aliases, or any header ending in 名称. */
function isNameHeader(text: string): boolean {
  if (fieldOfHeader(text) === 'name') return true;
  const h = normaliseHeader(text);
  return /名称$/u.test(h) || h === '议事协调机构' || h === '机构' || h === '机构(机制)';
}

function isDocHeader(text: string): boolean {
  if (fieldOfHeader(text) === 'basis') return true;
  return /文号|发文字号/u.test(normaliseHeader(text));
}

interface Located {
  readonly index: number;
  readonly nameCol: number;
  readonly docCol: number | null;
}

function locateHeader(grid: Grid): Located | null {
  const limit = Math.min(grid.values.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid.values[i] ?? [];
    const texts = row.map((v) => cellText(v).replace(/\s*[\r\n]+\s*/g, ''));
    // The register's own name field first (机构名称), then any …名称 header.
    let nameCol = texts.findIndex((t) => t !== '' && fieldOfHeader(t) === 'name');
    if (nameCol < 0) nameCol = texts.findIndex((t) => t !== '' && isNameHeader(t));
    if (nameCol < 0) continue;
    const docCol = texts.findIndex((t, c) => c !== nameCol && t !== '' && isDocHeader(t));
    return { index: i, nameCol, docCol: docCol < 0 ? null : docCol };
  }
  return null;
}

/** A heading between the bodies (一、市委议事协调机构（32个）), not a body. */
function isSectionHeading(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (!ORDINAL.test(t) && !COUNT_NOTE.test(t)) return false;
  const rest = t.replace(ORDINAL, '').replace(COUNT_NOTE, '');
  return (
    COUNT_NOTE.test(t) ||
    parseCategory(rest) !== null ||
    /(?:议事协调机构|联席会议|工作专班|协调机制)(?:名单|清单)?$/u.test(rest)
  );
}

/** Reads the list from the grids of its file: every sheet with a name column counts. */
export function readReferenceList(grids: readonly Grid[], file: string): ReferenceRead {
  const sheets: ReferenceSheet[] = [];
  const entries: ReferenceEntry[] = [];
  const title: string[] = [];
  for (const grid of grids) {
    const located = locateHeader(grid);
    if (!located) continue;
    const firstRow = grid.firstRow ?? 1;
    const firstColumn = grid.firstColumn ?? 1;
    const headerCells = grid.values[located.index] ?? [];
    const nameHeader = cellText(headerCells[located.nameCol]).replace(/\s*[\r\n]+\s*/g, ' ');
    const docHeader =
      located.docCol === null ? null : cellText(headerCells[located.docCol]).replace(/\s*[\r\n]+\s*/g, ' ');
    for (let i = 0; i < located.index; i++)
      for (const v of grid.values[i] ?? []) {
        const t = cellText(v);
        if (t !== '') title.push(t);
      }
    let count = 0;
    for (let i = located.index + 1; i < grid.values.length; i++) {
      const values = grid.values[i] ?? [];
      const raw = cellText(values[located.nameCol]);
      if (isBlankOrPlaceholder(raw)) continue;
      // 合计 rows (“合计 | 共8个”), footers and notes, wherever their text starts (docs/domain.md).
      if (nonBodyKind(values.map(cellText)) !== null) continue;
      const flat = raw.replace(/\s*[\r\n]+\s*/g, '');
      if (normaliseHeader(flat) === normaliseHeader(nameHeader) || NOTE_LINE.test(flat) || isSectionHeading(flat))
        continue;
      const name = flat.replace(ORDINAL, '').trim();
      const docText = located.docCol === null ? '' : cellText(values[located.docCol]);
      entries.push({
        sheet: grid.sheet,
        row: firstRow + i,
        name,
        column: firstColumn + located.nameCol,
        header: nameHeader,
        docText,
        docs: findDocNumbers(docText).map((d) => d.standard),
      });
      count += 1;
    }
    sheets.push({ sheet: grid.sheet, headerRow: firstRow + located.index, nameHeader, docHeader, entries: count });
  }
  if (sheets.length === 0) {
    return {
      ok: false,
      reason: 'no-name-column',
      message: `${file}：前 ${SEARCH_ROWS} 行中未找到机构名称列。对账名单应有一列机构名称，表头写作“机构名称”“议事协调机构名称”或“名称”。`,
      messageEn: `${file}: no name column in the first ${SEARCH_ROWS} rows. The reference list needs a column of body names headed 机构名称, 议事协调机构名称 or 名称.`,
    };
  }
  if (entries.length === 0) {
    const where = sheets.map((s) => `“${s.sheet}”第 ${s.headerRow} 行`).join('、');
    return {
      ok: false,
      reason: 'empty-list',
      message: `${file}：名单为空——表头（${where}）下没有任何机构名称。`,
      messageEn: `${file}: the list is empty — no body names under the header (${sheets.map((s) => `“${s.sheet}” row ${s.headerRow}`).join(', ')}).`,
    };
  }
  return { ok: true, list: { file, sheets, entries, title } };
}
