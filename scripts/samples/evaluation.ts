/**
 * Samples for `ledger evaluate` (多方评价, docs/evaluate.md), built on the sample city register
 * (scripts/samples/city.ts) so they evaluate the same 东营市 bodies for the year 2025:
 *
 *   samples/evaluation/自评表/市委系统.xlsx          self-evaluations of the Party bodies (category 1)
 *   samples/evaluation/自评表/市政府系统.xlsx        the government bodies (category 2)
 *   samples/evaluation/自评表/联席会议和工作专班.csv  joint meetings, task forces, mechanisms (GB18030, as Excel saves a CSV)
 *   samples/evaluation/成员单位评价表.xlsx           the lead departments' scores of their member units
 *
 * Returned as people fill them: a title row and a 填报单位 line above the header, header aliases
 * (议事协调机构名称, 会议次数, 发文数, 牵头部门 …), a 合计 row and a footer “填表人：… 联系电话：…”
 * under the table. What each body's figures show is data here (CASES), so the README, the
 * end-to-end test and the files cannot drift apart.
 */
import ExcelJS from 'exceljs';
import { fixZipTimestamps } from '../../src/xlsx/zipTimestamps';
import { fieldOfHeader } from '../../src/ledger/fields';
import { parseStatus } from '../../src/ledger/categories';
import { parseCategory } from '../../src/ledger/categories';
import { CITY } from './city';
import { encodeGb18030 } from './gb18030';
import { isNoteSheet, type SampleSheet, type SampleValue } from './model';

export const EVALUATION_YEAR = 2025;
export const EVALUATION_FILES = {
  selfFolder: 'evaluation/自评表',
  party: 'evaluation/自评表/市委系统.xlsx',
  government: 'evaluation/自评表/市政府系统.xlsx',
  others: 'evaluation/自评表/联席会议和工作专班.csv',
  members: 'evaluation/成员单位评价表.xlsx',
} as const;

interface Body {
  readonly name: string;
  readonly department: string;
  readonly category: number | null;
}

const city = CITY.sheets.find((s): s is SampleSheet => !isNoteSheet(s));
if (!city) throw new Error('evaluation: the city sample has no register sheet');
const header = (field: string) => city.header.find((h) => fieldOfHeader(h.replace(/\s+/g, '')) === field);
const text = (v: SampleValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v));
const H = { name: header('name')!, department: header('department')!, status: header('status'), category: header('category') };

/** The city's active bodies in register order. */
export const ACTIVE_BODIES: readonly Body[] = city.rows
  .filter((r) => { const s = H.status ? text(r.cells[H.status]) : ''; return (parseStatus(s) ?? 'active') === 'active'; })
  .map((r) => ({ name: text(r.cells[H.name]).trim(), department: text(r.cells[H.department]).trim(), category: parseCategory(H.category ? text(r.cells[H.category]) : '')?.id ?? null }));

/** A body's self-evaluation figures. */
interface Figures {
  meetings: SampleValue;
  documents: SampleValue;
  problems: SampleValue;
  keyTasks: SampleValue;
  doneTasks: SampleValue;
  rules: string;
  points: string;
  issues: string;
  proposal: string;
}

/** What a sample body shows, and why it is there. */
export interface EvaluationCase {
  readonly name: string;
  /** How the 自评表 writes the name, when not as the register does. */
  readonly written?: string;
  readonly figures?: Partial<Figures>;
  /** No 自评表 row at all. */
  readonly noSelf?: true;
  /** The action `ledger evaluate` must suggest, and why. */
  readonly expect: string;
  readonly note: string;
}

