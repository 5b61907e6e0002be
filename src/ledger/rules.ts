import {
  parseCategory,
  parseStatus,
  statusLabel,
  CATEGORIES,
  type Category,
  type CategoryId,
  type StatusKey,
} from './categories';
import { firstDay, formatDate, lastDay, parseDate, type LedgerDate } from './cells/date';
import { resolveDepartment, type DepartmentIndex } from './cells/department';
import { findDocNumbers, type DocNumber } from './cells/docNumber';
import { durationEnd, parseDuration, type Duration } from './cells/duration';
import { parsePhone, phoneFromNumberCell } from './cells/phone';
import { cellText, isBlankOrPlaceholder, isErrorText, isNoneAnswer } from './cells/value';
import { FIELDS, REQUIRED_FIELDS, type FieldKey } from './fields';
import { finding, type Finding, type NewFinding } from './findings';
import type { CellValue } from './grid';
import type { HeaderMap } from './header';
import type { CellRef, LedgerRow } from './row';
import { nonBodyKind, readContact, type SubmissionContact } from './submissionContact';

/** What the row rules need besides the row itself; built once per sheet. */
export interface RowContext {
  readonly sheet: string;
  readonly header: HeaderMap;
  /** 1-based sheet column of values[0]. */
  readonly firstColumn: number;
  readonly departments: DepartmentIndex;
  /** Day number of the as-of date. */
  readonly asOfDay: number;
  readonly asOf: string;
  /** The mapped columns as indexes into a row's values, computed once per sheet. */
  readonly fieldColumns: readonly FieldColumn[];
}

export interface FieldColumn {
  readonly key: FieldKey;
  /** Index into a row's values. */
  readonly index: number;
  readonly column: number;
  readonly header: string;
}

/** The mapped columns of a header as indexes into a grid row. */
export function fieldColumns(header: HeaderMap, firstColumn: number): FieldColumn[] {
  return (Object.entries(header.fields) as [FieldKey, NonNullable<HeaderMap['fields'][FieldKey]>][]).map(
    ([key, col]) => ({
      key,
      index: col.column - firstColumn,
      column: col.column,
      header: col.header,
    }),
  );
}

/** The visible text of every cell of a row, computed once and shared by the classifier and the rules. */
export function rowTexts(values: readonly CellValue[]): string[] {
  const texts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) texts[i] = cellText(values[i]);
  return texts;
}

/** A line of one text that is a note or signature under the table, even without a colon. */
const NOTE_LINE = /^(?:注|说明|备注|填表|制表|审核|合计|小计|总计|填报人|联系人|单位负责人|负责人)\s*[:：]?/u;
/** A section heading inside the table, e.g. “一、市委议事协调机构（32个）”. */
const SECTION_LINE =
  /^(?:[一二三四五六七八九十]+|[0-9]+|[（(][一二三四五六七八九十0-9]+[）)])[、.．]?\s*(.+?)(?:[（(]\s*[0-9]+\s*个?\s*[）)])?$/u;

/**
 * Dates, durations, departments and phones are short; a cell far longer than any of them is not
 * one, and is reported without running the parsers over it (Excel allows 32,767 characters).
 */
const MAX_SHORT_VALUE = 200;
/** Ten or eleven digits not starting with 0 or 1: a landline whose leading 0 a number cell dropped. */
const LOST_LEADING_ZERO = /^[2-9]\d{9,10}$/;
const TOO_LONG_DATE = {
  ok: false,
  empty: false,
  reason: '内容过长，不是日期',
  reasonEn: 'far too long to be a date',
} as const;

export type RowKind =
  | { readonly kind: 'body' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'section'; readonly category: Category | null }
  /** A footer line (填表人：… 联系电话：…): never a body, but the submission's contact. */
  | { readonly kind: 'footer'; readonly contact: SubmissionContact | null };

/**
 * Tells a body row from blank rows, 合计 rows, footers, notes, repeated headers and section headings
 * (docs/domain.md, “Rows that are not bodies”).
 */
