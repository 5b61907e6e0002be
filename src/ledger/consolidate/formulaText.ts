/**
 * formula-text: a text cell that a spreadsheet would take for a formula (or a DDE trigger) if it
 * were typed in. The return writes every such text as text; the finding tells the county.
 */
import { toScalar } from '../cells/value';
import { finding, type Finding } from '../findings';
import type { Grid } from '../grid';
import type { HeaderColumn } from '../header';
import { looksLikeFormula } from '../sheetSpec';

/** A lone dash or a run of them is the usual “nothing here” placeholder, not a formula. */
const DASHES_ONLY = /^[-\s]+$/;

export function isFormulaLikeText(text: string): boolean {
  return looksLikeFormula(text) && !DASHES_ONLY.test(text);
}

/**
 * Every text cell of a sheet that starts with = + - @ or a tab. The column is named by its header
 * when the cell sits below the header row.
 */
export function formulaTextFindings(grid: Grid, headerRow: number | null, columns: readonly HeaderColumn[]): Finding[] {
  const firstRow = grid.firstRow ?? 1;
  const firstColumn = grid.firstColumn ?? 1;
  const headerOf = new Map(columns.map((c) => [c.column, c.header]));
  const out: Finding[] = [];
  grid.values.forEach((cells, i) => {
    const row = firstRow + i;
    cells.forEach((cell, j) => {
      const scalar = toScalar(cell);
      if (scalar.kind !== 'text' || !isFormulaLikeText(scalar.text)) return;
      const column = firstColumn + j;
      out.push(
        finding({
          code: 'formula-text',
          sheet: grid.sheet,
          row,
          column: headerRow !== null && row > headerRow ? (headerOf.get(column) ?? null) : null,
          value: scalar.text,
          columnIndex: column,
        }),
      );
    });
  });
  return out;
}
