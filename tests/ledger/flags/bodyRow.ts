/**
 * A small factory for LedgerRow, so the flags can be tested on rows built directly. Columns follow
 * the template of a city register: 序号 | 机构名称 | 设立时间 | 依据文件 | 办事机构所在部门 | 存续时间 |
 * 历史沿革 | 上级机构设置情况 | 类别 | 状态.
 */
import type { CategoryId, StatusKey } from '../../../src/ledger/categories';
import type { LedgerDate } from '../../../src/ledger/cells/date';
import { findDocNumbers } from '../../../src/ledger/cells/docNumber';
import type { Duration } from '../../../src/ledger/cells/duration';
import type { FieldKey } from '../../../src/ledger/fields';
import type { CellRef, LedgerRow } from '../../../src/ledger/row';

const COLUMNS: Readonly<Partial<Record<FieldKey, { column: number; header: string }>>> = {
  name: { column: 2, header: '机构名称' },
  established: { column: 3, header: '设立时间' },
  basis: { column: 4, header: '依据文件' },
  department: { column: 5, header: '办事机构所在部门' },
  duration: { column: 6, header: '存续时间' },
  category: { column: 9, header: '类别' },
  status: { column: 10, header: '状态' },
};

export interface BodyRowInput {
  readonly sheet?: string;
  readonly established?: LedgerDate | null;
  /** 依据文件 as written; parsed with the real 发文字号 parser. */
  readonly basis?: string;
  readonly department?: string;
  readonly duration?: Duration | null;
  /** 存续时间 as written (defaults to a rendering of `duration`). */
  readonly durationText?: string;
  readonly category?: CategoryId | null;
  readonly status?: StatusKey;
}

const STATUS_TEXT: Record<StatusKey, string> = {
  active: '存续',
  abolished: '已撤销',
  merged: '已合并',
  renamed: '已更名',
};

function durationText(d: Duration | null | undefined): string {
  if (!d) return '';
  switch (d.kind) {
    case 'permanent':
      return '长期';
    case 'task':
      return '任务完成后撤销';
    case 'years':
      return `${d.years}年`;
    case 'until':
      return `至${d.end.year}年${d.end.month ? `${d.end.month}月` : ''}${d.end.day ? `${d.end.day}日` : ''}`;
  }
}

export function bodyRow(row: number, name: string, input: BodyRowInput = {}): LedgerRow {
  const status = input.status ?? 'active';
  const texts: Partial<Record<FieldKey, string>> = {
    name,
    established: input.established
      ? `${input.established.year}年${input.established.month ?? ''}${input.established.month ? '月' : ''}`
      : '',
    basis: input.basis ?? '',
    department: input.department ?? '市应急局',
    duration: input.durationText ?? durationText(input.duration),
    category: input.category ? String(input.category) : '',
    status: STATUS_TEXT[status],
  };
  const cells: Partial<Record<FieldKey, CellRef>> = {};
  for (const [key, col] of Object.entries(COLUMNS) as [FieldKey, { column: number; header: string }][]) {
    cells[key] = { text: texts[key] ?? '', column: col.column, header: col.header };
  }
  return {
    sheet: input.sheet ?? '市级台账',
    row,
    cells,
    name,
    category: input.category ?? null,
    status,
    active: status === 'active',
    established: input.established ?? null,
    abolishedOn: status === 'active' ? null : { year: 2023, month: 6 },
    basis: input.basis ? (findDocNumbers(input.basis)[0] ?? null) : null,
    department: input.department ?? '市应急局',
    duration: input.duration === undefined ? { kind: 'permanent' } : input.duration,
    county: null,
  };
}
