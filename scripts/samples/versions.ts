/**
 * Samples for `ledger compare` and `ledger reconcile`, built from the sample city
 * register (scripts/samples/city.ts) so they show the same 东营市 bodies:
 *
 *   samples/versions/东营市市级台账-2023.xlsx   the register before the 2024 review
 *   samples/versions/东营市市级台账-2026.xlsx   the register now: the city sample with the changes below
 *   samples/reconcile/两办名单.xlsx / 两办名单.csv (GB18030)   the general offices' list
 *
 * Every planted change and its expected findings are data here (VERSION_CHANGES, LIST_CASES);
 * the READMEs and the end-to-end tests read the same data, so they cannot drift from the files.
 */
import { fieldOfHeader, type FieldKey } from '../../src/ledger/fields';
import type { FindingCode } from '../../src/ledger/findings';
import type { ChangeKind } from '../../src/ledger/compare';
import { CITY } from './city';
import { encodeGb18030 } from './gb18030';
import { isNoteSheet, type SampleFile, type SampleRow, type SampleSheet, type SampleValue } from './model';
import { AS_OF } from './planted';
import { writeSampleFile } from './workbook';

export const VERSION_FILES = { before: 'versions/东营市市级台账-2023.xlsx', after: 'versions/东营市市级台账-2026.xlsx' } as const;
export const LIST_FILES = { xlsx: 'reconcile/两办名单.xlsx', csv: 'reconcile/两办名单.csv' } as const;
export const REGISTER_SHEET = '台账';

/** A planted change between the versions and what `ledger compare` must report for it. */
export interface PlantedChange {
  readonly kind: ChangeKind;
  readonly oldName: string | null;
  /** The name in 2026 (the row under the new name, for a rename). */
  readonly newName: string | null;
  /** How compare should match it: name, history, similar, document (null for new / vanished). */
  readonly how: 'name' | 'history' | 'similar' | 'document' | null;
  readonly findings: readonly FindingCode[];
  readonly note: string;
}

type Cells = Partial<Record<FieldKey, SampleValue>>;

const city = CITY.sheets.find((s): s is SampleSheet => !isNoteSheet(s) && s.name === REGISTER_SHEET);
if (!city) throw new Error('versions: the city sample has no 台账 sheet');
const CITY_SHEET: SampleSheet = city;

/** The city sample's header with a 撤销文件 column after 撤销时间 (the versions record abolition documents). */
const ABOLITION_DOC_HEADER = '撤销文件';
const HEADER: readonly string[] = (() => {
  const out: string[] = [];
  for (const h of CITY_SHEET.header) {
    out.push(h);
    if (fieldOfHeader(h.replace(/\s+/g, '')) === 'abolishedOn') out.push(ABOLITION_DOC_HEADER);
  }
  if (!out.includes(ABOLITION_DOC_HEADER)) throw new Error('versions: the city sample has no 撤销时间 column');
  return out;
})();
const FIELD_OF = new Map<string, FieldKey>(HEADER.flatMap((h) => {
  const f = fieldOfHeader(h.replace(/\s+/g, ''));
  return f ? [[h, f] as const] : [];
}));

function toCells(cells: Readonly<Record<string, SampleValue>>): Cells {
  const out: Cells = {};
  for (const [header, value] of Object.entries(cells)) {
    const f = FIELD_OF.get(header);
    if (f) out[f] = value;
  }
  return out;
}

function fromCells(cells: Cells): Record<string, SampleValue> {
  const out: Record<string, SampleValue> = {};
  for (const h of HEADER) out[h] = cells[FIELD_OF.get(h)!] ?? null;
  return out;
}

/** The city sample's bodies, keyed by name, in register order. */
const BASE: readonly Cells[] = CITY_SHEET.rows.map((r) => toCells(r.cells));

function find(rows: Cells[], name: string): Cells {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`versions: no body named ${name} in the city sample`);
  return row;
}

/** Management columns of an active body in the older version (the city sample fills them for active rows only). */
const ACTIVE_EXTRAS: Cells = { workRules: '已制定（2022年）', contact: '孙丽', phone: '0546-8387012' };
const RETIRED_EXTRAS: Cells = { workRules: null, contact: null, phone: null };

