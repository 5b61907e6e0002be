import type { CellValue } from '../grid';
import { toHalfWidth, toScalar } from './value';
import { CHINESE_DIGIT } from './chineseNumerals';

/**
 * A date as precise as the register states it: 2019年3月 is a month, not 2019-03-01.
 * `month` and `day` are 1-based; `day` present implies `month` present.
 */
export interface LedgerDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type DateResult =
  | { readonly ok: true; readonly date: LedgerDate }
  | { readonly ok: false; readonly empty: true }
  | { readonly ok: false; readonly empty: false; readonly reason: string; readonly reasonEn: string };

/** 2019, 2019-03 or 2019-03-15. */
export function formatDate(date: LedgerDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Days since 1970-01-01 (UTC calendar) of a full date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** First day covered by a date of any precision, as a day number. */
export function firstDay(date: LedgerDate): number {
  return dayNumber(date.year, date.month ?? 1, date.day ?? 1);
}

/** Last day covered by a date of any precision, as a day number. */
export function lastDay(date: LedgerDate): number {
  if (date.month === undefined) return dayNumber(date.year, 12, 31);
  if (date.day === undefined) return dayNumber(date.year, date.month + 1, 1) - 1;
  return dayNumber(date.year, date.month, date.day);
}

/** Day number of a YYYY-MM-DD string (settings' as-of date). */
export function isoDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
}

/** The same date `years` later, keeping its precision (29 Feb → 28 Feb in a common year). */
export function addYears(date: LedgerDate, years: number): LedgerDate {
  const whole = Math.trunc(years);
  const extraMonths = Math.round((years - whole) * 12);
  if (date.month === undefined) return { year: date.year + whole };
  const monthIndex = date.month - 1 + extraMonths;
  const year = date.year + whole + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (date.day === undefined) return { year, month };
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastOfMonth) };
}

// ---------------------------------------------------------------------------------------------
// Parsing. Years outside 1900–2100 are typing mistakes in a register of bodies set up after 1949;
// the same range bounds Excel serials (serial 1 = 1900-01-01, 73415 = 2100-12-31).

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** An integer in this range typed into a number cell is a year, not a serial (which would be 1905). */
const BARE_YEAR_MIN = 1949;
const BARE_YEAR_MAX = 2100;
/** Serial 60 is 1900-02-29, a day that never existed (Lotus 1-2-3's leap-year bug kept by Excel). */
const PHANTOM_SERIAL = 60;
const MS_PER_DAY = 86_400_000;
/** Serials below 60 count from 1899-12-31, those above from 1899-12-30 (skipping the phantom day). */
const EPOCH_BEFORE_PHANTOM = Date.UTC(1899, 11, 31);
const EPOCH_AFTER_PHANTOM = Date.UTC(1899, 11, 30);
/** 2100-12-31. */
const LAST_SERIAL = (Date.UTC(MAX_YEAR, 11, 31) - EPOCH_AFTER_PHANTOM) / MS_PER_DAY;

const EMPTY_RESULT: DateResult = { ok: false, empty: true };

function invalid(reason: string, reasonEn: string): DateResult {
  return { ok: false, empty: false, reason, reasonEn };
}

