/** The 标记 tab's view of a report: duplicate pairs and deadline lists, derived from the findings. */
import { firstDay } from '../../ledger/cells/date';
import type { Finding } from '../../ledger/findings';
import type { SheetReport } from '../../ledger/validate';

export interface DuplicatePair {
  readonly rowA: number;
  readonly nameA: string;
  readonly rowB: number;
  readonly nameB: string;
  /** 1 for names identical after normalisation. */
  readonly score: number;
  readonly identical: boolean;
  /** The finding on row A, for selecting it. */
  readonly finding: Finding;
}

export interface DeadlineItem {
  readonly row: number;
  readonly name: string;
  /** YYYY-MM-DD (or coarser) as the finding states it; '' when unknown. */
  readonly end: string;
  readonly days: string;
  readonly finding: Finding;
}

export interface FlagsView {
  readonly pairs: readonly DuplicatePair[];
  readonly overdue: readonly DeadlineItem[];
  readonly expiring: readonly DeadlineItem[];
  readonly review: readonly DeadlineItem[];
}

/** The other rows a duplicate finding names: its related refs, else the row numbers in its params. */
function otherRows(f: Finding): { row: number; name?: string; score?: number }[] {
  const sameSheet = (f.related ?? []).filter((r) => r.file === undefined && r.sheet === f.sheet);
  if (sameSheet.length > 0) {
    return sameSheet.map((r) => ({
      row: r.row,
      ...(r.value !== undefined ? { name: r.value } : {}),
      ...(r.score !== undefined ? { score: r.score } : {}),
    }));
  }
  const text = String(f.params.otherRows ?? f.params.otherRow ?? '');
  return (text.match(/\d+/g) ?? []).map((n) => ({ row: Number(n) }));
}

export function flagsView(report: Pick<SheetReport, 'rows' | 'findings'>): FlagsView {
  const nameOfRow = new Map(report.rows.map((r) => [r.row, r.name]));
  const establishedDay = new Map(
    report.rows.map((r) => [r.row, r.established ? firstDay(r.established) : Number.POSITIVE_INFINITY]),
  );
  const nameOf = (row: number, fallback?: string | null): string => nameOfRow.get(row) ?? fallback ?? '';

  const pairs = new Map<string, DuplicatePair>();
  const overdue: DeadlineItem[] = [];
  const expiring: DeadlineItem[] = [];
  const review: DeadlineItem[] = [];

  for (const f of report.findings) {
    if (f.row === null) continue;
    if (f.code === 'duplicate-name' || f.code === 'similar-name') {
      const identical = f.code === 'duplicate-name';
      for (const other of otherRows(f)) {
        const [rowA, rowB] = f.row < other.row ? [f.row, other.row] : [other.row, f.row];
        const key = `${rowA}:${rowB}`;
        const score = identical ? 1 : (other.score ?? Number(f.params.score ?? Number.NaN));
        const existing = pairs.get(key);
        // Both rows of a pair usually carry the finding; keep one, preferring the stronger match.
        if (existing && (existing.identical || !identical)) continue;
        pairs.set(key, {
          rowA,
          rowB,
          score,
          identical,
          nameA: nameOf(rowA, rowA === f.row ? f.value : other.name),
          nameB: nameOf(rowB, rowB === f.row ? f.value : other.name),
          finding: f,
        });
      }
      continue;
    }
    const item = (): DeadlineItem => ({
      row: f.row!,
      name: nameOf(f.row!, f.value),
      end: String(f.params.end ?? ''),
      days: String(f.params.days ?? ''),
      finding: f,
    });
    if (f.code === 'overdue') overdue.push(item());
    else if (f.code === 'expiring-soon') expiring.push(item());
    else if (f.code === 'review-due') review.push(item());
  }

  // ISO dates sort as text; ties keep row order.
  const byEnd = (a: DeadlineItem, b: DeadlineItem) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.row - b.row);
  const byEstablished = (a: DeadlineItem, b: DeadlineItem) =>
    (establishedDay.get(a.row) ?? Infinity) - (establishedDay.get(b.row) ?? Infinity) || a.row - b.row;
  return {
    pairs: [...pairs.values()].sort(
      (a, b) => Number(b.identical) - Number(a.identical) || b.score - a.score || a.rowA - b.rowA,
    ),
    overdue: overdue.sort(byEnd),
    expiring: expiring.sort(byEnd),
    review: review.sort(byEstablished),
  };
}

/**
 * Words for how close two different names are. The core's score compares names with the common
 * words (工作, 领导小组 …) set aside, so 市食品安全委员会 and 市食品安全工作委员会 score 1.00: a number
 * that reads as “identical” for names that are not. Words say what the user can trust.
 */
export function closeness(score: number): 'high' | 'close' {
  return Number.isFinite(score) && score >= 0.9 ? 'high' : 'close';
}
