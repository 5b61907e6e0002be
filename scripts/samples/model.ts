/**
 * The sample registers as data: each body is one row object, and each planted mistake sits on the
 * row it belongs to, so row numbers are computed when the sheet is laid out and the documentation
 * (samples/README.md, samples/planted.json) can never drift from the files.
 */
import type { FindingCode } from '../../src/ledger/findings';

/** A cell as written into the sample: text, a number, or a real Excel date (a Date at UTC midnight). */
export type SampleValue = string | number | Date | null;

export interface Plant {
  /** The header of the column the finding points at, as written in the sheet (line breaks folded to a space). */
  readonly column: string;
  readonly code: FindingCode;
  /** What was done wrong, in Chinese, for the README table. */
  readonly note: string;
}

export interface SampleRow {
  /** Values by header text (as in `SampleSheet.header`). */
  readonly cells: Readonly<Record<string, SampleValue>>;
  readonly plants?: readonly Plant[];
}

export interface SampleSheet {
  readonly name: string;
  /** Lines above the header: the title (merged across the table) and a unit/date line. */
  readonly title?: string;
  readonly unitLine?: readonly [string, string];
  /** Header cells in column order; '\n' inside a cell is a line break, as people type with Alt+Enter. */
  readonly header: readonly string[];
  readonly rows: readonly SampleRow[];
  /** Column widths in characters, by header. */
  readonly widths?: Readonly<Record<string, number>>;
}

/** A sheet without a register header (instructions): expected to be skipped with a reason. */
export interface NoteSheet {
  readonly name: string;
  readonly lines: readonly string[];
}

export interface SampleFile {
  /** Path under samples/. */
  readonly path: string;
  readonly description: string;
  readonly sheets: readonly (SampleSheet | NoteSheet)[];
  /** Department list to validate with (path under samples/), when the default city list does not fit. */
  readonly departments?: string;
}

export function isNoteSheet(sheet: SampleSheet | NoteSheet): sheet is NoteSheet {
  return 'lines' in sheet;
}

/** UTC midnight of a calendar date: ExcelJS writes it as that date's serial number. */
export function day(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

/** The folded header text a finding reports for a column. */
export function foldHeader(header: string): string {
  return header.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
