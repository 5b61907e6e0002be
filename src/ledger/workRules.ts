/**
 * 制度保障 (the 潍坊 practice, docs/domain.md) and the contact persons of the 东营 notice (“明确…1名联络人，于5月20日前…报市委编办备案”):
 * which active bodies have no work rules or no contact person, and the 报送情况 summary per
 * 办事机构所在部门. Checked only when the register has the column concerned.
 */
import { isoDayNumber } from './cells/date';
import { isBlankOrPlaceholder, toHalfWidth } from './cells/value';
import { FIELDS } from './fields';
import { finding, type Finding, type FindingParams, type Lang, type Severity } from './findings';
import type { LedgerRow } from './row';
import type { Settings } from './settings';
import type { SheetSpec } from './sheetSpec';

/** Answers that say the rules do not exist yet: 未制定, 无, 否, 尚未制定, 正在制定, 拟制定, 待备案… */
const NO_RULES = /^(?:未|无|否|没有|暂无|暂未|尚未|尚无|待|正在|拟|起草|在制定|制定中|×|x$)/iu;
/** Contact cells that name nobody. */
const NO_CONTACT = /^(?:未明确|未确定|未指定|未设|未填|无|暂无|待定|待明确|待确定)/u;

/** True when a 工作规则 cell says the body has work rules (已制定, 是, a date, a title 《…工作规则》). */
export function hasWorkRules(text: string): boolean {
  if (isBlankOrPlaceholder(text)) return false;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return !NO_RULES.test(t);
}

/** True when a 联络人 cell names a person (not a placeholder, not just a phone number). */
export function namesContact(text: string): boolean {
  if (isBlankOrPlaceholder(text)) return false;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (NO_CONTACT.test(t)) return false;
  return /[\p{L}]/u.test(t);
}

/** The deadline in force and whether it has passed on the as-of date (the deadline day itself still counts as in time). */
export function deadlineState(settings: Pick<Settings, 'asOf' | 'submissionDeadline'>): {
  deadline: string | null;
  passed: boolean;
} {
  const deadline = settings.submissionDeadline ?? null;
  if (deadline === null) return { deadline: null, passed: false };
  return { deadline, passed: isoDayNumber(settings.asOf) > isoDayNumber(deadline) };
}

/**
 * missing-work-rules and missing-contact for every active row, when the register has a 工作规则 /
 * 联络人 column. Warnings; errors once `settings.submissionDeadline` is before `settings.asOf`.
 */
export function workRulesFindings(
  rows: readonly LedgerRow[],
  settings: Pick<Settings, 'asOf' | 'submissionDeadline'>,
): Finding[] {
  const { deadline, passed } = deadlineState(settings);
  const severity: Severity = passed ? 'error' : 'warning';
  const params: FindingParams = deadline ? { deadline } : {};
  const out: Finding[] = [];
  for (const row of rows) {
    if (!row.active) continue;
    const rules = row.cells.workRules;
    if (rules && !hasWorkRules(rules.text)) {
      out.push(
        finding({
          code: 'missing-work-rules',
          severity,
          sheet: row.sheet,
          row: row.row,
          column: rules.header,
          columnIndex: rules.column,
          value: rules.text,
          params,
        }),
      );
    }
    const contact = row.cells.contact;
    if (contact && !namesContact(contact.text)) {
      out.push(
        finding({
          code: 'missing-contact',
          severity,
          sheet: row.sheet,
          row: row.row,
          column: contact.header,
          columnIndex: contact.column,
          value: contact.text,
          params,
        }),
      );
    }
  }
  return out;
}

/** A row of a consolidated return: the county it was assigned to and the parsed row. */
export interface CountyRow {
  readonly county: string | null;
  readonly row: LedgerRow;
}

/** One line of 报送情况: the active bodies whose office one department hosts. */
export interface DepartmentSubmission {
  /** Set for a consolidated return; null for a single register. */
  readonly county: string | null;
  /** The listed department (after aliases), or the text as written; '' when the cell is empty. */
  readonly department: string;
  readonly active: number;
  /** Null when the register has no 工作规则 column. */
  readonly withRules: number | null;
  /** Null when the register has no 联络人 column. */
  readonly withContact: number | null;
  readonly missingRules: readonly string[];
  readonly missingContact: readonly string[];
}

