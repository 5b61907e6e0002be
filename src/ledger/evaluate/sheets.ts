/**
 * The workbook of `ledger evaluate -o`: 评价结果 (one row per body, by rank, grades coloured),
 * 成员单位评价 (one row per unit), 调整建议 (grouped by action, with reasons and counts), 问题清单
 * and 说明 (inputs with SHA-256, settings, the formulas and the rules). And the blank 自评表 /
 * 成员单位评价表 of `--template`, prefilled with the register's active bodies.
 */
import { messageOf, type Lang } from '../findings';
import type { CellValue } from '../grid';
import type { LedgerRow } from '../row';
import type { ColumnSpec, SheetSpec } from '../sheetSpec';
import { ranking, type BodyEvaluation, type EvaluationResult } from './evaluate';
import { MEMBER_FIELDS, SELF_FIELDS } from './fields';
import { ACTIONS, type Action } from './read';
import { PARTS } from './score';
import { GRADE_LABELS_EN, type EvaluationSettings, type Grade } from './settings';
import { ACTION_LABELS_EN, actionSummary } from './suggest';

export const EVALUATION_SHEET_NAMES = {
  results: '评价结果',
  members: '成员单位评价',
  suggestions: '调整建议',
  findings: '问题清单',
  about: '说明',
} as const;
export const TEMPLATE_SHEET_NAMES = { self: '自评表', members: '成员单位评价表' } as const;

/** Grade colours: Excel's own “good / neutral / bad” fills. */
export const GRADE_FILLS: Readonly<Record<string, string>> = {
  好: 'FFC6EFCE',
  较好: 'FFDDEBF7',
  一般: 'FFFFEB9C',
  差: 'FFFFC7CE',
  good: 'FFC6EFCE',
  'fairly good': 'FFDDEBF7',
  fair: 'FFFFEB9C',
  poor: 'FFFFC7CE',
};
const ACTION_FILLS: Readonly<Record<string, string>> = {
  撤销: 'FFFFC7CE',
  合并: 'FFFFEB9C',
  更名: 'FFDDEBF7',
  调整隶属关系: 'FFDDEBF7',
  督促整改: 'FFFCE4D6',
  abolish: 'FFFFC7CE',
  merge: 'FFFFEB9C',
  rename: 'FFDDEBF7',
  'move to another host': 'FFDDEBF7',
  'urge improvement': 'FFFCE4D6',
};

/** One input file as 说明 lists it. */
export interface EvaluationInputFile {
  readonly file: string;
  readonly role: 'register' | 'self' | 'members';
  readonly size: number;
  readonly sha256: string;
}

export interface EvaluationSheetOptions {
  readonly lang?: Lang;
  readonly registerFile?: string;
  readonly asOf?: string;
  readonly settings: EvaluationSettings;
  readonly inputs?: readonly EvaluationInputFile[];
  readonly toolVersion?: string;
}

