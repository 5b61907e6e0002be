import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../src/ledger/findings';
import type { CellValue } from '../../src/ledger/grid';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';

const HEADER = [
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
  '联系电话',
];
const settings = makeSettings({ asOf: '2026-11-25' });

type Body = Partial<Record<(typeof HEADER)[number], CellValue>>;

/** A clean body; each test changes only what it is about. */
const CLEAN: Body = {
  机构名称: '市安全生产委员会',
  类别: '政府议事协调机构',
  设立时间: '2019年3月',
  依据文件: '东政字〔2019〕12号',
  办事机构所在部门: '市应急局',
  存续时间: '长期',
  历史沿革: '2019年设立',
  上级机构设置情况: '省级设有山东省安全生产委员会',
  状态: '存续',
  撤销时间: null,
  联系电话: '0546-8382378',
};

/** Validates one body (sheet row 3, under a title row) without the register-wide flags. */
function check(change: Body) {
  const body = { ...CLEAN, ...change };
  const row = HEADER.map((h, i) => (i === 0 ? 1 : (body[h] ?? null)));
  const report = validateSheet({ sheet: '市级', values: [['东营市市级议事协调机构管理台账'], HEADER, row] }, settings, {
    flags: false,
  });
  return report;
}

function codes(change: Body): FindingCode[] {
  return check(change).findings.map((f) => f.code);
}

describe('row rules', () => {
  it('a clean body raises nothing and is parsed', () => {
    const report = check({});
    expect(report.findings).toEqual([]);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      row: 3,
      name: '市安全生产委员会',
      category: 2,
      status: 'active',
      active: true,
      department: '市应急局',
      established: { year: 2019, month: 3 },
    });
    expect(report.rows[0]!.basis?.standard).toBe('东政字〔2019〕12号');
  });

  it.each([
    ['机构名称', ''],
    ['历史沿革', '无'],
    ['上级机构设置情况', '   '],
    ['办事机构所在部门', '/'],
    ['依据文件', '#N/A'],
    ['设立时间', null],
  ])('missing-value when %s is %j', (field, value) => {
    const report = check({ [field]: value });
    const missing = report.findings.filter((f) => f.code === 'missing-value');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      row: 3,
      column: field,
      columnIndex: HEADER.indexOf(field) + 1,
      severity: 'error',
    });
  });

  it.each(['无', '上级未设置', '省级未设置', '暂无'])(
    '上级机构设置情况 %j is a real answer (none above), not an empty cell',
    (value) => {
      expect(codes({ 上级机构设置情况: value })).toEqual([]);
    },
  );

  it('an error value names the error in the message', () => {
    const f = check({ 存续时间: { error: '#N/A' } }).findings;
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('missing-value');
    expect(f[0]!.value).toBe('#N/A');
  });

  it('dates: Excel serials and Date objects are fine; garbage and the future are not', () => {
    expect(codes({ 设立时间: 43540 })).toEqual([]); // 2019-03-15
    expect(codes({ 设立时间: new Date(Date.UTC(2019, 2, 15)) })).toEqual([]);
    expect(codes({ 设立时间: '2019.03.15' })).toEqual([]);
    expect(codes({ 设立时间: '去年春天' })).toEqual(['invalid-date']);
    expect(codes({ 设立时间: '2019-02-30' })).toEqual(['invalid-date']);
    const future = check({ 设立时间: '2027年1月' }).findings;
    expect(future.map((f) => f.code)).toEqual(['future-date']);
    expect(future[0]!.params).toMatchObject({ date: '2027-01', asOf: '2026-11-25' });
  });

  it('a month-only date in the as-of month is not in the future', () => {
    expect(codes({ 设立时间: '2026年11月', 依据文件: '东政字〔2026〕3号' })).toEqual([]);
    expect(codes({ 设立时间: '2026-11-26', 依据文件: '东政字〔2026〕3号' })).toEqual(['future-date']);
  });

  it('document numbers: missing, non-standard with the standard form as suggestion, year after the body', () => {
    expect(codes({ 依据文件: '市政府常务会议研究决定' })).toEqual(['invalid-doc-number']);
    const nonstandard = check({ 依据文件: '东政字[2019]012号' }).findings;
    expect(nonstandard.map((f) => f.code)).toEqual(['nonstandard-doc-number']);
    expect(nonstandard[0]!.suggestion).toBe('东政字〔2019〕12号');
    expect(nonstandard[0]!.severity).toBe('warning');
    expect(codes({ 依据文件: '《关于成立东营市安全生产委员会的通知》（东政字〔2019〕12号）' })).toEqual([]);
    const late = check({ 依据文件: '东政字〔2021〕12号' }).findings;
    expect(late.map((f) => f.code)).toEqual(['doc-year-mismatch']);
    expect(late[0]!.params).toMatchObject({ docYear: 2021, year: 2019 });
  });

  it('departments resolve through aliases; unknown ones are warned', () => {
    expect(codes({ 办事机构所在部门: '市发改委' })).toEqual([]);
    expect(check({ 办事机构所在部门: '市发改委' }).rows[0]!.department).toBe('市发展改革委');
    expect(codes({ 办事机构所在部门: '市安监局' })).toEqual(['unknown-department']);
  });

  it('durations: unreadable, and an end before the start', () => {
    expect(codes({ 存续时间: '看情况' })).toEqual(['invalid-duration']);
    expect(codes({ 存续时间: '至2018年12月31日' })).toEqual(['duration-before-start']);
    expect(codes({ 存续时间: '3年' })).toEqual([]);
    expect(codes({ 存续时间: '任务完成后撤销' })).toEqual([]);
    // A bare date there, typed or as a real Excel date, is the end of the term.
    expect(check({ 存续时间: new Date(Date.UTC(2025, 11, 31)) }).rows[0]!.duration).toEqual({
      kind: 'until',
      end: { year: 2025, month: 12, day: 31 },
    });
    expect(codes({ 存续时间: '2018年12月31日' })).toEqual(['duration-before-start']);
  });

  it('category and status must be one of the known values', () => {
    expect(codes({ 类别: '市政府议事协调机构' })).toEqual([]);
    expect(codes({ 类别: '临时机构' })).toEqual(['invalid-category']);
    expect(codes({ 状态: '暂停' })).toEqual(['invalid-status']);
    expect(check({ 状态: '暂停' }).rows[0]!.active).toBe(true);
  });

  it('an abolished or merged body needs its abolition date', () => {
    expect(codes({ 状态: '已撤销', 撤销时间: '2023年5月' })).toEqual([]);
    const f = check({ 状态: '已合并' }).findings;
    expect(f.map((x) => x.code)).toEqual(['missing-abolition-date']);
    expect(f[0]).toMatchObject({ column: '撤销时间', severity: 'warning' });
    expect(check({ 状态: '已撤销', 撤销时间: '2023年5月' }).rows[0]!.active).toBe(false);
  });

  it('phones: landlines with or without area code and mobiles pass, others are warned', () => {
    expect(codes({ 联系电话: '8382378' })).toEqual([]);
    expect(codes({ 联系电话: '13805461234' })).toEqual([]);
    expect(codes({ 联系电话: '838-23' })).toEqual(['invalid-phone']);
  });

  it('category-name-mismatch: a joint meeting filed as a government body and vice versa', () => {
    expect(codes({ 机构名称: '市社会信用体系建设联席会议', 类别: '部门间联席会议' })).toEqual([]);
    expect(codes({ 机构名称: '市社会信用体系建设领导小组', 类别: '部门间联席会议' })).toEqual([
      'category-name-mismatch',
    ]);
    expect(codes({ 机构名称: '市社会信用体系建设联席会议' })).toEqual(['category-name-mismatch']);
    expect(codes({ 机构名称: '市重点项目推进工作专班', 类别: '工作专班' })).toEqual([]);
  });
});

