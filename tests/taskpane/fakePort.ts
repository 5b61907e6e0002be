/** A WorkbookPort over plain grids that records what the pane asks of it, for component tests. */
import type { CellValue, Grid } from '../../src/ledger/grid';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import type { CellMark, PickedFile, ReadOptions, SheetInfo, WorkbookPort, WriteOptions } from '../../src/port/workbook';
import { WorkbookError } from '../../src/port/workbook';

export class FakePort implements WorkbookPort {
  readonly selected: { sheet: string; row: number; column: number }[] = [];
  readonly marks: CellMark[][] = [];
  readonly cleared: (string | undefined)[] = [];
  readonly added: SheetSpec[][] = [];
  readonly saved: unknown[] = [];
  /** Replace to make a method fail or hang. */
  readSheetImpl: (name: string, options: ReadOptions) => Promise<Grid>;

  constructor(
    readonly grids: Grid[],
    private active = grids[0]?.sheet ?? null,
    private stored: unknown = null,
  ) {
    this.readSheetImpl = async (name) => {
      const grid = this.grids.find((g) => g.sheet === name);
      if (!grid) throw new WorkbookError(`找不到工作表“${name}”。`, 'not-found');
      return grid;
    };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.grids.map((g) => ({ name: g.sheet, active: g.sheet === this.active, visible: true }));
  }

  readSheet(sheet: string, options: ReadOptions = {}): Promise<Grid> {
    return this.readSheetImpl(sheet, options);
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    this.selected.push({ sheet, row, column });
  }

  async addSheets(specs: readonly SheetSpec[], _options?: WriteOptions): Promise<string[]> {
    this.added.push([...specs]);
    for (const spec of specs)
      this.grids.push({ sheet: spec.name, values: [spec.columns.map((c) => c.header), ...spec.rows] });
    return specs.map((s) => s.name);
  }

  readonly removed: string[][] = [];
  readonly activated: string[] = [];

  async activateSheet(name: string): Promise<void> {
    this.activated.push(name);
    this.active = name;
  }

  async removeSheets(names: readonly string[]): Promise<void> {
    this.removed.push([...names]);
    for (const name of names) {
      const at = this.grids.findIndex((g) => g.sheet === name);
      if (at >= 0) this.grids.splice(at, 1);
    }
  }

  readonly inserted: { sheet: string; beforeRow: number; firstColumn: number; rows: CellValue[][] }[] = [];

  /** Inserts rows into the grid the way Excel inserts sheet rows: everything from `beforeRow` moves down. */
  async insertRows(
    sheet: string,
    beforeRow: number,
    firstColumn: number,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    this.inserted.push({ sheet, beforeRow, firstColumn, rows: rows.map((r) => [...r]) });
    const at = this.grids.findIndex((g) => g.sheet === sheet);
    if (at < 0) throw new WorkbookError(`找不到工作表“${sheet}”。`, 'not-found');
    const grid = this.grids[at]!;
    const offset = firstColumn - (grid.firstColumn ?? 1);
    const fresh = rows.map((r) => [...new Array<CellValue>(Math.max(0, offset)).fill(null), ...r]);
    const cut = beforeRow - (grid.firstRow ?? 1);
    this.grids[at] = { ...grid, values: [...grid.values.slice(0, cut), ...fresh, ...grid.values.slice(cut)] };
  }

  async addMarks(marks: readonly CellMark[]): Promise<void> {
    this.marks.push([...marks]);
  }

  async clearMarks(sheet?: string): Promise<number> {
    this.cleared.push(sheet);
    const last = this.marks.at(-1) ?? [];
    return new Set(last.map((m) => `${m.row}:${m.column}`)).size;
  }

  async loadSettings(): Promise<unknown | null> {
    return this.stored;
  }

  async saveSettings(settings: unknown): Promise<void> {
    this.saved.push(settings);
    this.stored = settings;
  }

  async readWorkbookFile(file: PickedFile): Promise<Grid[]> {
    throw new WorkbookError(`${file.name}：不是 .xlsx 文件。`, 'unreadable');
  }
}
