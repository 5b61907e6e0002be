/**
 * The preview's workbook: sheets of cell values held in memory, implementing the same
 * WorkbookPort the Excel adapter implements, so the real task pane runs against it unchanged.
 * Marks live beside the values (never in them), so clearing removes exactly the marks.
 */
import type { CellValue, Grid, MergedRange } from '../ledger/grid';
import { SEVERITY_RANK, type Severity } from '../ledger/findings';
import { headerRowOf, type ColumnSpec, type SheetSpec } from '../ledger/sheetSpec';
import {
  isValidRowInsert,
  WorkbookError,
  type CellMark,
  type PickedFile,
  type ReadOptions,
  type SheetInfo,
  type WorkbookPort,
  type WriteOptions,
} from '../port/workbook';
import { readWorkbook } from '../read';

/** A sheet the product wrote: what the grid needs to draw it like Excel would. */
export interface WrittenLayout {
  readonly headerRow: number;
  readonly columns: readonly ColumnSpec[];
  /** Last row of the table body (inclusive), header excluded. */
  readonly lastBodyRow: number;
  readonly table: boolean;
  readonly freezeHeader: boolean;
}

export interface MemorySheet {
  readonly name: string;
  readonly visible: boolean;
  /** Row-major values from A1 (row 1 is cells[0]); rows may be shorter than others or missing. */
  readonly cells: readonly (readonly CellValue[])[];
  readonly merges: readonly MergedRange[];
  /** `row:column` → severity of the add-in's mark on that cell. */
  readonly marks: ReadonlyMap<string, Severity>;
  readonly layout?: WrittenLayout;
}

