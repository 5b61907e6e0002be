/**
 * The columns of the two 多方评价 sheets (docs/evaluate.md): the 自评表 each body's office fills
 * in, and the 成员单位评价表 the lead department fills in, one row per body × member unit. Headers
 * are matched like the register's (normaliseHeader: spaces, line breaks, full-width characters and
 * a trailing colon do not matter; a bracketed note such as “（0–100分）” is dropped).
 */
import { FIELDS, normaliseHeader } from '../fields';

export type SelfField =
  | 'seq'
  | 'name'
  | 'year'
  | 'department'
  | 'meetings'
  | 'documents'
  | 'problems'
  | 'keyTasks'
  | 'doneTasks'
  | 'workRules'
  | 'workPoints'
  | 'issues'
  | 'proposal';

export type MemberField = 'seq' | 'name' | 'unit' | 'cooperation' | 'sharing' | 'tasks' | 'attendance' | 'score';

export interface EvalFieldDefinition<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly labelEn: string;
  readonly aliases: readonly string[];
  /** How the cell is read: a whole count ≥ 0, a score 0–100, a yes/no choice, or text. */
  readonly kind: 'count' | 'score' | 'choice' | 'text';
}

const NAME_ALIASES = [...FIELDS.name.aliases, '议事协调机构', '机构', '被评价机构', '评价对象'];

export const SELF_FIELDS: Readonly<Record<SelfField, EvalFieldDefinition<SelfField>>> = {
  seq: { key: 'seq', label: '序号', labelEn: 'No.', kind: 'text', aliases: ['编号', 'No', 'NO.'] },
  name: { key: 'name', label: '机构名称', labelEn: 'Body name', kind: 'text', aliases: NAME_ALIASES },
  year: { key: 'year', label: '年度', labelEn: 'Year', kind: 'text', aliases: ['年份', '评价年度', '自评年度'] },
  department: {
    key: 'department',
    label: '办事机构所在部门',
    labelEn: 'Host department',
    kind: 'text',
    aliases: [...FIELDS.department.aliases, '填报部门', '填报单位'],
  },
  meetings: {
    key: 'meetings',
    label: '召开会议次数',
    labelEn: 'Meetings held',
    kind: 'count',
    aliases: [
      '会议次数',
      '召开会议数',
      '开会次数',
      '召开会议',
      '全体会议和专题会议次数',
      '召开全体会议和专题会议次数',
      '会议召开次数',
    ],
  },
  documents: {
    key: 'documents',
    label: '印发文件数',
    labelEn: 'Documents issued',
    kind: 'count',
    aliases: ['发文数', '发文数量', '印发文件', '印发文件数量', '以机构名义印发文件数', '发文件数', '印发文件个数'],
  },
  problems: {
    key: 'problems',
    label: '协调解决问题数',
    labelEn: 'Problems solved',
    kind: 'count',
    aliases: ['解决问题数', '协调解决问题', '协调解决重大问题数', '解决问题个数', '协调解决问题个数'],
  },
  keyTasks: {
    key: 'keyTasks',
    label: '重点任务数',
    labelEn: 'Key tasks',
    kind: 'count',
    aliases: ['重点任务', '年度重点任务数', '重点工作任务数', '任务数'],
  },
  doneTasks: {
    key: 'doneTasks',
    label: '完成任务数',
    labelEn: 'Tasks completed',
    kind: 'count',
    aliases: ['完成重点任务数', '已完成任务数', '完成数', '已完成重点任务数', '任务完成数'],
  },
  workRules: {
    key: 'workRules',
    label: '工作规则',
    labelEn: 'Work rules',
    kind: 'choice',
    aliases: [...FIELDS.workRules.aliases, '是否制定工作规则', '工作规则情况'],
  },
  workPoints: {
    key: 'workPoints',
    label: '年度工作要点',
    labelEn: 'Annual work points',
    kind: 'choice',
    aliases: ['工作要点', '工作要点印发情况', '是否印发工作要点', '年度工作要点印发情况'],
  },
  issues: {
    key: 'issues',
    label: '存在问题',
    labelEn: 'Problems noted',
    kind: 'text',
    aliases: ['存在的问题', '主要问题', '问题', '存在问题及原因'],
  },
  proposal: {
    key: 'proposal',
    label: '调整建议',
    labelEn: 'Proposed adjustment',
    kind: 'text',
    aliases: ['建议', '调整意见', '意见建议', '调整建议（保留/撤销/合并/更名/调整隶属关系）', '下步调整建议'],
  },
};