export function classifyRow(texts: readonly string[], ctx: RowContext): RowKind {
  const nonBody = nonBodyKind(texts);
  if (nonBody === 'footer') return { kind: 'footer', contact: readContact(texts) };
  if (nonBody !== null) return { kind: 'skip' };
  let only: string | null = null;
  let distinct = 0;
  for (const t of texts) {
    if (t === '' || t === only) continue;
    only = t;
    if (++distinct > 1) break;
  }
  if (only === null) return { kind: 'skip' };
  if (distinct === 1) {
    if (NOTE_LINE.test(only)) return { kind: 'skip' };
    const section = SECTION_LINE.exec(only.replace(/\s+/g, ''));
    if (section) return { kind: 'section', category: parseCategory(section[1]!.replace(/[（(][^）)]*[）)]$/u, '')) };
  }
  // Only a 序号 filled in (a template's numbered empty rows): nothing to check.
  if (!ctx.fieldColumns.some((col) => col.key !== 'seq' && (texts[col.index] ?? '') !== '')) return { kind: 'skip' };
  // The header repeated on a later page.
  const nameCol = ctx.header.fields.name;
  if (
    nameCol &&
    (texts[nameCol.column - ctx.firstColumn] ?? '').replace(/\s+/g, '') === nameCol.header.replace(/\s+/g, '')
  )
    return { kind: 'skip' };
  return { kind: 'body' };
}

/**
 * Parses one body row and applies every row rule of docs/domain.md from missing-value to
 * category-name-mismatch. `sectionCategory` is the category of the section heading above the row,
 * used when the sheet has no 类别 column.
 */