export const CASES: readonly EvaluationCase[] = [
  { name: '市第五次全国经济普查领导小组', figures: { meetings: 0, documents: 0, problems: 0, keyTasks: 0, doneTasks: 0, points: '未印发', issues: '普查工作已于2024年结束', proposal: '' }, expect: '撤销', note: '闲置（无会议、无发文），存续期也已届满（overdue）' },
  { name: '市食品安全工作委员会', figures: { meetings: 0, documents: 0, problems: 1, keyTasks: 2, doneTasks: 1, points: '未印发', issues: '与市食品安全委员会职责交叉', proposal: '' }, expect: '合并', note: '闲置，且与“市食品安全委员会”名称相近：并入' },
  { name: '市化工园区认定工作专班', figures: { meetings: 0, documents: 0, problems: 0, keyTasks: 1, doneTasks: 1, issues: '认定工作已完成', proposal: '任务已完成，建议撤销' }, expect: '撤销', note: '闲置，存续期至2025年6月30日已届满，办事机构也建议撤销' },
  { name: '市粮食安全责任制考核工作协调机制', figures: { meetings: 0, documents: 0, problems: 0, keyTasks: 1, doneTasks: 0, points: '未印发', issues: '考核由市发展改革委直接组织', proposal: '' }, expect: '撤销', note: '闲置，没有名称相近的机构可并入' },
  { name: '市海洋经济发展联席会议', figures: { meetings: 0, documents: 3, problems: 2, keyTasks: 4, doneTasks: 4 }, expect: '保留', note: '差一点闲置：全年未开会，但印发了 3 个文件（不报 idle-body）' },
  { name: '市政务公开工作领导小组', figures: { meetings: 1, documents: 0, problems: 0, keyTasks: 5, doneTasks: 1, rules: '未制定', points: '未印发', issues: '工作规则尚未制定', proposal: '' }, expect: '督促整改', note: '总分低于 60 分（low-evaluation），未制定工作规则' },
  { name: '市城乡环境综合整治工作领导小组', figures: { meetings: 2, documents: 2, problems: 3 }, expect: '更名', note: '类别为工作专班，名称却是领导小组（category-name-mismatch）' },
  { name: '市全民健身工作领导小组', figures: { proposal: '更名为市全民健身和体育事业发展工作领导小组' }, expect: '更名', note: '办事机构建议更名' },
  { name: '市残疾人工作委员会', figures: { proposal: '调整隶属关系：办公室由市残联机关调整至市民政局' }, expect: '调整隶属关系', note: '办事机构建议调整隶属关系' },
  { name: '市节约用水工作领导小组', figures: { meetings: 1, documents: 1, proposal: '建议与市河长制工作领导小组合并' }, expect: '合并', note: '办事机构建议合并，合并对象取自建议原文' },
  { name: '市预制菜产业发展工作领导小组', figures: { proposal: '阶段性任务已完成，建议撤销' }, expect: '撤销', note: '办事机构建议撤销' },
  { name: '市打击治理电信网络新型违法犯罪联席会议', written: '市打击治理电信网络诈骗违法犯罪联席会议', expect: '保留', note: '自评表中名称写法不同，按相近名称对应（附相似度，请确认）' },
  { name: '东营市安全生产委员会', noSelf: true, expect: '合并', note: '台账中与“市安全生产委员会”重复设置；未报送自评表（missing-self-evaluation）' },
  { name: '市海上搜救中心', noSelf: true, expect: '督促整改', note: '未报送自评表（missing-self-evaluation）' },
  { name: '市委审计委员会', figures: { meetings: '若干', documents: 2 }, expect: '保留', note: '会议次数写“若干”（invalid-score）' },
];

/** Bodies of the 自评表 that are not in the register's active bodies. */
export const UNKNOWN_SELF = { name: '市第七次全国人口普查领导小组', department: '市统计局', note: '台账中已撤销，仍报了自评表（unknown-evaluated-body）' } as const;
export const UNKNOWN_MEMBER = { name: '市招商引资工作领导小组', note: '台账中没有这个机构（unknown-evaluated-body）' } as const;
/** The member unit scored low across its bodies (low-member-score), and one written by a short name. */
export const WEAK_UNIT = '市统计局';
export const SHORT_UNIT = { written: '市发改委', listed: '市发展改革委' } as const;
/** A member score out of range (invalid-score). */
export const BAD_SCORE = { body: '市道路交通安全委员会', value: 105 } as const;
/** The member sheet writes one body's name differently. */
export const MEMBER_WRITTEN = { name: '市金融风险防范处置联席会议', written: '市防范处置金融风险联席会议' } as const;

