/**
 * Reads applications (设立申请) from grids: a 申请 sheet with one application per row under a
 * header (titles above it, 合计 / 填表人 / 注 lines below it are never applications), or one
 * application laid out as a form, label cells followed by their values (字段 | 内容, or two pairs
 * per row as printed application forms have).
 */
import { parseCategory, type CategoryId } from '../categories';
import { parseDate, type LedgerDate } from '../cells/date';
import { findDocNumbers, type DocNumber } from '../cells/docNumber';
import { parseDuration, type Duration } from '../cells/duration';
import { cellText, isBlankOrPlaceholder } from '../cells/value';
import { fieldOfHeader } from '../fields';
import type { CellValue, Grid } from '../grid';
import { nonBodyKind } from '../submissionContact';
import {
  APPLICATION_FIELD_DEFS,
  CORE_APPLICATION_FIELDS,
  STAGES,
  applicationFieldOf,
  parseApplicationType,
  type ApplicationField,
  type ApplicationType,
  type StageKey,
} from './fields';

/** Where a field's value sits in the sheet. */
export interface ApplicationCell {
  readonly text: string;
  /** 1-based sheet row and column of the value. */
  readonly row: number;
  readonly column: number;
  /** The header (table) or label (form) as written. */
  readonly header: string;
}

export type UpperCounterpart = 'yes' | 'no' | 'unknown';

/** One application, parsed. Texts are trimmed; parsed values are null when empty or unreadable. */
export interface Application {
  readonly sheet: string;
  /** The sheet row of the application (a table's row, a form's 机构名称 row). */
  readonly row: number;
  readonly layout: 'table' | 'form';
  readonly cells: Readonly<Partial<Record<ApplicationField, ApplicationCell>>>;
  readonly type: ApplicationType;
  /** False when 申请类型 holds a word that is none of the six (the application is then read as 设立). */
  readonly typeKnown: boolean;
  readonly name: string;
  readonly category: CategoryId | null;
  /** True when 类别 was empty and the category comes from the name (…联席会议 → 3, …专班 → 4). */
  readonly categoryInferred: boolean;
  readonly department: string;
  readonly members: readonly string[];
  readonly duties: string;
  readonly durationText: string;
  readonly duration: Duration | null;
  readonly parentText: string;
  readonly upper: UpperCounterpart;
  readonly applicant: string;
  readonly appliedOn: LedgerDate | null;
  readonly reason: string;
  readonly stages: Readonly<Record<StageKey, LedgerDate | null>>;
  readonly docNumber: DocNumber | null;
  /** 审批结果 when recorded: approved, refused, or null (not yet / not said). */
  readonly outcome: 'approved' | 'refused' | null;
}

export interface ApplicationSheet {
  readonly sheet: string;
  readonly layout: 'table' | 'form' | 'skipped';
  /** Header row (table) or first label row (form); null when skipped. */
  readonly headerRow: number | null;
  /** Texts above the header: the title (东营市议事协调机构设立申请汇总表) and unit lines. */
  readonly title: readonly string[];
  readonly applications: number;
}

export interface ApplicationsRead {
  readonly applications: readonly Application[];
  readonly sheets: readonly ApplicationSheet[];
}

const HEADER_SEARCH_ROWS = 20;
/** Columns only an application has. */
const APPLICATION_ONLY: ReadonlySet<ApplicationField> = new Set([
  'type',
  'members',
  'applicant',
  'appliedOn',
  'reason',
  'accepted',
  'reviewed',
  'checked',
  'issued',
  'outcome',
]);
const MIN_HEADER_FIELDS = 3;
/** Lines under (or inside) a table that are not applications. */
const NOTE_LINE =
  /^(?:注|说明|备注|填表|制表|审核人|合计|小计|总计|共计|填报人|联系人|单位负责人|负责人|经办人|申请单位（盖章）|申请单位\(盖章\))\s*[:：]?/u;