export const MEMBER_FIELDS: Readonly<Record<MemberField, EvalFieldDefinition<MemberField>>> = {
  seq: { key: 'seq', label: '序号', labelEn: 'No.', kind: 'text', aliases: ['编号', 'No', 'NO.'] },
  name: { key: 'name', label: '机构名称', labelEn: 'Body name', kind: 'text', aliases: NAME_ALIASES },
  unit: {
    key: 'unit',
    label: '成员单位',
    labelEn: 'Member unit',
    kind: 'text',
    aliases: ['成员单位名称', '被评价单位', '被评单位', '单位名称', '单位', '成员单位（部门）'],
  },
  cooperation: {
    key: 'cooperation',
    label: '协调配合',
    labelEn: 'Cooperation',
    kind: 'score',
    aliases: ['协调配合度', '协调配合情况', '配合情况', '配合度'],
  },
  sharing: {
    key: 'sharing',
    label: '信息共享',
    labelEn: 'Information sharing',
    kind: 'score',
    aliases: ['信息共享情况', '信息报送', '信息共享度'],
  },
  tasks: {
    key: 'tasks',
    label: '任务落实',
    labelEn: 'Task delivery',
    kind: 'score',
    aliases: ['任务落实情况', '工作落实', '落实情况', '任务完成情况'],
  },
  attendance: {
    key: 'attendance',
    label: '参会情况',
    labelEn: 'Attendance',
    kind: 'score',
    aliases: ['参会', '出席会议情况', '参加会议情况', '出席情况'],
  },
  score: {
    key: 'score',
    label: '得分',
    labelEn: 'Score',
    kind: 'score',
    aliases: ['评分', '综合得分', '总分', '分数', '评价得分', '综合评分'],
  },
};

export const SELF_COUNT_FIELDS = ['meetings', 'documents', 'problems', 'keyTasks', 'doneTasks'] as const;
export type SelfCountField = (typeof SELF_COUNT_FIELDS)[number];
export const MEMBER_SCORE_FIELDS = ['cooperation', 'sharing', 'tasks', 'attendance', 'score'] as const;
export type MemberScoreField = (typeof MEMBER_SCORE_FIELDS)[number];

function indexOf<K extends string>(defs: Readonly<Record<K, EvalFieldDefinition<K>>>): ReadonlyMap<string, K> {
  const index = new Map<string, K>();
  for (const def of Object.values(defs) as EvalFieldDefinition<K>[]) {
    for (const text of [def.label, ...def.aliases]) index.set(normaliseHeader(text), def.key);
  }
  return index;
}

const SELF_INDEX = indexOf(SELF_FIELDS);
const MEMBER_INDEX = indexOf(MEMBER_FIELDS);
const BRACKETED = /[（(【[][^）)】\]]*[）)】\]]/gu;

function lookup<K extends string>(index: ReadonlyMap<string, K>, text: string): K | null {
  const key = normaliseHeader(text);
  if (key === '' || key.length > 40) return null;
  const exact = index.get(key);
  if (exact) return exact;
  const bare = key.replace(BRACKETED, '');
  return bare !== key ? (index.get(bare) ?? null) : null;
}

/** The 自评表 field a header cell names, or null. */
export function selfFieldOf(text: string): SelfField | null {
  return lookup(SELF_INDEX, text);
}

/** The 成员单位评价表 field a header cell names, or null. */
export function memberFieldOf(text: string): MemberField | null {
  return lookup(MEMBER_INDEX, text);
}
