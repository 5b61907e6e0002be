/**
 * Samples for `ledger review` (联合审批), checked against the city sample register
 * samples/东营市市级议事协调机构管理台账.xlsx:
 *
 *   samples/review/设立申请.xlsx     a 申请 sheet, one application per row: a title, a unit line, the
 *                                    header in the short forms offices use, a 合计 line, a 填表人
 *                                    footer over several cells and a 注 line (none of them applications)
 *   samples/review/单件申请表.xlsx   one application as a printed form (字段 | 内容)
 *   samples/review/README.md
 *
 * Every case and what `ledger review` must conclude for it is data here (REVIEW_CASES); the README
 * and the end-to-end test read the same data.
 */
import ExcelJS from 'exceljs';
import type { FindingCode } from '../../src/ledger/findings';
import type { ConclusionKind } from '../../src/ledger/review';
import { fixZipTimestamps } from '../../src/xlsx/zipTimestamps';
import { day } from './model';

export const REVIEW_FILES = { table: 'review/设立申请.xlsx', form: 'review/单件申请表.xlsx' } as const;
/** The as-of date of the review samples (a Wednesday). */
export const REVIEW_AS_OF = '2026-11-25';
export const APPLICATION_SHEET = '申请';

type Value = string | number | Date | null;

export interface ReviewCase {
  readonly cells: {
    type: string; name: string; category: string; department: string; members: string; duties: string; duration: string; parent: string;
    applicant: string; appliedOn: Date | null; reason: string; accepted: Date | null; reviewed: Date | null; checked: Date | null; issued: Date | null; doc: string;
  };
  readonly conclusion: ConclusionKind;
  readonly findings: readonly FindingCode[];
  /** What the case shows, for the README. */
  readonly note: string;
}

const HEADER = [
  '序号', '申请类型', '拟设机构名称', '类别', '牵头部门', '成员单位', '主要职责', '存续期限', '上级设置情况', '申请单位', '申请日期', '设立理由',
  '受理日期（两办）', '编办审核日期', '组织部审核日期', '发文日期', '发文字号',
] as const;

const TEN = '市发展改革委、市工业和信息化局、市科技局、市公安局、市财政局、市自然资源局、市交通运输局、市应急局、市市场监管局、市行政审批服务局';
/** 42 of the 49 departments of the city list: nearly all of them. */
const FORTY_TWO = [
  '市委办公室', '市委组织部', '市委宣传部', '市委统战部', '市委政法委', '市委政研室', '市委网信办', '市总工会', '团市委', '市妇联', '市科协',
  '市政府办公室', '市发展改革委', '市教育局', '市科技局', '市工业和信息化局', '市公安局', '市民政局', '市司法局', '市财政局', '市人力资源社会保障局',
  '市自然资源局', '市生态环境局', '市住房城乡建管局', '市交通运输局', '市水务局', '市农业农村局', '市海洋发展和渔业局', '市商务局', '市文化和旅游局',
  '市卫生健康委', '市退役军人局', '市应急局', '市审计局', '市外办', '市国资委', '市行政审批服务局', '市市场监管局', '市体育局', '市统计局', '市医保局', '市地方金融监管局',
].join('、');

const base = {
  type: '设立', category: '政府议事协调机构', members: TEN, duration: '长期', reason: '', accepted: null, reviewed: null, checked: null, issued: null, doc: '',
} as const;

