/**
 * Reads returned 自评表 and 成员单位评价表 sheets from the grids of any file the reading layer takes
 * (one file per department, or one workbook with both sheets, as the template is). A sheet is
 * recognised by its header, found below title rows in the first 20 rows; rows that are not bodies
 * (合计, footers such as “填表人：… 联系电话：…”, notes, section headings, a repeated header) are
 * never read as one. Cell values are checked here: counts must be whole numbers ≥ 0 and scores
 * 0–100, else invalid-score at the cell.
 */
import { cellText, isBlankOrPlaceholder, isErrorText, toHalfWidth, toScalar } from '../cells/value';
import { finding, type Finding } from '../findings';
import type { CellValue, Grid } from '../grid';
import { nonBodyKind } from '../submissionContact';
import { hasWorkRules } from '../workRules';
import {
  MEMBER_FIELDS,
  MEMBER_SCORE_FIELDS,
  SELF_COUNT_FIELDS,
  SELF_FIELDS,
  memberFieldOf,
  selfFieldOf,
  type MemberField,
  type MemberScoreField,
  type SelfCountField,
  type SelfField,
} from './fields';
import { chineseNumber } from '../cells/chineseNumerals';

/** A cell of an evaluation sheet: its text as written and where it is. */
export interface EvalCell {
  readonly text: string;
  /** 1-based sheet column. */
  readonly column: number;
  readonly header: string;
}

export const ACTIONS = ['撤销', '合并', '更名', '调整隶属关系', '督促整改', '保留'] as const;
export type Action = (typeof ACTIONS)[number];
/** What an office may propose in its 调整建议 column (督促整改 is the evaluator's own). */
export type ProposedAction = Exclude<Action, '督促整改'>;

export interface Proposal {
  readonly action: ProposedAction;
  /** The cell as written (the free text after the action: 合并至…, 更名为…). */
  readonly text: string;
}

export interface SelfRow {
  readonly file: string;
  readonly sheet: string;
  /** The sheet's own 1-based row number. */
  readonly row: number;
  readonly name: string;
  /** The name, meetings and documents cells (and any invalid count): where findings point. */
  readonly cells: Readonly<Partial<Record<SelfField, EvalCell>>>;
  readonly year: number | null;
  /** 办事机构所在部门 as written ('' without the column). */
  readonly department: string;
  /** Each count; null when the cell is empty, absent or invalid (invalid-score says which). */
  readonly counts: Readonly<Record<SelfCountField, number | null>>;
  /** Counts whose cell could not be read (reported as invalid-score). */
  readonly invalid: readonly SelfCountField[];
  /** 工作规则 已制定 (true) / 未制定 (false); null when empty or absent. */
  readonly workRules: boolean | null;
  /** 年度工作要点 已印发 / 未印发; null when empty or absent. */
  readonly workPoints: boolean | null;
  readonly issues: string;
  readonly proposal: Proposal | null;
}

export interface MemberRow {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly name: string;
  readonly unit: string;
  /** The name and unit cells (and any invalid score cell): where findings point. */
  readonly cells: Readonly<Partial<Record<MemberField, EvalCell>>>;
  /** The valid scores of the row. */
  readonly scores: Readonly<Partial<Record<MemberScoreField, number>>>;
  /** The row's score: 得分 when given, else the mean of the other valid scores; null when none. */
  readonly rowScore: number | null;
}

export interface EvalSheetInfo {
  readonly file: string;
  readonly sheet: string;
  readonly kind: 'self' | 'member';
  readonly headerRow: number;
  readonly rows: number;
  /** Texts above the header (the title, 填报单位 line). */
  readonly title: readonly string[];
  /** Footer lines (填表人：… 联系电话：…): the return's own contact, kept, never a body. */
  readonly footer: readonly string[];
  /** Headers as written per field. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A finding with the file it is in (inputs come from many files). */
export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

export interface EvaluationRead {
  readonly sheets: readonly EvalSheetInfo[];
  readonly selfRows: readonly SelfRow[];
  readonly memberRows: readonly MemberRow[];
  readonly findings: readonly FileFinding[];
}

const SEARCH_ROWS = 20;
/** The cells that make a 自评表 row say something. */
const MEASURES: readonly SelfField[] = [...SELF_COUNT_FIELDS, 'workRules', 'workPoints', 'issues', 'proposal'];
const SECTION_LINE = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)])/u;

