import { toHalfWidth } from './value';

/**
 * 发文字号 per GB/T 9704-2012: 机关代字 + 〔年份〕 + 序号 + 号, e.g. 东编办发〔2020〕21号.
 */
export interface DocNumber {
  /** 机关代字, e.g. 东编办发. */
  readonly issuer: string;
  readonly year: number;
  /** 序号 without leading zeros. */
  readonly seq: number;
  /** The text as found in the cell, e.g. 东编办发[2020]021号. */
  readonly found: string;
  /** The GB/T 9704 form, e.g. 东编办发〔2020〕21号. */
  readonly standard: string;
  /** True when `found` already is the standard form. */
  readonly isStandard: boolean;
  /** What is off, for the message (zh), e.g. ['年份应使用六角括号〔〕', '序号不应有前导零']. */
  readonly issues: readonly string[];
  readonly issuesEn: readonly string[];
}

/** Finds every 发文字号 inside a text (a bare number or a title with the number in brackets). */
export function findDocNumbers(text: string): DocNumber[] {
  if (typeof text !== 'string' || text === '') return [];
  // The patterns accept full-width digits and brackets, so the text is searched as written
  // (folding a whole title to half-width would cost more than the search).
  const found: DocNumber[] = [];
  YEAR_IN_BRACKETS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_IN_BRACKETS.exec(text)) !== null) {
    const doc = readAround(text, m);
    if (doc) {
      found.push(doc.number);
      YEAR_IN_BRACKETS.lastIndex = doc.end;
    }
  }
  return found;
}

/** An opening bracket, a four-digit year (年 sometimes slips in) and a closing bracket. */
const YEAR_IN_BRACKETS = /([〔[(（【〈﹝〖［])\s*([0-9０-９]{4})\s*(年?)\s*([〕\])）】〉﹞〗］])/g;
/** What follows the year: 第, the sequence number and 号. Sticky: read from the closing bracket on. */
const SEQUENCE = /(\s*)(第?)(\s*)([0-9０-９]{1,7})(\s*)(号?)/y;
const DIGIT = /[0-9０-９]/;
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;
const MAX_SEQ_DIGITS = 6;

/** Characters a 机关代字 is made of: CJK ideographs and (rarely) Latin letters. */
const ISSUER_CHAR = /[\u3400-\u4dbf\u4e00-\u9fffA-Za-zＡ-Ｚａ-ｚ]/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const WHITESPACE = /\s/;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/;
/** How far back from the bracket to look for the issuer; real 机关代字 are 2–6 characters. */
const MAX_SCAN = 24;
const MAX_ISSUER = 8;
const MIN_ISSUER = 2;

/**
 * Words that end whatever precedes the 机关代字: lead-ins (根据, 按照 …), the tail of a title
 * (…的通知, …方案), the name of the issuing office (…人民政府, …办公室), the 号 of a previous number.
 * None of them occurs inside a real 代字, which abbreviates (政 not 政府, 办 not 办公室). Some
 * tempting ones do occur and are deliberately absent: 经 (鲁经信字), 规划 (交规划发), 文 (鲁文旅发),
 * 日 (日政发, 日照), 和 (和政发, 和田). The greedy `^.*` finds the
 * last one, so the issuer is what follows it.
 */
const BEFORE_ISSUER = new RegExp(
  '^.*(?:' +
    [
      '根据',
      '依据',
      '按照',
      '依照',
      '参照',
      '遵照',
      '详见',
      '参见',
      '见',
      '据',
      '经由',
      '关于',
      '印发',
      '转发',
      '下发',
      '发布',
      '联合',
      '文件',
      '通知',
      '意见',
      '方案',
      '决定',
      '办法',
      '批复',
      '通报',
      '纪要',
      '规则',
      '细则',
      '函件',
      '公告',
      '通告',
      '人民政府',
      '政府',
      '办公室',
      '办公厅',
      '委员会',
      '国务院',
      '中共中央',
      '党委',
      '的',
      '及',
      '与',
      '或',
      '即',
      '号',
      '第',
      '年',
    ].join('|') +
    ')',
);
/**
 * The name of a Party committee before its 代字 (中共广饶县委广发 → 广发). County 代字 contain the
 * same words (东区委发 for 东营区委, 东营区委办发), so a cut that leaves only the kind of document
 * (发, 办发, 字 …) is taken back.
 */
const COMMITTEE_BEFORE_ISSUER = /市委|县委|区委|省委|旗委/g;
const ONLY_DOCUMENT_KIND = /^办?[发字函文电]$/;

