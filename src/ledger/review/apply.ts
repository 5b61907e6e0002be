/**
 * Applying approved applications: once the document is issued (a 发文字号 on a 设立), the new body
 * goes onto the register as one correct row — the seven fields, its category, 状态 存续 and
 * 历史沿革 “YYYY年设立” — appended after the register's last body row. Every other cell of the
 * sheet stays as it was; title, 合计 and 填表人 lines below the table move down with the rows.
 */
import { CATEGORIES } from '../categories';
import { resolveDepartment, buildDepartmentIndex } from '../cells/department';
import { cellText } from '../cells/value';
import type { FieldKey } from '../fields';
import type { CellValue, Grid } from '../grid';
import type { LedgerDate } from '../cells/date';
import { profileName } from '../names';
import type { Settings } from '../settings';
import type { SheetReport } from '../validate';
import type { Application } from './read';
import { registerLocalNames, type ApplicationReview } from './review';

export interface AddedBody {
  readonly application: Application;
  /** The new row's 1-based sheet row in the written register. */
  readonly row: number;
  readonly values: readonly CellValue[];
  /** Headers of the register's columns the application cannot fill (联络人, 联系电话, 工作规则): for staff to complete. */
  readonly toFill: readonly string[];
}

export interface SkippedApplication {
  readonly application: Application;
  readonly zh: string;
  readonly en: string;
}

export interface ApplyResult {
  /** The register sheet's values with the new rows in place (same firstRow / firstColumn as the input grid). */
  readonly values: readonly (readonly CellValue[])[];
  readonly added: readonly AddedBody[];
  /** Issued 设立 applications not added, and why. */
  readonly skipped: readonly SkippedApplication[];
}

/** A date as a register cell: a real date when the day is known, else 2026年11月 / 2026年. */
export function dateCell(date: LedgerDate): CellValue {
  if (date.month !== undefined && date.day !== undefined)
    return new Date(Date.UTC(date.year, date.month - 1, date.day));
  return date.month !== undefined ? `${date.year}年${date.month}月` : `${date.year}年`;
}

/** The applications that may be applied: 设立 with a 发文字号, not refused. */
export function issuedSetups(reviews: readonly ApplicationReview[]): ApplicationReview[] {
  return reviews.filter(
    (r) => r.application.type === '设立' && r.application.docNumber !== null && r.application.outcome !== 'refused',
  );
}

/**
 * Appends the issued 设立 applications to one register sheet (`report` is `validateSheet` of
 * `grid`). Applications already on the register, or lacking a field the row needs, are skipped
 * with the reason.
 */
export function applyApprovals(
  grid: Grid,
  report: SheetReport,
  reviews: readonly ApplicationReview[],
  settings: Settings,
): ApplyResult {
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const fieldColumn = new Map<FieldKey, number>();
  for (const c of report.columns)
    if (c.field && !fieldColumn.has(c.field)) fieldColumn.set(c.field, c.column - firstColumn);
  const width = Math.max(0, ...report.columns.map((c) => c.column - firstColumn + 1));
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const localNames = registerLocalNames(report.title, report.rows);
  const taken = new Set(report.rows.filter((r) => r.active).map((r) => profileName(r.name, localNames).key));
  let seq = Math.max(0, ...report.rows.map((r) => Number(r.cells.seq?.text ?? '')).filter((n) => Number.isInteger(n)));
  const lastBody = report.rows.length > 0 ? Math.max(...report.rows.map((r) => r.row)) : (report.headerRow ?? firstRow);

  const added: AddedBody[] = [];
  const skipped: SkippedApplication[] = [];
  const newRows: CellValue[][] = [];
  for (const review of issuedSetups(reviews)) {
    const app = review.application;
    const doc = app.docNumber!;
    const skip = (zh: string, en: string) => skipped.push({ application: app, zh, en });
    const key = profileName(app.name, localNames).key;
    if (app.name === '') {
      skip('未填写机构名称', 'no body name');
      continue;
    }
    if (review.duplicate || taken.has(key)) {
      skip(
        '台账中已有同名存续机构，未重复添加',
        'the register already has an active body of this name; not added twice',
      );
      continue;
    }
    if (app.department === '') {
      skip('未填写办事机构所在部门', 'no host department');
      continue;
    }
    if (app.durationText === '' || app.duration === null) {
      skip('存续时间未填写或无法识别', 'the duration is empty or unreadable');
      continue;
    }
    if (app.parentText === '') {
      skip('未填写上级机构设置情况', 'the counterpart above is not stated');
      continue;
    }
    const established: LedgerDate = app.stages.issued ?? { year: doc.year };
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    const put = (field: FieldKey, value: CellValue) => {
      const i = fieldColumn.get(field);
      if (i !== undefined) values[i] = value;
    };
    put('seq', ++seq);
    put('name', app.name);
    put('category', app.category !== null ? CATEGORIES[app.category - 1]!.label : null);
    put('established', dateCell(established));
    put('basis', doc.standard);
    put('department', resolveDepartment(app.department, departments).canonical ?? app.department);
    put('duration', app.durationText);
    put('history', `${established.year}年设立`);
    put('parent', app.parentText);
    put('status', '存续');
    if (app.duties !== '') put('duties', app.duties);
    taken.add(key);
    newRows.push(values);
    const toFill = report.columns
      .filter(
        (c) =>
          (c.field === 'contact' || c.field === 'phone' || c.field === 'workRules') &&
          values[c.column - firstColumn] == null,
      )
      .map((c) => c.header);
    added.push({ application: app, row: lastBody + newRows.length, values, toFill });
  }

  const cut = lastBody - firstRow + 1;
  const values = [...grid.values.slice(0, cut), ...newRows, ...grid.values.slice(cut)];
  return { values, added, skipped };
}

/** The text of a written cell, for reports (a Date as YYYY-MM-DD). */
export function addedCellText(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : cellText(value);
}
