/**
 * The lines of a register that are not bodies (docs/domain.md, “Rows that are not bodies”): 合计
 * rows, footers, notes. A footer (填表人：… 审核人：… 联系电话：… 填报日期：…) is the submission's
 * own contact: kept, shown in the return, never read as a body.
 */

/** Who filled in and signed off a register, as its footer (or a line above the header) says. */
export interface SubmissionContact {
  /** 填表人 / 填报人 / 制表人 / 联系人. */
  readonly filledBy: string | null;
  /** 审核人 / 负责人. */
  readonly reviewedBy: string | null;
  readonly phone: string | null;
  /** 填报日期 as written. */
  readonly date: string | null;
}

/** A 合计 / 小计 / 总计 row: the first filled cell, spaces ignored (“合  计”). */
const TOTAL_ROW = /^(?:合计|小计|总计|共计|累计|共[0-9一二三四五六七八九十百千]+个)/u;
/** A note under (or above) the table: 注：…, 说明：…, 备注：…, 注1. */
const NOTE_ROW = /^(?:注|说明|备注|附注)\s*(?:[:：]|[0-9一二三四五六七八九十]+[、.．:：])/u;
/** Labels a footer starts with: the first filled cell is one of these, followed by a colon. */
const FOOTER_LABEL =
  /^(?:填表人|填报人|制表人|经办人|审核人|复核人|审批人|负责人|单位负责人|分管领导|联系人|联系电话|电话|手机|填报日期|填表日期|报送日期|制表日期|填报时间|日期|填报单位|填表单位|报送单位|单位)(?:[（(][^)）]*[)）])?\s*[:：]/u;

const LABELS: readonly [keyof SubmissionContact, RegExp][] = [
  ['filledBy', /^(?:填表人|填报人|制表人|经办人|联系人)$/u],
  ['reviewedBy', /^(?:审核人|复核人|审批人|负责人|单位负责人|分管领导)$/u],
  ['phone', /^(?:联系电话|电话|手机)$/u],
  ['date', /^(?:填报日期|填表日期|报送日期|制表日期|填报时间|日期)$/u],
];
const ANY_LABEL =
  /(填表人|填报人|制表人|经办人|联系人|审核人|复核人|审批人|单位负责人|负责人|分管领导|联系电话|电话|手机|填报日期|填表日期|报送日期|制表日期|填报时间|日期|填报单位|填表单位|报送单位)(?:[（(][^)）]*[)）])?\s*[:：]/gu;

const compact = (text: string) => text.replace(/\s+/g, '');

export type NonBodyKind = 'total' | 'note' | 'footer';

/** What kind of non-body line a row is, from its texts; null for a row that may be a body. */
export function nonBodyKind(texts: readonly string[]): NonBodyKind | null {
  let first: string | null = null;
  for (const t of texts) {
    if (t !== '') {
      first = t;
      break;
    }
  }
  if (first === null) return null;
  const head = compact(first.slice(0, 40));
  if (TOTAL_ROW.test(head)) return 'total';
  if (NOTE_ROW.test(first.trimStart())) return 'note';
  if (FOOTER_LABEL.test(head)) return 'footer';
  return null;
}

/** Reads the labelled values of a footer line, however its parts are spread over cells. */
export function readContact(texts: readonly string[]): SubmissionContact | null {
  const line = texts.filter((t) => t !== '').join('  ');
  const found: { label: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(ANY_LABEL)) found.push({ label: m[1]!, start: m.index, end: m.index + m[0].length });
  if (found.length === 0) return null;
  const contact: { -readonly [K in keyof SubmissionContact]: string | null } = {
    filledBy: null,
    reviewedBy: null,
    phone: null,
    date: null,
  };
  found.forEach((f, i) => {
    const value = line
      .slice(f.end, found[i + 1]?.start ?? line.length)
      .trim()
      .replace(/[，,;；。]+$/u, '')
      .trim();
    const key = LABELS.find(([, pattern]) => pattern.test(f.label))?.[0];
    if (key && value !== '' && contact[key] === null) contact[key] = value;
  });
  return Object.values(contact).some((v) => v !== null) ? contact : null;
}

/** Two partial contacts (a line above the header and the footer) as one; the first wins per field. */
export function mergeContacts(a: SubmissionContact | null, b: SubmissionContact | null): SubmissionContact | null {
  if (!a) return b;
  if (!b) return a;
  return {
    filledBy: a.filledBy ?? b.filledBy,
    reviewedBy: a.reviewedBy ?? b.reviewedBy,
    phone: a.phone ?? b.phone,
    date: a.date ?? b.date,
  };
}

/** “张三（审核：李四），0546-8381234，2026年11月20日” for one line of a report. */
export function contactLine(contact: SubmissionContact, lang: 'zh' | 'en' = 'zh'): string {
  const parts: string[] = [];
  if (lang === 'en') {
    if (contact.filledBy) parts.push(`filled in by ${contact.filledBy}`);
    if (contact.reviewedBy) parts.push(`reviewed by ${contact.reviewedBy}`);
    if (contact.phone) parts.push(`phone ${contact.phone}`);
    if (contact.date) parts.push(`dated ${contact.date}`);
    return parts.join(', ');
  }
  if (contact.filledBy) parts.push(`填表人 ${contact.filledBy}`);
  if (contact.reviewedBy) parts.push(`审核人 ${contact.reviewedBy}`);
  if (contact.phone) parts.push(`联系电话 ${contact.phone}`);
  if (contact.date) parts.push(`填报日期 ${contact.date}`);
  return parts.join('，');
}
