/**
 * Register rows as Excel holds them (dates as serials in date-formatted cells), for the adapter's
 * tests and the benchmark. Deterministic: the same count gives the same rows.
 */
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import type { CellValue } from '../../src/ledger/grid';

export const REGISTER_HEADER = [
  '序号',
  '机构名称',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '类别',
  '状态',
] as const;

/** 0-based column of 设立时间 in REGISTER_HEADER, formatted as a date in the sheet. */
export const ESTABLISHED_COLUMN = 2;

const PLACES = ['潍坊市', '东营市', '市', '寿光市', '青州市', '广饶县', '垦利区'];
const TOPICS = [
  '安全生产委员会',
  '预制菜产业发展工作领导小组',
  '乡村振兴工作领导小组',
  '河长制工作领导小组',
  '食品安全委员会',
  '防汛抗旱指挥部',
  '森林防灭火指挥部',
  '文明城市创建工作指挥部',
  '营商环境建设工作领导小组',
  '黄河流域生态保护和高质量发展领导小组',
  '民营经济发展部门间联席会议',
  '全国文明城市复审工作专班',
  '双招双引工作专班',
  '社会信用体系建设部门间联席会议',
];
const DOC_PREFIXES = ['潍办发', '潍政字', '东编办发', '东办字', '潍政办字'];
const DURATIONS = ['长期', '至2025年12月31日', '3年', '任务完成后自动撤销', '长期'];
const PARENTS = ['省级设有对应机构', '上级未设置', '国家和省级均设有'];
const CATEGORIES = ['党委议事协调机构', '政府议事协调机构', '部门间联席会议', '工作专班'];

/** Excel serial of 1 January of `year` (2015 → 42005). */
export function serialOfYearStart(year: number): number {
  return (Date.UTC(year, 0, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** `count` register rows; every `faultEvery`-th row (if set) has an unreadable date and no basis document. */
export function registerRows(count: number, faultEvery = 0): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const year = 2015 + (i % 10);
    const place = PLACES[i % PLACES.length]!;
    const topic = TOPICS[i % TOPICS.length]!;
    const faulty = faultEvery > 0 && i % faultEvery === faultEvery - 1;
    rows.push([
      i + 1,
      `${place}${topic}（第${i + 1}号）`,
      faulty ? '2019.13.45' : serialOfYearStart(year) + ((i * 37) % 360),
      faulty ? '' : `${DOC_PREFIXES[i % DOC_PREFIXES.length]}〔${year}〕${(i % 97) + 1}号`,
      DEFAULT_DEPARTMENTS[i % DEFAULT_DEPARTMENTS.length]!,
      DURATIONS[i % DURATIONS.length]!,
      `${year}年设立`,
      PARENTS[i % PARENTS.length]!,
      CATEGORIES[i % CATEGORIES.length]!,
      '存续',
    ]);
  }
  return rows;
}
