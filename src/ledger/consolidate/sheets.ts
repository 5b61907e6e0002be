/**
 * The return as sheets: 汇总 (summary, first so a CSV export of the first sheet is the summary),
 * 明细 (every row), 问题清单 (every finding) and 说明 (how it was made). Values only: no formulas.
 */
import { CATEGORIES, STATUSES, parseStatus } from '../categories';
import type { LedgerDate } from '../cells/date';
import { FIELDS, OPTIONAL_FIELDS, REQUIRED_FIELDS, type FieldKey } from '../fields';
import { messageOf, type Lang } from '../findings';
import type { CellValue } from '../grid';
import type { LedgerRow } from '../row';
import type { ColumnSpec, SheetSpec } from '../sheetSpec';
import { wordsFor } from './labels';
import type { ConsolidatedReturn, CountyTally, RegisterEntry, ReturnFinding, ReturnMeta, Tally } from './types';
import { submissionSheet, submissionSummary } from '../workRules';
import { contactLine } from '../submissionContact';

/** The return's sheets in tab order. */
export const RETURN_SHEET_NAMES = ['汇总', '明细', '问题清单', '报送情况', '说明'] as const;
/** The sheets every version of the return has written (报送情况 was added later). */
export const EVERY_RETURN_HAS = ['汇总', '明细', '问题清单', '说明'] as const;

export function returnSheets(ret: ConsolidatedReturn, meta: ReturnMeta): SheetSpec[] {
  // 报送情况: work rules and contact persons per county and host department.
  const submission = withContacts(
    submissionSheet(submissionSummary(ret.rows, ret.settings), { lang: meta.lang, asOf: ret.asOf }),
    ret,
    meta.lang,
  );
  return [
    summarySheet(ret, meta.lang),
    detailSheet(ret, meta.lang),
    findingsSheet(ret, meta.lang),
    submission,
    aboutSheet(ret, meta),
  ];
}

type Included = Extract<RegisterEntry, { status: 'included' }>;
const isIncluded = (r: RegisterEntry): r is Included => r.status === 'included';

/** 报送情况 ends with who filled in each county's register, as its footer says. */
function withContacts(sheet: SheetSpec, ret: ConsolidatedReturn, lang: Lang): SheetSpec {
  const a = wordsFor(lang).about;
  const lines = ret.counties
    .filter((c) => c.state !== 'missing')
    .map((c) => {
      const contacts = ret.registers
        .filter(isIncluded)
        .filter((r) => r.county === c.county && r.contact !== null)
        .map((r) => contactLine(r.contact!, lang));
      return [
        `${c.county}${lang === 'en' ? ': ' : '：'}${contacts.length > 0 ? [...new Set(contacts)].join('；') : a.noContact}`,
      ];
    });
  if (lines.length === 0) return sheet;
  return { ...sheet, footer: [...(sheet.footer ?? []), [], [a.contactsTitle], ...lines] };
}

const label = (lang: Lang, key: FieldKey): string => (lang === 'en' ? FIELDS[key].labelEn : FIELDS[key].label);
const categoryLabel = (lang: Lang, id: number): string => {
  const c = CATEGORIES[id - 1]!;
  return lang === 'en' ? c.labelEn : c.label;
};

// ---------------------------------------------------------------- 汇总

/** The figures of a 汇总 line, in column order, each named. */
const TALLY_CELLS: readonly (readonly [string, (t: Tally) => number])[] = [
  ['rows', (t) => t.rows],
  ['category1', (t) => t.activeByCategory[1]],
  ['category2', (t) => t.activeByCategory[2]],
  ['category3', (t) => t.activeByCategory[3]],
  ['category4', (t) => t.activeByCategory[4]],
  ['category5', (t) => t.activeByCategory[5]],
  ['uncategorised', (t) => t.activeUncategorised],
  ['coordinating', (t) => t.activeCoordinating],
  ['abolishedOrMerged', (t) => t.abolishedOrMerged],
  ['errors', (t) => t.errors],
  ['warnings', (t) => t.warnings],
  ['duplicates', (t) => t.duplicates],
  ['overdue', (t) => t.overdue],
  ['expiring', (t) => t.expiring],
];

function tallyCells(t: Tally): CellValue[] {
  return TALLY_CELLS.map(([, figure]) => figure(t));
}

/** A county that sent nothing has no figures, only the missing-submission error: blanks, not zeros. */
function countyCells(c: CountyTally, lang: Lang): CellValue[] {
  const w = wordsFor(lang);
  const figures =
    c.state === 'missing' ? TALLY_CELLS.map(([name, figure]) => (name === 'errors' ? figure(c) : null)) : tallyCells(c);
  return [c.county, w.states[c.state], c.files.length, ...figures];
}