const TEXT = {
  zh: {
    title: (y: number) => `${y}年度议事协调机构运行情况评价结果`,
    line: (file: string, asOf: string, pass: number) => `台账：${file}　核对日期：${asOf}　合格线：${pass} 分`,
    results: [
      '名次',
      '机构名称',
      '办事机构所在部门',
      '会议次数',
      '发文数',
      '解决问题数',
      '重点任务数',
      '完成任务数',
      '工作规则',
      '工作要点',
      '工作实绩性',
      '运行规范度',
      '协调配合度',
      '总分',
      '等次',
      '调整建议',
      '台账位置',
      '自评表位置',
      '名称对应',
    ],
    yes: '已制定',
    no: '未制定',
    issued: '已印发',
    notIssued: '未印发',
    unknown: '未填',
    notEvaluated: '未评价',
    same: '名称相同',
    similar: (s: number) => `名称相近（相似度 ${s.toFixed(2)}），请确认`,
    at: (file: string, sheet: string, row: number) => `${file} ${sheet} 第${row}行`,
    atSheet: (sheet: string, row: number) => `${sheet} 第${row}行`,
    membersTitle: (y: number) => `${y}年度成员单位履职情况评价`,
    members: ['名次', '成员单位', '评价机构数', '评分行数', '平均分', '评价', '表中写法', '首次出现位置'],
    pass: '达标',
    low: '偏低',
    suggestionsTitle: (y: number) => `${y}年度议事协调机构调整建议`,
    suggestionCounts: (summary: string, n: number) => `共 ${n} 个机构：${summary}`,
    suggestions: ['调整建议', '机构名称', '办事机构所在部门', '总分', '等次', '理由', '合并对象', '台账位置'],
    findings: ['文件', '工作表', '行', '列', '代码', '级别', '问题', '值', '建议'],
    severities: { error: '错误', warning: '警告', info: '提示' },
    about: '说明',
    tool: '生成工具',
    year: '评价年度',
    asOf: '核对日期',
    weights: '权重',
    weightsText: (w: EvaluationSettings['weights']) =>
      `工作实绩性 ${w.performance}、运行规范度 ${w.conduct}、协调配合度 ${w.cooperation}`,
    grades: '等次',
    gradesText: (g: EvaluationSettings['grades']) =>
      `好 ≥ ${g.good}，较好 ≥ ${g.fairlyGood}，一般 ≥ ${g.fair}，差 < ${g.fair}`,
    passing: '合格等次',
    targets: '满分所需次数',
    targetsText: (t: EvaluationSettings['targets']) =>
      `会议 ${t.meetings} 次，发文 ${t.documents} 个，解决问题 ${t.problems} 个`,
    formulas: '计算方法',
    rules: '建议依据',
    inputs: ['文件', '用途', '字节数', 'SHA-256'],
    roles: { register: '台账', self: '自评表', members: '成员单位评价表' },
  },
  en: {
    title: (y: number) => `Evaluation of the coordinating bodies, ${y}`,
    line: (file: string, asOf: string, pass: number) => `Register: ${file}   As of: ${asOf}   Passing score: ${pass}`,
    results: [
      'Rank',
      'Body',
      'Host department',
      'Meetings',
      'Documents',
      'Problems solved',
      'Key tasks',
      'Tasks completed',
      'Work rules',
      'Work points',
      'Performance',
      'Conduct',
      'Cooperation',
      'Total',
      'Grade',
      'Suggestion',
      'Register row',
      'Self-evaluation row',
      'Name match',
    ],
    yes: 'adopted',
    no: 'none',
    issued: 'issued',
    notIssued: 'not issued',
    unknown: 'not given',
    notEvaluated: 'not evaluated',
    same: 'same name',
    similar: (s: number) => `similar name (similarity ${s.toFixed(2)}), to confirm`,
    at: (file: string, sheet: string, row: number) => `${file} ${sheet} row ${row}`,
    atSheet: (sheet: string, row: number) => `${sheet} row ${row}`,
    membersTitle: (y: number) => `Member units, ${y}`,
    members: ['Rank', 'Member unit', 'Bodies', 'Rows', 'Mean', 'Result', 'Written as', 'First row'],
    pass: 'passing',
    low: 'low',
    suggestionsTitle: (y: number) => `Suggested adjustments, ${y}`,
    suggestionCounts: (summary: string, n: number) => `${n} bodies: ${summary}`,
    suggestions: ['Suggestion', 'Body', 'Host department', 'Total', 'Grade', 'Reasons', 'Merge with', 'Register row'],
    findings: ['File', 'Sheet', 'Row', 'Column', 'Code', 'Severity', 'Message', 'Value', 'Suggestion'],
    severities: { error: 'error', warning: 'warning', info: 'info' },
    about: 'About',
    tool: 'Made by',
    year: 'Year evaluated',
    asOf: 'As of',
    weights: 'Weights',
    weightsText: (w: EvaluationSettings['weights']) =>
      `performance ${w.performance}, conduct ${w.conduct}, cooperation ${w.cooperation}`,
    grades: 'Grades',
    gradesText: (g: EvaluationSettings['grades']) =>
      `好 (good) ≥ ${g.good}, 较好 ≥ ${g.fairlyGood}, 一般 ≥ ${g.fair}, 差 < ${g.fair}`,
    passing: 'Passing grade',
    targets: 'Full marks at',
    targetsText: (t: EvaluationSettings['targets']) =>
      `${t.meetings} meetings, ${t.documents} documents, ${t.problems} problems solved`,
    formulas: 'Formulas',
    rules: 'Suggestions rest on',
    inputs: ['File', 'Role', 'Bytes', 'SHA-256'],
    roles: { register: 'register', self: '自评表', members: '成员单位评价表' },
  },
} as const;

