import type { CategoryId, StatusKey } from './categories';
import type { LedgerDate } from './cells/date';
import type { DocNumber } from './cells/docNumber';
import type { Duration } from './cells/duration';
import type { FieldKey } from './fields';

/** Where a field's value sits: its text, the 1-based sheet column and the header as written. */
export interface CellRef {
  readonly text: string;
  readonly column: number;
  readonly header: string;
}

/**
 * One body of the register, parsed. Every parsed value is null when its cell is empty or cannot
 * be read (the row rules report why); `cells` keeps the text of every mapped column as written.
 */
export interface LedgerRow {
  readonly sheet: string;
  /** The sheet's own 1-based row number. */
  readonly row: number;
  readonly cells: Readonly<Partial<Record<FieldKey, CellRef>>>;
  /** 机构名称, trimmed, as written. */
  readonly name: string;
  readonly category: CategoryId | null;
  /** Parsed 状态; an unreadable status counts as active (and is reported as invalid-status). */
  readonly status: StatusKey;
  /** Active (状态 存续 or empty): the rows that flags, totals and limits count. */
  readonly active: boolean;
  readonly established: LedgerDate | null;
  readonly abolishedOn: LedgerDate | null;
  /** The first 发文字号 found in 依据文件. */
  readonly basis: DocNumber | null;
  /** The listed department name when known, else the text as written; null when empty. */
  readonly department: string | null;
  readonly duration: Duration | null;
  /** 县区 / 填报单位 column, when present. */
  readonly county: string | null;
}