function summarySheet(ret: ConsolidatedReturn, lang: Lang): SheetSpec {
  const w = wordsFor(lang);
  const expected = ret.counties.filter((c) => c.expected).map((c) => c.county);
  const list = (names: readonly string[]): string =>
    names.length === 0 ? w.none : names.join(lang === 'en' ? ', ' : '、');
  const figure = (header: string, width = 10): ColumnSpec => ({ header, width, format: 'integer' });
  const columns: ColumnSpec[] = [
    { header: w.county, width: 14, format: 'text' },
    { header: w.state, width: 10, format: 'text' },
    figure(w.files, 8),
    figure(w.rows),
    ...[1, 2, 3, 4, 5].map((id) => figure(categoryLabel(lang, id), id === 5 ? 16 : 12)),
    figure(w.uncategorised, 12),
    figure(w.coordinating, 18),
    figure(w.abolished, 12),
    figure(w.errors, 8),
    figure(w.warnings, 8),
    figure(w.duplicates),
    figure(w.overdue),
    figure(w.expiring),
  ];
  const filesOf = ret.counties.reduce((n, c) => n + c.files.length, 0);
  const footer: CellValue[][] = [[w.total, null, filesOf, ...tallyCells(ret.total)]];
  for (const c of ret.counties)
    if (c.state === 'duplicate') footer.push([w.duplicateNote(c.county, c.files.join('、'))]);
  for (const r of ret.registers) {
    if (r.status === 'unassigned')
      footer.push([`${r.file} › ${r.sheet}：${registerNote(r, lang)}（${w.rowCount(r.rowCount)}）`]);
  }
  for (const u of ret.unreadable) footer.push([`${w.unreadable}：${lang === 'en' ? u.messageEn : u.message}`]);
  return {
    name: '汇总',
    preamble: [[w.title], [w.asOf, ret.asOf], [w.expected, list(expected)], [w.missing, list(ret.missing)]],
    columns,
    rows: ret.counties.map((c) => countyCells(c, lang)),
    footer,
    table: false,
    freezeHeader: true,
  };
}

// ---------------------------------------------------------------- 明细

/** 县区, 序号, the seven fields, the other optional fields (县区 once), 来源: the order of fields.ts. */
const DETAIL_FIELDS: readonly FieldKey[] = [
  'seq',
  ...REQUIRED_FIELDS,
  ...OPTIONAL_FIELDS.filter((f) => f !== 'seq' && f !== 'county'),
];
const DETAIL_WIDTHS: Readonly<Partial<Record<FieldKey, number>>> = {
  seq: 6,
  name: 36,
  established: 12,
  basis: 32,
  department: 20,
  duration: 18,
  history: 40,
  parent: 26,
  category: 20,
  status: 8,
  abolishedOn: 12,
  abolitionDoc: 26,
  workRules: 16,
  contact: 10,
  phone: 16,
  duties: 40,
  remarks: 24,
};