export interface Selection {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

interface MutableSheet {
  name: string;
  visible: boolean;
  cells: CellValue[][];
  merges: MergedRange[];
  marks: Map<string, Severity>;
  layout?: WrittenLayout;
}

/** Minimal storage the workbook remembers settings in (window.localStorage in the browser). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

const FORBIDDEN_IN_SHEET_NAMES = /[:\\/?*[\]]/g;
const MAX_SHEET_NAME = 31;

const markKey = (row: number, column: number): string => `${row}:${column}`;

function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkbookError('操作已取消。', 'cancelled');
}

/** Excel's rules for a tab name: at most 31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe. */
export function cleanSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(FORBIDDEN_IN_SHEET_NAMES, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (cleaned || 'Sheet').slice(0, MAX_SHEET_NAME);
}

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheetList: MutableSheet[] = [];
  private active: string | null = null;
  private selected: Selection | null = null;
  private settings: unknown | null = null;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: SettingsStorage | null = null,
    private readonly storageKey = 'ledger-preview-settings',
  ) {}

  // ---- observing (the preview grid redraws on every change) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything visible changes; a snapshot for useSyncExternalStore. */
  getVersion = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  get sheets(): readonly MemorySheet[] {
    return this.sheetList;
  }

  get activeSheet(): string | null {
    return this.active;
  }

  get selection(): Selection | null {
    return this.selected;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  /** Total marked cells across the workbook. */
  get markCount(): number {
    return this.sheetList.reduce((n, s) => n + s.marks.size, 0);
  }

  // ---- direct edits by the preview itself (loading samples, clicking a tab or a cell) ----

  /** Adds a sheet holding a grid as read from a file, at the grid's own position; returns the name used. */
  addGrid(grid: Grid, name: string = grid.sheet): string {
    const firstRow = grid.firstRow ?? 1;
    const firstColumn = grid.firstColumn ?? 1;
    const cells: CellValue[][] = [];
    grid.values.forEach((row, i) => {
      const line: CellValue[] = new Array<CellValue>(firstColumn - 1).fill(null);
      for (const value of row) line.push(value);
      cells[firstRow - 1 + i] = line;
    });
    const used = this.uniqueName(cleanSheetName(name));
    this.sheetList.push({
      name: used,
      visible: true,
      cells: densify(cells),
      merges: [...(grid.merges ?? [])],
      marks: new Map(),
    });
    if (this.active === null) this.active = used;
    this.changed();
    return used;
  }

  activate(name: string): void {
    this.requireSheet(name);
    this.active = name;
    this.changed();
  }

  select(sheet: string, row: number, column: number): void {
    this.requireSheet(sheet);
    this.active = sheet;
    this.selected = { sheet, row, column };
    this.changed();
  }

  // ---- WorkbookPort ----

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheetList.map((s) => ({ name: s.name, active: s.name === this.active, visible: s.visible }));
  }

  async readSheet(name: string, options: ReadOptions = {}): Promise<Grid> {
    throwIfAborted(options.signal);
    const sheet = this.requireSheet(name);
    const bounds = usedBounds(sheet.cells);
    options.onProgress?.(1);
    if (!bounds) return { sheet: sheet.name, values: [], firstRow: 1, firstColumn: 1, merges: [...sheet.merges] };
    const values: CellValue[][] = [];
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      const row = sheet.cells[r - 1] ?? [];
      const slice: CellValue[] = [];
      for (let c = bounds.left; c <= bounds.right; c++) slice.push(row[c - 1] ?? null);
      values.push(slice);
    }
    return { sheet: sheet.name, values, firstRow: bounds.top, firstColumn: bounds.left, merges: [...sheet.merges] };
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
      throw new WorkbookError(`无法选择单元格：行 ${row}、列 ${column} 不是有效位置。`, 'host');
    }
    this.select(sheet, row, column);
  }

  async activateSheet(name: string): Promise<void> {
    this.activate(name);
  }

  async removeSheets(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const at = this.sheetList.findIndex((s) => s.name === name);
      if (at >= 0) this.sheetList.splice(at, 1);
    }
    if (this.active !== null && !this.sheet(this.active)) this.active = this.sheetList[0]?.name ?? null;
    if (this.selected && !this.sheet(this.selected.sheet)) this.selected = null;
    this.changed();
  }

  async addSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<string[]> {
    const names: string[] = [];
    for (const [i, spec] of specs.entries()) {
      throwIfAborted(options.signal);
      const name = this.uniqueName(cleanSheetName(spec.name));
      this.sheetList.push(sheetFromSpec(name, spec));
      names.push(name);
      options.onProgress?.((i + 1) / specs.length);
    }
    // Like a user who just created them, the preview shows the first new sheet.
    if (names[0] !== undefined) this.active = names[0];
    this.changed();
    return names;
  }

  async insertRows(
    name: string,
    beforeRow: number,
    firstColumn: number,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    const sheet = this.requireSheet(name);
    if (!isValidRowInsert(beforeRow, firstColumn, rows))
      throw new WorkbookError(`无法在工作表“${name}”插入行：没有要写入的行，或位置无效。`, 'host');
    const n = rows.length;
    while (sheet.cells.length < beforeRow - 1) sheet.cells.push([]);
    const fresh = rows.map((row) => [...new Array<CellValue>(firstColumn - 1).fill(null), ...row]);
    sheet.cells.splice(beforeRow - 1, 0, ...fresh);
    // As Excel does: merges below move down, a merge across the insertion point grows.
    sheet.merges = sheet.merges.map((m) =>
      m.top >= beforeRow
        ? { ...m, top: m.top + n, bottom: m.bottom + n }
        : m.bottom >= beforeRow
          ? { ...m, bottom: m.bottom + n }
          : m,
    );
    // A sheet the add-in wrote keeps drawing its table: rows at or just below the body extend it.
    const layout = sheet.layout;
    if (layout && beforeRow <= layout.lastBodyRow + 1) {
      const shift = beforeRow <= layout.headerRow ? n : 0;
      sheet.layout = { ...layout, headerRow: layout.headerRow + shift, lastBodyRow: layout.lastBodyRow + n };
    }
    const marks = [...sheet.marks];
    sheet.marks.clear();
    for (const [key, severity] of marks) {
      const [row, column] = key.split(':').map(Number) as [number, number];
      sheet.marks.set(markKey(row >= beforeRow ? row + n : row, column), severity);
    }
    this.active = name;
    this.selected = { sheet: name, row: beforeRow, column: firstColumn };
    this.changed();
  }

  async addMarks(marks: readonly CellMark[]): Promise<void> {
    const bySheet = new Map<string, CellMark[]>();
    for (const mark of marks) {
      const list = bySheet.get(mark.sheet) ?? [];
      list.push(mark);
      bySheet.set(mark.sheet, list);
    }
    for (const name of bySheet.keys()) this.requireSheet(name);
    for (const [name, list] of bySheet) {
      const sheet = this.requireSheet(name);
      sheet.marks.clear();
      for (const mark of list) {
        const key = markKey(mark.row, mark.column);
        const earlier = sheet.marks.get(key);
        // One cell with several findings shows the worst of them.
        if (earlier === undefined || SEVERITY_RANK[mark.severity] < SEVERITY_RANK[earlier])
          sheet.marks.set(key, mark.severity);
      }
    }
    this.changed();
  }

  async clearMarks(sheet?: string): Promise<number> {
    const targets = sheet === undefined ? this.sheetList : [this.requireSheet(sheet)];
    let cleared = 0;
    for (const target of targets) {
      cleared += target.marks.size;
      target.marks.clear();
    }
    this.changed();
    return cleared;
  }

  async loadSettings(): Promise<unknown | null> {
    if (this.settings !== null) return this.settings;
    const stored = this.storage?.getItem(this.storageKey);
    if (!stored) return null;
    try {
      return JSON.parse(stored) as unknown;
    } catch {
      // A damaged entry is the same as none: the pane falls back to defaults.
      return null;
    }
  }

  async saveSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    try {
      this.storage?.setItem(this.storageKey, JSON.stringify(settings));
    } catch {
      throw new WorkbookError('设置已在本次使用中生效，但浏览器拒绝保存（存储空间已满或被禁用）。', 'host');
    }
  }

  async readWorkbookFile(file: PickedFile, options: ReadOptions = {}): Promise<Grid[]> {
    throwIfAborted(options.signal);
    options.onProgress?.(0);
    const result = await readWorkbook(file.bytes, file.name);
    throwIfAborted(options.signal);
    if (!result.ok) throw new WorkbookError(result.message, 'unreadable');
    options.onProgress?.(1);
    return result.sheets;
  }

  // ---- helpers ----

  private requireSheet(name: string): MutableSheet {
    const sheet = this.sheetList.find((s) => s.name === name);
    if (!sheet)
      throw new WorkbookError(`找不到工作表“${name}”，它可能已被删除或改名。请刷新工作表列表后重试。`, 'not-found');
    return sheet;
  }

  /** 汇总 → 汇总 (2) → 汇总 (3)…, compared without case as Excel does, within 31 characters. */
  private uniqueName(wanted: string): string {
    const taken = new Set(this.sheetList.map((s) => s.name.toLowerCase()));
    if (!taken.has(wanted.toLowerCase())) return wanted;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
}

