import type { CellValue } from './grid';

/**
 * A sheet the product writes (the return's 汇总/明细/问题清单/说明, a new register, a change list),
 * described once in the core and written by each host: src/xlsx/write in the CLI, Office.js in Excel,
 * the in-memory workbook in the preview.
 */
export type ColumnFormat = 'text' | 'date' | 'integer' | 'decimal' | 'percent' | 'general';

export interface ColumnSpec {
  readonly header: string;
  /** Width in characters (Excel's column width unit). */
  readonly width?: number;
  readonly format?: ColumnFormat;
  /** A data-validation dropdown for this column. */
  readonly list?: readonly string[];
  /** Data validation of a number column: whole numbers (counts) or decimals from `min` to `max`. */
  readonly range?: { readonly min: number; readonly max?: number; readonly whole?: boolean };
  /** Background colours (ARGB, e.g. FFC6EFCE) of body cells by their text: grades coloured. */
  readonly fills?: Readonly<Record<string, string>>;
}

export interface SheetSpec {
  /** Wanted sheet name; hosts make it unique (汇总 → 汇总 (2)) rather than overwrite. */
  readonly name: string;
  /** Lines above the table: a title, the as-of date, notes. Written as plain values. */
  readonly preamble?: readonly (readonly CellValue[])[];
  readonly columns: readonly ColumnSpec[];
  /** Table body. Dates are written as Date objects (real Excel dates); text is always text, never a formula. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Lines below the table (a 合计 row that is not part of the table, notes). */
  readonly footer?: readonly (readonly CellValue[])[];
  /** Format the body as an Excel table with filters (default true). */
  readonly table?: boolean;
  /** Freeze panes below the header row (default true). */
  readonly freezeHeader?: boolean;
  /** Number of empty body rows to format (dropdowns, formats) beyond `rows`, for a new register. */
  readonly blankRows?: number;
}

/** 1-based sheet row of the header row of a spec once written. */
export function headerRowOf(spec: SheetSpec): number {
  return (spec.preamble?.length ?? 0) + 1;
}

/** True for text that a spreadsheet would take as a formula (or a DDE trigger) if typed in. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