/** The formulas of score.ts, in words, for 说明 and README. */
export function formulaLines(settings: EvaluationSettings, lang: Lang = 'zh'): string[] {
  const t = settings.targets;
  const w = settings.weights;
  if (lang === 'en') {
    return [
      `Performance = ${PARTS.tasks} × min(1, tasks completed / key tasks) + ${PARTS.problems} × min(1, problems solved / ${t.problems})`,
      `Conduct = ${PARTS.meetings} × min(1, meetings / ${t.meetings}) + ${PARTS.documents} × min(1, documents / ${t.documents}) + ${PARTS.workRules} if work rules adopted + ${PARTS.workPoints} if 工作要点 issued`,
      'Cooperation = mean over the member units of their score (得分, else the mean of 协调配合, 信息共享, 任务落实, 参会情况)',
      `Total = (${w.performance} × performance + ${w.conduct} × conduct + ${w.cooperation} × cooperation) / ${w.performance + w.conduct + w.cooperation}; without member scores, over the other two`,
    ];
  }
  return [
    `工作实绩性 = ${PARTS.tasks} × min(1, 完成任务数 ÷ 重点任务数) + ${PARTS.problems} × min(1, 协调解决问题数 ÷ ${t.problems})`,
    `运行规范度 = ${PARTS.meetings} × min(1, 召开会议次数 ÷ ${t.meetings}) + ${PARTS.documents} × min(1, 印发文件数 ÷ ${t.documents}) + ${PARTS.workRules}（已制定工作规则）+ ${PARTS.workPoints}（已印发年度工作要点）`,
    '协调配合度 = 各成员单位评分的平均（有“得分”用得分，否则取协调配合、信息共享、任务落实、参会情况的平均）',
    `总分 = (${w.performance} × 实绩 + ${w.conduct} × 规范 + ${w.cooperation} × 配合) ÷ ${w.performance + w.conduct + w.cooperation}；没有成员单位评分的机构按另两项加权`,
  ];
}

/** The suggestion rules of suggest.ts, in words. */
export function ruleLines(lang: Lang = 'zh'): string[] {
  if (lang === 'en') {
    return [
      'abolish (撤销): term ended and still active (overdue); or idle with no similar-named body; or the office proposes it',
      'merge (合并): idle and a similar-named body exists; or the register lists the body twice (duplicate-name); or the office proposes it',
      'rename (更名): category and name do not fit (category-name-mismatch); or the office proposes it',
      'move (调整隶属关系): the office proposes it',
      'urge improvement (督促整改): total below the passing grade; no work rules; no self-evaluation returned',
      'keep (保留): none of the above',
    ];
  }
  return [
    '撤销：存续期已届满仍存续（overdue）；或年度内未开会未发文且无名称相近机构；或办事机构建议撤销',
    '合并：年度内未开会未发文且有名称相近的机构；或台账重复设置（duplicate-name）；或办事机构建议合并',
    '更名：类别与名称不符（category-name-mismatch）；或办事机构建议更名',
    '调整隶属关系：办事机构建议调整隶属关系',
    '督促整改：总分低于合格等次；未制定工作规则；未报送自评表',
    '保留：以上都不适用',
  ];
}

const num = (n: number | null): CellValue => n;

function gradeText(grade: Grade | null, lang: Lang): string {
  const t = TEXT[lang];
  if (grade === null) return t.notEvaluated;
  return lang === 'en' ? GRADE_LABELS_EN[grade] : grade;
}

function actionText(action: Action, lang: Lang): string {
  return lang === 'en' ? ACTION_LABELS_EN[action] : action;
}