/** Replaces holes left by sparse assignment with empty rows. */
function densify(cells: CellValue[][]): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = 0; i < cells.length; i++) out.push(cells[i] ?? []);
  return out;
}

/** The smallest block holding every non-empty cell (1-based, inclusive), or null for an empty sheet. */
export function usedBounds(
  cells: readonly (readonly CellValue[])[],
): { top: number; left: number; bottom: number; right: number } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  cells.forEach((row, r) => {
    row.forEach((value, c) => {
      if (isEmptyCell(value)) return;
      top = Math.min(top, r + 1);
      bottom = Math.max(bottom, r + 1);
      left = Math.min(left, c + 1);
      right = Math.max(right, c + 1);
    });
  });
  return bottom === 0 ? null : { top, left, bottom, right };
}

/** Lays a SheetSpec out the way every host writes it: preamble, header, body (+ blank rows), footer. */
function sheetFromSpec(name: string, spec: SheetSpec): MutableSheet {
  const cells: CellValue[][] = [];
  for (const line of spec.preamble ?? []) cells.push([...line]);
  cells.push(spec.columns.map((c) => c.header));
  for (const row of spec.rows) cells.push([...row]);
  const blank = spec.blankRows ?? 0;
  for (let i = 0; i < blank; i++) cells.push([]);
  const lastBodyRow = cells.length;
  for (const line of spec.footer ?? []) cells.push([...line]);
  return {
    name,
    visible: true,
    cells,
    merges: [],
    marks: new Map(),
    layout: {
      headerRow: headerRowOf(spec),
      columns: spec.columns,
      lastBodyRow,
      table: spec.table ?? true,
      freezeHeader: spec.freezeHeader ?? true,
    },
  };
}
