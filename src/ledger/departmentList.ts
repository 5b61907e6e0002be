/**
 * A user's own department list (another city's, a county's), however it comes: typed into the
 * pane's settings, a text file, or a column of a workbook. One reading for the CLI's
 * `--departments` and the pane, so a list means the same everywhere:
 * - one department per line, or several on a line separated by 、 ， , ； ; or a tab;
 * - `简称=名称` adds a short form (区发改局=东营区发展和改革局) instead of a department;
 * - `#` starts a comment line; headings (部门名称, 序号 …) and repeats are dropped.
 */
import { cellText } from './cells/value';
import type { Grid } from './grid';

export interface DepartmentList {
  readonly departments: string[];
  /** Short form → listed name, as written in the list. */
  readonly aliases: Record<string, string>;
}

/** Words that head a list's column, never a department. */
const HEADINGS = new Set([
  '部门',
  '单位',
  '部门名称',
  '单位名称',
  '部门(单位)',
  '部门（单位）',
  '名称',
  '办事机构所在部门',
  '序号',
  'department',
  'departments',
]);
const SEPARATORS = /[、，,；;\t]+/u;
const ALIAS = /^(.+?)\s*[=＝]\s*(.+)$/u;

/** Splits a pasted list on new lines, 、 ， , ； ; and tabs; trims, drops blanks, quotes and repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\r\n、，,；;\t]+/u)) {
    const item = part
      .trim()
      .replace(/^["']|["']$/g, '')
      .trim();
    if (item) seen.add(item);
  }
  return [...seen];
}

/** Reads a list's text (see the module comment). */
export function parseDepartmentList(text: string): DepartmentList {
  const departments: string[] = [];
  const aliases: Record<string, string> = {};
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (line === '' || line.startsWith('#')) continue;
    const alias = ALIAS.exec(line);
    if (alias) {
      aliases[alias[1]!.trim()] = alias[2]!.trim();
      continue;
    }
    for (const part of line.split(SEPARATORS)) {
      const name = part
        .trim()
        .replace(/^["']|["']$/g, '')
        .trim();
      if (name !== '' && !HEADINGS.has(name.replace(/\s+/g, '').toLowerCase()) && !departments.includes(name))
        departments.push(name);
    }
  }
  return { departments, aliases };
}

/**
 * A sheet's department column as list text: the column that holds the most text that is not a
 * number (the names, not the 序号), one cell per line; `简称=名称` cells keep their meaning.
 */
export function departmentListText(grids: readonly Grid[]): string {
  const lines: string[] = [];
  for (const grid of grids) {
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
    if (best !== -1) for (const row of grid.values) lines.push(cellText(row[best] ?? null));
  }
  return lines.join('\n');
}
