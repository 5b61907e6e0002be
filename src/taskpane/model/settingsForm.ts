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
  const own = Object.entries(settings.departmentAliases).filter(([alias, name]) => DEFAULT_DEPARTMENT_ALIASES[alias] !== name);
  return [...settings.departments, ...own.map(([alias, name]) => `${alias}=${name}`)].join('\n');
}

/** The text of a department file: UTF-8 (with or without BOM), else GB18030 (files saved by Chinese Windows). */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  return decodeTextFile(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).text;
}

