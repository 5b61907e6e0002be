import type { FieldKey } from './fields';

/** One non-empty header cell. */
export interface HeaderColumn {
  /** 1-based sheet column. */
  readonly column: number;
  /** The header text as written (line breaks folded to spaces). */
  readonly header: string;
  /** The field it maps to, or null for a column the register does not know (kept untouched). */
  readonly field: FieldKey | null;
}