export function parseRow(
  values: readonly CellValue[],
  texts: readonly string[],
  sheetRow: number,
  ctx: RowContext,
  sectionCategory: Category | null,
  out: Finding[],
): LedgerRow {
  const cells: Partial<Record<FieldKey, CellRef>> = {};
  for (const col of ctx.fieldColumns)
    cells[col.key] = { text: texts[col.index] ?? '', column: col.column, header: col.header };
  // No closures per row: this runs 100,000 times on a province's register.
  const at: RowAt = { ctx, sheetRow, cells, out };

  // Required values: empty, spaces, 无, or an error value such as #N/A.
  for (const key of REQUIRED_FIELDS) {
    const cell = cells[key];
    if (!cell) continue; // missing-column already says so, once
    if (key === 'established') continue; // the date rules report their own emptiness
    if (isErrorText(cell.text)) {
      report(at, key, {
        code: 'missing-value',
        value: cell.text,
        params: {
          field: FIELDS[key].label,
          fieldEn: FIELDS[key].labelEn,
          detail: `单元格是错误值 ${cell.text}`,
          detailEn: `the cell holds the error ${cell.text}`,
        },
      });
    } else if (isBlankOrPlaceholder(cell.text) && !(key === 'parent' && isNoneAnswer(cell.text))) {
      report(at, key, {
        code: 'missing-value',
        value: cell.text,
        params: { field: FIELDS[key].label, fieldEn: FIELDS[key].labelEn },
      });
    }
  }

  const established = cells.established
    ? readDate(at, 'established', rawValue(values, ctx, 'established'), true)
    : null;
  const abolishedOn = cells.abolishedOn
    ? readDate(at, 'abolishedOn', rawValue(values, ctx, 'abolishedOn'), false)
    : null;

  // 依据文件: a recognisable 发文字号 in GB/T 9704 form, not dated after the body.
  let basis: DocNumber | null = null;
  const basisText = cells.basis?.text ?? '';
  if (cells.basis && !isBlankOrPlaceholder(basisText) && !isErrorText(basisText)) {
    const numbers = findDocNumbers(basisText);
    basis = numbers[0] ?? null;
    if (!basis) {
      report(at, 'basis', { code: 'invalid-doc-number', value: basisText });
    }
    for (const doc of numbers) {
      if (doc.isStandard) continue;
      report(at, 'basis', {
        code: 'nonstandard-doc-number',
        value: basisText,
        suggestion: doc.standard,
        params: { found: doc.found, issues: doc.issues.join('；'), issuesEn: doc.issuesEn.join('; ') },
      });
    }
    if (basis && established && basis.year > established.year) {
      report(at, 'basis', {
        code: 'doc-year-mismatch',
        value: basisText,
        params: { docYear: basis.year, year: established.year },
      });
    }
  }

  // 办事机构所在部门: against the department list, after aliases.
  let department: string | null = null;
  const departmentText = cells.department?.text ?? '';
  if (cells.department && !isBlankOrPlaceholder(departmentText) && !isErrorText(departmentText)) {
    const match =
      departmentText.length > MAX_SHORT_VALUE
        ? { known: false, canonical: null }
        : resolveDepartment(departmentText, ctx.departments);
    department = match.canonical ?? departmentText;
    if (!match.known)
      report(at, 'department', {
        code: 'unknown-department',
        value: departmentText,
        params: { value: departmentText },
      });
  }

  // 存续时间: readable, and not ending before the body began.
  let duration: Duration | null = null;
  const durationText = cells.duration?.text ?? '';
  if (cells.duration && !isBlankOrPlaceholder(durationText) && !isErrorText(durationText)) {
    duration =
      durationText.length > MAX_SHORT_VALUE
        ? null
        : (parseDuration(durationText) ?? endDateOnly(rawValue(values, ctx, 'duration')));
    if (!duration) {
      report(at, 'duration', { code: 'invalid-duration', value: durationText, params: { value: durationText } });
    } else if (established) {
      const end = durationEnd(duration, established);
      if (end && lastDay(end) < firstDay(established)) {
        report(at, 'duration', {
          code: 'duration-before-start',
          value: durationText,
          params: { end: formatDate(end), start: formatDate(established) },
        });
      }
    }
  }

  // 类别 and 状态 (optional columns).
  let category: CategoryId | null = sectionCategory?.id ?? null;
  const categoryText = cells.category?.text ?? '';
  if (cells.category && categoryText !== '') {
    const parsed = parseCategory(categoryText);
    if (parsed) category = parsed.id;
    else
      report(at, 'category', {
        code: 'invalid-category',
        value: categoryText,
        params: { value: categoryText },
        suggestion: CATEGORIES.map((c) => c.label).join(' / '),
      });
  }
  let status: StatusKey = 'active';
  const statusText = cells.status?.text ?? '';
  if (cells.status) {
    const parsed = parseStatus(statusText);
    if (parsed) status = parsed;
    else report(at, 'status', { code: 'invalid-status', value: statusText, params: { value: statusText } });
  }
  if ((status === 'abolished' || status === 'merged') && !abolishedOn && !hasText(cells.abolishedOn)) {
    report(at, cells.abolishedOn ? 'abolishedOn' : 'status', {
      code: 'missing-abolition-date',
      value: statusText,
      params: { status: statusLabel(status) },
    });
  }

  // 联系电话 (optional).
  const phoneText = cells.phone?.text ?? '';
  const phoneValue = cells.phone ? rawValue(values, ctx, 'phone') : undefined;
  // A number cell (or its digits in a CSV saved from one): Excel dropped the leading 0
  // (5468382366); read it back where that is unambiguous.
  if (typeof phoneValue === 'number' || LOST_LEADING_ZERO.test(phoneText)) {
    if (phoneFromNumberCell(Number(phoneText === '' ? phoneValue : phoneText)) === null)
      report(at, 'phone', { code: 'invalid-phone', value: phoneText, params: { value: phoneText, numberCell: 1 } });
  } else if (
    cells.phone &&
    phoneText !== '' &&
    !isBlankOrPlaceholder(phoneText) &&
    (phoneText.length > MAX_SHORT_VALUE || !parsePhone(phoneText).ok)
  ) {
    report(at, 'phone', { code: 'invalid-phone', value: phoneText, params: { value: phoneText } });
  }

  const name = cells.name?.text ?? '';
  if (category !== null && name !== '' && !isBlankOrPlaceholder(name)) {
    const mismatch = categoryNameMismatch(category, name);
    if (mismatch) {
      report(at, 'name', {
        code: 'category-name-mismatch',
        value: name,
        params: { category: CATEGORIES[category - 1]!.label, expectZh: mismatch.zh, expectEn: mismatch.en },
      });
    }
  }

  const countyText = cells.county?.text ?? '';
  const row: LedgerRow = {
    sheet: ctx.sheet,
    row: sheetRow,
    cells,
    name,
    category,
    status,
    active: status === 'active',
    established,
    abolishedOn,
    basis,
    department,
    duration,
    county: countyText === '' ? null : countyText,
  };
  return row;
}