function reasonsText(b: BodyEvaluation, lang: Lang): string {
  return b.reasons.map((r) => (lang === 'en' ? r.en : r.zh)).join(lang === 'en' ? '; ' : '；');
}

function resultsSheet(result: EvaluationResult, o: EvaluationSheetOptions, lang: Lang): SheetSpec {
  const t = TEXT[lang];
  const h = t.results;
  const choice = (v: boolean | null, yes: string, no: string) => (v === null ? t.unknown : v ? yes : no);
  const text = (i: number, width: number): ColumnSpec => ({ header: h[i]!, width, format: 'text' });
  const int = (i: number): ColumnSpec => ({ header: h[i]!, width: 9, format: 'integer' });
  const dec = (i: number): ColumnSpec => ({ header: h[i]!, width: 10, format: 'decimal' });
  const columns: ColumnSpec[] = [
    int(0),
    text(1, 36),
    text(2, 18),
    int(3),
    int(4),
    int(5),
    int(6),
    int(7),
    text(8, 9),
    text(9, 9),
    dec(10),
    dec(11),
    dec(12),
    dec(13),
    { header: h[14]!, width: 8, format: 'text', fills: GRADE_FILLS },
    { header: h[15]!, width: 12, format: 'text', fills: ACTION_FILLS },
    text(16, 14),
    text(17, 36),
    text(18, 26),
  ];
  const rows = ranking(result).map((b) => [
    b.rank,
    b.name,
    b.department,
    num(b.counts?.meetings ?? null),
    num(b.counts?.documents ?? null),
    num(b.counts?.problems ?? null),
    num(b.counts?.keyTasks ?? null),
    num(b.counts?.doneTasks ?? null),
    choice(b.workRules, t.yes, t.no),
    choice(b.workPoints, t.issued, t.notIssued),
    b.scores.performance,
    b.scores.conduct,
    b.scores.cooperation,
    b.total,
    gradeText(b.grade, lang),
    actionText(b.suggestion, lang),
    t.atSheet(b.sheet, b.row),
    b.self ? t.at(b.self.file, b.self.sheet, b.self.row) : null,
    b.self ? (b.self.how === 'name' ? t.same : t.similar(b.self.score)) : null,
  ]);
  return {
    name: EVALUATION_SHEET_NAMES.results,
    preamble: [[t.title(result.year)], [t.line(o.registerFile ?? '', o.asOf ?? '', result.passing)]],
    columns,
    rows,
  };
}

function membersSheet(result: EvaluationResult, lang: Lang): SheetSpec {
  const t = TEXT[lang];
  const h = t.members;
  return {
    name: EVALUATION_SHEET_NAMES.members,
    preamble: [[t.membersTitle(result.year)]],
    columns: [
      { header: h[0]!, width: 6, format: 'integer' },
      { header: h[1]!, width: 22, format: 'text' },
      { header: h[2]!, width: 10, format: 'integer' },
      { header: h[3]!, width: 10, format: 'integer' },
      { header: h[4]!, width: 9, format: 'decimal' },
      { header: h[5]!, width: 8, format: 'text', fills: { [t.pass]: GRADE_FILLS.好!, [t.low]: GRADE_FILLS.差! } },
      { header: h[6]!, width: 26, format: 'text' },
      { header: h[7]!, width: 40, format: 'text' },
    ],
    rows: result.members.map((m) => [
      m.rank,
      m.unit,
      m.bodies,
      m.rows,
      m.mean,
      m.low ? t.low : t.pass,
      m.spellings.join('、'),
      t.at(m.first.file, m.first.sheet, m.first.row),
    ]),
  };
}

