import type { Finding } from './findings';
import type { FlagScope } from './flags/index';
import type { Grid } from './grid';
import type { HeaderColumn } from './header';
import type { LedgerRow } from './row';
import type { Settings } from './settings';

export type SkipReason = 'empty-sheet' | 'no-header';

/** The result of checking one sheet. */
export interface SheetReport {
  readonly sheet: string;
  readonly status: 'validated' | 'skipped';
  /** Why a sheet was skipped (see `skipMessage`). */
  readonly skipReason?: SkipReason;
  /** 1-based sheet row of the header (the lower row of a two-row header); null when skipped. */
  readonly headerRow: number | null;
  /** Non-empty texts above the header row: the title (东营市市级议事协调机构管理台账) and unit/date lines. */
  readonly title: readonly string[];
  /** Every non-empty header cell with the field it maps to (null for a column the register does not know). */
  readonly columns: readonly HeaderColumn[];
  /** The body rows, parsed. */
  readonly rows: readonly LedgerRow[];
  /** Sorted with `compareFindings`. */
  readonly findings: readonly Finding[];
}

export interface ValidateOptions {
  /** Run the register-wide flags (duplicates, deadlines, limit); default true. */
  readonly flags?: boolean;
  readonly scope?: FlagScope;
}