interface Located<K extends string> {
  readonly index: number;
  readonly columns: ReadonlyMap<K, { readonly index: number; readonly header: string }>;
}

function headerText(value: unknown): string {
  return cellText(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

function mapRow<K extends string>(
  row: readonly CellValue[],
  of: (text: string) => K | null,
): Map<K, { index: number; header: string }> {
  const out = new Map<K, { index: number; header: string }>();
  row.forEach((cell, index) => {
    const header = headerText(cell);
    const key = header === '' ? null : of(header);
    if (key && !out.has(key)) out.set(key, { index, header });
  });
  return out;
}

/** The header of a sheet and its kind: a 成员单位 column and a score make a member sheet; a name and two counts or choices a self sheet. */
function locate(
  grid: Grid,
): { kind: 'self'; at: Located<SelfField> } | { kind: 'member'; at: Located<MemberField> } | null {
  const limit = Math.min(grid.values.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = grid.values[i] ?? [];
    const member = mapRow(row, memberFieldOf);
    if (member.has('name') && member.has('unit') && MEMBER_SCORE_FIELDS.some((f) => member.has(f)))
      return { kind: 'member', at: { index: i, columns: member } };
    const self = mapRow(row, selfFieldOf);
    const measures = [...SELF_COUNT_FIELDS, 'workRules', 'workPoints'].filter((f) => self.has(f as SelfField)).length;
    if (self.has('name') && measures >= 2) return { kind: 'self', at: { index: i, columns: self } };
  }
  return null;
}

const COUNT_TEXT = /^(-?\d+(?:\.\d+)?)(?:次|个|件|项|份|条|场)?$/u;
const SCORE_TEXT = /^(-?\d+(?:\.\d+)?)分?$/u;

type Parsed =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

const NOT_NUMBER = { ok: false, reason: '不是数字', reasonEn: 'not a number' } as const;

const EMPTY = { ok: true, value: null } as const;

/**
 * The number in a cell, typed or written as text (full-width digits and spaces allowed): a number,
 * or what to report instead (empty, or not a number). `fromText` reads the text forms.
 */
function cellNumber(value: CellValue, fromText: (text: string) => number | Parsed): number | Parsed {
  const scalar = toScalar(value);
  if (scalar.kind === 'empty') return EMPTY;
  let read: number | Parsed = NOT_NUMBER;
  if (scalar.kind === 'number') read = scalar.value;
  else if (scalar.kind === 'text') {
    const text = toHalfWidth(scalar.text).replace(/\s+/g, '');
    read = text === '' ? EMPTY : fromText(text);
  }
  return typeof read === 'number' && !Number.isFinite(read) ? NOT_NUMBER : read;
}

/** A whole count ≥ 0: 3, '3', '3次', '三次', '无' (0). Empty: null. */
export function parseCount(value: CellValue): Parsed {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { ok: true, value };
  const n = cellNumber(value, (text) => {
    if (isBlankOrPlaceholder(text) && !/^[?？]$/.test(text)) return 0;
    const m = COUNT_TEXT.exec(text);
    if (m) return Number(m[1]);
    const chinese = /^([零〇一二两三四五六七八九十])(?:次|个|件|项|份|条|场)?$/u.exec(text);
    return chinese ? chineseNumber(chinese[1]!)! : NOT_NUMBER;
  });
  if (typeof n !== 'number') return n;
  if (n < 0) return { ok: false, reason: '不能为负数', reasonEn: 'cannot be negative' };
  if (!Number.isInteger(n)) return { ok: false, reason: '应为整数', reasonEn: 'must be a whole number' };
  return { ok: true, value: n };
}

/** A score 0–100: 85, '85', '85分', 92.5. Empty: null. */
export function parseScore(value: CellValue): Parsed {
  const n = cellNumber(value, (text) => {
    const m = SCORE_TEXT.exec(text);
    return m ? Number(m[1]) : NOT_NUMBER;
  });
  if (typeof n !== 'number') return n;
  if (n < 0 || n > 100) return { ok: false, reason: '应在 0–100 之间', reasonEn: 'must be between 0 and 100' };
  return { ok: true, value: n };
}

/** 已制定 / 已印发 / 是 → true; 未制定 / 未印发 / 无 / 否 → false; empty → null. */
export function parseChoice(text: string): boolean | null {
  const t = text.trim();
  if (t === '') return null;
  return hasWorkRules(t);
}

const PROPOSAL_WORDS: readonly [string, ProposedAction][] = [
  ['调整隶属关系', '调整隶属关系'],
  ['隶属关系调整', '调整隶属关系'],
  ['调整隶属', '调整隶属关系'],
  ['划转', '调整隶属关系'],
  ['撤销', '撤销'],
  ['撤并', '合并'],
  ['合并', '合并'],
  ['整合', '合并'],
  ['更名', '更名'],
  ['更改名称', '更名'],
  ['保留', '保留'],
];

/** The action an office's 调整建议 names first (建议撤销 → 撤销; 与…合并 → 合并); null when it names none. */
export function parseProposal(text: string): Proposal | null {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  let best: { at: number; action: ProposedAction } | null = null;
  for (const [word, action] of PROPOSAL_WORDS) {
    const at = t.indexOf(word);
    if (at >= 0 && (best === null || at < best.at)) best = { at, action };
  }
  return best ? { action: best.action, text: text.trim() } : null;
}

function parseYear(value: CellValue): number | null {
  const scalar = toScalar(value);
  if (scalar.kind === 'number')
    return Number.isInteger(scalar.value) && scalar.value >= 1949 && scalar.value <= 2100 ? scalar.value : null;
  const m = /((?:19|20)\d{2})/.exec(cellText(value));
  return m ? Number(m[1]) : null;
}

/** What every row reader shares. */
interface SheetCtx<K extends string> {
  readonly file: string;
  readonly grid: Grid;
  readonly at: Located<K>;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly nameHeader: string;
  readonly footer: string[];
  readonly findings: FileFinding[];
}

/** Marks a number cell in a row's texts (see textOf). */
const NUMBER = '\u0000#';

/** The text of cell `c` of a row read by bodyTexts. */
function textOf(values: readonly CellValue[], texts: readonly string[], c: number): string {
  const t = texts[c];
  return t === NUMBER ? String(values[c]) : (t ?? '');
}

/** Texts of a row, or null (with footers kept) when it is not a body row. 合计, notes and footers: the register's own rule (nonBodyKind). */
function bodyTexts<K extends string>(
  values: readonly CellValue[],
  ctx: SheetCtx<K>,
  nameIndex: number,
): string[] | null {
  const texts = new Array<string>(values.length);
  let filled = 0;
  let firstText = '';
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    // Numbers (most cells of a return) are not turned into text unless a finding needs it.
    const t = v === null || v === undefined ? '' : typeof v === 'number' ? NUMBER : cellText(v).trim();
    texts[c] = t;
    if (t !== '' && filled++ === 0) firstText = t;
  }
  if (filled === 0) return null;
  // A number first (序号) is never a footer; otherwise the register's rule decides.
  const kind = firstText === NUMBER ? null : nonBodyKind(texts);
  if (kind !== null) {
    if (kind !== 'total')
      ctx.footer.push(
        texts
          .map((_, c) => textOf(values, texts, c))
          .filter((t) => t !== '')
          .join(' '),
      );
    return null;
  }
  const first = firstText === NUMBER ? '' : firstText.replace(/\s+/g, '');
  const name = textOf(values, texts, nameIndex).replace(/\s*[\r\n]+\s*/g, '');
  if (isBlankOrPlaceholder(name)) return null;
  if (name.replace(/\s+/g, '') === ctx.nameHeader.replace(/\s+/g, '')) return null; // header repeated on a page break
  if (filled === 1 && SECTION_LINE.test(first)) return null; // 一、党委议事协调机构
  if (nonBodyKind([name]) !== null) return null; // 合计 or a note in the name column
  return texts;
}

function invalid(
  ctx: SheetCtx<string>,
  row: number,
  cell: EvalCell,
  label: string,
  labelEn: string,
  parsed: Extract<Parsed, { ok: false }>,
): void {
  ctx.findings.push({
    file: ctx.file,
    finding: finding({
      code: 'invalid-score',
      sheet: ctx.grid.sheet,
      row,
      column: cell.header,
      columnIndex: cell.column,
      value: cell.text,
      params: { field: label, fieldEn: labelEn, value: cell.text, reason: parsed.reason, reasonEn: parsed.reasonEn },
    }),
  });
}

/** Self-evaluation cells kept with each row, for findings to point at. */
const LOCATED: readonly SelfField[] = ['name', 'meetings', 'documents'];

function readSelfSheet(ctx: SheetCtx<SelfField>): SelfRow[] {
  const out: SelfRow[] = [];
  const nameIndex = ctx.at.columns.get('name')!.index;
  const measureIndexes = MEASURES.flatMap((k) => {
    const col = ctx.at.columns.get(k);
    return col ? [col.index] : [];
  });
  const located: Partial<Record<SelfField, { index: number; column: number; header: string }>> = {};
  for (const [key, col] of ctx.at.columns)
    located[key] = { index: col.index, column: ctx.firstColumn + col.index, header: col.header };
  for (let i = ctx.at.index + 1; i < ctx.grid.values.length; i++) {
    const values = ctx.grid.values[i] ?? [];
    const texts = bodyTexts(values, ctx, nameIndex);
    if (!texts) continue;
    const row = ctx.firstRow + i;
    // A row that gives nothing but its name (a template row nobody filled in) is no self-evaluation.
    if (measureIndexes.every((c) => texts[c] === '' || texts[c] === undefined)) continue;
    // Only the cells findings point at (name, meetings, documents, an invalid count): 10,000 rows stay light.
    const cells: Partial<Record<SelfField, EvalCell>> = {};
    for (const key of LOCATED) {
      const col = located[key];
      if (col) cells[key] = { text: textOf(values, texts, col.index), column: col.column, header: col.header };
    }
    const text = (key: SelfField): string => {
      const col = ctx.at.columns.get(key);
      return col ? textOf(values, texts, col.index) : '';
    };
    const counts = {} as Record<SelfCountField, number | null>;
    const invalidFields: SelfCountField[] = [];
    for (const key of SELF_COUNT_FIELDS) {
      const col = ctx.at.columns.get(key);
      if (!col) {
        counts[key] = null;
        continue;
      }
      const parsed = parseCount(values[col.index]);
      if (parsed.ok) counts[key] = parsed.value;
      else {
        counts[key] = null;
        invalidFields.push(key);
        const cell: EvalCell = {
          text: textOf(values, texts, col.index),
          column: ctx.firstColumn + col.index,
          header: col.header,
        };
        cells[key] = cell;
        invalid(ctx, row, cell, SELF_FIELDS[key].label, SELF_FIELDS[key].labelEn, parsed);
      }
    }
    const yearCol = ctx.at.columns.get('year');
    out.push({
      file: ctx.file,
      sheet: ctx.grid.sheet,
      row,
      name: textOf(values, texts, nameIndex).replace(/\s*[\r\n]+\s*/g, ''),
      cells,
      year: yearCol ? parseYear(values[yearCol.index]) : null,
      department: text('department'),
      counts,
      invalid: invalidFields,
      workRules: parseChoice(text('workRules')),
      workPoints: parseChoice(text('workPoints')),
      issues: text('issues'),
      proposal: parseProposal(text('proposal')),
    });
  }
  return out;
}

function readMemberSheet(ctx: SheetCtx<MemberField>): MemberRow[] {
  const out: MemberRow[] = [];
  const nameCol = ctx.at.columns.get('name')!;
  const unitCol = ctx.at.columns.get('unit')!;
  const scoreCols = MEMBER_SCORE_FIELDS.flatMap((key) => {
    const col = ctx.at.columns.get(key);
    return col ? [{ key, index: col.index, column: ctx.firstColumn + col.index, header: col.header }] : [];
  });
  const nameHeader = { column: ctx.firstColumn + nameCol.index, header: nameCol.header };
  const unitHeader = { column: ctx.firstColumn + unitCol.index, header: unitCol.header };
  for (let i = ctx.at.index + 1; i < ctx.grid.values.length; i++) {
    const values = ctx.grid.values[i] ?? [];
    const texts = bodyTexts(values, ctx, nameCol.index);
    if (!texts) continue;
    const unitText = textOf(values, texts, unitCol.index);
    const unit = /\s/.test(unitText) ? unitText.replace(/\s+/g, '') : unitText;
    if (isBlankOrPlaceholder(unit) || isErrorText(unit)) continue;
    const row = ctx.firstRow + i;
    const nameText = textOf(values, texts, nameCol.index);
    // Only the cells findings point at; a score cell is described when it is invalid.
    const cells: Partial<Record<MemberField, EvalCell>> = {
      name: { text: nameText, column: nameHeader.column, header: nameHeader.header },
      unit: { text: unitText, column: unitHeader.column, header: unitHeader.header },
    };
    const scores: Partial<Record<MemberScoreField, number>> = {};
    let sum = 0;
    let parts = 0;
    for (const col of scoreCols) {
      const v = values[col.index];
      const parsed = typeof v === 'number' && v >= 0 && v <= 100 ? { ok: true as const, value: v } : parseScore(v);
      if (!parsed.ok) {
        const cell: EvalCell = { text: textOf(values, texts, col.index), column: col.column, header: col.header };
        cells[col.key] = cell;
        invalid(ctx, row, cell, MEMBER_FIELDS[col.key].label, MEMBER_FIELDS[col.key].labelEn, parsed);
      } else if (parsed.value !== null) {
        scores[col.key] = parsed.value;
        if (col.key !== 'score') {
          sum += parsed.value;
          parts += 1;
        }
      }
    }
    const rowScore = scores.score ?? (parts > 0 ? sum / parts : null);
    out.push({
      file: ctx.file,
      sheet: ctx.grid.sheet,
      row,
      name: /[\r\n]/.test(nameText) ? nameText.replace(/\s*[\r\n]+\s*/g, '') : nameText,
      unit,
      cells,
      scores,
      rowScore,
    });
  }
  return out;
}

/** Reads every 自评表 and 成员单位评价表 sheet among the grids of one file; other sheets are left alone. */
export function readEvaluationGrids(grids: readonly Grid[], file: string): EvaluationRead {
  const sheets: EvalSheetInfo[] = [];
  const selfRows: SelfRow[] = [];
  const memberRows: MemberRow[] = [];
  const findings: FileFinding[] = [];
  for (const grid of grids) {
    const located = locate(grid);
    if (!located) continue;
    const firstRow = grid.firstRow ?? 1;
    const firstColumn = grid.firstColumn ?? 1;
    const title: string[] = [...(grid.caption ?? [])];
    for (let i = 0; i < located.at.index; i++)
      for (const v of grid.values[i] ?? []) {
        const t = headerText(v);
        if (t !== '') title.push(t);
      }
    const footer: string[] = [];
    const headers: Record<string, string> = {};
    for (const [key, col] of located.at.columns as ReadonlyMap<string, { header: string }>) headers[key] = col.header;
    const base = { file, grid, firstRow, firstColumn, footer, findings, nameHeader: headers.name ?? '' };
    let count: number;
    if (located.kind === 'self') {
      const rows = readSelfSheet({ ...base, at: located.at });
      selfRows.push(...rows);
      count = rows.length;
    } else {
      const rows = readMemberSheet({ ...base, at: located.at });
      memberRows.push(...rows);
      count = rows.length;
    }
    sheets.push({
      file,
      sheet: grid.sheet,
      kind: located.kind,
      headerRow: firstRow + located.at.index,
      rows: count,
      title,
      footer,
      headers,
    });
  }
  return { sheets, selfRows, memberRows, findings };
}

/** Several files read into one. */
export function mergeReads(reads: readonly EvaluationRead[]): EvaluationRead {
  if (reads.length === 1) return reads[0]!;
  const join = <T>(pick: (r: EvaluationRead) => readonly T[]): T[] => ([] as T[]).concat(...reads.map(pick));
  return {
    sheets: join((r) => r.sheets),
    selfRows: join((r) => r.selfRows),
    memberRows: join((r) => r.memberRows),
    findings: join((r) => r.findings),
  };
}
