import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/ledger/grid';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';

const SEVEN = [
  '机构名称',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '类别',
  '状态',
  '撤销时间',
  '联系电话',
];
const REALISTIC = [
  '市安全生产委员会',
  '2019年3月',
  '东编办发〔2020〕21号',
  '潍办发[2019]12号',
  '市发改委',
  '长期',
  '至2025年12月31日',
  '3年',
  '任务完成后撤销',
  '已撤销',
  '存续',
  '部门间联席会议',
  '0546-8382378',
  '无',
  '2019.03.15',
];

/** Any value a host can hand over: scalars, ExcelJS objects, errors, huge strings. */
const ordinaryCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(...REALISTIC, ...SEVEN),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100000, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!'),
  fc.constantFrom({ error: '#N/A' }, { error: '#NAME?' }),
  fc.string().map((text) => ({ richText: [{ text, font: { bold: true } }, { text: '领导小组' }] })),
  fc.string().map((text) => ({ text, hyperlink: 'https://example.invalid/' })),
  fc.oneof(fc.string(), fc.integer()).map((result) => ({ formula: 'A1&B1', result })),
  fc.constant({ sharedFormula: 'A2' }),
  fc.constant({ weird: { nested: [1, 2, 3] } }),
);
/** Excel's longest cell (32,767 characters), rarely: a few per run are enough to prove the point. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 200, arbitrary: ordinaryCell },
  { weight: 1, arbitrary: fc.constant('文'.repeat(32_767)) },
);

const row = fc.array(cell, { maxLength: 14 });
const grid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ maxLength: 10 }),
  firstRow: fc.integer({ min: 1, max: 50 }),
  firstColumn: fc.integer({ min: 1, max: 10 }),
  // Half the grids get a real header somewhere in their first rows so that the row rules run.
  values: fc
    .tuple(fc.array(row, { maxLength: 4 }), fc.boolean(), fc.array(row, { maxLength: 25 }))
    .map(([above, withHeader, below]) => (withHeader ? [...above, SEVEN, ...below] : [...above, ...below])),
});

describe('validateSheet on random grids', () => {
  const settings = makeSettings({ asOf: '2026-11-25' });

  it('never throws, and every finding points at a real cell of the grid', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const report = validateSheet(g, settings);
        const top = g.firstRow ?? 1;
        const left = g.firstColumn ?? 1;
        const width = Math.max(0, ...g.values.map((r) => r.length));
        for (const f of report.findings) {
          expect(typeof f.code).toBe('string');
          if (f.row !== null) {
            expect(f.row).toBeGreaterThanOrEqual(top);
            expect(f.row).toBeLessThan(top + g.values.length);
          }
          if (f.columnIndex !== undefined) {
            expect(f.columnIndex).toBeGreaterThanOrEqual(left);
            expect(f.columnIndex).toBeLessThan(left + width);
          }
        }
        for (const r of report.rows) expect(r.row).toBeGreaterThan(report.headerRow ?? 0);
      }),
      { numRuns: 1500 },
    );
  });
});
