import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from '../../src/ledger/fields';
import { findHeader } from '../../src/ledger/header';
import type { Grid } from '../../src/ledger/grid';

const SEVEN = ['机构名称', '设立时间', '依据文件', '办事机构所在部门', '存续时间', '历史沿革', '上级机构设置情况'];

function header(grid: Grid) {
  const result = findHeader(grid);
  if (!result.found) throw new Error(`no header: ${result.reason}`);
  return result.header;
}

describe('fieldOfHeader', () => {
  it.each([
    ['机构名称', 'name'],
    ['名称', 'name'],
    ['机构\n名称', 'name'],
    [' 机 构 名 称 ', 'name'],
    ['成立时间', 'established'],
    ['设立依据', 'basis'],
    ['依据文件（文号）', 'basis'],
    ['牵头部门', 'department'],
    ['办公室设在', 'department'],
    ['存续期限', 'duration'],
    ['上级设置情况', 'parent'],
    ['县（市、区）', 'county'],
    ['县(市、区)', 'county'],
    ['填报单位', 'county'],
    ['联系电话：', 'phone'],
    ['*机构名称', 'name'],
    ['ＮＯ．', 'seq'],
  ])('maps %j to %s', (text, field) => {
    expect(fieldOfHeader(text)).toBe(field);
  });

  it.each(['', '编制数', '领导职务', '机构名', '名称名称'])('does not map %j', (text) => {
    expect(fieldOfHeader(text)).toBeNull();
  });
});

describe('findHeader', () => {
  it('finds the header below a title and a unit/date line and reports the sheet row', () => {
    const h = header({
      sheet: '市级台账',
      values: [
        ['东营市市级议事协调机构管理台账'],
        ['填报单位：中共东营市委机构编制委员会办公室', null, null, null, '2026年11月'],
        [],
        ['序号', ...SEVEN, '备注'],
        [1, '东营市安全生产委员会'],
      ],
    });
    expect(h.row).toBe(4);
    expect(h.title).toEqual([
      '东营市市级议事协调机构管理台账',
      '填报单位：中共东营市委机构编制委员会办公室',
      '2026年11月',
    ]);
    expect(h.fields.name?.column).toBe(2);
    expect(h.fields.remarks?.column).toBe(9);
    expect(h.findings).toEqual([]);
  });

  it('uses the grid offset: a used range starting at C5 reports sheet rows and columns', () => {
    const h = header({ sheet: 'S', firstRow: 5, firstColumn: 3, values: [['台账'], SEVEN] });
    expect(h.row).toBe(6);
    expect(h.fields.name?.column).toBe(3);
    expect(h.fields.parent?.column).toBe(9);
  });

  it('reads messy headers: line breaks, full-width letters, short forms and spaces', () => {
    const h = header({
      sheet: 'S',
      values: [['名 称', '成立\n时间', '设立依据', '办公室\r\n设在', '存续期限', '沿革', '上级设置情况', '联系\n电话']],
    });
    expect(Object.keys(h.fields).sort()).toEqual([
      'basis',
      'department',
      'duration',
      'established',
      'history',
      'name',
      'parent',
      'phone',
    ]);
    expect(h.fields.established?.header).toBe('成立 时间');
    expect(h.findings).toEqual([]);
  });

  it('keeps unknown columns and reports missing ones by their canonical label', () => {
    const h = header({ sheet: '县区', values: [['机构名称', '设立时间', '依据文件', '编制数', '历史沿革']] });
    expect(h.columns.find((c) => c.header === '编制数')?.field).toBeNull();
    const missing = h.findings.filter((f) => f.code === 'missing-column').map((f) => f.column);
    expect(missing).toEqual(['办事机构所在部门', '存续时间', '上级机构设置情况']);
    expect(h.findings.every((f) => f.row === 1 && f.severity === 'error')).toBe(true);
  });

  it('reports two columns that map to the same field, naming both', () => {
    const h = header({ sheet: 'S', values: [[...SEVEN, '成立时间']] });
    const dup = h.findings.filter((f) => f.code === 'duplicate-column');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ column: '成立时间', columnIndex: 8 });
    expect(String(dup[0]!.params.columns)).toContain('设立时间（B列）');
    expect(h.fields.established?.column).toBe(2);
  });

  it('reads a two-row header whose group label is merged above 设立时间 and 依据文件', () => {
    const h = header({
      sheet: 'S',
      values: [
        ['某县议事协调机构台账'],
        ['机构名称', '设立情况', '设立情况', '办事机构所在部门', '存续时间', '历史沿革', '上级机构设置情况'],
        ['机构名称', '设立时间', '依据文件', '办事机构所在部门', '存续时间', '历史沿革', '上级机构设置情况'],
        ['县安全生产委员会'],
      ],
    });
    expect(h.row).toBe(3);
    expect(h.fields.established?.column).toBe(2);
    expect(h.fields.basis?.column).toBe(3);
    expect(h.findings).toEqual([]);
  });

  it('finds no header in a sheet of other data, and says an empty sheet is empty', () => {
    expect(findHeader({ sheet: '说明', values: [['填表说明'], ['1. 名称写全称']] })).toEqual({
      found: false,
      reason: 'no-header',
    });
    expect(findHeader({ sheet: 'Sheet2', values: [] })).toEqual({ found: false, reason: 'empty-sheet' });
    expect(findHeader({ sheet: 'Sheet3', values: [[null, ' '], ['']] })).toEqual({
      found: false,
      reason: 'empty-sheet',
    });
  });

  it('does not look past the first 20 rows', () => {
    const filler = Array.from({ length: 20 }, (_, i) => [`说明第${i + 1}行`]);
    expect(findHeader({ sheet: 'S', values: [...filler, SEVEN] })).toEqual({ found: false, reason: 'no-header' });
    expect(findHeader({ sheet: 'S', values: [...filler.slice(1), SEVEN] }).found).toBe(true);
  });

  it('reads header cells that are rich text or formulas', () => {
    const h = header({
      sheet: 'S',
      values: [
        [
          { richText: [{ text: '机构' }, { text: '名称' }] },
          { formula: '"设立"&"时间"', result: '设立时间' },
          ...SEVEN.slice(2),
        ],
      ],
    });
    expect(h.fields.name?.column).toBe(1);
    expect(h.fields.established?.column).toBe(2);
  });
});