describe('rows that are not bodies', () => {
  it('skips blank rows, numbered empty rows, notes, repeated headers; reads section headings as categories', () => {
    const report = validateSheet(
      {
        sheet: '台账',
        values: [
          HEADER.filter((h) => h !== '类别'),
          ['一、市委议事协调机构（2个）', '一、市委议事协调机构（2个）'],
          [
            1,
            '市委全面深化改革委员会',
            '2019年1月',
            '东办发〔2019〕1号',
            '市委办公室',
            '长期',
            '2019年设立',
            '省级设有',
            '存续',
            null,
            null,
          ],
          [],
          ['二、部门间联席会议'],
          [
            2,
            '市安全生产委员会',
            '2019年1月',
            '东办发〔2019〕2号',
            '市应急局',
            '长期',
            '2019年设立',
            '省级设有',
            '存续',
            null,
            null,
          ],
          HEADER.filter((h) => h !== '类别'),
          [3],
          ['注：本表由市委编办维护。'],
        ],
      },
      settings,
      { flags: false },
    );
    expect(report.rows.map((r) => [r.row, r.category])).toEqual([
      [3, 1],
      [6, 3],
    ]);
    expect(report.findings.map((f) => [f.row, f.code])).toEqual([[6, 'category-name-mismatch']]);
  });

  it('a sheet without a header is skipped with its reason', () => {
    const report = validateSheet({ sheet: '填表说明', values: [['1. 机构名称写全称']] }, settings);
    expect(report).toMatchObject({ status: 'skipped', skipReason: 'no-header', headerRow: null, findings: [] });
  });
});