/** The planted changes, 2023 → 2026. */
export const VERSION_CHANGES: readonly PlantedChange[] = [
  { kind: 'new', oldName: null, newName: '市创建全国文明城市工作指挥部', how: null, findings: [], note: '2024年2月新设' },
  { kind: 'new', oldName: null, newName: '市油地融合发展工作专班', how: null, findings: [], note: '2024年5月新设' },
  { kind: 'new', oldName: null, newName: '市重大项目建设指挥部', how: null, findings: [], note: '拟设立（已列入2026年版台账）' },
  { kind: 'abolished', oldName: '市地下管线安全管理工作领导小组', newName: '市地下管线安全管理工作领导小组', how: 'name', findings: [], note: '2024年3月撤销，历史沿革和撤销文件均已填写' },
  { kind: 'abolished', oldName: '市重点项目推进工作专班', newName: '市重点项目推进工作专班', how: 'name', findings: ['missing-abolition-document', 'undocumented-change'], note: '2025年撤销，但历史沿革未记载、未填撤销文件' },
  { kind: 'merged', oldName: '市保障农民工工资支付工作联席会议', newName: '市保障农民工工资支付工作联席会议', how: 'name', findings: [], note: '2024年9月并入市根治欠薪工作协调机制，有撤销文件' },
  { kind: 'renamed', oldName: '市大数据发展工作领导小组', newName: '市数字东营建设领导小组', how: 'history', findings: [], note: '更名并调整办事机构（市大数据局 → 市政府办公室），历史沿革均有记载' },
  { kind: 'renamed', oldName: '市优化营商环境领导小组', newName: '市优化营商环境工作领导小组', how: 'similar', findings: [], note: '更名（名称相近，附相似度），历史沿革有记载' },
  { kind: 'renamed', oldName: '市城乡规划委员会', newName: '市国土空间规划委员会', how: 'document', findings: ['undocumented-change'], note: '更名未在历史沿革中记载；名称差别大，靠相同的依据文件对上' },
  { kind: 'adjusted', oldName: '市防汛抗旱指挥部', newName: '市防汛抗旱指挥部', how: 'name', findings: [], note: '办事机构由市水务局调整至市应急局，历史沿革有记载' },
  { kind: 'adjusted', oldName: '市森林防灭火指挥部', newName: '市森林防灭火指挥部', how: 'name', findings: ['undocumented-change'], note: '办事机构由市自然资源局调整至市应急局，历史沿革未记载' },
  { kind: 'adjusted', oldName: '市预制菜产业发展工作领导小组', newName: '市预制菜产业发展工作领导小组', how: 'name', findings: [], note: '存续时间由3年调整为5年' },
  { kind: 'vanished', oldName: '市第三次全国国土调查领导小组', newName: null, how: null, findings: ['vanished-row'], note: '2026年版直接删除了这一行（撤销的机构也应保留行）' },
];

/** Work rules and contact persons the 2026 version still lacks (the 东营 notice: due by 5月20日). */
export interface RulesCase {
  readonly name: string;
  readonly codes: readonly ('missing-work-rules' | 'missing-contact')[];
  readonly rules: string;
  readonly contact: string;
}

export const RULES_CASES: readonly RulesCase[] = [
  { name: '市数字东营建设领导小组', codes: ['missing-work-rules'], rules: '未制定', contact: '孙丽' },
  { name: '市油地融合发展工作专班', codes: ['missing-work-rules', 'missing-contact'], rules: '正在制定', contact: '' },
  { name: '市创建全国文明城市工作指挥部', codes: ['missing-contact'], rules: '已制定（2024年）', contact: '待定' },
];
export const RULES_DEADLINE = '2026-05-20';

/** The 2026 register: the city sample with the changes that happened since 2023. */
function version2026(): Cells[] {
  const rows: Cells[] = BASE.map((r) => ({ ...r, abolitionDoc: null }));
  Object.assign(find(rows, '市大数据发展工作领导小组'), {
    name: '市数字东营建设领导小组', department: '市政府办公室',
    history: '2021年新设；2024年由市大数据发展工作领导小组更名为市数字东营建设领导小组，办公室调整设在市政府办公室',
  });
  Object.assign(find(rows, '市优化营商环境工作领导小组'), { history: '2021年调整；2024年更名' });
  Object.assign(find(rows, '市保障农民工工资支付工作联席会议'), {
    status: '已合并', abolishedOn: '2024年9月', abolitionDoc: '东政办字〔2024〕21号',
    history: '2020年新设；2024年9月并入市根治欠薪工作协调机制', ...RETIRED_EXTRAS,
  });
  Object.assign(find(rows, '市地下管线安全管理工作领导小组'), { abolitionDoc: '东政办字〔2024〕9号' });
  Object.assign(find(rows, '市第七次全国人口普查领导小组'), { abolitionDoc: '东政办字〔2022〕15号' });
  Object.assign(find(rows, '市创建国家卫生城市工作领导小组'), { abolitionDoc: '东政办字〔2021〕9号' });
  for (const c of RULES_CASES) Object.assign(find(rows, c.name), { workRules: c.rules, contact: c.contact || null });
  return rows;
}

