/** The 设置 form: text fields in, a settings object for parseSettings out. */
import { parseDepartmentList, splitList, type DepartmentList } from '../../ledger/departmentList';
import { aliasesForList, DEFAULT_DEPARTMENT_ALIASES } from '../../ledger/departments';
import { decodeTextFile } from '../../xlsx/csv';
import type { Settings } from '../../ledger/settings';

export { splitList };

export interface SettingsForm {
  readonly asOf: string;
  /** When on, no as-of date is stored and every check uses the day it runs. */
  readonly asOfToday: boolean;
  /** One department per line; `简称=名称` lines add aliases; `#` lines are comments (the CLI's --departments format). */
  readonly departments: string;
  readonly expiringWindowDays: string;
  readonly reviewCycleYears: string;
  readonly similarNameThreshold: string;
  readonly activeBodyLimit: string;
  readonly expectedCounties: string;
  readonly submissionDeadline: string;
}

export function formOf(settings: Settings, stored: unknown): SettingsForm {
  const storedAsOf = typeof stored === 'object' && stored !== null && 'asOf' in stored;
  return {
    asOf: settings.asOf,
    asOfToday: !storedAsOf,
    departments: departmentsText(settings),
    expiringWindowDays: String(settings.expiringWindowDays),
    reviewCycleYears: String(settings.reviewCycleYears),
    similarNameThreshold: String(settings.similarNameThreshold),
    activeBodyLimit: settings.activeBodyLimit === null ? '' : String(settings.activeBodyLimit),
    expectedCounties: settings.expectedCounties.join('、'),
    submissionDeadline: settings.submissionDeadline ?? '',
  };
}

/** A number field: empty means "the default"; anything else must read as a number (else parseSettings reports it). */
function numberOrDefault(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return Number(t);
}

/**
 * The object to validate with parseSettings and to store. As with the CLI's --departments, the
 * default short forms are kept for the departments still listed, and the list's own `简称=名称`
 * lines are added.
 */
export function inputOf(form: SettingsForm): Record<string, unknown> {
  const list = parseDepartmentList(form.departments);
  const input: Record<string, unknown> = {
    departments: list.departments,
    departmentAliases: aliasesFor(list),
    expectedCounties: splitList(form.expectedCounties),
    activeBodyLimit: form.activeBodyLimit.trim() === '' ? null : Number(form.activeBodyLimit.trim()),
    submissionDeadline: form.submissionDeadline.trim() === '' ? null : form.submissionDeadline.trim(),
  };
  if (!form.asOfToday) input.asOf = form.asOf.trim();
  const numbers = {
    expiringWindowDays: numberOrDefault(form.expiringWindowDays),
    reviewCycleYears: numberOrDefault(form.reviewCycleYears),
    similarNameThreshold: numberOrDefault(form.similarNameThreshold),
  };
  for (const [key, value] of Object.entries(numbers)) if (value !== undefined) input[key] = value;
  return input;
}

/** Default short forms of listed departments, then the list's own. */
export function aliasesFor(list: DepartmentList): Record<string, string> {
  return aliasesForList(list.departments, list.aliases);
}

/** The department box for stored settings: the list, then the aliases that are not defaults. */
export function departmentsText(settings: Pick<Settings, 'departments' | 'departmentAliases'>): string {
  const own = Object.entries(settings.departmentAliases).filter(
    ([alias, name]) => DEFAULT_DEPARTMENT_ALIASES[alias] !== name,
  );
  return [...settings.departments, ...own.map(([alias, name]) => `${alias}=${name}`)].join('\n');
}

/** The text of a department file: UTF-8 (with or without BOM), else GB18030 (files saved by Chinese Windows). */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  return decodeTextFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).text;
}

/** The form's fields that take a typed value and can be wrong. */
export type CheckedField =
  | 'asOf'
  | 'expiringWindowDays'
  | 'reviewCycleYears'
  | 'similarNameThreshold'
  | 'activeBodyLimit'
  | 'submissionDeadline'
  | 'departments'
  | 'expectedCounties';

/** What is wrong with one field, in words the pane turns into either language. */
export type FieldProblem =
  | { readonly kind: 'date' }
  | { readonly kind: 'number' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'range'; readonly min: number; readonly max: number | null }
  | { readonly kind: 'invalid' };

/** Bounds of the number fields, as src/ledger/settings.ts has them. */
const NUMBER_FIELDS = {
  expiringWindowDays: { min: 0, max: 3650, integer: true },
  reviewCycleYears: { min: 0, max: 100, integer: false },
  similarNameThreshold: { min: 0, max: 1, integer: false },
  activeBodyLimit: { min: 1, max: null, integer: true },
} as const;

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}

/**
 * Field by field, what the form would be refused for, checked before parseSettings so each problem
 * is shown at its field in the pane's language (zod's own messages are English). `rejected` are
 * parseSettings' problem paths, for anything these checks do not foresee.
 */
export function formProblems(
  form: SettingsForm,
  rejected: readonly string[] = [],
): Partial<Record<CheckedField, FieldProblem>> {
  const problems: Partial<Record<CheckedField, FieldProblem>> = {};
  if (!form.asOfToday && !isIsoDate(form.asOf.trim())) problems.asOf = { kind: 'date' };
  if (form.submissionDeadline.trim() !== '' && !isIsoDate(form.submissionDeadline.trim()))
    problems.submissionDeadline = { kind: 'date' };
  for (const [field, rule] of Object.entries(NUMBER_FIELDS) as [
    keyof typeof NUMBER_FIELDS,
    (typeof NUMBER_FIELDS)[keyof typeof NUMBER_FIELDS],
  ][]) {
    const text = form[field].trim();
    // Empty means the default (or, for the limit, none).
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value)) problems[field] = { kind: 'number' };
    else if (rule.integer && !Number.isInteger(value)) problems[field] = { kind: 'integer' };
    else if (value < rule.min || (rule.max !== null && value > rule.max))
      problems[field] = { kind: 'range', min: rule.min, max: rule.max };
  }
  for (const path of rejected) {
    const field = path.split(/[.:]/)[0]?.trim() as CheckedField | 'departmentAliases' | undefined;
    const target: CheckedField | undefined = field === 'departmentAliases' ? 'departments' : field;
    if (
      target &&
      !(target in problems) &&
      [
        'asOf',
        'expiringWindowDays',
        'reviewCycleYears',
        'similarNameThreshold',
        'activeBodyLimit',
        'submissionDeadline',
        'departments',
        'expectedCounties',
      ].includes(target)
    ) {
      problems[target] = { kind: 'invalid' };
    }
  }
  return problems;
}

/**
 * A problem parseSettings found in the settings stored in a document, in the words of the 设置 tab:
 * “核对日期：这一项的内容无法使用，请检查。” for a field the tab shows (zod's own text is English and
 * names the field by its key); the raw problem for a setting the tab does not show.
 */
export function storedSettingsProblem(
  problem: string,
  words: { readonly labels: Readonly<Record<string, unknown>>; readonly invalid: string; readonly separator: string },
): string {
  const field = problem.split(/[.:]/)[0]!.trim();
  const label = words.labels[field === 'departmentAliases' ? 'departments' : field];
  return typeof label === 'string'
    ? `${label.replace(/（.*$|\s*\(.*$/u, '')}${words.separator}${words.invalid}`
    : problem;
}
