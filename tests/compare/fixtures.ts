/** Registers for the compare and reconcile tests: realistic bodies of a city register, written as grids. */
import type { CellValue, Grid } from '../../src/ledger/grid';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import type { RegisterVersion } from '../../src/ledger/compare';

export const settings = makeSettings({ asOf: '2026-11-25' });

export interface Body {
  机构名称: string;
  类别?: string;
  设立时间?: CellValue;
  依据文件?: string;
  办事机构所在部门?: string;
  存续时间?: string;
  历史沿革?: string;
  上级机构设置情况?: string;
  状态?: string;
  撤销时间?: CellValue;
  撤销文件?: string;
  备注?: string;
}

export const COLUMNS = [
  '序号',
  '机构名称',
  '类别',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '状态',
  '撤销时间',
  '撤销文件',
  '备注',
] as const;

/** A body with every required field filled in; `change` says what the test is about. */
export function body(name: string, change: Partial<Body> = {}): Body {
  return {
    机构名称: name,
    类别: '政府议事协调机构',
    设立时间: '2019年3月',
    依据文件: '潍政字〔2019〕12号',
    办事机构所在部门: '市应急局',
    存续时间: '长期',
    历史沿革: '2019年设立',
    上级机构设置情况: '省级设有',
    状态: '存续',
    ...change,
  };
}

/** A register sheet under a title row, columns in the given order. */
export function grid(
  sheet: string,
  bodies: readonly Body[],
  columns: readonly string[] = COLUMNS,
  title = '潍坊市市级议事协调机构管理台账',
): Grid {
  const rows = bodies.map((b, i) =>
    columns.map((c) => (c === '序号' ? i + 1 : ((b as unknown as Record<string, CellValue>)[c] ?? null))),
  );
  return { sheet, values: [[title], [...columns], ...rows] };
}

/** A version as compare takes it: the parsed rows of its sheet. */
export function version(
  file: string,
  bodies: readonly Body[],
  columns: readonly string[] = COLUMNS,
  sheet = '市级',
): RegisterVersion {
  const report = validateSheet(grid(sheet, bodies, columns), settings);
  return { file, rows: report.rows, title: report.title };
}