/** The 2023 register: before the bodies set up since, with the older names, departments and statuses. */
function version2023(): Cells[] {
  const later = new Set(['市创建全国文明城市工作指挥部', '市油地融合发展工作专班', '市重大项目建设指挥部']);
  const rows: Cells[] = BASE.filter((r) => !later.has(String(r.name))).map((r) => ({ ...r, abolitionDoc: null }));
  Object.assign(find(rows, '市地下管线安全管理工作领导小组'), { status: '存续', abolishedOn: null, history: '2021年新设', ...ACTIVE_EXTRAS });
  Object.assign(find(rows, '市重点项目推进工作专班'), { status: '存续', abolishedOn: null, ...ACTIVE_EXTRAS });
  Object.assign(find(rows, '市优化营商环境工作领导小组'), { name: '市优化营商环境领导小组' });
  Object.assign(find(rows, '市国土空间规划委员会'), { name: '市城乡规划委员会' });
  Object.assign(find(rows, '市防汛抗旱指挥部'), { department: '市水务局', history: '2019年调整' });
  Object.assign(find(rows, '市森林防灭火指挥部'), { department: '市自然资源局' });
  Object.assign(find(rows, '市预制菜产业发展工作领导小组'), { duration: '3年' });
  Object.assign(find(rows, '市第七次全国人口普查领导小组'), { abolitionDoc: '东政办字〔2022〕15号' });
  Object.assign(find(rows, '市创建国家卫生城市工作领导小组'), { abolitionDoc: '东政办字〔2021〕9号' });
  // A task-bound body the 2026 version deleted outright instead of marking it abolished.
  const at = rows.findIndex((r) => r.name === '市第七次全国人口普查领导小组');
  rows.splice(at + 1, 0, {
    name: '市第三次全国国土调查领导小组', category: '政府议事协调机构', established: '2018年1月', basis: '东政办字〔2018〕3号',
    department: '市自然资源局', duration: '任务完成后撤销', history: '2018年新设', parent: '省级设有', status: '存续', ...ACTIVE_EXTRAS,
  });
  return rows;
}

function sheetOf(rows: readonly Cells[], dateLine: string): SampleSheet {
  return {
    ...CITY_SHEET,
    unitLine: [CITY_SHEET.unitLine?.[0] ?? '填报单位：中共东营市委机构编制委员会办公室', dateLine],
    header: HEADER,
    rows: rows.map((cells, i) => ({ cells: { ...fromCells(cells), [HEADER[0]!]: i + 1 } })),
    widths: { ...CITY_SHEET.widths, [ABOLITION_DOC_HEADER]: 20 },
  };
}

