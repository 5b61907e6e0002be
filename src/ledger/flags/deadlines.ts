import { addYears, formatDate, isoDayNumber, lastDay, type LedgerDate } from '../cells/date';
import { durationEnd } from '../cells/duration';
import { finding, type Finding } from '../findings';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import { cellOf } from './cells';

/** Whole years from `established` to the day `asOfDay`, counting a year only once its last possible day is reached. */
function fullYearsSince(established: LedgerDate, asOfDay: number): number {
  let years = Math.max(0, new Date(asOfDay * 86_400_000).getUTCFullYear() - established.year);
  while (years > 0 && lastDay(addYears(established, years)) > asOfDay) years -= 1;
  return years;
}

/**
 * overdue, expiring-soon and review-due for active rows:
 * - a temporary body (至… or N年 from 设立时间) whose term's last day is before the as-of date is
 *   overdue; one whose term ends on the as-of date or within `expiringWindowDays` is expiring-soon;
 * - a task-bound body (任务完成后撤销) is review-due once more than `reviewCycleYears` have passed
 *   since it was set up; permanent bodies are never flagged.
 */
export function flagDeadlines(rows: readonly LedgerRow[], settings: Settings): Finding[] {
  const asOfDay = isoDayNumber(settings.asOf);
  const out: Finding[] = [];
  const at = (row: LedgerRow) => ({ ...cellOf(row, 'duration'), value: row.cells.duration?.text ?? '' });
  for (const row of rows) {
    const duration = row.duration;
    if (!duration || duration.kind === 'permanent') continue;
    if (duration.kind === 'task') {
      if (!row.established) continue;
      const reviewBy = lastDay(addYears(row.established, settings.reviewCycleYears));
      if (reviewBy < asOfDay) {
        out.push(
          finding({
            code: 'review-due',
            ...at(row),
            params: { years: fullYearsSince(row.established, asOfDay), cycle: settings.reviewCycleYears },
          }),
        );
      }
      continue;
    }
    const end = durationEnd(duration, row.established);
    if (!end) continue;
    // A term stated to the month or year runs to the last day it covers: 2026-11 to 2026-11-30.
    const daysLeft = lastDay(end) - asOfDay;
    if (daysLeft < 0) {
      out.push(finding({ code: 'overdue', ...at(row), params: { end: formatDate(end) } }));
    } else if (daysLeft <= settings.expiringWindowDays) {
      out.push(finding({ code: 'expiring-soon', ...at(row), params: { end: formatDate(end), days: daysLeft } }));
    }
  }
  return out;
}
