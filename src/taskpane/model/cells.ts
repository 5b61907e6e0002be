/** Where a finding points in the sheet: the cell to select and the cells to mark. */
import type { Finding } from '../../ledger/findings';
import type { SheetReport } from '../../ledger/validate';
import type { CellMark } from '../../port/workbook';

/**
 * The cell to select for a finding. A finding about a whole column (missing-column) or the whole
 * sheet points at the header row; a row finding without a column at the row's first header column.
 */
export function targetCell(
  finding: Finding,
  report: Pick<SheetReport, 'headerRow' | 'columns'>,
): { row: number; column: number } {
  const firstColumn = report.columns.reduce((min, c) => Math.min(min, c.column), Number.POSITIVE_INFINITY);
  const column = finding.columnIndex ?? (Number.isFinite(firstColumn) ? firstColumn : 1);
  return { row: finding.row ?? report.headerRow ?? 1, column };
}

/** Marks for the findings that point at one cell; several findings on a cell are resolved by the host (worst wins). */
export function marksFor(findings: readonly Finding[]): CellMark[] {
  const marks: CellMark[] = [];
  for (const f of findings) {
    if (f.row === null || f.columnIndex === undefined) continue;
    marks.push({ sheet: f.sheet, row: f.row, column: f.columnIndex, severity: f.severity });
  }
  return marks;
}

/** How many distinct cells a set of marks covers. */
export function distinctCells(marks: readonly CellMark[]): number {
  return new Set(marks.map((m) => `${m.sheet}\u0000${m.row}:${m.column}`)).size;
}
