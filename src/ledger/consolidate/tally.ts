/** The figures of one line of 汇总, from a county's rows and findings. */
import type { CategoryId } from '../categories';
import type { LedgerRow } from '../row';
import type { ReturnFinding, Tally } from './types';

export const ZERO_TALLY: Tally = {
  rows: 0,
  activeByCategory: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
  activeUncategorised: 0,
  activeCoordinating: 0,
  abolishedOrMerged: 0,
  errors: 0,
  warnings: 0,
  duplicates: 0,
  overdue: 0,
  expiring: 0,
};

export function tallyCounty(rows: readonly LedgerRow[], findings: readonly ReturnFinding[]): Tally {
  const byCategory: Record<CategoryId, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let uncategorised = 0;
  let abolishedOrMerged = 0;
  for (const row of rows) {
    if (row.active) {
      if (row.category === null) uncategorised += 1;
      else byCategory[row.category] += 1;
    } else if (row.status === 'abolished' || row.status === 'merged') {
      abolishedOrMerged += 1;
    }
  }
  let errors = 0;
  let warnings = 0;
  let overdue = 0;
  let expiring = 0;
  // A row named in two duplicate pairs is still one duplicated row.
  const duplicated = new Set<string>();
  for (const { file, finding: f } of findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
    if (f.code === 'overdue') overdue += 1;
    else if (f.code === 'expiring-soon') expiring += 1;
    else if ((f.code === 'duplicate-name' || f.code === 'similar-name') && f.row !== null)
      duplicated.add(`${file}\u0000${f.sheet}\u0000${f.row}`);
  }
  return {
    rows: rows.length,
    activeByCategory: byCategory,
    activeUncategorised: uncategorised,
    activeCoordinating: byCategory[1] + byCategory[2],
    abolishedOrMerged,
    errors,
    warnings,
    duplicates: duplicated.size,
    overdue,
    expiring,
  };
}

export function addTallies(a: Tally, b: Tally): Tally {
  const byCategory = { ...a.activeByCategory } as Record<CategoryId, number>;
  for (const id of [1, 2, 3, 4, 5] as const) byCategory[id] += b.activeByCategory[id];
  return {
    rows: a.rows + b.rows,
    activeByCategory: byCategory,
    activeUncategorised: a.activeUncategorised + b.activeUncategorised,
    activeCoordinating: a.activeCoordinating + b.activeCoordinating,
    abolishedOrMerged: a.abolishedOrMerged + b.abolishedOrMerged,
    errors: a.errors + b.errors,
    warnings: a.warnings + b.warnings,
    duplicates: a.duplicates + b.duplicates,
    overdue: a.overdue + b.overdue,
    expiring: a.expiring + b.expiring,
  };
}
