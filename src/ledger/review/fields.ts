/**
 * The fields of an application (设立申请) in the joint approval chain (联合审批, the 潍坊 practice; docs/domain.md): what it
 * asks for, the body concerned, and the dates of the chain's four stages. Header aliases are
 * matched after `normaliseHeader`, so spaces, line breaks and full-width letters need no alias.
 */
import { normaliseHeader } from '../fields';

export const APPLICATION_FIELDS = [
  'seq',
  'type',
  'name',
  'category',
  'department',
  'members',
  'duties',
  'duration',
  'parent',
  'applicant',
  'appliedOn',
  'reason',
  'accepted',
  'reviewed',
  'checked',
  'issued',
  'docNumber',
  'outcome',
  'remarks',
] as const;

export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

export interface ApplicationFieldDefinition {
  readonly key: ApplicationField;
  readonly label: string;
  readonly labelEn: string;
  readonly aliases: readonly string[];
}

const def = (
  key: ApplicationField,
  label: string,
  labelEn: string,
  aliases: readonly string[],
): ApplicationFieldDefinition => ({ key, label, labelEn, aliases });

export const APPLICATION_FIELD_DEFS: Readonly<Record<ApplicationField, ApplicationFieldDefinition>> = {
  seq: def('seq', '序号', 'No.', ['编号', 'No', '申请编号', '收文编号']),
  type: def('type', '申请类型', 'Type', ['类型', '申请事项', '事项类型', '申请内容', '办理事项']),
  name: def('name', '拟设机构名称', 'Body name', [
    '机构名称',
    '名称',
    '拟设立机构名称',
    '拟设机构',
    '拟设立机构',
    '议事协调机构名称',
    '机构（机制）名称',
    '机构(机制)名称',
    '涉及机构',
    '涉及机构名称',
    '拟调整机构名称',
  ]),
  category: def('category', '类别', 'Category', ['机构类别', '机构类型', '拟设类别']),
  department: def('department', '办事机构所在部门', 'Host department', [
    '牵头部门',
    '办公室设在',
    '办公室所在部门',
    '办事机构设在',
    '牵头单位',
    '办事机构所在单位',
    '拟设办事机构',
  ]),
  members: def('members', '成员单位', 'Member units', ['成员单位名单', '组成单位', '成员单位（部门）', '参加单位']),
  duties: def('duties', '主要职责', 'Main duties', ['职责', '工作职责', '主要任务', '工作任务', '职责任务']),
  duration: def('duration', '存续时间', 'Duration', ['存续期限', '存续期', '设立期限', '期限']),
  parent: def('parent', '上级机构设置情况', 'Counterpart above', [
    '上级设置情况',
    '上级机构设置',
    '上级对应机构',
    '上级是否设置',
    '上级设置',
    '对应上级机构',
  ]),
  applicant: def('applicant', '申请单位', 'Applicant', ['报送单位', '申请部门', '提请单位', '来文单位']),
  appliedOn: def('appliedOn', '申请日期', 'Applied on', ['申请时间', '报送日期', '来文日期', '收文日期']),
  reason: def('reason', '设立理由', 'Reason', ['申请理由', '设立必要性', '必要性', '理由', '设立依据及理由']),
  accepted: def('accepted', '受理日期', 'Accepted (general offices)', [
    '受理',
    '两办受理',
    '两办受理日期',
    '受理（两办）',
    '受理时间',
    '两办受理时间',
  ]),
  reviewed: def('reviewed', '编办审核日期', 'Reviewed (编办)', [
    '编办审核',
    '编办审核时间',
    '编办意见日期',
    '编办审核完成日期',
  ]),
  checked: def('checked', '组织部审核日期', 'Checked (organisation dept.)', [
    '组织部审核',
    '组织部审核时间',
    '组织部意见日期',
    '组织部门审核',
  ]),
  issued: def('issued', '发文日期', 'Issued on', ['发文', '发文时间', '印发日期', '印发时间']),
  docNumber: def('docNumber', '发文字号', 'Document number', ['文号', '发文文号', '批复文号', '印发文号']),
  outcome: def('outcome', '审批结果', 'Outcome', ['办理结果', '审核结果', '批复结果', '审批意见']),
  remarks: def('remarks', '备注', 'Remarks', ['说明']),
};

/** The fields an application table must name, at least three of them, to be taken for one. */
export const CORE_APPLICATION_FIELDS: readonly ApplicationField[] = [
  'type',
  'name',
  'category',
  'department',
  'members',
  'duties',
  'duration',
  'parent',
  'applicant',
  'appliedOn',
];

const INDEX: ReadonlyMap<string, ApplicationField> = (() => {
  const index = new Map<string, ApplicationField>();
  for (const d of Object.values(APPLICATION_FIELD_DEFS))
    for (const text of [d.label, ...d.aliases]) index.set(normaliseHeader(text), d.key);
  return index;
})();

/** The application field a header (or a form's label cell) names, or null. */
export function applicationFieldOf(text: string): ApplicationField | null {
  const key = normaliseHeader(text);
  if (key === '' || key.length > 30) return null;
  const exact = INDEX.get(key);
  if (exact) return exact;
  // 成员单位（共12个）, 受理（两办）日期 → drop bracketed notes and retry.
  const bare = key.replace(/[（(【[][^）)】\]]*[）)】\]]/gu, '');
  return bare !== key ? (INDEX.get(bare) ?? null) : null;
}

/** The four stages of the joint chain, in order, with the field that holds each one's date. */
export const STAGES = [
  { key: 'accepted', label: '受理（两办）', labelEn: 'acceptance (general offices)' },
  { key: 'reviewed', label: '编办审核', labelEn: 'review (编办)' },
  { key: 'checked', label: '组织部审核', labelEn: 'check (organisation department)' },
  { key: 'issued', label: '发文', labelEn: 'issue of the document' },
] as const satisfies readonly { key: ApplicationField; label: string; labelEn: string }[];

export type StageKey = (typeof STAGES)[number]['key'];

/** The kinds of application (the 潍坊 practice: 设立、调整、更名、撤销、合并、调整隶属关系). */
export const APPLICATION_TYPES = ['设立', '调整', '更名', '撤销', '合并', '调整隶属关系'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

const TYPE_EN: Readonly<Record<ApplicationType, string>> = {
  设立: 'set up',
  调整: 'adjust',
  更名: 'rename',
  撤销: 'abolish',
  合并: 'merge',
  调整隶属关系: 'move',
};

export function typeLabelEn(type: ApplicationType): string {
  return TYPE_EN[type];
}

/** Reads a 申请类型 cell; an empty cell means 设立 (the usual application), an unknown word null. */
export function parseApplicationType(text: string): ApplicationType | null {
  const t = text.replace(/[\s\u3000]+/g, '');
  if (t === '') return '设立';
  if (/隶属|划转|调整管理/.test(t)) return '调整隶属关系';
  if (/更名|改名|名称变更/.test(t)) return '更名';
  if (/撤销|撤消|撤除|取消/.test(t)) return '撤销';
  if (/合并|撤并|整合/.test(t)) return '合并';
  if (/设立|新设|成立|组建|设置|新建|建立/.test(t)) return '设立';
  if (/调整|变更|组成人员/.test(t)) return '调整';
  return null;
}
