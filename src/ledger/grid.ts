/**
 * A grid is what every host hands the core: the 2-D array of values that Excel's `range.values`
 * or ExcelJS gives, plus where it sits on the sheet. Row and column numbers reported to users are
 * always the sheet's own 1-based numbers, computed from `firstRow` / `firstColumn`.
 */

/**
 * One cell as a host delivers it. Besides scalars this covers the objects ExcelJS returns:
 * rich text `{ richText: [{ text }] }`, hyperlinks `{ text, hyperlink }`, formulas
 * `{ formula, result }` / `{ sharedFormula, result }` and errors `{ error: '#N/A' }`.
 * Office.js delivers errors as strings such as `'#N/A'` and dates as serial numbers.
 */
export type CellValue = string | number | boolean | Date | null | undefined | { readonly [key: string]: unknown };

export interface Grid {
  /** The sheet's name as the user sees it on its tab. */
  readonly sheet: string;
  /** Row-major values; rows may have different lengths. */
  readonly values: readonly (readonly CellValue[])[];
  /** 1-based sheet row of `values[0]` (default 1). */
  readonly firstRow?: number;
  /** 1-based sheet column of `values[i][0]` (default 1). */
  readonly firstColumn?: number;
  /**
   * Merged ranges as 1-based sheet coordinates, when the host knows them. The header finder
   * uses them to read a merged header cell once and to explain two-row headers.
   */
  readonly merges?: readonly MergedRange[];
  /**
   * Lines that sit above the grid outside it: the paragraphs above a Word table (附件2 /
   * 东营区议事协调机构管理台账). Read as title lines, like the rows above a sheet's header.
   */
  readonly caption?: readonly string[];
}

export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Converts a 1-based column number to its letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1-style address of a 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
