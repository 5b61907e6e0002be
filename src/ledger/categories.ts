/** The five categories of the 潍坊 practice and the four statuses of a body's life. */

export const CATEGORIES = [
  { id: 1, key: 'party', label: '党委议事协调机构', labelEn: 'Party committee coordinating body' },
  { id: 2, key: 'government', label: '政府议事协调机构', labelEn: 'Government coordinating body' },
  { id: 3, key: 'joint-meeting', label: '部门间联席会议', labelEn: 'Inter-department joint meeting' },
  { id: 4, key: 'task-force', label: '工作专班', labelEn: 'Task force' },
  {
    id: 5,
    key: 'mechanism',
    label: '协调机制（不纳入议事协调机构管理）',
    labelEn: 'Coordination mechanism (not counted)',
  },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export type Category = (typeof CATEGORIES)[number];

/** Categories 1–2 are the 议事协调机构 proper, counted against the limit. */
export function isCoordinatingBody(id: CategoryId): boolean {
  return id === 1 || id === 2;
}

function compact(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out.replace(/[\s\u3000]+/g, '').replace(/[()（）]/g, '');
}

/**
 * Reads a 类别 cell. Accepts the full labels, level-prefixed forms (市委/县委/区委…议事协调机构 → 1,
 * 市政府/县政府/区政府… → 2), short forms (联席会议, 专班, 协调机制) and the numbers 1–5.
 */
export function parseCategory(text: string): Category | null {
  const t = compact(text);
  if (t === '') return null;
  const digit = /^(?:第)?([1-5一二三四五])(?:类)?$/.exec(t);
  if (digit) {
    const n = '一二三四五'.indexOf(digit[1]!) + 1 || Number(digit[1]);
    return CATEGORIES[n - 1] ?? null;
  }
  if (/^协调机制/.test(t)) return CATEGORIES[4];
  if (/^(?:部门间)?联席会议(?:制度)?$/.test(t)) return CATEGORIES[2];
  if (/^工作专班$|^专班$/.test(t)) return CATEGORIES[3];
  if (/^(?:党委|[市县区旗]委|州委|盟委|省委)(?:议事协调机构)?$/.test(t)) return CATEGORIES[0];
  if (/^(?:政府|[市县区旗]政府|人民政府|州政府|省政府)(?:议事协调机构)?$/.test(t)) return CATEGORIES[1];
  return null;
}

export const STATUSES = [
  { key: 'active', label: '存续', labelEn: 'Active' },
  { key: 'abolished', label: '已撤销', labelEn: 'Abolished' },
  { key: 'merged', label: '已合并', labelEn: 'Merged' },
  { key: 'renamed', label: '已更名', labelEn: 'Renamed' },
] as const;

export type StatusKey = (typeof STATUSES)[number]['key'];

const STATUS_WORDS: Readonly<Record<string, StatusKey>> = {
  存续: 'active',
  在用: 'active',
  保留: 'active',
  正常: 'active',
  现存: 'active',
  有效: 'active',
  已撤销: 'abolished',
  撤销: 'abolished',
  已撤消: 'abolished',
  撤消: 'abolished',
  已撤除: 'abolished',
  已撤: 'abolished',
  已合并: 'merged',
  合并: 'merged',
  已并入: 'merged',
  并入: 'merged',
  撤并: 'merged',
  已撤并: 'merged',
  已更名: 'renamed',
  更名: 'renamed',
  已改名: 'renamed',
};

/** Reads a 状态 cell: empty means active; unknown words give null (→ invalid-status). */
export function parseStatus(text: string): StatusKey | null {
  const t = compact(text);
  if (t === '') return 'active';
  return STATUS_WORDS[t] ?? null;
}

export function statusLabel(key: StatusKey): string {
  return STATUSES.find((s) => s.key === key)!.label;
}