interface Located {
  readonly number: DocNumber;
  /** Index just after the number, where the search goes on. */
  readonly end: number;
}

function readAround(text: string, m: RegExpExecArray): Located | null {
  const bracketStart = m.index;
  const year = Number(toHalfWidth(m[2]!));
  if (year < MIN_YEAR || year > MAX_YEAR) return null;

  SEQUENCE.lastIndex = bracketStart + m[0].length;
  const tail = SEQUENCE.exec(text);
  if (!tail) return null; // 中办发〔2019〕号: no sequence number, not a document number
  const digits = toHalfWidth(tail[4]!);
  const seq = Number(digits);
  if (seq === 0 || String(seq).length > MAX_SEQ_DIGITS) return null;
  const hasHao = tail[6] === '号';
  let end = SEQUENCE.lastIndex;
  if (!hasHao) {
    // Without 号, only accept the number when it visibly ends: end of text, punctuation, 文(件).
    end = bracketStart + m[0].length + tail[1]!.length + tail[2]!.length + tail[3]!.length + digits.length;
    const next = text[end];
    if (next !== undefined && (ISSUER_CHAR.test(next) || DIGIT.test(next)) && next !== '文') return null;
  }

  const issuerSpan = findIssuer(text, bracketStart);
  if (!issuerSpan) return null;
  const issuer = toHalfWidth(text.slice(issuerSpan.start, issuerSpan.end));

  const foundText = text.slice(issuerSpan.start, end);
  const standard = `${issuer}〔${year}〕${seq}号`;
  const issues: string[] = [];
  const issuesEn: string[] = [];
  const open = text[bracketStart]!;
  const close = text[bracketStart + m[0].length - 1]!;
  if (open !== '〔' || close !== '〕') {
    issues.push(`年份应使用六角括号〔〕，不应使用${open}${close}`);
    issuesEn.push(`put the year in hexagonal brackets 〔〕, not ${open}${close}`);
  }
  if (m[3] === '年') {
    issues.push('六角括号内只写年份，不加“年”');
    issuesEn.push('write only the year inside 〔〕, without 年');
  }
  if (tail[2] === '第') {
    issues.push('序号前不加“第”');
    issuesEn.push('no 第 before the sequence number');
  }
  if (digits.length > 1 && digits.startsWith('0')) {
    issues.push(`序号不应有前导零（${digits} → ${seq}）`);
    issuesEn.push(`no leading zeros in the sequence number (${digits} → ${seq})`);
  }
  if (!hasHao) {
    issues.push('序号后缺少“号”字');
    issuesEn.push('the number must end with 号');
  }
  if (WHITESPACE.test(foundText)) {
    issues.push('发文字号中不应有空格或换行');
    issuesEn.push('no spaces or line breaks inside the number');
  }
  if (FULL_WIDTH_ALNUM.test(foundText)) {
    issues.push('数字和字母应使用半角');
    issuesEn.push('use half-width digits and letters');
  }
  if (issues.length === 0 && foundText !== standard) {
    issues.push(`应写作${standard}`);
    issuesEn.push(`write it as ${standard}`);
  }
  return {
    number: { issuer, year, seq, found: foundText, standard, isStandard: issues.length === 0, issues, issuesEn },
    end,
  };
}

/** The 机关代字 right before the year bracket: the run of ideographs, cut after the last lead-in word. */
function findIssuer(text: string, bracketStart: number): { start: number; end: number } | null {
  let end = bracketStart;
  while (end > 0 && WHITESPACE.test(text[end - 1]!)) end--;
  let runStart = end;
  while (runStart > 0 && end - runStart < MAX_SCAN && ISSUER_CHAR.test(text[runStart - 1]!)) runStart--;
  const run = text.slice(runStart, end);
  const lead = BEFORE_ISSUER.exec(run);
  let cut = lead ? lead[0].length : 0;
  // The last committee name that still leaves a 代字 of its own after it.
  let afterCommittee = cut;
  for (const m of run.slice(cut).matchAll(COMMITTEE_BEFORE_ISSUER)) {
    const end = cut + m.index + m[0].length;
    const rest = run.slice(end);
    if (rest.length >= MIN_ISSUER && !ONLY_DOCUMENT_KIND.test(rest)) afterCommittee = end;
  }
  cut = afterCommittee;
  // A run that stays long is a word glued to the 代字; keep the characters nearest the bracket.
  if (run.length - cut > MAX_ISSUER) cut = run.length - MAX_ISSUER;
  if (run.length - cut < MIN_ISSUER || !CJK.test(run.slice(cut))) return null;
  return { start: runStart + cut, end };
}