function ok(year: number, month?: number, day?: number): DateResult {
  const date: LedgerDate = month === undefined ? { year } : day === undefined ? { year, month } : { year, month, day };
  return { ok: true, date };
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar (1900 and 2100 are not leap years, 2000 is). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

/** Checks the parts of a date and says, in both languages, what is wrong with them. */
function checkedDate(year: number, month?: number, day?: number): DateResult {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return invalid(
      `年份 ${year} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间`,
      `the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  if (month === undefined) return ok(year);
  if (month < 1 || month > 12) {
    return invalid(`月份 ${month} 不存在，应为 1–12`, `there is no month ${month}; months run 1–12`);
  }
  if (day === undefined) return ok(year, month);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return invalid(
      `${year}年${month}月只有 ${last} 天，没有 ${day} 日`,
      `${MONTHS_EN[month - 1]} ${year} has ${last} days, there is no day ${day}`,
    );
  }
  return ok(year, month, day);
}

/** A value shown inside a reason, cut short so a pasted essay does not flood the message. */
function quote(text: string): string {
  const chars = Array.from(text.slice(0, 50));
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
}

function fromJsDate(date: Date): DateResult {
  return checkedDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Tolerance for reading the decimals of a float that Excel stored, e.g. 2019.03 → 2019.0299999…. */
const DECIMAL_EPSILON = 1e-7;

function hasDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < DECIMAL_EPSILON * 10 ** places;
}

function fromNumber(value: number): DateResult {
  const whole = Math.floor(value);
  if (whole >= BARE_YEAR_MIN && whole <= BARE_YEAR_MAX) {
    if (value === whole) return ok(whole);
    if (hasDecimals(value, 1)) {
      const digit = Math.round((value - whole) * 10);
      // 2019.1 is what Excel keeps of both 2019.1 and 2019.10: January or October cannot be told apart.
      if (digit === 1) {
        return invalid(
          `数字 ${value} 无法区分 ${whole}年1月 与 ${whole}年10月（Excel 会去掉末尾的 0），请以文本写成“${whole}年1月”或“${whole}年10月”`,
          `the number ${value} could be January or October ${whole} (Excel drops the trailing 0); write “${whole}年1月” or “${whole}年10月” as text`,
        );
      }
      return checkedDate(whole, digit);
    }
    if (hasDecimals(value, 2)) return checkedDate(whole, Math.round((value - whole) * 100));
    // As a serial this would be a day in 1905; nobody means that.
    return invalid(`数字 ${value} 既不是“年.月”也不是日期`, `the number ${value} is neither year.month nor a date`);
  }
  // 20190315 or 201903 typed into a number cell: the digits of a date, not a serial.
  if (value === whole && whole >= 19_000_101 && whole <= 21_001_231) return fromCompactDigits(String(whole));
  if (value === whole && whole >= 190_001 && whole <= 210_012) return fromCompactDigits(String(whole));
  return fromSerial(value);
}

function fromSerial(serial: number): DateResult {
  const days = Math.floor(serial);
  if (days === PHANTOM_SERIAL) {
    return invalid(
      'Excel 序号 60 对应不存在的 1900年2月29日',
      'Excel serial 60 is 29 February 1900, a day that never existed',
    );
  }
  if (days < 1) return invalid(`数字 ${serial} 不是日期`, `the number ${serial} is not a date`);
  if (days > LAST_SERIAL) {
    return invalid(
      `数字 ${serial} 作为 Excel 日期序号超出 ${MIN_YEAR}–${MAX_YEAR} 年`,
      `the number ${serial} as an Excel date serial falls outside ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  return fromJsDate(new Date((days < PHANTOM_SERIAL ? EPOCH_BEFORE_PHANTOM : EPOCH_AFTER_PHANTOM) + days * MS_PER_DAY));
}

function fromCompactDigits(digits: string): DateResult {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  return digits.length === 8 ? checkedDate(year, month, Number(digits.slice(6, 8))) : checkedDate(year, month);
}

// Text forms, matched after normalisation (half-width, no spaces, Chinese numerals as digits).
/** 2019年, 2019年3月, 2019年3月份, 2019年3月15日, 2019年3月15号 (and 2019年3月15 without 日). */
const CHINESE_FORM = /^(\d{4})年(?:(\d{1,2})月份?(?:(\d{1,2})[日号]?)?)?$/;
/** 2019.03, 2019-3, 2019/03, 2019.3.15, 2019-03-15, 2019/3/15, 2019.03.15. */
const SEPARATED_FORM = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?\.?$/;
/** 2019 or 2019. */
const YEAR_FORM = /^(\d{4})\.?$/;
/** 20190315 or 201903. */
const COMPACT_FORM = /^\d{4}\d{2}(?:\d{2})?$/;
/** A time of day after a date: ISO (T10:30:00Z, T00:00:00+08:00) or a space and 10:30[:00]. */
const TIME_SUFFIX = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const WHITESPACE = /\s+/g;
const HAS_WHITESPACE = /\s/;
const TRAILING_PUNCTUATION = /[。，,;；、]+$/;
/** A run of Chinese numerals: 二〇一九 (digit by digit), 十五 / 三十一 (with 十). ○ often stands in for 〇. */
const CHINESE_NUMERALS = /[〇○零一二两三四五六七八九十]+/g;
const HAS_CHINESE_NUMERAL = /[〇○零一二两三四五六七八九十]/;
/** 二〇一九 → 2019, 三 → 3, 十 → 10, 十五 → 15, 二十 → 20, 三十一 → 31; anything else is left as is. */
export function chineseNumeralToDigits(run: string): string {
  const ten = run.indexOf('十');
  if (ten === -1) {
    let digits = '';
    for (const ch of run) digits += String(CHINESE_DIGIT[ch]);
    return digits;
  }
  if (run.length > 3 || run.indexOf('十', ten + 1) !== -1) return run;
  const tens = ten === 0 ? 1 : ten === 1 ? CHINESE_DIGIT[run[0]!] : undefined;
  const units = ten === run.length - 1 ? 0 : ten === run.length - 2 ? CHINESE_DIGIT[run[ten + 1]!] : undefined;
  if (tens === undefined || units === undefined || tens === 0) return run;
  return String(tens * 10 + units);
}

/**
 * Reduces a date typed as text to ASCII digits and 年月日: half-width, no time of day, no spaces,
 * Chinese numerals as digits, 元月 as 1月.
 */
export function normalizeDateText(text: string): string {
  // The guards skip replacements that would find nothing: this runs on every row.
  let s = toHalfWidth(text);
  if (s.includes(':')) s = s.trim().replace(TIME_SUFFIX, '');
  if (HAS_WHITESPACE.test(s)) s = s.replace(WHITESPACE, '');
  if (TRAILING_PUNCTUATION.test(s)) s = s.replace(TRAILING_PUNCTUATION, '');
  if (s.includes('元月')) s = s.replace('元月', '1月');
  return HAS_CHINESE_NUMERAL.test(s) ? s.replace(CHINESE_NUMERALS, chineseNumeralToDigits) : s;
}

const DIGIT = /\d/;

/** Parses a date written as text (a text cell, or part of a 存续时间 such as 至2025年6月). */
export function parseDateText(text: string): DateResult {
  const s = normalizeDateText(text);
  if (s === '') return EMPTY_RESULT;
  let m = CHINESE_FORM.exec(s) ?? SEPARATED_FORM.exec(s);
  if (m) {
    return checkedDate(
      Number(m[1]),
      m[2] === undefined ? undefined : Number(m[2]),
      m[3] === undefined ? undefined : Number(m[3]),
    );
  }
  m = YEAR_FORM.exec(s);
  if (m) return checkedDate(Number(m[1]));
  if (COMPACT_FORM.test(s)) return fromCompactDigits(s);
  if (!DIGIT.test(s)) {
    return invalid(
      `“${quote(text.trim())}”不含日期，应写成 2019年3月15日、2019年3月 或 2019-03-15`,
      `“${quote(text.trim())}” holds no date; write 2019年3月15日, 2019年3月 or 2019-03-15`,
    );
  }
  return invalid(
    `无法识别“${quote(text.trim())}”，应写成 2019年3月15日、2019年3月 或 2019-03-15`,
    `cannot read “${quote(text.trim())}”; write 2019年3月15日, 2019年3月 or 2019-03-15`,
  );
}

/**
 * Parses a 设立时间 / 撤销时间 cell: a JS Date (read from its UTC fields, as ExcelJS delivers
 * dates at UTC midnight), an Excel serial or a year / year.month typed as a number, or text in
 * the many forms registers use. A month-only date stays a month.
 */
export function parseDate(value: CellValue): DateResult {
  const scalar = toScalar(value);
  switch (scalar.kind) {
    case 'empty':
      return EMPTY_RESULT;
    case 'error':
      return invalid(`单元格是错误值 ${scalar.text}`, `the cell holds the error value ${scalar.text}`);
    case 'boolean':
      return invalid(
        `单元格是逻辑值 ${scalar.value ? 'TRUE' : 'FALSE'}，不是日期`,
        `the cell holds the logical value ${scalar.value ? 'TRUE' : 'FALSE'}, not a date`,
      );
    case 'date':
      return fromJsDate(scalar.date);
    case 'number':
      return fromNumber(scalar.value);
    case 'text':
      return memoizedDateText(scalar.text);
  }
}

/** Registers repeat the same few hundred date texts over thousands of rows. */
const TEXT_MEMO = new Map<string, DateResult>();
const MEMO_LIMIT = 10_000;
/** Long texts are rare and would make the memo hold megabytes. */
const MEMO_MAX_KEY = 200;

function memoizedDateText(text: string): DateResult {
  let result = TEXT_MEMO.get(text);
  if (result === undefined) {
    result = parseDateText(text);
    if (text.length <= MEMO_MAX_KEY) {
      if (TEXT_MEMO.size >= MEMO_LIMIT) TEXT_MEMO.clear();
      TEXT_MEMO.set(text, result);
    }
  }
  return result;
}
