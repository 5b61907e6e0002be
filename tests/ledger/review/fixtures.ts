/**
 * A small 东营市 register with a 主要职责 column and an application sheet in the shape offices use:
 * a title, a header with the usual short forms, one application per row, a 合计 line and a
 * 填表人 footer spread over several cells.
 */
import type { CellValue, Grid } from '../../../src/ledger/grid';

const REGISTER_HEADER = [
  '序号',
  '机构名称',
  '类别',
  '设立时间',
  '依据文件',
  '办事机构\n所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '状态',
  '主要职责',
  '联络人',
  '联系电话',
];

/** 2019-03-15 as ExcelJS delivers a date cell. */
const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

export const REGISTER_ROWS: readonly (readonly CellValue[])[] = [
  [
    1,
    '市安全生产委员会',
    '政府议事协调机构',
    d(2019, 5, 6),
    '东政字〔2019〕21号',
    '市应急局',
    '长期',
    '2019年调整',
    '省级设有',
    '存续',
    '研究部署全市安全生产工作，分析安全生产形势，协调解决安全生产重大问题，组织开展安全生产巡查和考核',
    '胡军',
    '0546-8382358',
  ],
  [
    2,
    '市食品安全委员会',
    '政府议事协调机构',
    d(2019, 5, 6),
    '东政字〔2019〕22号',
    '市市场监管局',
    '长期',
    '2019年由市食品药品安全委员会更名',
    '省级设有',
    '存续',
    '分析食品安全形势，研究部署食品安全工作，督促落实食品安全监管责任，组织食品安全风险监测',
    '郭晓',
    '0546-8382455',
  ],
  [
    3,
    '市河长制工作领导小组',
    '政府议事协调机构',
    '2017年6月',
    '东政办字〔2017〕20号',
    '市水务局',
    '长期',
    '2017年设立',
    '省级设有',
    '存续',
    '组织领导全市河湖管理保护工作，协调解决河湖水污染防治、水环境治理、河道清障和岸线管理中的重大问题',
    '陈静',
    '0546-8382940',
  ],
  [
    4,
    '市预制菜产业发展工作领导小组',
    '政府议事协调机构',
    '2022年5月',
    '东政字〔2022〕5号',
    '市农业农村局',
    '5年',
    '2022年新设',
    '上级未设置',
    '存续',
    '统筹推进预制菜产业发展，研究制定预制菜产业扶持政策，培育预制菜龙头企业和产业园区',
    '杨帆',
    '8323751',
  ],
  [
    5,
    '市社会信用体系建设联席会议',
    '部门间联席会议',
    '2019年3月',
    '东政办字〔2021〕7号',
    '市发展改革委',
    '长期',
    '2019年设立',
    '省级设有',
    '存续',
    '统筹推进社会信用体系建设，建立守信联合激励和失信联合惩戒机制，推动信用信息共享',
    '周涛',
    '0546-8384880',
  ],
  [
    6,
    '市第七次全国人口普查领导小组',
    '政府议事协调机构',
    '2019年10月',
    '东政办字〔2019〕50号',
    '市统计局',
    '任务完成后撤销',
    '2019年新设，2022年6月撤销',
    '省级设有',
    '已撤销',
    '组织实施全市第七次全国人口普查',
    '',
    '',
  ],
  [
    7,
    '市委人才工作领导小组',
    '党委议事协调机构',
    '2019年3月',
    '东办发〔2019〕18号',
    '市委组织部',
    '长期',
    '2019年调整',
    '省级设有',
    '存续',
    '统筹全市人才工作，研究制定人才发展规划和重大政策，协调推进重点人才工程',
    '吴霞',
    '0546-8381873',
  ],
];

export function registerGrid(rows: readonly (readonly CellValue[])[] = REGISTER_ROWS): Grid {
  return {
    sheet: '台账',
    values: [
      ['东营市市级议事协调机构管理台账'],
      [
        '填报单位：中共东营市委机构编制委员会办公室',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        '截至日期：2026年11月20日',
      ],
      REGISTER_HEADER,
      ...rows,
      ['合计', '共7个'],
      ['填表人：刘洋', null, null, '审核人：张伟', null, null, '联系电话：0546-8381000'],
    ],
  };
}

export const APPLICATION_HEADER = [
  '序号',
  '申请类型',
  '拟设机构名称',
  '类别',
  '牵头部门',
  '成员单位',
  '主要职责',
  '存续期限',
  '上级设置情况',
  '申请单位',
  '申请日期',
  '设立理由',
  '受理日期',
  '编办审核日期',
  '组织部审核日期',
  '发文日期',
  '发文字号',
];

/** A row of the application sheet from named values. */
export function applicationRow(
  seq: number,
  v: {
    type?: string;
    name: string;
    category?: string;
    department?: string;
    members?: string;
    duties?: string;
    duration?: string;
    parent?: string;
    applicant?: string;
    appliedOn?: CellValue;
    reason?: string;
    accepted?: CellValue;
    reviewed?: CellValue;
    checked?: CellValue;
    issued?: CellValue;
    doc?: string;
  },
): CellValue[] {
  return [
    seq,
    v.type ?? '设立',
    v.name,
    v.category ?? '',
    v.department ?? '',
    v.members ?? '',
    v.duties ?? '',
    v.duration ?? '',
    v.parent ?? '',
    v.applicant ?? '',
    v.appliedOn ?? null,
    v.reason ?? '',
    v.accepted ?? null,
    v.reviewed ?? null,
    v.checked ?? null,
    v.issued ?? null,
    v.doc ?? '',
  ];
}

export function applicationGrid(rows: readonly (readonly CellValue[])[]): Grid {
  return {
    sheet: '申请',
    values: [
      ['2026年议事协调机构设立（调整）申请汇总表'],
      ['报送单位：市委办公室、市政府办公室', null, null, null, null, null, null, null, null, null, '2026年11月'],
      APPLICATION_HEADER,
      ...rows,
      ['合计', '共' + rows.length + '件'],
      ['填表人：王芳', null, null, null, '审核人：李娜', null, null, null, '填报日期：2026年11月20日'],
      ['注：成员单位以顿号分隔。'],
    ],
  };
}

export { d };
