/**
 * The flags as a user meets them: a whole sheet through validateSheet, with a title row, a messy
 * header, Excel date serials, 发文字号 in several spellings and an abolished row.
 */
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../src/ledger/grid';
import { makeSettings } from '../../../src/ledger/settings';
import { validateSheet } from '../../../src/ledger/validate';

/** Excel's serial number of a date (days since 1899-12-30). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const grid: Grid = {
  sheet: '市级议事协调机构',
  values: [
    ['潍坊市市级议事协调机构管理台账'],
    ['填报单位：潍坊市委编办', null, null, null, null, null, null, null, '2026年11月'],
    [
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构\n所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
      '类别',
      '状态',
    ],
    [
      1,
      '潍坊市安全生产委员会',
      serial(2019, 3, 15),
      '潍办发〔2019〕12号',
      '市应急局',
      '长期',
      '2019年设立',
      '省级设有',
      '政府议事协调机构',
      '存续',
    ],
    [
      2,
      '市食品安全委员会',
      '2019年4月',
      '潍办发〔2019〕12号',
      '市市场监管局',
      '长期',
      '2019年设立',
      '省级设有',
      '政府议事协调机构',
      '',
    ],
    [
      3,
      '市安全生产委员会',
      serial(2021, 6, 1),
      '潍政字[2021]8号',
      '市应急局',
      '长期',
      '2021年重新印发',
      '省级设有',
      '政府议事协调机构',
      '存续',
    ],
    [
      4,
      '市食品安全工作委员会',
      '2022.05.10',
      '潍政字〔2022〕3号',
      '市市场监管局',
      '长期',
      '2022年设立',
      '省级设有',
      '政府议事协调机构',
      '存续',
    ],
    [
      5,
      '市第七次全国人口普查领导小组',
      serial(2019, 10, 8),
      '潍政字〔2019〕40号',
      '市统计局',
      '至2022年12月31日',
      '2019年设立',
      '国家设有',
      '政府议事协调机构',
      '存续',
    ],
    [
      6,
      '市预制菜产业发展工作专班',
      serial(2022, 3, 1),
      '潍办字〔2022〕9号',
      '市农业农村局',
      '至2026年12月',
      '2022年设立',
      '上级未设置',
      '工作专班',
      '存续',
    ],
    [
      7,
      '市扫黑除恶专项斗争领导小组',
      serial(2018, 2, 6),
      '潍办发〔2018〕5号',
      '市公安局',
      '任务完成后撤销',
      '2018年设立',
      '省级设有',
      '党委议事协调机构',
      '存续',
    ],
    [
      8,
      '市第六次全国人口普查领导小组',
      serial(2009, 11, 2),
      '潍政字〔2009〕61号',
      '市统计局',
      '至2012年6月',
      '2009年设立；2012年撤销',
      '国家设有',
      '政府议事协调机构',
      '已撤销',
    ],
    [
      9,
      '市第六次全国人口普查领导小组',
      serial(2010, 1, 5),
      '潍政字〔2010〕2号',
      '市统计局',
      '至2012年6月',
      '2010年设立；2012年撤销',
      '国家设有',
      '政府议事协调机构',
      '已撤销',
    ],
  ],
};

describe('flags through validateSheet', () => {
  const report = validateSheet(grid, makeSettings({ asOf: '2026-11-25', activeBodyLimit: 5 }));
  const flags = report.findings.filter((f) =>
    [
      'duplicate-name',
      'similar-name',
      'shared-basis-document',
      'overdue',
      'expiring-soon',
      'review-due',
      'over-limit',
    ].includes(f.code),
  );
  const summary = flags.map((f) => `${f.row ?? '-'} ${f.code} ${f.column ?? ''}`);

  it('reports every planted flag and nothing else', () => {
    expect(summary).toEqual([
      '- over-limit 类别',
      '4 duplicate-name 机构名称',
      '4 shared-basis-document 依据文件',
      '5 similar-name 机构名称',
      '5 shared-basis-document 依据文件',
      '6 duplicate-name 机构名称',
      '7 similar-name 机构名称',
      '8 overdue 存续时间',
      '9 expiring-soon 存续时间',
      '10 review-due 存续时间',
    ]);
  });

  it('points at the sheet’s own rows and columns and names the other row', () => {
    const dup = flags.find((f) => f.code === 'duplicate-name' && f.row === 4)!;
    expect(dup).toMatchObject({
      sheet: '市级议事协调机构',
      columnIndex: 2,
      params: { otherRows: '6' },
      related: [{ row: 6, value: '市安全生产委员会' }],
    });
    const overdue = flags.find((f) => f.code === 'overdue')!;
    expect(overdue).toMatchObject({ columnIndex: 6, value: '至2022年12月31日', params: { end: '2022-12-31' } });
    expect(flags.find((f) => f.code === 'expiring-soon')).toMatchObject({ params: { end: '2026-12', days: 36 } });
    expect(flags.find((f) => f.code === 'over-limit')).toMatchObject({
      row: null,
      params: { count: 6, limit: 5, breakdown: '党委议事协调机构 1 个，政府议事协调机构 5 个' },
    });
  });
});