export const REVIEW_CASES: readonly ReviewCase[] = [
  {
    note: '干净的申请：上级设有、名称和职责不与现有机构重复，编办审核环节刚等待 1 个工作日',
    conclusion: 'approve', findings: [],
    cells: {
      ...base, name: '市低空经济发展工作领导小组', department: '市发改委',
      duties: '统筹推进全市低空经济发展，研究制定低空空域协同管理、通用机场建设和低空应用场景培育政策，协调解决低空经济发展中的重大问题',
      parent: '省级设有省低空经济发展工作领导小组', applicant: '市发展改革委', appliedOn: day(2026, 11, 23), accepted: day(2026, 11, 24),
    },
  },
  {
    note: '已发文的设立申请（东政办字〔2026〕38号）：--apply 把它作为新行追加到台账',
    conclusion: 'approve', findings: [],
    cells: {
      ...base, name: '市海洋牧场建设工作领导小组', department: '市海洋发展和渔业局', members: '市发展改革委、市财政局、市自然资源局、市生态环境局、市农业农村局、市海洋发展和渔业局、市市场监管局',
      duties: '统筹推进全市海洋牧场规划建设和管理，协调海域使用、渔业资源养护和海洋牧场综合体建设', duration: '长期',
      parent: '省级设有省海洋牧场建设工作领导小组', applicant: '市海洋发展和渔业局', appliedOn: day(2026, 10, 12), accepted: day(2026, 10, 13),
      reviewed: day(2026, 10, 13), checked: day(2026, 10, 15), issued: day(2026, 10, 20), doc: '东政办字〔2026〕38号',
    },
  },
  {
    note: '重复设置：台账第 21 行已有“市森林防灭火指挥部”（“东营市”与“市”规范化后相同）；成员单位“市林业发展中心”不在部门名单中',
    conclusion: 'reject', findings: ['duplicate-of-existing', 'unknown-department'],
    cells: {
      ...base, name: '东营市森林防灭火指挥部', department: '市应急局', members: '市应急局、市自然资源局、市公安局、市林业发展中心',
      duties: '组织协调全市森林防灭火工作', parent: '省级设有省森林防灭火指挥部', applicant: '市应急局', appliedOn: day(2026, 11, 24),
    },
  },
  {
    note: '名称相近：与台账第 24 行“市河长制工作领导小组”只差机构形式（相似度 0.90），建议由其统筹',
    conclusion: 'coordinate', findings: ['similar-to-existing'],
    cells: {
      ...base, name: '市河长制工作委员会', department: '市水务局', members: '市水务局、市生态环境局、市自然资源局、市农业农村局、市住房城乡建管局、市交通运输局',
      duties: '组织领导全市河湖管理保护工作，协调解决河湖水污染防治和岸线管理中的重大问题', parent: '省级设有省河长制工作领导小组', applicant: '市水务局', appliedOn: day(2026, 11, 24),
    },
  },
  {
    note: '任务单一、有明确时限（筹备省运会，至2027年10月31日），成员单位 6 个：建议改设为工作专班',
    conclusion: 'task-force', findings: [],
    cells: {
      ...base, name: '市第十五届全省运动会筹备工作领导小组', department: '市体育局', members: '市体育局、市财政局、市公安局、市住房城乡建管局、市卫生健康委、市文化和旅游局',
      duties: '负责第十五届全省运动会东营赛区场馆改造、赛事组织和安保接待工作', duration: '至2027年10月31日',
      parent: '省级设有第十五届全省运动会组织委员会', applicant: '市体育局', appliedOn: day(2026, 11, 20), accepted: day(2026, 11, 23),
    },
  },
  {
    note: '工作专班未明确存续期限（写“长期”）：需补充材料',
    conclusion: 'more-material', findings: ['missing-term'],
    cells: {
      ...base, name: '市城市更新行动工作专班', category: '工作专班', department: '市住建局', members: '市住房城乡建管局、市发展改革委、市财政局、市自然资源局、市行政审批服务局',
      duties: '推进老旧小区改造、城中村改造和完整社区建设', parent: '省级设有', applicant: '市住房城乡建管局', appliedOn: day(2026, 11, 24),
    },
  },
  {
    note: '上级未设置对应机构，且未说明设立理由：需补充材料',
    conclusion: 'more-material', findings: ['no-upper-counterpart'],
    cells: {
      ...base, name: '市盐碱地综合利用工作领导小组', department: '市农业农村局', members: '市农业农村局、市自然资源局、市水务局、市科技局、市财政局',
      duties: '统筹盐碱地综合利用试点，推进盐碱地特色农业和耐盐碱品种推广', parent: '上级未设置', applicant: '市农业农村局', appliedOn: day(2026, 11, 24),
    },
  },
  {
    note: '成员单位 42 个，几乎覆盖全部部门（“成员单位越多越好”）：同意但建议精简',
    conclusion: 'approve', findings: ['too-many-members'],
    cells: {
      ...base, name: '市绿色低碳高质量发展领导小组', department: '市发展改革委', members: FORTY_TWO,
      duties: '统筹推进全市绿色低碳高质量发展先行区建设，研究审议碳达峰碳中和重大政策', parent: '省级设有省绿色低碳高质量发展先行区建设领导小组',
      applicant: '市发展改革委', appliedOn: day(2026, 11, 23), accepted: day(2026, 11, 23),
    },
  },
  {
    note: '11 月 10 日受理后编办审核环节至今 11 个工作日（超过 5 个），周末不计',
    conclusion: 'approve', findings: ['review-overdue'],
    cells: {
      ...base, name: '市数字政府建设领导小组', department: '市政府办公室', members: '市政府办公室、市发展改革委、市财政局、市行政审批服务局、市公安局、市统计局、市委网信办',
      duties: '统筹推进全市数字政府建设，协调政务数据共享和一体化政务服务平台建设', parent: '省级设有省数字政府建设领导小组',
      applicant: '市政府办公室', appliedOn: day(2026, 11, 9), accepted: day(2026, 11, 10),
    },
  },
];