function suggestionsSheet(result: EvaluationResult, lang: Lang): SheetSpec {
  const t = TEXT[lang];
  const h = t.suggestions;
  const order = new Map(ACTIONS.map((a, i) => [a, i]));
  const sorted = [...result.bodies].sort((a, b) => order.get(a.suggestion)! - order.get(b.suggestion)!);
  return {
    name: EVALUATION_SHEET_NAMES.suggestions,
    preamble: [
      [t.suggestionsTitle(result.year)],
      [t.suggestionCounts(actionSummary(result.counts.byAction, lang), result.bodies.length)],
      ...ACTIONS.map((a) => [actionText(a, lang), result.counts.byAction[a]]),
    ],
    columns: [
      { header: h[0]!, width: 12, format: 'text', fills: ACTION_FILLS },
      { header: h[1]!, width: 36, format: 'text' },
      { header: h[2]!, width: 18, format: 'text' },
      { header: h[3]!, width: 8, format: 'decimal' },
      { header: h[4]!, width: 8, format: 'text', fills: GRADE_FILLS },
      { header: h[5]!, width: 80, format: 'text' },
      { header: h[6]!, width: 32, format: 'text' },
      { header: h[7]!, width: 14, format: 'text' },
    ],
    rows: sorted.map((b) => [
      actionText(b.suggestion, lang),
      b.name,
      b.department,
      b.total,
      gradeText(b.grade, lang),
      reasonsText(b, lang),
      b.partner?.name ?? null,
      t.atSheet(b.sheet, b.row),
    ]),
  };
}

function findingsSheet(result: EvaluationResult, lang: Lang): SheetSpec {
  const t = TEXT[lang];
  const h = t.findings;
  return {
    name: EVALUATION_SHEET_NAMES.findings,
    columns: [
      { header: h[0]!, width: 34, format: 'text' },
      { header: h[1]!, width: 16, format: 'text' },
      { header: h[2]!, width: 6, format: 'integer' },
      { header: h[3]!, width: 16, format: 'text' },
      { header: h[4]!, width: 24, format: 'text' },
      { header: h[5]!, width: 8, format: 'text' },
      { header: h[6]!, width: 60, format: 'text' },
      { header: h[7]!, width: 30, format: 'text' },
      { header: h[8]!, width: 30, format: 'text' },
    ],
    rows: result.findings.map(({ file, finding: f }) => [
      file,
      f.sheet,
      f.row,
      f.column,
      f.code,
      t.severities[f.severity],
      messageOf(f, lang),
      f.value === '' ? null : f.value,
      f.suggestion ?? null,
    ]),
  };
}

function aboutSheet(result: EvaluationResult, o: EvaluationSheetOptions, lang: Lang): SheetSpec {
  const t = TEXT[lang];
  const s = o.settings;
  const preamble: CellValue[][] = [
    [t.about],
    [t.tool, `ledger evaluate${o.toolVersion ? ` ${o.toolVersion}` : ''}`],
    [t.year, result.year],
    [t.asOf, o.asOf ?? ''],
    [t.weights, t.weightsText(s.weights)],
    [t.grades, t.gradesText(s.grades)],
    [t.passing, `${s.passingGrade}（${result.passing}）`],
    [t.targets, t.targetsText(s.targets)],
    ...formulaLines(s, lang).map((line, i) => [i === 0 ? t.formulas : '', line]),
    ...ruleLines(lang).map((line, i) => [i === 0 ? t.rules : '', line]),
    [],
  ];
  const roles = t.roles;
  return {
    name: EVALUATION_SHEET_NAMES.about,
    preamble,
    columns: [
      { header: t.inputs[0], width: 44, format: 'text' },
      { header: t.inputs[1], width: 14, format: 'text' },
      { header: t.inputs[2], width: 12, format: 'integer' },
      { header: t.inputs[3], width: 68, format: 'text' },
    ],
    rows: (o.inputs ?? []).map((i) => [i.file, roles[i.role], i.size, i.sha256]),
    table: false,
    freezeHeader: false,
  };
}

/** The five result sheets. */
export function evaluationSheets(result: EvaluationResult, options: EvaluationSheetOptions): SheetSpec[] {
  const lang = options.lang ?? 'zh';
  return [
    resultsSheet(result, options, lang),
    membersSheet(result, lang),
    suggestionsSheet(result, lang),
    findingsSheet(result, lang),
    aboutSheet(result, options, lang),
  ];
}

// ---------------------------------------------------------------- templates

