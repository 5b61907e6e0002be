/**
 * Rows that are not bodies (docs/domain.md): 合计 rows, footers spread over cells, notes, section
 * headings and repeated headers are never read as bodies, never counted, never given a finding;
 * the footer's 填表人 / 联系电话 is kept as the submission's contact.
 */
import { describe, expect, it } from 'vitest';
import { makeSettings } from '../../src/ledger/settings';
import { nonBodyKind, readContact } from '../../src/ledger/submissionContact';
import { validateSheet } from '../../src/ledger/validate';

const HEADER = [
  '序号',
  '机构名称',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
];
const body = (n: number, name: string) => [
  n,
  name,
  '2019年5月',
  `垦区发〔2019〕${n}号`,
  '区委办公室',
  '长期',
  '2019年设立',
  '无',
];

describe('nonBodyKind', () => {
  it.each([
    [['合计', '共8个'], 'total'],
    [['合  计', '', '8'], 'total'],
    ['小计|3'.split('|'), 'total'],
    [['', '总计：45个'], 'total'],
    [['共8个'], 'total'],
    [['注：存续时间写“长期”或截止日期。'], 'note'],
    [['说明：1.本表由区委编办汇总'], 'note'],
    [['填表人：张三', '', '审核人：李四', '联系电话：0546-2581234'], 'footer'],
    [['填报单位（盖章）：垦利区委编办'], 'footer'],
    [['', '联系电话：13805461234'], 'footer'],
  ] as const)('%j is %s', (texts, kind) => {
    expect(nonBodyKind(texts)).toBe(kind);
  });

  it.each([
    [['1', '区委全面深化改革委员会']],
    [['', '联系群众工作领导小组']],
    [['说明书编制工作专班']],
    [['合作交流工作领导小组']],
  ])('%j may be a body', (texts) => {
    expect(nonBodyKind(texts)).toBeNull();
  });
});

describe('readContact', () => {
  it('reads the labelled values of one line, or of a line spread over cells', () => {
    expect(readContact(['填表人：张三　审核人：李四　联系电话：0546-2581234　填报日期：2026年11月20日'])).toEqual({
      filledBy: '张三',
      reviewedBy: '李四',
      phone: '0546-2581234',
      date: '2026年11月20日',
    });
    expect(readContact(['填表人：', '张三', '', '联系电话:', '13805461234'])).toEqual({
      filledBy: '张三',
      reviewedBy: null,
      phone: '13805461234',
      date: null,
    });
    expect(readContact(['填报单位：垦利区委编办'])).toBeNull();
  });
});

describe('validateSheet on a register with a 合计 row, a note and a footer', () => {
  const grid = {
    sheet: '垦利区',
    values: [
      ['垦利区议事协调机构管理台账'],
      HEADER,
      ['一、区委议事协调机构（共2个）'],
      body(1, '区委全面深化改革委员会'),
      body(2, '区委机构编制委员会'),
      ['合计', '共2个'],
      ['注：本表由各办事机构填写。'],
      ['填表人：林海', null, null, '审核人：何静', null, '联系电话：0546-2581000', null, '填报日期：2026年11月18日'],
      HEADER,
    ],
  };
  const report = validateSheet(grid, makeSettings({ asOf: '2026-11-25' }));

  it('reads two bodies, gives no finding to any other row, and keeps the contact', () => {
    expect(report.rows.map((r) => [r.row, r.name, r.category])).toEqual([
      [4, '区委全面深化改革委员会', 1],
      [5, '区委机构编制委员会', 1],
    ]);
    expect(report.findings).toEqual([]);
    expect(report.contact).toEqual({
      filledBy: '林海',
      reviewedBy: '何静',
      phone: '0546-2581000',
      date: '2026年11月18日',
    });
  });
});
