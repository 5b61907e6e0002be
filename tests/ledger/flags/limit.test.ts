import { describe, expect, it } from 'vitest';
import type { CategoryId, StatusKey } from '../../../src/ledger/categories';
import { flagRegister } from '../../../src/ledger/flags/index';
import { messageOf } from '../../../src/ledger/findings';
import { makeSettings } from '../../../src/ledger/settings';
import { bodyRow } from './bodyRow';

/** A register: `n` bodies of each listed category (all active unless a status is given). */
function register(spec: readonly [CategoryId, number, StatusKey?][]) {
  let row = 4;
  return spec.flatMap(([category, n, status]) =>
    Array.from({ length: n }, () =>
      bodyRow(row, `市第${row++}号议事协调机构`, { category, status: status ?? 'active' }),
    ),
  );
}

const overLimit = (rows: ReturnType<typeof register>, activeBodyLimit: number | null) =>
  flagRegister(rows, makeSettings({ asOf: '2026-11-25', activeBodyLimit }), { localNames: ['潍坊市'] }).filter(
    (f) => f.code === 'over-limit',
  );

describe('over-limit', () => {
  it('is off by default (no limit)', () => {
    expect(
      overLimit(
        register([
          [1, 80],
          [2, 80],
        ]),
        null,
      ),
    ).toEqual([]);
  });

  it('counts active bodies of categories 1–2 only and reports a sheet-level finding with the breakdown', () => {
    const rows = register([
      [1, 40],
      [2, 62],
      [3, 17],
      [4, 5],
      [5, 2],
      [2, 9, 'abolished'],
      [1, 3, 'merged'],
    ]);
    const found = overLimit(rows, 100);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'over-limit',
      severity: 'warning',
      sheet: '市级台账',
      row: null,
      column: '类别',
      value: '102',
      params: {
        count: 102,
        limit: 100,
        breakdown: '党委议事协调机构 40 个，政府议事协调机构 62 个',
        breakdownEn: '40 party committee coordinating bodies, 62 government coordinating bodies',
      },
    });
    expect(messageOf(found[0]!)).toBe(
      '存续议事协调机构 102 个，超过限额 100 个（党委议事协调机构 40 个，政府议事协调机构 62 个）',
    );
    expect(messageOf(found[0]!, 'en')).toBe(
      '102 active coordinating bodies, above the limit of 100 (40 party committee coordinating bodies, 62 government coordinating bodies)',
    );
  });

  it('allows exactly the limit', () => {
    expect(
      overLimit(
        register([
          [1, 60],
          [2, 73],
          [3, 17],
        ]),
        133,
      ),
    ).toEqual([]);
    expect(
      overLimit(
        register([
          [1, 60],
          [2, 74],
        ]),
        133,
      ),
    ).toHaveLength(1);
  });

  it('does not count rows whose category is unknown', () => {
    const rows = [...register([[2, 3]]), bodyRow(20, '市老龄工作委员会', { category: null })];
    expect(overLimit(rows, 3)).toEqual([]);
  });
});
