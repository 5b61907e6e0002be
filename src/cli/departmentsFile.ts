/**
 * `--departments FILE`: the user's own department list (another city, a county).
 *
 * A text file has one department per line; an .xlsx or .csv file has them in its first column
 * (a heading such as 部门名称 is skipped). Lines starting with # are comments. A line
 * `别名=名称` (e.g. 区发改局=东营区发展和改革局) adds an alias instead of a department. Text is read as
 * UTF-8, or GB18030 when it is not valid UTF-8 (files saved by Chinese Windows).
 */
import { cellText } from '../ledger/cells/value';
import { readWorkbook } from '../read';
import { UsageError } from './command';
import { readInputFile } from './files';
import { decodeTextFile } from '../xlsx/csv';

export interface DepartmentList {
  readonly departments: string[];
  readonly aliases: Record<string, string>;
}

const HEADINGS = new Set(['部门', '部门名称', '单位', '单位名称', '部门(单位)', '部门（单位）', '名称', '办事机构所在部门', 'department', 'departments']);

/** Decodes text bytes: UTF-8 (with or without BOM), else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}

/** The first field of a CSV line (quoted or not). */
function firstCsvField(line: string): string {
  const t = line.trim();
  if (t.startsWith('"')) {
    const m = /^"((?:[^"]|"")*)"/.exec(t);
    return m ? m[1]!.replace(/""/g, '"') : t.slice(1);
  }
  return t.split(/[,，\t]/)[0] ?? '';
}

/** Builds the list from its entries (lines or first-column cells). */
export function parseDepartmentEntries(entries: readonly string[]): DepartmentList {
  const departments: string[] = [];
  const aliases: Record<string, string> = {};
  const seen = new Set<string>();
  let first = true;
  for (const raw of entries) {
    const line = raw.replace(/[\u3000]/g, ' ').trim();
    if (line === '' || line.startsWith('#')) continue;
    const isFirst = first;
    first = false;
    const alias = /^(.+?)\s*[=＝]\s*(.+)$/.exec(line);
    if (alias) {
      aliases[alias[1]!.trim()] = alias[2]!.trim();
      continue;
    }
    if (isFirst && HEADINGS.has(line.replace(/\s+/g, '').toLowerCase())) continue;
    if (!seen.has(line)) {
      seen.add(line);
      departments.push(line);
    }
  }
  return { departments, aliases };
}

/** Reads a departments file; any problem is a UsageError naming the file. */
export async function loadDepartmentsFile(path: string): Promise<DepartmentList> {
  const file = await readInputFile(path);
  if (!file.ok) throw new UsageError(`部门名单 ${file.message}`, `department list ${file.messageEn}`);
  let entries: string[];
  if (/\.(?:xlsx|xlsm|xls|et|ods|docx)$/i.test(path)) {
    const book = await readWorkbook(file.bytes, path);
    if (!book.ok) throw new UsageError(`部门名单 ${book.message}`, `department list ${book.messageEn}`);
    const grid = book.sheets.find((g) => g.values.length > 0)!;
    entries = grid.values.map((row) => cellText(row[0]));
  } else {
    const lines = decodeText(file.bytes).split(/\r\n|\r|\n/);
    entries = /\.csv$/i.test(path) ? lines.map(firstCsvField) : lines;
  }
  const list = parseDepartmentEntries(entries);
  if (list.departments.length === 0) {
    throw new UsageError(`部门名单 ${path} 中没有任何部门（每行一个部门，# 开头为注释）`, `the department list ${path} names no department (one per line; # starts a comment)`);
  }
  return list;
}
