/** Working days for the joint chain's time limits: Monday to Friday, less the configured holidays. */
import { isoDayNumber } from '../cells/date';

/** 0 = Sunday … 6 = Saturday for a day number (days since 1970-01-01, a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWorkingDay(day: number, holidays: ReadonlySet<number>): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !holidays.has(day);
}

/** Day numbers of YYYY-MM-DD holidays. */
export function holidaySet(holidays: readonly string[]): Set<number> {
  return new Set(holidays.map(isoDayNumber));
}

/**
 * Working days after `from` up to and including `to`: an application received on a Friday and
 * still waiting on the next Monday has waited 1 working day. 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: number, to: number, holidays: ReadonlySet<number> = new Set()): number {
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDay(d, holidays)) count++;
  return count;
}
