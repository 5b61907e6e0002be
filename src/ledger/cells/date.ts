import type { CellValue } from '../grid';

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

/** Parses a 设立时间 / 撤销时间 cell. IMPLEMENTED BY THE PARSER MODULE TASK. */
export function parseDate(value: CellValue): DateResult {
  void value;
  throw new Error('not implemented');
}

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
