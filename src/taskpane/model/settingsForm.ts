/** The 设置 form: text fields in, a settings object for parseSettings out. */
import { cellText } from '../../ledger/cells/value';
import { aliasesForList, DEFAULT_DEPARTMENT_ALIASES } from '../../ledger/departments';
import { decodeTextFile } from '../../xlsx/csv';
import type { Grid } from '../../ledger/grid';
import type { Settings } from '../../ledger/settings';

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

/** Splits a pasted list on new lines, 、 ， , ； ; and tabs; trims, drops blanks and repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\r\n、，,；;\t]+/u)) {
    const item = part.trim().replace(/^["']|["']$/g, '').trim();
    if (item) seen.add(item);
  }
  return [...seen];
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
  const list = parseDepartmentText(form.departments);
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

export interface DepartmentList {
  readonly departments: string[];
  readonly aliases: Record<string, string>;
}

/** Reads the department box (or a department file): departments, `简称=名称` aliases, `#` comments. */
export function parseDepartmentText(text: string): DepartmentList {
  const departments: string[] = [];
  const aliases: Record<string, string> = {};
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (line === '' || line.startsWith('#')) continue;
    const alias = /^(.+?)\s*[=＝]\s*(.+)$/u.exec(line);
    if (alias) {
      aliases[alias[1]!.trim()] = alias[2]!.trim();
      continue;
    }
    for (const name of splitList(line)) if (!HEADER_WORDS.has(name) && !departments.includes(name)) departments.push(name);
  }
  return { departments, aliases };
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

/** A CSV file's first column as lines (quoted or not). */
export function firstCsvColumn(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const t = line.trim();
      if (t.startsWith('"')) return /^"((?:[^"]|"")*)"/.exec(t)?.[1]?.replace(/""/g, '"') ?? t.slice(1);
      return t.split(/[,，\t]/)[0] ?? '';
    })
    .join('\n');
}

const HEADER_WORDS = new Set(['部门', '单位', '部门名称', '单位名称', '部门(单位)', '部门（单位）', '名称', '办事机构所在部门', '序号']);

/** Department names from the column of a sheet that holds the most text (not the 序号), skipping a header cell. */
export function departmentsFromGrid(grid: Grid): string[] {
  const textCounts: number[] = [];
  for (const row of grid.values) {
    row.forEach((value, c) => {
      const text = cellText(value);
      if (text !== '' && !/^\d+$/.test(text)) textCounts[c] = (textCounts[c] ?? 0) + 1;
    });
  }
  let best = -1;
  textCounts.forEach((count, c) => {
    if (best === -1 || count > (textCounts[best] ?? 0)) best = c;
  });
  if (best === -1) return [];
  const column = grid.values.map((row) => cellText(row[best] ?? null));
  return splitList(column.join('\n')).filter((name) => !HEADER_WORDS.has(name));
}
