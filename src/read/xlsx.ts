/**
 * The .xlsx reader of the reading layer, with ExcelJS. Runs in Node (the CLI) and in the browser
 * (the preview and the Excel adapter's file picker): no Node APIs here.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedRange } from '../ledger/grid';
import { allEmpty, damagedFile, emptyWorkbook, type WorkbookRead } from './result';

// The few ExcelJS internals read here. The public `worksheet.model` would rebuild a model of every
// row, which doubles the work on a 100,000-row sheet; `_merges` is the map that model is built from.
interface MergeRangeLike {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}
interface WorksheetInternals {
  readonly _merges?: Record<string, MergeRangeLike | undefined>;
}

const MERGE_CELL_TYPE = 1; // ExcelJS ValueType.Merge: a covered cell that echoes its master's value

/** One worksheet as a grid: the block from the first to the last non-empty cell. */
function worksheetToGrid(sheet: ExcelJS.Worksheet): Grid {
  // One array per non-empty row, indexed by column − 1; shifted to the first used column at the end.
  const rows: { row: number; cells: CellValue[] }[] = [];
  let firstColumn = Infinity;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: CellValue[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Covered cells of a merge read as empty, like Excel's own range.values: a title merged
      // across the sheet, or a header merged over two columns, counts once.
      if ((cell.type as number) === MERGE_CELL_TYPE) return;
      const value = cell.value as CellValue;
      if (value === null || value === undefined || value === '') return;
      cells ??= [];
      cells[col - 1] = value;
      if (col < firstColumn) firstColumn = col;
    });
    if (cells) rows.push({ row: rowNumber, cells });
  });

  const merges: MergedRange[] = [];
  for (const range of Object.values((sheet as unknown as WorksheetInternals)._merges ?? {})) {
    if (range) merges.push({ top: range.top, left: range.left, bottom: range.bottom, right: range.right });
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return { sheet: sheet.name, values: [], firstRow: 1, firstColumn: 1, merges };
  const values: CellValue[][] = new Array<CellValue[]>(last.row - first.row + 1);
  for (let i = 0; i < values.length; i++) values[i] = [];
  for (const { row, cells } of rows) {
    const dense = cells.slice(firstColumn - 1);
    // Fill holes so every row is a dense array (sparse arrays surprise callers using .map).
    for (let c = 0; c < dense.length; c++) if (dense[c] === undefined) dense[c] = null;
    values[row - first.row] = dense;
  }
  return { sheet: sheet.name, values, firstRow: first.row, firstColumn, merges };
}

/**
 * Reads an .xlsx package (already recognised by `detectContainer`) into one grid per worksheet, in
 * tab order. Values are as ExcelJS gives them: rich text, hyperlinks, formulas with their cached
 * result, error objects, Dates (ExcelJS applies the workbook's 1904 date system).
 */
export async function readXlsx(data: Uint8Array, fileName: string): Promise<WorkbookRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types say Buffer; JSZip underneath takes any Uint8Array.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return damagedFile(fileName, /end of data|end of central directory|corrupted zip|invalid signature|unexpected end|crc32/i.test(detail));
  }
  const sheets = workbook.worksheets.map(worksheetToGrid);
  if (sheets.length === 0 || allEmpty(sheets)) return emptyWorkbook(fileName, sheets.length);
  return { ok: true, sheets, format: 'xlsx' };
}