/** Where a row's findings go, and what they need to point at the right cell. */
interface RowAt {
  readonly ctx: RowContext;
  readonly sheetRow: number;
  readonly cells: Partial<Record<FieldKey, CellRef>>;
  readonly out: Finding[];
}

function report(at: RowAt, key: FieldKey, input: Omit<NewFinding, 'sheet' | 'row' | 'column' | 'columnIndex'>): void {
  const cell = at.cells[key];
  at.out.push(
    finding({
      ...input,
      sheet: at.ctx.sheet,
      row: at.sheetRow,
      column: cell?.header ?? FIELDS[key].label,
      columnIndex: cell?.column,
    }),
  );
}

function rawValue(values: readonly CellValue[], ctx: RowContext, key: FieldKey): CellValue {
  const col = ctx.header.fields[key];
  return col ? values[col.column - ctx.firstColumn] : undefined;
}

function readDate(
  at: RowAt,
  key: 'established' | 'abolishedOn',
  value: CellValue,
  required: boolean,
): LedgerDate | null {
  const text = at.cells[key]?.text ?? '';
  const result = text.length > MAX_SHORT_VALUE ? TOO_LONG_DATE : parseDate(value);
  if (result.ok) {
    if (firstDay(result.date) > at.ctx.asOfDay) {
      report(at, key, {
        code: 'future-date',
        value: text,
        params: { date: formatDate(result.date), asOf: at.ctx.asOf },
      });
    }
    return result.date;
  }
  if (result.empty) {
    if (required)
      report(at, key, {
        code: 'missing-value',
        value: text,
        params: { field: FIELDS[key].label, fieldEn: FIELDS[key].labelEn },
      });
  } else {
    report(at, key, {
      code: 'invalid-date',
      value: text,
      params: { value: text, reason: result.reason, reasonEn: result.reasonEn },
    });
  }
  return null;
}

/** A bare date in 存续时间 (often a real Excel date cell) can only be the end of the term. */
function endDateOnly(value: CellValue): Duration | null {
  const parsed = parseDate(value);
  return parsed.ok && parsed.date.month !== undefined ? { kind: 'until', end: parsed.date } : null;
}

function hasText(cell: CellRef | undefined): boolean {
  return cell !== undefined && cell.text !== '';
}

/** A name that contradicts its category: a 联席会议 filed as a 工作专班, a 领导小组 filed as a 联席会议. */
export function categoryNameMismatch(category: CategoryId, name: string): { zh: string; en: string } | null {
  const bare = name.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]$/u, '');
  switch (category) {
    case 3:
      return /联席会议(?:制度)?$/u.test(bare) ? null : { zh: '不以“联席会议”结尾', en: 'does not end in 联席会议' };
    case 4:
      return /专班$/u.test(bare) ? null : { zh: '不以“专班”结尾', en: 'does not end in 专班' };
    case 1:
    case 2:
      if (/联席会议(?:制度)?$/u.test(bare))
        return {
          zh: '以“联席会议”结尾，应为部门间联席会议',
          en: 'ends in 联席会议, so it is an inter-department joint meeting',
        };
      if (/专班$/u.test(bare)) return { zh: '以“专班”结尾，应为工作专班', en: 'ends in 专班, so it is a task force' };
      return null;
    default:
      return null;
  }
}
