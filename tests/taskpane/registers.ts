/**
 * Register sheets as a host delivers them: a title and a unit line above a messy header (short
 * forms, a line break inside a cell, full-width brackets), dates as Excel serials or text.
 */
import type { CellValue, Grid } from '../../src/ledger/grid';

export const HEADER: CellValue[] = [
  '序号',
  '机构名称',
  '类别',
  '成立时间',
  '依据文件（文号）',
  '办事机构\n所在部门',
  '存续期限',
  '历史沿革',
  '上级设置情况',
  '状态',
];

/** Excel's serial number of a calendar date (1900 date system). */
export function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const GOOD_ROWS: CellValue[][] = [
  [
    1,
    '潍坊市安全生产委员会',
    '政府议事协调机构',
    serial(2019, 3, 15),
    '潍办发〔2019〕12号',
    '市应急局',
    '长期',
    '2019年设立',
    '省级设有安全生产委员会',
    '存续',
  ],
  [
    2,
    '市预制菜产业发展工作领导小组',
    '党委议事协调机构',
    '2022年5月',
    '《关于成立市预制菜产业发展工作领导小组的通知》（潍办字〔2022〕5号）',
    '市农业农村局',
    '至2027年12月31日',
    '2022年新设',
    '上级未设置',
    '存续',
  ],
  [
    3,
    '市国土空间规划委员会',
    '政府议事协调机构',
    '2020.03.10',
    '东政字〔2020〕12号',
    '市自然资源局',
    '长期',
    '2020年设立',
    '省级设有',
    '存续',
  ],
];

export function register(sheet: string, rows: CellValue[][], title = '潍坊市市级议事协调机构管理台账'): Grid {
  return {
    sheet,
    values: [[title], ['填报单位：中共潍坊市委机构编制委员会办公室'], HEADER, ...rows],
    firstRow: 1,
    firstColumn: 1,
  };
}

/**
 * A register of `count` bodies each with several problems: 成立时间 unreadable (2019年13月),
 * no 发文字号, 历史沿革 empty, and a department not on the list.
 */
export function brokenRegister(sheet: string, count: number): Grid {
  const rows: CellValue[][] = [];
  for (let i = 1; i <= count; i++) {
    rows.push([
      i,
      `市第${i}专项工作领导小组`,
      '党委议事协调机构',
      '2019年13月',
      '市委常委会会议纪要',
      `市第${i}局`,
      '长期',
      '',
      '上级未设置',
      '存续',
    ]);
  }
  return register(sheet, rows);
}
