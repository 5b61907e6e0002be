/**
 * One reading of a department list for the CLI's --departments and the pane's settings: the same
 * text means the same list wherever it is typed or loaded.
 */
import { describe, expect, it } from 'vitest';
import { departmentListText, parseDepartmentList } from '../../src/ledger/departmentList';

describe('parseDepartmentList', () => {
  it('reads one department per line, # comments, blank lines and 简称=全称 aliases', () => {
    const list = parseDepartmentList(
      [
        '\uFEFF# 东营区部门名单（2026年）',
        '',
        '东营区应急管理局',
        '  东营区发展和改革局  ',
        '东营区应急管理局',
        '区应急局=东营区应急管理局',
        '区发改局 ＝ 东营区发展和改革局',
        '# 注释里的 a=b 不是简称',
      ].join('\r\n'),
    );
    expect(list.departments).toEqual(['东营区应急管理局', '东营区发展和改革局']);
    expect(list.aliases).toEqual({ 区应急局: '东营区应急管理局', 区发改局: '东营区发展和改革局' });
  });

  it('takes several departments on one line, as people paste them (市发改委、市财政局 is two)', () => {
    expect(parseDepartmentList('市发改委、市财政局\n市应急局，市公安局；市司法局\t市民政局').departments).toEqual([
      '市发改委',
      '市财政局',
      '市应急局',
      '市公安局',
      '市司法局',
      '市民政局',
    ]);
  });

  it('drops headings wherever they stand (序号 and 部门名称 are no departments)', () => {
    expect(parseDepartmentList('序号\n部门名称\n市应急局\n名称\n单位名称').departments).toEqual(['市应急局']);
  });
});

describe('departmentListText', () => {
  it('reads the column of names, not the 序号 or a shorter remarks column', () => {
    const grid = {
      sheet: '部门',
      values: [
        ['序号', '部门名称', '备注'],
        [1, '东营区应急管理局', '区应急局'],
        [2, '东营区司法局', null],
        [3, '东营区统计局', null],
        ['区发改局=东营区发展和改革局', null, null],
      ],
    };
    expect(parseDepartmentList(departmentListText([grid]))).toEqual({
      departments: ['东营区应急管理局', '东营区司法局', '东营区统计局'],
      aliases: {},
    });
  });
});
