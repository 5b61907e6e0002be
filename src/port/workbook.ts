import type { CellValue, Grid } from '../ledger/grid';
import type { Severity } from '../ledger/findings';
import type { SheetSpec } from '../ledger/sheetSpec';

/**
 * The narrow interface the task pane needs from a workbook. Each host implements it: the Excel
 * adapter (src/excel/) with Office.js, the preview (src/preview/) in memory. The pane never calls
 * Office.js directly. Every method may reject with a `WorkbookError` whose message says what
 * happened and what to do.
 */
export interface WorkbookPort {
  /** Sheets in tab order, with the active one flagged. */
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet as a grid (values as the host delivers them). */
  readSheet(sheet: string, options?: ReadOptions): Promise<Grid>;
  /** Shows a sheet (after checking it, so the marks are in view). Optional: hosts without it stay put. */
  activateSheet?(sheet: string): Promise<void>;
  /** Selects (and scrolls to) one cell. */
  selectCell(sheet: string, row: number, column: number): Promise<void>;
  /** Adds new sheets after the existing ones, never replacing one; returns the names actually used. */
  addSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<string[]>;
  /**
   * Deletes sheets the add-in wrote earlier (a return being replaced), after the user confirmed it.
   * Names that no longer exist are skipped. Optional: a host without it keeps adding new sheets.
   */
  removeSheets?(names: readonly string[]): Promise<void>;
  /**
   * Inserts whole rows before `beforeRow` (the rows from there move down, as Excel's 插入行 does) and
   * writes `rows` into them from `firstColumn`, then selects them; no other cell changes. Used only
   * after the user confirmed (审核: adding an approved body to the register). Optional: a host
   * without it cannot add rows to a sheet.
   */
  insertRows?(
    sheet: string,
    beforeRow: number,
    firstColumn: number,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void>;
  /** Marks cells by severity without touching their own formatting; replaces earlier marks on the same sheet. */
  addMarks(marks: readonly CellMark[]): Promise<void>;
  /** Removes exactly the marks this add-in added (on one sheet, or everywhere); returns how many cells were unmarked. */
  clearMarks(sheet?: string): Promise<number>;
  /** Settings stored with the document (null when none). */
  loadSettings(): Promise<unknown | null>;
  saveSettings(settings: unknown): Promise<void>;
  /** Reads an .xlsx file the user picked into grids, one per sheet. */
  readWorkbookFile(file: PickedFile, options?: ReadOptions): Promise<Grid[]>;
}

export interface SheetInfo {
  readonly name: string;
  readonly active: boolean;
  readonly visible: boolean;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Called with a fraction in [0, 1] as blocks arrive. */
  readonly onProgress?: (fraction: number) => void;
}

export interface WriteOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

export interface CellMark {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly severity: Severity;
}

export interface PickedFile {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** An error a host raises on purpose, with a message fit for the user. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-found' | 'unsupported' | 'too-large' | 'unreadable' | 'cancelled' | 'host',
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** Rows of an Excel worksheet. */
const SHEET_ROWS = 1_048_576;

/** What every host checks before `insertRows`: rows to write, at a position the sheet has. */
export function isValidRowInsert(
  beforeRow: number,
  firstColumn: number,
  rows: readonly (readonly CellValue[])[],
): boolean {
  return (
    rows.length > 0 &&
    rows.some((r) => r.length > 0) &&
    Number.isInteger(beforeRow) &&
    Number.isInteger(firstColumn) &&
    beforeRow >= 1 &&
    firstColumn >= 1 &&
    beforeRow + rows.length - 1 <= SHEET_ROWS
  );
}