/** A full date as a real date; a month or a year stays text at its own precision (no invented day). */
function dateCell(date: LedgerDate | null, text: string): CellValue {
  if (date === null) return text;
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${String(date.month).padStart(2, '0')}`;
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

function fieldCell(row: LedgerRow, key: FieldKey, lang: Lang): CellValue {
  const text = row.cells[key]?.text ?? '';
  switch (key) {
    case 'established':
      return dateCell(row.established, text);
    case 'abolishedOn':
      return dateCell(row.abolishedOn, text);
    case 'category':
      return row.category === null ? text : categoryLabel(lang, row.category);
    case 'status': {
      // An unreadable status counts as active but is shown as written (it is reported as invalid-status).
      const parsed = parseStatus(text);
      if (parsed === null) return text;
      const s = STATUSES.find((x) => x.key === parsed)!;
      return lang === 'en' ? s.labelEn : s.label;
    }
    default:
      return text;
  }
}

/** An empty cell, not an empty string: nothing to write, nothing for a filter to list. */
const emptyAsNull = (value: CellValue): CellValue => (value === '' ? null : value);

export function sourceLabel(file: string, sheet: string, row: number | null): string {
  return row === null ? `${file} › ${sheet}` : `${file} › ${sheet} › ${row}`;
}

function detailSheet(ret: ConsolidatedReturn, lang: Lang): SheetSpec {
  const w = wordsFor(lang);
  const columns: ColumnSpec[] = [
    { header: w.county, width: 12, format: 'text' },
    ...DETAIL_FIELDS.map((key): ColumnSpec => ({
      header: label(lang, key),
      width: DETAIL_WIDTHS[key] ?? 14,
      format: key === 'established' || key === 'abolishedOn' ? 'date' : 'text',
    })),
    { header: w.source, width: 40, format: 'text' },
  ];
  const rows = ret.rows.map(({ county, file, row }) => [
    county,
    ...DETAIL_FIELDS.map((key) => emptyAsNull(fieldCell(row, key, lang))),
    sourceLabel(file, row.sheet, row.row),
  ]);
  return { name: '明细', columns, rows, table: true, freezeHeader: true };
}

// ---------------------------------------------------------------- 问题清单

function findingSource(item: ReturnFinding): string {
  const f = item.finding;
  if (item.file === null) {
    // A county-level finding: name every file involved (duplicate-submission).
    const files = [...new Set((f.related ?? []).map((r) => r.file).filter((x): x is string => x !== undefined))];
    return files.join('；');
  }
  return sourceLabel(item.file, f.sheet, f.row);
}

/** The other rows a finding names (a duplicate in another sheet or file), each with its full source. */
function relatedText(item: ReturnFinding): string {
  if (item.file === null) return '';
  return (item.finding.related ?? [])
    .map((r) => `${sourceLabel(r.file ?? item.file!, r.sheet, r.row)}${r.value ? ` ${r.value}` : ''}`)
    .join('；');
}

function findingsSheet(ret: ConsolidatedReturn, lang: Lang): SheetSpec {
  const w = wordsFor(lang);
  const columns: ColumnSpec[] = [
    { header: w.county, width: 12, format: 'text' },
    { header: w.source, width: 40, format: 'text' },
    { header: w.column, width: 16, format: 'text' },
    { header: w.code, width: 22, format: 'text' },
    { header: w.severity, width: 8, format: 'text' },
    { header: w.message, width: 50, format: 'text' },
    { header: w.value, width: 30, format: 'text' },
    { header: w.suggestion, width: 30, format: 'text' },
    { header: w.related, width: 40, format: 'text' },
  ];
  const rows = ret.findings.map((item) => [
    item.county ?? w.unknownCounty,
    emptyAsNull(findingSource(item)),
    item.finding.column,
    item.finding.code,
    w.severities[item.finding.severity],
    messageOf(item.finding, lang),
    emptyAsNull(item.finding.value),
    item.finding.suggestion ?? null,
    emptyAsNull(relatedText(item)),
  ]);
  return { name: '问题清单', columns, rows, table: true, freezeHeader: true };
}

// ---------------------------------------------------------------- 说明

function registerNote(r: RegisterEntry, lang: Lang): string {
  const w = wordsFor(lang);
  switch (r.status) {
    case 'included':
      return w.included(r.rowCount);
    case 'skipped':
      return w.skipped[r.reason];
    case 'unassigned': {
      const names = r.candidates.map((c) => `${c.county}×${c.rows}`).join(lang === 'en' ? ', ' : '、');
      return names ? `${w.unassigned[r.reason]}: ${names}` : w.unassigned[r.reason];
    }
  }
}

function aboutSheet(ret: ConsolidatedReturn, meta: ReturnMeta): SheetSpec {
  const { lang } = meta;
  const w = wordsFor(lang);
  const a = w.about;
  const s = ret.settings;
  const preamble: CellValue[][] = [
    [a.title],
    [a.tool, `${a.toolName} ${meta.toolVersion}`],
    [w.asOf, ret.asOf],
    [w.expected, s.expectedCounties.length === 0 ? w.none : s.expectedCounties.join('、')],
    [a.settings, `${a.expiringWindow(s.expiringWindowDays)}；${a.reviewCycle(s.reviewCycleYears)}`],
    [a.similarity, s.similarNameThreshold],
    [a.limit, s.activeBodyLimit ?? a.noLimit],
    [a.deadline, s.submissionDeadline ?? w.none],
    [a.departmentsLabel, a.departments(s.departments.length, Object.keys(s.departmentAliases).length)],
    ...a.rules.map(([k, v]) => [k, v]),
    [],
  ];
  const columns: ColumnSpec[] = [
    { header: a.file, width: 36, format: 'text' },
    { header: a.size, width: 14, format: 'integer' },
    { header: a.sha256, width: 68, format: 'text' },
    { header: w.county, width: 12, format: 'text' },
    { header: a.countyBasis, width: 16, format: 'text' },
    { header: a.sheets, width: 60, format: 'text' },
    { header: a.contact, width: 40, format: 'text' },
  ];
  const rows = meta.inputs.map((input) => {
    const own = ret.registers.filter((r) => r.file === input.file);
    const unreadable = ret.unreadable.find((u) => u.file === input.file);
    const included = own.filter(isIncluded);
    const counties = [...new Set(included.map((r) => r.county))].join('、');
    const bases = [...new Set(included.map((r) => w.bases[r.countyBasis]))].join('、');
    const sheets = unreadable
      ? lang === 'en'
        ? unreadable.messageEn
        : unreadable.message
      : own.map((r) => `${r.sheet}：${registerNote(r, lang)}`).join('；');
    const contacts = [...new Set(included.flatMap((r) => (r.contact ? [contactLine(r.contact, lang)] : [])))].join(
      '；',
    );
    return [input.file, input.size, input.sha256, counties, bases, sheets, contacts];
  });
  return { name: '说明', preamble, columns, rows, table: false, freezeHeader: false };
}