/** The form sample: one application, printed as 字段 | 内容. */
export const FORM_CASE: ReviewCase = {
  note: '单件申请表（字段 | 内容）：上级未设置但说明了设立理由，同意设立',
  conclusion: 'approve', findings: ['no-upper-counterpart'],
  cells: {
    ...base, name: '市职业教育产教融合工作领导小组', department: '市教育局', members: '市教育局、市发展改革委、市工业和信息化局、市财政局、市人力资源社会保障局、市国资委',
    duties: '统筹推进职业院校与园区、企业产教融合，协调实训基地建设和校企合作重大事项', parent: '上级未设置',
    reason: '涉及教育、产业、人社、财政等多个领域和部门，需市政府领导经常协调', applicant: '市教育局', appliedOn: day(2026, 11, 24),
  },
};

function rowOf(i: number, c: ReviewCase['cells']): Value[] {
  return [i + 1, c.type, c.name, c.category, c.department, c.members, c.duties, c.duration, c.parent, c.applicant, c.appliedOn, c.reason, c.accepted, c.reviewed, c.checked, c.issued, c.doc];
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const epoch = new Date(Date.UTC(2026, 10, 25));
  workbook.creator = '东营市委编办';
  workbook.lastModifiedBy = '东营市委编办';
  workbook.created = epoch;
  workbook.modified = epoch;
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return fixZipTimestamps(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The sheet row of each case in 设立申请.xlsx (title, unit line and header above them). */
export const FIRST_APPLICATION_ROW = 4;

async function tableWorkbook(): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(APPLICATION_SHEET);
  sheet.getCell(1, 1).value = '2026年市级议事协调机构设立申请登记表';
  sheet.mergeCells(1, 1, 1, HEADER.length);
  sheet.getCell(1, 1).font = { bold: true, size: 16, name: '方正小标宋简体' };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).value = '登记单位：中共东营市委机构编制委员会办公室';
  sheet.getCell(2, 13).value = '登记日期：2026年11月25日';
  HEADER.forEach((h, i) => {
    const cell = sheet.getCell(3, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  REVIEW_CASES.forEach((c, i) => {
    rowOf(i, c.cells).forEach((v, col) => {
      const cell = sheet.getCell(FIRST_APPLICATION_ROW + i, col + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (v === null || v === '') return;
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  });
  const after = FIRST_APPLICATION_ROW + REVIEW_CASES.length;
  sheet.getCell(after, 1).value = '合计';
  sheet.getCell(after, 2).value = `共${REVIEW_CASES.length}件`;
  sheet.getCell(after + 1, 1).value = '填表人：刘洋';
  sheet.getCell(after + 1, 5).value = '审核人：张伟';
  sheet.getCell(after + 1, 9).value = '联系电话：0546-8381000';
  sheet.getCell(after + 2, 1).value = '注：成员单位以顿号分隔；各环节日期以实际办理日期为准。';
  const widths = [6, 10, 30, 16, 16, 40, 40, 16, 24, 16, 14, 30, 14, 14, 14, 14, 20];
  widths.forEach((w, i) => { sheet.getColumn(i + 1).width = w; });
  sheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }];
  return bytesOf(workbook);
}

async function formWorkbook(): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('申请表');
  const c = FORM_CASE.cells;
  const lines: [string, Value][] = [
    ['字段', '内容'],
    ['申请类型', c.type], ['拟设机构名称', c.name], ['类别', c.category], ['办事机构所在部门', c.department], ['成员单位', c.members],
    ['主要职责', c.duties], ['存续时间', c.duration], ['上级机构设置情况', c.parent], ['设立理由', c.reason], ['申请单位', c.applicant], ['申请日期', c.appliedOn],
  ];
  sheet.getCell(1, 1).value = '东营市议事协调机构设立申请表';
  sheet.mergeCells(1, 1, 1, 2);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  lines.forEach(([label, value], i) => {
    sheet.getCell(i + 2, 1).value = label;
    sheet.getCell(i + 2, 1).font = { bold: true };
    if (value !== null && value !== '') sheet.getCell(i + 2, 2).value = value;
    if (value instanceof Date) sheet.getCell(i + 2, 2).numFmt = 'yyyy"年"m"月"d"日"';
  });
  sheet.getCell(lines.length + 3, 1).value = '申请单位（盖章）：东营市教育局';
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 70;
  return bytesOf(workbook);
}

const CONCLUSION_LABELS: Record<ConclusionKind, string> = {
  approve: '同意设立', reject: '不同意设立', coordinate: '建议不单独设立，由现有机构统筹', 'task-force': '建议改设为工作专班/专项小组', 'more-material': '需补充材料',
};

function reviewReadme(): string {
  const rows = REVIEW_CASES.map((c, i) => `| ${FIRST_APPLICATION_ROW + i} | ${c.cells.name} | ${CONCLUSION_LABELS[c.conclusion]} | ${c.findings.map((f) => `\`${f}\``).join(' ') || '—'} | ${c.note} |`);
  return `# 联合审批示例 · samples for \`ledger review\`

由 \`npm run samples\`（scripts/samples/review.ts）生成，对照 \`samples/东营市市级议事协调机构管理台账.xlsx\` 审核，
核对日期 ${REVIEW_AS_OF}（周三）。

- \`设立申请.xlsx\`：工作表“${APPLICATION_SHEET}”，每行一件申请；标题、登记单位行在表头之上，合计、填表人、注 三行在表下，都不算申请。
- \`单件申请表.xlsx\`：一件申请的表单（字段 | 内容）。${FORM_CASE.note}。

\`\`\`
npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx --as-of ${REVIEW_AS_OF}
npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx --as-of ${REVIEW_AS_OF} -o 审核意见.docx
npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx --as-of ${REVIEW_AS_OF} --apply -o 新台账.xlsx
\`\`\`

| 行 | 拟设机构名称 | 建议结论 | 问题代码 | 说明 |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

export async function makeReviewSamples(put: (relative: string, data: string | Uint8Array) => Promise<void>): Promise<void> {
  await put(REVIEW_FILES.table, await tableWorkbook());
  await put(REVIEW_FILES.form, await formWorkbook());
  await put('review/README.md', reviewReadme());
}
