import type { CategoryId } from '../categories';
import type { Finding, Lang, SeverityCounts } from '../findings';
import type { Grid } from '../grid';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import type { SubmissionContact } from '../submissionContact';

/** One sheet of one input file. The file name is the last resort for the county. */
export interface Submission {
  /** The file name as the user knows it (no folders needed), e.g. 广饶县-2026台账.xlsx. */
  readonly file: string;
  readonly grid: Grid;
}

/** An input the host could not open (not .xlsx, corrupt, encrypted, no sheets). */
export interface UnreadableInput {
  readonly file: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface ConsolidateOptions {
  /** Inputs the host could not read: listed in the return, never silently dropped. */
  readonly unreadable?: readonly UnreadableInput[];
}

/** Where a register's county came from, in the order they are tried. */
export type CountyBasis = 'column' | 'title' | 'file-name';

/** Why a sheet that holds a register is left out of the totals. */
export type UnassignedReason =
  /** Neither a 县区/填报单位 column, nor the title, nor the file name names a county. */
  | 'no-county'
  /** The 县区/填报单位 column names more than one county. */
  | 'mixed-county';

/** One sheet of one input and what became of it. */
export type RegisterEntry =
  | {
      readonly file: string;
      readonly sheet: string;
      readonly status: 'included';
      readonly county: string;
      readonly countyBasis: CountyBasis;
      readonly headerRow: number;
      readonly rowCount: number;
      /** The register's own contact, from its footer (填表人：… 联系电话：…); null when it names none. */
      readonly contact: SubmissionContact | null;
    }
  | {
      readonly file: string;
      readonly sheet: string;
      readonly status: 'unassigned';
      readonly reason: UnassignedReason;
      /** The counties a mixed column names, with their row counts, e.g. 东营区 ×12. */
      readonly candidates: readonly { readonly county: string; readonly rows: number }[];
      readonly headerRow: number;
      readonly rowCount: number;
    }
  | {
      readonly file: string;
      readonly sheet: string;
      readonly status: 'skipped';
      readonly reason: 'empty-sheet' | 'no-header';
    };

/** A body of the return: the parsed row, its county and where it came from. */
export interface ReturnRow {
  readonly county: string;
  readonly file: string;
  /** `row.sheet` and `row.row` are the input's own sheet name and row number. */
  readonly row: LedgerRow;
}

/** A finding of the return with the county and file it belongs to. */
export interface ReturnFinding {
  /** Null for a register whose county is unknown. */
  readonly county: string | null;
  /** Null for findings about a county as a whole (missing-submission, duplicate-submission). */
  readonly file: string | null;
  /** `finding.sheet` / `finding.row` are the input's own sheet and row; related refs carry their file. */
  readonly finding: Finding;
}

export type SubmissionState = 'submitted' | 'missing' | 'duplicate';

/** The figures of one line of 汇总. Counts cover active rows (状态 存续 or empty) unless named otherwise. */
export interface Tally {
  /** Register rows (bodies) of every status. */
  readonly rows: number;
  readonly activeByCategory: Readonly<Record<CategoryId, number>>;
  /** Active rows whose 类别 is empty or unreadable, so the category columns add up to the active rows. */
  readonly activeUncategorised: number;
  /** Active 议事协调机构 proper: categories 1–2. */
  readonly activeCoordinating: number;
  /** Rows with 状态 已撤销 or 已合并. */
  readonly abolishedOrMerged: number;
  readonly errors: number;
  readonly warnings: number;
  /** Rows flagged duplicate-name or similar-name. */
  readonly duplicates: number;
  readonly overdue: number;
  readonly expiring: number;
}

export interface CountyTally extends Tally {
  readonly county: string;
  /** Named in the expected list. */
  readonly expected: boolean;
  readonly state: SubmissionState;
  /** Input files that hold this county's registers. */
  readonly files: readonly string[];
}

export interface ConsolidatedReturn {
  readonly asOf: string;
  readonly settings: Settings;
  /** Expected counties in the order given, then the others in input order; missing ones included. */
  readonly counties: readonly CountyTally[];
  /** Sum of `counties` (registers without a county are not in it). */
  readonly total: Tally;
  /** Expected counties that sent nothing. */
  readonly missing: readonly string[];
  /** Every sheet of every input, in input order. */
  readonly registers: readonly RegisterEntry[];
  readonly unreadable: readonly UnreadableInput[];
  /** Rows of counties, grouped by county (order of `counties`), then file, sheet and row. */
  readonly rows: readonly ReturnRow[];
  /** Every finding, sorted by county (order of `counties`, unknown county last), file, sheet, row. */
  readonly findings: readonly ReturnFinding[];
  /** Severity counts over every finding, including registers left out of the totals. */
  readonly summary: SeverityCounts;
}

/** What the host adds to the return when writing it (hashing and sizes are the host's job). */
export interface ReturnMeta {
  /** package.json version of the tool. */
  readonly toolVersion: string;
  readonly inputs: readonly { readonly file: string; readonly size: number; readonly sha256: string }[];
  readonly lang: Lang;
}
