/**
 * `--departments FILE`: the user's own department list (another city, a county), read as the
 * pane reads it (src/ledger/departmentList.ts): a text file line by line, any other register
 * format by its department column. Text is UTF-8, or GB18030 when it is not valid UTF-8.
 */
import { departmentListText, parseDepartmentList, type DepartmentList } from '../ledger/departmentList';
import { readWorkbook } from '../read';
import { UsageError } from './command';
import { readInputFile } from './files';
import { decodeTextFile } from '../xlsx/csv';

/** Decodes text bytes: UTF-8 (with or without BOM), else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}

/** A text file's lines, or a workbook's, CSV's or Word table's department column (docs/formats.md). */
async function listText(path: string, bytes: Uint8Array): Promise<string> {
  if (/\.(?:txt|text|lst)$/i.test(path) || !/\.[^.\\/]+$/.test(path)) return decodeText(bytes);
  const book = await readWorkbook(bytes, path);
  if (!book.ok) throw new UsageError(`部门名单 ${book.message}`, `department list ${book.messageEn}`);
  return departmentListText(book.sheets);
}

/** Reads a departments file; any problem is a UsageError naming the file. */
export async function loadDepartmentsFile(path: string): Promise<DepartmentList> {
  const file = await readInputFile(path);
  if (!file.ok) throw new UsageError(`部门名单 ${file.message}`, `department list ${file.messageEn}`);
  const list = parseDepartmentList(await listText(path, file.bytes));
  if (list.departments.length === 0) {
    throw new UsageError(
      `部门名单 ${path} 中没有任何部门（每行一个部门，# 开头为注释）`,
      `the department list ${path} names no department (one per line; # starts a comment)`,
    );
  }
  return list;
}