export interface SubmissionSummary {
  readonly hasRulesColumn: boolean;
  readonly hasContactColumn: boolean;
  readonly deadline: string | null;
  readonly deadlinePassed: boolean;
  /** Departments with at least one active body, in order of first appearance. */
  readonly departments: readonly DepartmentSubmission[];
  readonly total: DepartmentSubmission;
}

function isCountyRow(item: LedgerRow | CountyRow): item is CountyRow {
  return typeof item.row !== 'number';
}

/**
 * 报送情况: per 办事机构所在部门 (and county, for a consolidated return), the active bodies, how
 * many have work rules, how many name a contact, and which do not.
 */
export function submissionSummary(
  items: readonly (LedgerRow | CountyRow)[],
  settings: Pick<Settings, 'asOf' | 'submissionDeadline'>,
): SubmissionSummary {
  const rows = items.map((item) => (isCountyRow(item) ? item : { county: null, row: item }));
  const hasRulesColumn = rows.some((r) => r.row.cells.workRules !== undefined);
  const hasContactColumn = rows.some((r) => r.row.cells.contact !== undefined);
  interface Acc {
    county: string | null;
    department: string;
    active: number;
    withRules: number;
    withContact: number;
    missingRules: string[];
    missingContact: string[];
  }
  const groups = new Map<string, Acc>();
  const total: Acc = {
    county: null,
    department: '',
    active: 0,
    withRules: 0,
    withContact: 0,
    missingRules: [],
    missingContact: [],
  };
  for (const { county, row } of rows) {
    if (!row.active) continue;
    const department = row.department ?? '';
    const key = `${county ?? ''}\u0000${department}`;
    let acc = groups.get(key);
    if (!acc) {
      acc = { county, department, active: 0, withRules: 0, withContact: 0, missingRules: [], missingContact: [] };
      groups.set(key, acc);
    }
    for (const target of [acc, total]) {
      target.active += 1;
      if (row.cells.workRules && hasWorkRules(row.cells.workRules.text)) target.withRules += 1;
      else if (hasRulesColumn) target.missingRules.push(row.name);
      if (row.cells.contact && namesContact(row.cells.contact.text)) target.withContact += 1;
      else if (hasContactColumn) target.missingContact.push(row.name);
    }
  }
  const freeze = (acc: Acc): DepartmentSubmission => ({
    county: acc.county,
    department: acc.department,
    active: acc.active,
    withRules: hasRulesColumn ? acc.withRules : null,
    withContact: hasContactColumn ? acc.withContact : null,
    missingRules: acc.missingRules,
    missingContact: acc.missingContact,
  });
  const { deadline, passed } = deadlineState(settings);
  return {
    hasRulesColumn,
    hasContactColumn,
    deadline,
    deadlinePassed: passed,
    departments: [...groups.values()].map(freeze),
    total: freeze(total),
  };
}

export const SUBMISSION_SHEET_NAME = '报送情况';

const TEXT = {
  zh: {
    title: '工作规则及联络人报送情况',
    county: '县区',
    department: '办事机构所在部门',
    active: '存续机构数',
    withRules: '已制定工作规则',
    withContact: '已明确联络人',
    missingRules: '未制定工作规则的机构',
    missingContact: '未明确联络人的机构',
    total: '合计',
    allDepartments: '全部部门',
    noDepartment: '（未填写部门）',
    noColumn: '（台账无此列）',
    deadline: (d: string, passed: boolean) => `报送期限：${d}${passed ? '（已过期）' : ''}`,
    noDeadline: '报送期限：未设置',
    asOf: (d: string) => `核对日期：${d}`,
  },
  en: {
    title: 'Work rules and contact persons',
    county: 'County',
    department: 'Host department',
    active: 'Active bodies',
    withRules: 'With work rules',
    withContact: 'With a contact',
    missingRules: 'Without work rules',
    missingContact: 'Without a contact',
    total: 'Total',
    allDepartments: 'All departments',
    noDepartment: '(no department)',
    noColumn: '(no such column)',
    deadline: (d: string, passed: boolean) => `Deadline: ${d}${passed ? ' (passed)' : ''}`,
    noDeadline: 'Deadline: not set',
    asOf: (d: string) => `As of: ${d}`,
  },
} as const;