export interface TemplateOptions {
  readonly year: number;
  /** Blank rows below the prefilled ones, for bodies the register lacks. */
  readonly blankRows?: number;
  /** Member units per body prefilled in 成员单位评价表 (the blank rows the lead department fills). */
  readonly memberRowsPerBody?: number;
  /** Units offered in the 成员单位 dropdown (the department list); none: free text. */
  readonly departments?: readonly string[];
}

const CHOICE_RULES = ['已制定', '未制定'];
const CHOICE_POINTS = ['已印发', '未印发'];
const PROPOSALS = ['保留', '撤销', '合并', '更名', '调整隶属关系'];

/**
 * The two blank sheets to send out: 自评表 with one row per active body (name, year and host
 * department filled in), 成员单位评价表 with rows per body for the member units. Counts accept
 * whole numbers ≥ 0, scores 0–100, choices from dropdowns.
 */
export function templateSheets(rows: readonly LedgerRow[], options: TemplateOptions): SheetSpec[] {
  const active = rows.filter((r) => r.active && r.name !== '');
  const count = (header: string): ColumnSpec => ({
    header,
    width: 10,
    format: 'integer',
    range: { min: 0, whole: true },
  });
  const score = (header: string): ColumnSpec => ({ header, width: 10, format: 'decimal', range: { min: 0, max: 100 } });
  const self: SheetSpec = {
    name: TEMPLATE_SHEET_NAMES.self,
    preamble: [[`${options.year}年度议事协调机构运行情况自评表`], ['填报单位：', null, null, '填报日期：']],
    columns: [
      { header: SELF_FIELDS.seq.label, width: 6, format: 'integer' },
      { header: SELF_FIELDS.name.label, width: 36, format: 'text' },
      { header: SELF_FIELDS.year.label, width: 8, format: 'integer' },
      { header: SELF_FIELDS.department.label, width: 20, format: 'text' },
      count(SELF_FIELDS.meetings.label),
      count(SELF_FIELDS.documents.label),
      count(SELF_FIELDS.problems.label),
      count(SELF_FIELDS.keyTasks.label),
      count(SELF_FIELDS.doneTasks.label),
      { header: SELF_FIELDS.workRules.label, width: 10, format: 'text', list: CHOICE_RULES },
      { header: SELF_FIELDS.workPoints.label, width: 12, format: 'text', list: CHOICE_POINTS },
      { header: SELF_FIELDS.issues.label, width: 30, format: 'text' },
      { header: SELF_FIELDS.proposal.label, width: 16, format: 'text', list: PROPOSALS },
    ],
    rows: active.map((r, i) => [
      i + 1,
      r.name,
      options.year,
      r.department,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
    blankRows: options.blankRows ?? 10,
    footer: [[], ['填表人：', null, null, '审核人：', null, null, '联系电话：']],
  };
  const per = options.memberRowsPerBody ?? 3;
  const memberRows: CellValue[][] = [];
  for (const r of active)
    for (let k = 0; k < per; k++) memberRows.push([memberRows.length + 1, r.name, null, null, null, null, null]);
  const members: SheetSpec = {
    name: TEMPLATE_SHEET_NAMES.members,
    preamble: [
      [`${options.year}年度议事协调机构成员单位履职情况评价表`],
      ['评价单位（办事机构）：', null, null, '填报日期：'],
    ],
    columns: [
      { header: MEMBER_FIELDS.seq.label, width: 6, format: 'integer' },
      { header: MEMBER_FIELDS.name.label, width: 36, format: 'text' },
      {
        header: MEMBER_FIELDS.unit.label,
        width: 22,
        format: 'text',
        ...(options.departments && options.departments.length > 0 ? { list: options.departments } : {}),
      },
      score(MEMBER_FIELDS.cooperation.label),
      score(MEMBER_FIELDS.sharing.label),
      score(MEMBER_FIELDS.tasks.label),
      score(MEMBER_FIELDS.attendance.label),
    ],
    rows: memberRows,
    blankRows: options.blankRows ?? 10,
    footer: [[], ['填表人：', null, null, '联系电话：']],
  };
  return [self, members];
}