function text(value: CellValue): string {
  return cellText(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

function rawText(value: CellValue): string {
  return cellText(value).trim();
}

/** Reads every grid; a grid with neither an application table nor a form is reported as skipped. */
export function readApplications(grids: readonly Grid[]): ApplicationsRead {
  const applications: Application[] = [];
  const sheets: ApplicationSheet[] = [];
  for (const grid of grids) {
    const table = readTable(grid);
    if (table) {
      applications.push(...table.applications);
      sheets.push({
        sheet: grid.sheet,
        layout: 'table',
        headerRow: table.headerRow,
        title: table.title,
        applications: table.applications.length,
      });
      continue;
    }
    const form = readForm(grid);
    if (form) {
      applications.push(form.application);
      sheets.push({ sheet: grid.sheet, layout: 'form', headerRow: form.firstRow, title: form.title, applications: 1 });
      continue;
    }
    sheets.push({ sheet: grid.sheet, layout: 'skipped', headerRow: null, title: [], applications: 0 });
  }
  return { applications, sheets };
}

/* ---------------------------------------------------------------------------------------------- */
/* One application per row                                                                         */
/* ---------------------------------------------------------------------------------------------- */

interface Column {
  readonly index: number;
  readonly column: number;
  readonly header: string;
  readonly field: ApplicationField;
}

function readTable(grid: Grid): { applications: Application[]; headerRow: number; title: string[] } | null {
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  let best = -1;
  let bestColumns: Column[] = [];
  for (let i = 0; i < Math.min(grid.values.length, HEADER_SEARCH_ROWS); i++) {
    const columns: Column[] = [];
    const seen = new Set<ApplicationField>();
    (grid.values[i] ?? []).forEach((cell, c) => {
      const header = text(cell);
      const field = header.length > 30 ? null : applicationFieldOf(header);
      if (field && !seen.has(field)) {
        seen.add(field);
        columns.push({ index: c, column: firstColumn + c, header, field });
      }
    });
    const core = columns.filter((c) => CORE_APPLICATION_FIELDS.includes(c.field)).length;
    if (
      seen.has('name') &&
      core >= MIN_HEADER_FIELDS &&
      core > bestColumns.filter((c) => CORE_APPLICATION_FIELDS.includes(c.field)).length
    ) {
      best = i;
      bestColumns = columns;
    }
  }
  if (best < 0) return null;
  // A register shares 机构名称, 类别, 办事机构所在部门, 存续时间 with an application; its own columns
  // (设立时间, 依据文件, 历史沿革) without any of an application's own ones tell it apart.
  const registerOnly = new Set(
    (grid.values[best] ?? [])
      .map((c) => fieldOfHeader(text(c)))
      .filter((f) => f === 'established' || f === 'basis' || f === 'history'),
  );
  if (registerOnly.size >= 2 && !bestColumns.some((c) => APPLICATION_ONLY.has(c.field))) return null;
  // A form also has a 机构名称 label with other labels in one row sometimes (4-column forms): a table
  // header has its labels side by side with values below, a form has values beside them.
  const below = grid.values[best + 1] ?? [];
  const labelsBelow = below.filter((c) => applicationFieldOf(text(c)) !== null).length;
  if (labelsBelow >= 2 && bestColumns.length <= 4) return null;

  const title: string[] = [...(grid.caption ?? [])];
  for (let i = 0; i < best; i++) for (const cell of grid.values[i] ?? []) if (text(cell) !== '') title.push(text(cell));
  const nameColumn = bestColumns.find((c) => c.field === 'name')!;
  const applications: Application[] = [];
  for (let i = best + 1; i < grid.values.length; i++) {
    const values = grid.values[i] ?? [];
    const texts = values.map(text);
    const distinct = new Set(texts.filter((t) => t !== ''));
    if (distinct.size === 0) continue;
    const first = texts.find((t) => t !== '')!;
    // A note, a section line, a 合计 row or a footer (docs/domain.md, “Rows that are not bodies”).
    if (distinct.size === 1 || NOTE_LINE.test(first) || nonBodyKind(texts) !== null) continue;
    if ((texts[nameColumn.index] ?? '').replace(/\s+/g, '') === nameColumn.header.replace(/\s+/g, '')) continue; // header repeated on a page break
    if (!bestColumns.some((c) => c.field !== 'seq' && (texts[c.index] ?? '') !== '')) continue;
    const cells: Partial<Record<ApplicationField, ApplicationCell>> = {};
    const raw: Partial<Record<ApplicationField, CellValue>> = {};
    for (const c of bestColumns) {
      cells[c.field] = { text: rawText(values[c.index]), row: firstRow + i, column: c.column, header: c.header };
      raw[c.field] = values[c.index];
    }
    applications.push(buildApplication(grid.sheet, firstRow + i, 'table', cells, raw));
  }
  return { applications, headerRow: firstRow + best, title };
}

/* ---------------------------------------------------------------------------------------------- */
/* One application as a form                                                                       */
/* ---------------------------------------------------------------------------------------------- */

function readForm(grid: Grid): { application: Application; firstRow: number; title: string[] } | null {
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const cells: Partial<Record<ApplicationField, ApplicationCell>> = {};
  const raw: Partial<Record<ApplicationField, CellValue>> = {};
  let firstLabelRow = -1;
  grid.values.forEach((values, i) => {
    for (let c = 0; c < values.length; c++) {
      const label = text(values[c]);
      const field = label === '' ? null : applicationFieldOf(label);
      if (!field || cells[field]) continue;
      // The value is the next non-empty cell of the row, unless that is another label.
      let v = c + 1;
      while (v < values.length && text(values[v]) === '') v++;
      const value = v < values.length ? values[v] : null;
      if (v < values.length && applicationFieldOf(text(value)) !== null) continue;
      cells[field] = {
        text: rawText(value),
        row: firstRow + i,
        column: firstColumn + (v < values.length ? v : c + 1),
        header: label,
      };
      raw[field] = value;
      if (firstLabelRow < 0) firstLabelRow = i;
      if (v < values.length) c = v;
    }
  });
  const core = CORE_APPLICATION_FIELDS.filter((f) => cells[f]).length;
  if (!cells.name || core < MIN_HEADER_FIELDS) return null;
  const title: string[] = [...(grid.caption ?? [])];
  for (let i = 0; i < firstLabelRow; i++)
    for (const cell of grid.values[i] ?? []) if (text(cell) !== '') title.push(text(cell));
  return {
    application: buildApplication(grid.sheet, cells.name.row, 'form', cells, raw),
    firstRow: firstRow + firstLabelRow,
    title,
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Parsing the values                                                                              */
/* ---------------------------------------------------------------------------------------------- */

const MEMBER_SEPARATORS = /[、,，;；/\\|\r\n\t]+|\s{1,}/u;

/** 成员单位: 、-separated (also commas, semicolons, line breaks); 等 and notes such as （牵头） dropped. */
export function splitMembers(textValue: string): string[] {
  const out: string[] = [];
  for (const piece of textValue.split(MEMBER_SEPARATORS)) {
    const name = piece
      .replace(/[（(][^）)]*[）)]/gu, '')
      .replace(/等(?:单位|部门)?$/u, '')
      .replace(/^[：:]+|[。.]+$/gu, '')
      .trim();
    if (name !== '' && !isBlankOrPlaceholder(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The category a name implies when 类别 is empty. */
export function categoryFromName(name: string): CategoryId | null {
  const bare = name.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]$/u, '');
  if (bare === '') return null;
  if (/联席会议(?:制度)?$/u.test(bare)) return 3;
  if (/专班$|专项小组$|专项工作组$/u.test(bare)) return 4;
  if (/协调机制$|工作机制$/u.test(bare)) return 5;
  if (/^(?:中共)?[\u4e00-\u9fff]{0,6}?[市县区旗]委(?!员)/u.test(bare)) return 1;
  return 2;
}

/** 上级机构设置情况: 省级设有… → yes; 上级未设置, 无, 省级未设 → no; empty → unknown. */
export function parseUpper(textValue: string): UpperCounterpart {
  const t = textValue.replace(/[\s\u3000]+/g, '');
  if (t === '') return 'unknown';
  if (/未设|没有|无对应|不设|尚未|未成立|^无$|^否$|^未$|^无上级/u.test(t)) return 'no';
  return 'yes';
}

function parseOutcome(textValue: string): 'approved' | 'refused' | null {
  const t = textValue.replace(/[\s\u3000]+/g, '');
  if (t === '') return null;
  if (/不同意|不予|退回|驳回|不批准|未通过/u.test(t)) return 'refused';
  if (/同意|批准|通过|已批/u.test(t)) return 'approved';
  return null;
}

function dateOf(value: CellValue | undefined): LedgerDate | null {
  if (value === undefined) return null;
  const parsed = parseDate(value);
  return parsed.ok ? parsed.date : null;
}

function buildApplication(
  sheet: string,
  row: number,
  layout: 'table' | 'form',
  cells: Partial<Record<ApplicationField, ApplicationCell>>,
  raw: Partial<Record<ApplicationField, CellValue>>,
): Application {
  const t = (f: ApplicationField): string => {
    const v = cells[f]?.text ?? '';
    return isBlankOrPlaceholder(v)
      ? ''
      : v.replace(/[\s\u3000]*[\r\n]+[\s\u3000]*/g, f === 'members' ? '、' : '').trim();
  };
  const name = t('name').replace(/\s+/g, '');
  const typeText = t('type');
  const parsedType = parseApplicationType(typeText);
  const categoryText = t('category');
  const parsedCategory = categoryText === '' ? null : parseCategory(categoryText);
  const inferred = categoryText === '' ? categoryFromName(name) : null;
  const durationText = t('duration');
  const stages = Object.fromEntries(STAGES.map((s) => [s.key, dateOf(raw[s.key])])) as Record<
    StageKey,
    LedgerDate | null
  >;
  const docText = t('docNumber');
  return {
    sheet,
    row,
    layout,
    cells,
    type: parsedType ?? '设立',
    typeKnown: parsedType !== null,
    name,
    category: parsedCategory?.id ?? inferred,
    categoryInferred: parsedCategory === null && inferred !== null,
    department: t('department'),
    members: splitMembers(cells.members?.text ?? ''),
    duties: t('duties'),
    durationText,
    duration: durationText === '' ? null : parseDuration(durationText),
    parentText: t('parent'),
    upper: parseUpper(cells.parent?.text ?? ''),
    applicant: t('applicant'),
    appliedOn: dateOf(raw.appliedOn),
    reason: t('reason'),
    stages,
    docNumber: findDocNumbers(docText)[0] ?? null,
    outcome: parseOutcome(t('outcome')),
  };
}

/** The label of a field as a table header would write it. */
export function fieldLabel(field: ApplicationField): string {
  return APPLICATION_FIELD_DEFS[field].label;
}