/**
 * The 报送情况 sheet, for `ledger validate -o` and the consolidated return. The county column
 * appears only when some line has a county.
 */
export function submissionSheet(summary: SubmissionSummary, options: { lang?: Lang; asOf?: string } = {}): SheetSpec {
  const t = TEXT[options.lang ?? 'zh'];
  const withCounty = summary.departments.some((d) => d.county !== null);
  const count = (n: number | null): number | string => (n === null ? t.noColumn : n);
  const names = (list: readonly string[], has: boolean): string => (has ? list.join('、') : t.noColumn);
  const line = (d: DepartmentSubmission, label?: string) => [
    ...(withCounty ? [label === undefined ? (d.county ?? '') : ''] : []),
    label ?? (d.department === '' ? t.noDepartment : d.department),
    d.active,
    count(d.withRules),
    count(d.withContact),
    names(d.missingRules, summary.hasRulesColumn),
    names(d.missingContact, summary.hasContactColumn),
  ];
  const preamble = [
    [t.title],
    [
      summary.deadline ? t.deadline(summary.deadline, summary.deadlinePassed) : t.noDeadline,
      ...(options.asOf ? [t.asOf(options.asOf)] : []),
    ],
  ];
  return {
    name: SUBMISSION_SHEET_NAME,
    preamble,
    columns: [
      ...(withCounty ? [{ header: t.county, width: 12, format: 'text' as const }] : []),
      { header: t.department, width: 22, format: 'text' },
      { header: t.active, width: 10, format: 'integer' },
      { header: t.withRules, width: 12, format: summary.hasRulesColumn ? 'integer' : 'general' },
      { header: t.withContact, width: 12, format: summary.hasContactColumn ? 'integer' : 'general' },
      { header: t.missingRules, width: 48, format: 'text' },
      { header: t.missingContact, width: 48, format: 'text' },
    ],
    rows: summary.departments.map((d) => line(d)),
    footer: [line(summary.total, t.total)],
  };
}

/** Plain-text lines of the summary, for `ledger validate`'s text output. */
export function submissionLines(summary: SubmissionSummary, lang: Lang = 'zh'): string[] {
  const t = TEXT[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const list = (names: readonly string[]) => names.join(lang === 'zh' ? '、' : ', ');
  const lines: string[] = [
    `${SUBMISSION_SHEET_NAME} · ${t.title}（${summary.deadline ? t.deadline(summary.deadline, summary.deadlinePassed) : t.noDeadline}）`,
  ];
  if (!summary.hasRulesColumn && !summary.hasContactColumn) {
    lines.push(
      lang === 'zh'
        ? `  台账无“${FIELDS.workRules.label}”“${FIELDS.contact.label}”列，未统计`
        : `  the register has no ${FIELDS.workRules.label} / ${FIELDS.contact.label} column; nothing to count`,
    );
    return lines;
  }
  for (const d of [...summary.departments, summary.total]) {
    const label =
      d === summary.total
        ? t.allDepartments
        : `${d.county ? `${d.county} ` : ''}${d.department === '' ? t.noDepartment : d.department}`;
    const parts = [`${t.active} ${d.active}`];
    if (d.withRules !== null) parts.push(`${t.withRules} ${d.withRules}`);
    if (d.withContact !== null) parts.push(`${t.withContact} ${d.withContact}`);
    lines.push(`  ${label}${sep}${parts.join(lang === 'zh' ? '，' : ', ')}`);
    if (d === summary.total) continue;
    if (d.missingRules.length > 0) lines.push(`    ${t.missingRules}${sep}${list(d.missingRules)}`);
    if (d.missingContact.length > 0) lines.push(`    ${t.missingContact}${sep}${list(d.missingContact)}`);
  }
  return lines;
}
