/** County registers built in code, the way counties actually fill them in. */
import type { CellValue, Grid } from '../../src/ledger/grid';

export const HEADER = [
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
] as const;

/** One body: name, category, established, basis, department, duration, history, parent, status. */
export type Body = readonly [string, string, CellValue, string, string, string, string, string, string?];

export interface RegisterOptions {
  readonly sheet?: string;
  /** Lines above the header (title, unit line). */
  readonly title?: readonly string[];
  /** A 县区 / 填报单位 column: one value for every row, or one per row. */
  readonly countyColumn?: { readonly header: string; readonly values: string | readonly string[] };
}

export function registerGrid(bodies: readonly Body[], options: RegisterOptions = {}): Grid {
  const values: CellValue[][] = [];
  for (const line of options.title ?? []) values.push([line]);
  const county = options.countyColumn;
  values.push([...HEADER, ...(county ? [county.header] : [])]);
  bodies.forEach((b, i) => {
    const [name, category, established, basis, department, duration, history, parent, status] = b;
    const row: CellValue[] = [
      i + 1,
      name,
      category,
      established,
      basis,
      department,
      duration,
      history,
      parent,
      status ?? '',
    ];
    if (county) row.push(typeof county.values === 'string' ? county.values : (county.values[i] ?? ''));
    values.push(row);
  });
  return { sheet: options.sheet ?? 'Sheet1', values };
}

/** 东营区: two Party, two government, a joint meeting, a task force, a mechanism, one abolished. */
export const DONGYING: readonly Body[] = [
  [
    '区委全面深化改革委员会',
    '党委议事协调机构',
    '2019年3月',
    '东区委发〔2019〕5号',
    '区委办公室',
    '长期',
    '2019年由区委全面深化改革领导小组更名',
    '市级设有市委全面深化改革委员会',
  ],
  [
    '区委财经委员会',
    '党委议事协调机构',
    '2019-04-12',
    '东区委发〔2019〕8号',
    '区发展改革委',
    '长期',
    '2019年设立',
    '市级设有市委财经委员会',
  ],
  [
    '区安全生产委员会',
    '政府议事协调机构',
    43525,
    '东政发〔2019〕12号',
    '区应急局',
    '长期',
    '2019年调整',
    '市级设有市安全生产委员会',
  ],
  [
    '区食品安全委员会',
    '政府议事协调机构',
    '2020.06.01',
    '东政字〔2020〕30号',
    '区市场监管局',
    '长期',
    '2020年设立',
    '市级设有市食品安全委员会',
  ],
  [
    '区河长制工作联席会议',
    '部门间联席会议',
    '2021年5月',
    '东政办字〔2021〕14号',
    '区水务局',
    '长期',
    '2021年设立',
    '上级未设置',
  ],
  [
    '区预制菜产业发展工作专班',
    '工作专班',
    '2024-02-20',
    '东政办字〔2024〕3号',
    '区农业农村局',
    '至2026年12月31日',
    '新设',
    '上级未设置',
  ],
  [
    '区重点项目建设协调机制',
    '协调机制',
    '2022-07-01',
    '东政办字〔2022〕19号',
    '区发展改革委',
    '长期',
    '2022年设立',
    '上级未设置',
  ],
  [
    '区创建全国文明城市指挥部',
    '政府议事协调机构',
    '2017-03-01',
    '东政字〔2017〕9号',
    '区委宣传部',
    '任务完成后撤销',
    '2023年撤销',
    '上级未设置',
    '已撤销',
  ],
];

/** 河口区: a smaller register sent with a title row above the header. */
export const HEKOU: readonly Body[] = [
  [
    '区委全面依法治区委员会',
    '党委议事协调机构',
    '2019-02-18',
    '河区委发〔2019〕3号',
    '区司法局',
    '长期',
    '2019年设立',
    '市级设有市委全面依法治市委员会',
  ],
  [
    '区安全生产委员会',
    '政府议事协调机构',
    '2019-05-06',
    '河政发〔2019〕7号',
    '区应急局',
    '长期',
    '2019年调整',
    '市级设有市安全生产委员会',
  ],
  [
    '区防汛抗旱指挥部',
    '政府议事协调机构',
    '2018-06-01',
    '河政字〔2018〕21号',
    '区水务局',
    '长期',
    '2018年设立',
    '市级设有市防汛抗旱指挥部',
  ],
];

/** 广饶县: named only by its file name. */
export const GUANGRAO: readonly Body[] = [
  [
    '县委农村工作领导小组',
    '党委议事协调机构',
    '2019-03-15',
    '广发〔2019〕6号',
    '县农业农村局',
    '长期',
    '2019年设立',
    '市级设有市委农村工作领导小组',
  ],
  [
    '县乡村振兴工作联席会议',
    '部门间联席会议',
    '2022-03-01',
    '广政办字〔2022〕8号',
    '县农业农村局',
    '3年',
    '2022年设立',
    '上级未设置',
  ],
];

export const EXPECTED = ['东营区', '河口区', '垦利区', '利津县', '广饶县'];