/** Deterministic figures from a body's position: varied, plausible, and mostly passing. */
function baseFigures(i: number): Figures {
  const keyTasks = 3 + (i * 7) % 6;
  return {
    meetings: 1 + (i * 5) % 4,
    documents: 1 + (i * 3) % 5,
    problems: 1 + (i * 11) % 7,
    keyTasks,
    doneTasks: keyTasks - ((i * 13) % 3 === 0 ? 1 : 0),
    rules: '已制定',
    points: i % 6 === 5 ? '未印发' : '已印发',
    issues: ['成员单位参会不够稳定', '信息共享机制有待完善', '督办落实力度不足', '', '部分任务进度滞后', ''][i % 6]!,
    proposal: '保留',
  };
}

const caseOf = new Map(CASES.map((c) => [c.name, c]));
for (const c of CASES) if (!ACTIVE_BODIES.some((b) => b.name === c.name)) throw new Error(`evaluation: ${c.name} is not an active body of the city sample`);

interface SelfLine {
  readonly name: string;
  readonly department: string;
  readonly f: Figures;
}

function selfLines(filter: (b: Body) => boolean): SelfLine[] {
  const out: SelfLine[] = [];
  ACTIVE_BODIES.forEach((b, i) => {
    if (!filter(b)) return;
    const c = caseOf.get(b.name);
    if (c?.noSelf) return;
    out.push({ name: c?.written ?? b.name, department: b.department, f: { ...baseFigures(i), ...c?.figures } });
  });
  return out;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Table {
  readonly sheet: string;
  readonly title: string;
  readonly unitLine: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly SampleValue[])[];
  /** Lines under the table (合计, 填表人 …), each a row of cells. */
  readonly footer: readonly (readonly SampleValue[])[];
}

