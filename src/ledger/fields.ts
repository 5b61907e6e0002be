/**
 * The register's columns: the seven required indicators of the 潍坊 practice (“7项指标”) and the
 * management columns recognised when present. Header aliases are matched after
 * `normaliseHeader`, so spaces, line breaks, full-width letters and brackets need no alias.
 */

export const REQUIRED_FIELDS = ['name', 'established', 'basis', 'department', 'duration', 'history', 'parent'] as const;
export const OPTIONAL_FIELDS = [
  'seq',
  'category',
  'status',
  'abolishedOn',
  'abolitionDoc',
  'workRules',
  'contact',
  'phone',
  'county',
  'duties',
  'remarks',
] as const;

export type RequiredField = (typeof REQUIRED_FIELDS)[number];
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];
export type FieldKey = RequiredField | OptionalField;

export interface FieldDefinition {
  readonly key: FieldKey;
  /** The canonical header, as written in a new register. */
  readonly label: string;
  readonly labelEn: string;
  readonly required: boolean;
  /** Other headers seen in practice; compared after normalisation. */
  readonly aliases: readonly string[];
}

export const FIELDS: Readonly<Record<FieldKey, FieldDefinition>> = {
  name: {
    key: 'name',
    label: '机构名称',
    labelEn: 'Body name',
    required: true,
    aliases: ['名称', '议事协调机构名称', '机构全称', '协调机构名称', '机构（机制）名称', '机构(机制)名称', '机制名称'],
  },
  established: {
    key: 'established',
    label: '设立时间',
    labelEn: 'Established',
    required: true,
    aliases: ['成立时间', '设立日期', '成立日期', '设置时间', '组建时间'],
  },
  basis: {
    key: 'basis',
    label: '依据文件',
    labelEn: 'Basis document',
    required: true,
    aliases: [
      '设立依据',
      '设立文件',
      '设立依据文件',
      '发文字号',
      '文号',
      '成立文件',
      '依据文件及文号',
      '设立文件及文号',
    ],
  },
  department: {
    key: 'department',
    label: '办事机构所在部门',
    labelEn: 'Host department',
    required: true,
    aliases: [
      '牵头部门',
      '办公室设在',
      '办公室所在部门',
      '办事机构设在',
      '办公室设置部门',
      '办事机构所在单位',
      '办公室所在单位',
      '牵头单位',
    ],
  },
  duration: {
    key: 'duration',
    label: '存续时间',
    labelEn: 'Duration',
    required: true,
    aliases: ['存续期限', '存续期', '存续年限', '设立期限', '期限'],
  },
  history: {
    key: 'history',
    label: '历史沿革',
    labelEn: 'History',
    required: true,
    aliases: ['沿革', '变更情况', '调整情况', '沿革情况'],
  },
  parent: {
    key: 'parent',
    label: '上级机构设置情况',
    labelEn: 'Counterpart above',
    required: true,
    aliases: ['上级设置情况', '上级机构设置', '上级对应机构', '上级是否设置', '上级设置', '对应上级机构'],
  },
  seq: { key: 'seq', label: '序号', labelEn: 'No.', required: false, aliases: ['编号', 'No', 'NO.'] },
  category: {
    key: 'category',
    label: '类别',
    labelEn: 'Category',
    required: false,
    aliases: ['机构类别', '类型', '机构类型', '分类'],
  },
  status: {
    key: 'status',
    label: '状态',
    labelEn: 'Status',
    required: false,
    aliases: ['机构状态', '存续状态', '当前状态'],
  },
  abolishedOn: {
    key: 'abolishedOn',
    label: '撤销时间',
    labelEn: 'Abolished on',
    required: false,
    aliases: ['撤销日期', '撤并时间'],
  },
  abolitionDoc: {
    key: 'abolitionDoc',
    label: '撤销文件',
    labelEn: 'Abolition document',
    required: false,
    aliases: ['撤销依据', '撤销文号', '撤并文件'],
  },
  workRules: {
    key: 'workRules',
    label: '工作规则',
    labelEn: 'Work rules',
    required: false,
    aliases: ['工作规则制定情况', '工作规则及细则', '制度建设情况', '工作规则制定'],
  },
  contact: { key: 'contact', label: '联络人', labelEn: 'Contact person', required: false, aliases: ['联系人'] },
  phone: { key: 'phone', label: '联系电话', labelEn: 'Phone', required: false, aliases: ['电话', '联系方式', '手机'] },
  county: {
    key: 'county',
    label: '县区',
    labelEn: 'County',
    required: false,
    aliases: ['填报单位', '县（市、区）', '县市区', '区县', '所属县区'],
  },
  duties: { key: 'duties', label: '主要职责', labelEn: 'Main duties', required: false, aliases: ['职责', '工作职责'] },
  remarks: { key: 'remarks', label: '备注', labelEn: 'Remarks', required: false, aliases: ['说明'] },
};

/**
 * Normalises a header cell for matching: full-width to half-width, all whitespace (including
 * line breaks inside the cell) removed, brackets and a trailing colon or asterisk dropped.
 */
export function normaliseHeader(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out
    .replace(/[\s\u3000]+/g, '')
    .replace(/[*＊:：]+$/u, '')
    .replace(/^[*＊]+/u, '')
    .toLowerCase();
}

const HEADER_INDEX: ReadonlyMap<string, FieldKey> = (() => {
  const index = new Map<string, FieldKey>();
  for (const def of Object.values(FIELDS)) {
    for (const text of [def.label, ...def.aliases]) index.set(normaliseHeader(text), def.key);
  }
  return index;
})();

/** The field a header cell names, or null for a column the register does not know. */
export function fieldOfHeader(text: string): FieldKey | null {
  const key = normaliseHeader(text);
  if (key === '') return null;
  const exact = HEADER_INDEX.get(key);
  if (exact) return exact;
  // Headers such as “依据文件（文号）” or “存续时间(年)”: drop a bracketed note and retry.
  const bare = key.replace(/[（(【[][^）)】\]]*[）)】\]]/gu, '');
  return bare !== key ? (HEADER_INDEX.get(bare) ?? null) : null;
}