export function versionFiles(): { before: SampleFile; after: SampleFile } {
  return {
    before: { path: VERSION_FILES.before, description: '2023年版市级台账（2024年调整规范之前）', sheets: [sheetOf(version2023(), '截至日期：2023年11月20日')] },
    after: { path: VERSION_FILES.after, description: '2026年版市级台账（示例市级台账加上2024年以来的变动）', sheets: [sheetOf(version2026(), '截至日期：2026年11月20日')] },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* The general offices' list (对账名单)                                                            */
/* ---------------------------------------------------------------------------------------------- */

/** What `ledger reconcile` must report for the list against the 2026 register. */
export interface ListCase {
  readonly group: 'matched' | 'not-in-reference' | 'missing-from-register';
  readonly name: string;
  readonly how?: 'name' | 'similar' | 'document';
  readonly note: string;
}

/** The list, by the office's own sections; [name, 文号 or '', 备注]. */
const LIST_SECTIONS: readonly (readonly [string, readonly (readonly [string, string, string])[]])[] = [
  ['一、市委议事协调机构', [
    ['市委全面深化改革委员会', '东办发〔2019〕12号', ''],
    ['市委全面依法治市委员会', '东办发〔2019〕13号', ''],
    ['市委财经委员会', '东办发〔2019〕14号', ''],
    ['市委网络安全和信息化委员会', '东办发〔2019〕15号', ''],
    ['市委外事工作委员会', '东办发〔2019〕16号', ''],
    ['市委审计委员会', '东办发〔2019〕17号', ''],
    ['市委教育工作领导小组', '东办发〔2019〕21号', ''],
    ['市委老干部工作领导小组', '东办发〔2019〕21号', ''],
    ['市委农村工作领导小组', '东办发〔2018〕9号', ''],
    ['市委人才工作领导小组', '东办发〔2019〕18号', ''],
    ['市委宣传思想文化工作领导小组', '东办发〔2019〕19号', ''],
    ['市委统一战线工作领导小组', '东办发〔2019〕20号', ''],
    ['市委平安东营建设领导小组', '', ''],
    ['市委机构编制委员会', '东发〔2019〕3号', ''],
    ['市委军民融合发展委员会', '东办发〔2019〕22号', ''],
    ['市双拥工作领导小组', '东办字〔2020〕12号', ''],
  ]],
  ['二、市政府议事协调机构', [
    ['东营市安全生产委员会', '东政字〔2019〕21号', ''],
    ['市食品安全委员会', '东政字〔2019〕22号', ''],
    ['市防汛抗旱指挥部', '东政字〔2019〕30号', ''],
    ['市森林防灭火指挥部', '东政字〔2019〕31号', ''],
    ['市抗震救灾指挥部', '东政字〔2019〕32号', ''],
    ['市政府教育督导委员会', '东政办字〔2020〕31号', ''],
    ['东营市河长制领导小组', '东政办字〔2017〕20号', ''],
    ['市预制菜产业发展工作领导小组', '东政字〔2022〕5号', ''],
    ['市城乡规划委员会', '东政字〔2020〕12号', '名单未更新'],
    ['市城市管理委员会', '东政字〔2019〕40号', ''],
    ['市道路交通安全委员会', '东政字〔2019〕41号', ''],
    ['市爱国卫生运动委员会', '东政字〔2019〕42号', ''],
    ['市残疾人工作委员会', '东政字〔2019〕43号', ''],
    ['市妇女儿童工作委员会', '东政字〔2019〕44号', ''],
    ['市老龄工作委员会', '东政字〔2019〕45号', ''],
    ['市全民健身工作领导小组', '东政办字〔2021〕8号', ''],
    ['市第五次全国经济普查领导小组', '东政办字〔2023〕6号', ''],
    ['市医疗保障制度改革领导小组', '东政办字〔2021〕12号', ''],
    ['市优化营商环境工作领导小组', '东政办字〔2021〕3号', ''],
    ['市创建全国文明城市工作指挥部', '东政办字〔2024〕4号', ''],
    ['市食品安全工作委员会', '东政字〔2021〕9号', ''],
    ['市城乡环境综合整治工作领导小组', '东政办字〔2021〕10号', ''],
    ['市数字东营建设领导小组', '东政字〔2021〕11号', ''],
    ['市重大项目建设指挥部', '东政字〔2026〕15号', ''],
    ['市政务公开工作领导小组', '东政办字〔2020〕40号', ''],
    ['市节约用水工作领导小组', '东政办字〔2022〕18号', ''],
    ['市海上搜救中心', '东政字〔2020〕18号', ''],
    ['市人民防空委员会', '东政字〔2019〕46号', ''],
  ]],
  ['三、部门间联席会议', [
    ['市社会信用体系建设联席会议', '东政办字〔2021〕7号', ''],
    ['市就业工作联席会议', '东政办字〔2020〕15号', ''],
    ['市打击治理电信网络新型违法犯罪联席会议', '东政办字〔2021〕5号', ''],
    ['市金融风险防范处置联席会议', '东政办字〔2020〕22号', ''],
    ['市海洋经济发展联席会议', '东政办字〔2022〕9号', ''],
    ['市文化和旅游产业发展联席会议', '东政办字〔2022〕10号', ''],
  ]],
  ['四、工作专班', [
    ['市黄河流域生态保护和高质量发展工作专班', '东办字〔2021〕4号', ''],
    ['市新旧动能转换重大工程推进工作专班', '东办字〔2019〕6号', ''],
    ['市化工园区认定工作专班', '东办字〔2023〕2号', ''],
    ['市重点项目推进工作专班', '东办字〔2023〕1号', ''],
    ['市防范化解重大风险工作专班', '东办字〔2020〕9号', ''],
  ]],
  ['五、协调机制', [
    ['市根治欠薪工作协调机制', '东人社字〔2021〕2号', ''],
    ['市粮食安全责任制考核工作协调机制', '东发改字〔2021〕7号', ''],
  ]],
];

/** The list's notable rows; every other listed body matches the register by name. */
export const LIST_CASES: readonly ListCase[] = [
  { group: 'matched', name: '东营市河长制领导小组', how: 'similar', note: '名单写作“东营市河长制领导小组”，台账为“市河长制工作领导小组”：名称相近，附相似度供人工确认' },
  { group: 'matched', name: '市城乡规划委员会', how: 'document', note: '名单仍用旧名，与台账“市国土空间规划委员会”依据文件相同（东政字〔2020〕12号）' },
  { group: 'matched', name: '东营市安全生产委员会', how: 'name', note: '地名前缀不同，规范化后名称相同' },
  { group: 'missing-from-register', name: '市委军民融合发展委员会', note: '名单有，台账中没有' },
  { group: 'missing-from-register', name: '市人民防空委员会', note: '名单有，台账中没有' },
  { group: 'missing-from-register', name: '市重点项目推进工作专班', note: '台账中已撤销，名单仍列为存续（已撤销的行不算对上）' },
  { group: 'not-in-reference', name: '市油地融合发展工作专班', note: '2024年新设，名单未列入' },
  { group: 'not-in-reference', name: '市营商环境投诉处理联席会议', note: '台账有，名单无' },
  { group: 'not-in-reference', name: '市反走私综合治理工作协调机制', note: '台账有，名单无' },
  { group: 'not-in-reference', name: '市安全生产委员会', note: '台账中“市安全生产委员会”与“东营市安全生产委员会”重复登记（duplicate-name），名单只列“东营市安全生产委员会”一次，另一行对不上' },
];

const LIST_TITLE = '东营市议事协调机构名单';
const LIST_UNIT = ['市委办公室、市政府办公室', '2026年10月'] as const;
const LIST_HEADER = ['序号', '机构名称', '设立文件文号', '备注'] as const;

function listRows(): (readonly string[])[] {
  const rows: (readonly string[])[] = [];
  let n = 0;
  for (const [section, bodies] of LIST_SECTIONS) {
    rows.push([section, '', '', '']);
    for (const [name, doc, note] of bodies) rows.push([String(++n), name, doc, note]);
  }
  return rows;
}

export function listFile(): SampleFile {
  const sheet: SampleSheet = {
    name: '名单',
    title: LIST_TITLE,
    unitLine: LIST_UNIT,
    header: LIST_HEADER,
    rows: listRows().map((r): SampleRow => ({
      cells: r[0]!.includes('、') ? { [LIST_HEADER[0]]: r[0]! } : { [LIST_HEADER[0]]: Number(r[0]), [LIST_HEADER[1]]: r[1]!, [LIST_HEADER[2]]: r[2] || null, [LIST_HEADER[3]]: r[3] || null },
    })),
    widths: { 序号: 26, 机构名称: 40, 设立文件文号: 22, 备注: 16 },
  };
  return { path: LIST_FILES.xlsx, description: '市委办公室、市政府办公室提供的对账名单', sheets: [sheet] };
}

/** The same list as a CSV saved by Excel on Chinese Windows: GB18030, CRLF, quotes where needed. */
export function listCsv(): Uint8Array {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[LIST_TITLE, '', '', ''], [LIST_UNIT[0], '', '', LIST_UNIT[1]], [...LIST_HEADER], ...listRows()];
  return encodeGb18030(`${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`);
}

/* ---------------------------------------------------------------------------------------------- */
/* Documentation                                                                                   */
/* ---------------------------------------------------------------------------------------------- */

const KIND_ZH: Readonly<Record<ChangeKind, string>> = { vanished: '删除（无记录）', new: '新设', abolished: '撤销', merged: '合并', renamed: '更名', adjusted: '调整', unchanged: '未变' };
const GROUP_ZH: Readonly<Record<ListCase['group'], string>> = { matched: '已对上', 'not-in-reference': '台账有名单无（not-in-reference）', 'missing-from-register': '名单有台账无（missing-from-register）' };

export function versionsReadme(): string {
  const q = (p: string) => `"samples/${p}"`;
  const lines = [
    '# 台账版本对比与对账示例 · Samples for compare and reconcile',
    '',
    '由 `npm run samples`（scripts/samples/versions.ts）生成，请勿手工修改。两个版本都取自示例市级台账（`../东营市市级议事协调机构管理台账.xlsx`）：',
    '2026年版就是示例市级台账加上下表的变动，另加“撤销文件”列；2023年版是调整规范之前的样子。核对日期 ' + AS_OF + '。',
    'Generated by `npm run samples`; both versions come from the sample city register. The 2026 version is that register with the changes below.',
    '',
    '```bash',
    `npx ledger compare ${q(VERSION_FILES.before)} ${q(VERSION_FILES.after)} --as-of ${AS_OF}`,
    `npx ledger compare ${q(VERSION_FILES.before)} ${q(VERSION_FILES.after)} -o 调整清单.xlsx`,
    `npx ledger reconcile ${q(VERSION_FILES.after)} --against ${q(LIST_FILES.xlsx)}`,
    `npx ledger reconcile ${q(VERSION_FILES.after)} --against ${q(LIST_FILES.csv)} -o 对账结果.xlsx`,
    '```',
    '',
    '## 预置的变动 · Planted changes (2023 → 2026)',
    '',
    '其余机构两版相同（未变）。Every other body is the same in both versions.',
    '',
    '| 类型 | 2023年版名称 | 2026年版名称 | 匹配依据 | 应报告的问题 | 说明 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...VERSION_CHANGES.map((c) => `| ${KIND_ZH[c.kind]} | ${c.oldName ?? '—'} | ${c.newName ?? '—'} | ${c.how ?? '—'} | ${c.findings.length ? c.findings.map((f) => `\`${f}\``).join('、') : '无'} | ${c.note} |`),
    '',
    '## 工作规则与联络人 · Work rules and contact persons',
    '',
    `2026年版中以下存续机构尚未报送工作规则或联络人；报送期限 ${RULES_DEADLINE}（东编办发〔2020〕21号：5月20日前）已过，按核对日期 ${AS_OF} 检查时为错误：`,
    `In the 2026 version these active bodies still lack work rules or a contact person; past the deadline ${RULES_DEADLINE} they are errors:`,
    '',
    '```bash',
    `npx ledger validate ${q(VERSION_FILES.after)} --as-of ${AS_OF} --deadline ${RULES_DEADLINE}`,
    '```',
    '',
    '| 机构 | 工作规则 | 联络人 | 应报告的问题 |',
    '| --- | --- | --- | --- |',
    ...RULES_CASES.map((c) => `| ${c.name} | ${c.rules} | ${c.contact || '（空）'} | ${c.codes.map((x) => `\`${x}\``).join('、')} |`),
    '',
    '## 对账名单 · The general offices’ list',
    '',
    '`../reconcile/两办名单.xlsx` 与 `../reconcile/两办名单.csv`（GB18030 编码，Excel 中文版“另存为 CSV”的格式）内容相同：',
    '标题行、落款行、分类小标题（一、市委议事协调机构……）在名单之中，与2026年版台账对账。',
    'The list in .xlsx and as a GB18030 CSV (what Excel on Chinese Windows saves), reconciled against the 2026 version.',
    '',
    '| 分组 | 名称 | 说明 |',
    '| --- | --- | --- |',
    ...LIST_CASES.map((c) => `| ${GROUP_ZH[c.group]}${c.how ? `（${c.how}）` : ''} | ${c.name} | ${c.note} |`),
    '',
  ];
  return lines.join('\n');
}

/** Writes the compare and reconcile samples through `put(relative path under samples/, data)`. */
export async function makeVersionSamples(put: (relative: string, data: string | Uint8Array) => Promise<void>): Promise<void> {
  const { before, after } = versionFiles();
  for (const file of [before, after, listFile()]) await put(file.path, (await writeSampleFile(file)).bytes);
  await put(LIST_FILES.csv, listCsv());
  await put('versions/README.md', versionsReadme());
}
