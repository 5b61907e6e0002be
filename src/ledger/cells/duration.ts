import { addYears, daysInMonth, lastDay, normalizeDateText, parseDateText, type LedgerDate } from './date';

/** 存续时间 as the register states it. */
export type Duration =
  | { readonly kind: 'permanent' }
  | { readonly kind: 'until'; readonly end: LedgerDate }
  | { readonly kind: 'years'; readonly years: number }
  | { readonly kind: 'task' };

const PERMANENT: Duration = { kind: 'permanent' };
const TASK: Duration = { kind: 'task' };

/** Ways of saying "no end date" (compared after normalisation: half-width, no spaces). */
const PERMANENT_WORDS: ReadonlySet<string> = new Set([
  '长期',
  '常设',
  '长期存续',
  '永久',
  '常设机构',
  '长期保留',
  '长期设立',
  '长期设置',
  '长期有效',
  '永久存续',
  '永久保留',
  '常设性',
  '长期性',
]);

/**
 * Task-bound: 任务完成后撤销, 任务完成后自动撤销, 完成任务后撤销, 工作任务完成后撤销, 任务结束后撤销,
 * 阶段性工作完成后撤销, 任务完成即撤销, 完成阶段性任务后撤销 …
 */
const TASK_BOUND =
  /^(?:待|在)?(?:(?:阶段性|专项)?(?:工作)?(?:任务)?(?:完成|结束|完毕)|完成(?:阶段性|专项)?(?:工作)?任务)(?:之?后|时)?(?:即行|即予|即|自行|自动|予以)?(?:撤销|撤消|撤除|解散|取消|终止)$/;

/** A number of years (3年, 三年 → 3年 after normalisation, 为期3年, 期限五年, 1年半, 3年期) or months (18个月). */
const TERM = /^(?:为期|期限为?|存续期?限?为?|暂定为?|有效期为?)?(\d{1,3}(?:\.\d+)?)?(个月|年)(半)?期?$/;
/** 半年, 为期半年. */
const HALF_YEAR = /^(?:为期|期限为?|存续期?限?为?|暂定为?|有效期为?)?半年期?$/;
const HALF: Duration = { kind: 'years', years: 0.5 };
const MAX_YEARS = 100;

/** Words before an end date: 至2025年, 截至2025-12-31, 直至2025年底. */
const UNTIL_PREFIX = /^(?:截止到|截止至|截至|截止|直至|直到|存续至|存续到|存续期至|期限至|有效期至|暂定至|至|到)/;
/** Words after an end date: 2025年12月31日止, 2025年底前, 2025年到期. */
const UNTIL_SUFFIX = /(?:为止|止|之前|以前|前|到期|期满|届满|结束)$/;
/** Two dates joined by a dash or 至: 2022年—2025年, 2022-2025年, 2022年3月至2025年3月. */
const RANGE = /^(.+?)(?:—+|–|-|~|至|到)(\d{4}.*)$/;
/** 2025年底, 2025年年底, 2025底, 2025年末: the last day of the year. */
const YEAR_END = /^(\d{4})年?(?:年底|年末|底|末)$/;
/** 2025年6月底, 2025.6月末: the last day of the month. */
const MONTH_END = /^(\d{4})[年./-](\d{1,2})月?(?:底|末)$/;

/** A register words its durations in a few dozen ways; each is parsed once. */
const MEMO = new Map<string, Duration | null>();
const MEMO_LIMIT = 10_000;
/** Long texts are rare and would make the memo hold megabytes. */
const MEMO_MAX_KEY = 200;

/** Parses a 存续时间 cell; null when it cannot be read. */
export function parseDuration(text: string): Duration | null {
  if (typeof text !== 'string') return null;
  let result = MEMO.get(text);
  if (result === undefined) {
    result = parseUncached(text);
    if (text.length <= MEMO_MAX_KEY) {
      if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
      MEMO.set(text, result);
    }
  }
  return result;
}

function parseUncached(text: string): Duration | null {
  const s = normalizeDateText(text);
  if (s === '') return null;
  if (PERMANENT_WORDS.has(s)) return PERMANENT;
  if (TASK_BOUND.test(s)) return TASK;
  if (HALF_YEAR.test(s)) return HALF;
  const term = TERM.exec(s);
  if (term) return termOf(term);
  return untilOf(s);
}

function termOf(m: RegExpExecArray): Duration | null {
  const [, amount, unit, half] = m;
  // 1年半 is a year and a half; 3个月半 is not a way anyone writes a term.
  if (amount === undefined || (half && unit !== '年')) return null;
  const value = Number(amount) + (half ? 0.5 : 0);
  const years = unit === '个月' ? value / 12 : value;
  return years > 0 && years <= MAX_YEARS ? { kind: 'years', years } : null;
}

function untilOf(s: string): Duration | null {
  let core = s;
  const prefix = UNTIL_PREFIX.exec(core);
  if (prefix) core = core.slice(prefix[0].length);
  const suffix = UNTIL_SUFFIX.exec(core);
  if (suffix) core = core.slice(0, core.length - suffix[0].length);
  const range = RANGE.exec(core);
  if (range) {
    const start = endDateOf(range[1]!);
    const end = endDateOf(range[2]!);
    if (!start || !end) return null;
    return { kind: 'until', end: lastDay(end) >= lastDay(start) ? end : start };
  }
  const marked = prefix !== null || suffix !== null;
  const end = endDateOf(core);
  if (!end) return null;
  // A bare date could as well be the date the body was set up; only 年底 / 月底 say "end" by themselves.
  return marked || YEAR_END.test(core) || MONTH_END.test(core) ? { kind: 'until', end } : null;
}

/** The date an end-of-term phrase stands for, at the precision stated; 年底 and 月底 are full dates. */
function endDateOf(core: string): LedgerDate | null {
  let m = YEAR_END.exec(core);
  if (m) return parseDateText(m[1]!).ok ? { year: Number(m[1]), month: 12, day: 31 } : null;
  m = MONTH_END.exec(core);
  if (m) {
    const month = parseDateText(`${m[1]}-${m[2]}`);
    return month.ok ? { ...month.date, day: daysInMonth(month.date.year, month.date.month!) } : null;
  }
  const parsed = parseDateText(core);
  return parsed.ok ? parsed.date : null;
}

/** The end of a temporary body's term, or null for permanent / task-bound bodies (or no start date). */
export function durationEnd(duration: Duration, established: LedgerDate | null): LedgerDate | null {
  switch (duration.kind) {
    case 'until':
      return duration.end;
    case 'years':
      return established ? addYears(established, duration.years) : null;
    case 'permanent':
    case 'task':
      return null;
  }
}