async function xlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const epoch = new Date(Date.UTC(2026, 0, 15));
  workbook.creator = '东营市委编办';
  workbook.lastModifiedBy = '东营市委编办';
  workbook.created = epoch;
  workbook.modified = epoch;
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.sheet);
    const width = t.header.length;
    sheet.getCell(1, 1).value = t.title;
    sheet.mergeCells(1, 1, 1, width);
    sheet.getCell(1, 1).font = { bold: true, size: 16 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    sheet.getCell(2, 1).value = t.unitLine;
    t.header.forEach((h, c) => {
      const cell = sheet.getCell(3, c + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      sheet.getColumn(c + 1).width = c === 1 ? 34 : Math.max(9, Math.min(22, h.length * 2 + 2));
    });
    t.rows.forEach((values, r) => values.forEach((v, c) => {
      const cell = sheet.getCell(4 + r, c + 1);
      cell.border = BORDER;
      if (v !== null) cell.value = v;
    }));
    t.footer.forEach((values, r) => values.forEach((v, c) => {
      if (v !== null) sheet.getCell(4 + t.rows.length + r, c + 1).value = v;
    }));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}

const sum = (lines: readonly SelfLine[], key: keyof Figures): number => lines.reduce((n, l) => n + (typeof l.f[key] === 'number' ? (l.f[key] as number) : 0), 0);

/** 市委系统: the register's own header words for some columns, aliases for others. */
function partyTable(): Table {
  const lines = selfLines((b) => b.category === 1);
  return {
    sheet: '自评表', title: `东营市市级议事协调机构${EVALUATION_YEAR}年度运行情况自评表（市委系统）`, unitLine: '填报单位：市委办公室（汇总）',
    header: ['序号', '议事协调机构名称', '年度', '牵头部门', '会议次数', '发文数', '解决问题数', '重点任务数', '完成任务数', '工作规则制定情况', '工作要点', '存在的问题', '调整意见'],
    rows: lines.map((l, i) => [i + 1, l.name, `${EVALUATION_YEAR}年`, l.department, l.f.meetings, l.f.documents, l.f.problems, l.f.keyTasks, l.f.doneTasks, l.f.rules, l.f.points, l.f.issues, l.f.proposal]),
    footer: [
      ['合计', `共${lines.length}个`, null, null, sum(lines, 'meetings'), sum(lines, 'documents'), sum(lines, 'problems'), sum(lines, 'keyTasks'), sum(lines, 'doneTasks')],
      ['填表人：王晓燕', null, null, '审核人：李建国', null, null, '联系电话：0546-8387654', null, null, '填报日期：2026年1月15日'],
    ],
  };
}

/** 市政府系统: header words with line breaks and notes, as the office's template writes them. */
function governmentTable(): Table {
  const lines = selfLines((b) => b.category === 2);
  return {
    sheet: `${EVALUATION_YEAR}年度自评`, title: `${EVALUATION_YEAR}年度市政府议事协调机构运行情况自评汇总表`, unitLine: '填报单位：市政府办公室',
    header: ['序号', '机构名称', '年份', '办事机构\n所在部门', '召开会议次数\n（全体会议和专题会议）', '印发文件数', '协调解决\n问题数', '重点任务数', '完成重点\n任务数', '工作规则', '年度工作要点', '存在问题', '调整建议\n（保留/撤销/合并/更名/调整隶属关系）'],
    rows: lines.map((l, i) => [i + 1, l.name, EVALUATION_YEAR, l.department, l.f.meetings, l.f.documents, l.f.problems, l.f.keyTasks, l.f.doneTasks, l.f.rules, l.f.points, l.f.issues, l.f.proposal]),
    footer: [
      ['注：会议次数含全体会议和专题会议；印发文件指以机构或其办公室名义印发的文件。'],
      ['填表人：赵明', null, null, '联系电话：13805461234', null, null, null, '审核人：孙伟'],
    ],
  };
}

const csvCell = (v: SampleValue): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** 联席会议和工作专班 as a CSV saved from Excel on Chinese Windows: GB18030, a title line, CRLF. */
export function othersCsv(): Uint8Array {
  const lines = selfLines((b) => b.category === null || b.category >= 3);
  const rows: SampleValue[][] = [
    [`${EVALUATION_YEAR}年度部门间联席会议、工作专班和协调机制自评表`],
    ['序号', '名称', '年度', '办公室设在', '召开会议数', '印发文件', '协调解决问题', '重点任务', '已完成任务数', '是否制定工作规则', '是否印发工作要点', '主要问题', '建议'],
    ...lines.map((l, i) => [i + 1, l.name, EVALUATION_YEAR, l.department, l.f.meetings, l.f.documents, l.f.problems, l.f.keyTasks, l.f.doneTasks, l.f.rules, l.f.points, l.f.issues, l.f.proposal]),
    [lines.length + 1, UNKNOWN_SELF.name, EVALUATION_YEAR, UNKNOWN_SELF.department, 1, 1, 0, 1, 1, '已制定', '已印发', '', '保留'],
    ['填表人：刘洋', null, null, '联系电话：0546-8211789'],
  ];
  return encodeGb18030(`${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
}

/** Member units scoring each body: 3–5 of the listed departments, one of them the weak one in a few bodies. */
const UNIT_POOL = ['市委组织部', '市委宣传部', '市发展改革委', '市财政局', '市公安局', '市民政局', '市自然资源局', '市住房城乡建管局', '市交通运输局', '市农业农村局', '市卫生健康委', '市应急局', '市市场监管局', WEAK_UNIT, '市生态环境局', '市教育局'];

function memberTable(): Table {
  const rows: SampleValue[][] = [];
  let seq = 0;
  ACTIVE_BODIES.forEach((b, i) => {
    const c = caseOf.get(b.name);
    if (c?.noSelf) return;
    const count = 3 + (i % 3);
    const units = new Set<string>();
    for (let k = 0; units.size < count; k++) {
      const u = UNIT_POOL[(i * 5 + k * 3) % UNIT_POOL.length]!;
      if (u !== b.department) units.add(u);
    }
    if (i % 4 === 0) units.add(WEAK_UNIT);
    let first = true;
    for (const unit of units) {
      const weak = unit === WEAK_UNIT;
      const base = weak ? 48 + (i % 7) : 78 + ((i * 7 + unit.length * 3) % 20);
      const name = b.name === MEMBER_WRITTEN.name ? MEMBER_WRITTEN.written : b.name;
      const written = unit === SHORT_UNIT.listed && i % 2 === 0 ? SHORT_UNIT.written : unit;
      const cooperation = b.name === BAD_SCORE.body && first ? BAD_SCORE.value : base;
      first = false;
      rows.push([++seq, name, written, cooperation, Math.min(100, base + 2), Math.max(0, base - 3), weak ? '40分' : Math.min(100, base + 5)]);
    }
  });
  for (const unit of ['市商务局', '市财政局']) rows.push([++seq, UNKNOWN_MEMBER.name, unit, 88, 90, 85, 92]);
  return {
    sheet: '成员单位评价', title: `${EVALUATION_YEAR}年度议事协调机构成员单位履职情况评价表`, unitLine: '评价单位：各议事协调机构办事机构（汇总：市委编办）',
    header: ['序号', '机构名称', '成员单位', '协调配合\n（0-100分）', '信息共享\n（0-100分）', '任务落实\n（0-100分）', '参会情况\n（0-100分）'],
    rows,
    footer: [['填表人：陈静', null, '联系电话：0546-8387001', null, '填报日期：2026年1月20日']],
  };
}

export async function makeEvaluationSamples(put: (relative: string, data: string | Uint8Array) => Promise<void>): Promise<void> {
  await put(EVALUATION_FILES.party, await xlsx([partyTable()]));
  await put(EVALUATION_FILES.government, await xlsx([governmentTable()]));
  await put(EVALUATION_FILES.others, othersCsv());
  await put(EVALUATION_FILES.members, await xlsx([memberTable()]));
  await put('evaluation/README.md', evaluationReadme());
}

function evaluationReadme(): string {
  const lines = [
    '# 多方评价示例 · Evaluation samples',
    '',
    '由 `npm run samples`（scripts/samples/evaluation.ts）生成，请勿手工修改。对应市级示例台账 `samples/东营市市级议事协调机构管理台账.xlsx`，评价年度 ' + `${EVALUATION_YEAR}，核对日期 2026-11-25。`,
    'Generated by `npm run samples` (scripts/samples/evaluation.ts); evaluates the sample city register for ' + `${EVALUATION_YEAR}.`,
    '',
    '```bash',
    `npx ledger evaluate samples/东营市市级议事协调机构管理台账.xlsx --self samples/evaluation/自评表 --members samples/evaluation/成员单位评价表.xlsx --year ${EVALUATION_YEAR} --as-of 2026-11-25`,
    '```',
    '',
    '- `自评表/` 三份回收的自评表：市委系统（.xlsx，表头用简称：议事协调机构名称、会议次数、发文数、牵头部门）、市政府系统（.xlsx，表头带换行和说明）、联席会议和工作专班（.csv，GB18030 编码，有标题行）；表格下方有合计行和“填表人：… 联系电话：…”，不会被当作机构。',
    `- \`成员单位评价表.xlsx\` 各机构对成员单位的评分（协调配合、信息共享、任务落实、参会情况）；${WEAK_UNIT}得分普遍偏低（low-member-score），“${SHORT_UNIT.written}”按简称归入${SHORT_UNIT.listed}，${BAD_SCORE.body}的一个成员单位协调配合填了 ${BAD_SCORE.value}（invalid-score）。`,
    `- ${UNKNOWN_SELF.name}：${UNKNOWN_SELF.note}；${UNKNOWN_MEMBER.name}：${UNKNOWN_MEMBER.note}。`,
    `- 成员单位评价表把“${MEMBER_WRITTEN.name}”写作“${MEMBER_WRITTEN.written}”：按相近名称对应并报告相似度。`,
    '',
    '| 机构 | 应得建议 | 说明 |',
    '| --- | --- | --- |',
    ...CASES.map((c) => `| ${c.name}${c.written ? `（自评表写作“${c.written}”）` : ''} | ${c.expect} | ${c.note} |`),
  ];
  return `${lines.join('\n')}\n`;
}
