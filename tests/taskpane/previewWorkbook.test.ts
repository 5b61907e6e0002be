/** The preview's in-memory workbook keeps the WorkbookPort's promises. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import { WorkbookError } from '../../src/port/workbook';
import { cleanSheetName, MemoryWorkbook } from '../../src/preview/memoryWorkbook';
import { addWorkbookFile } from '../../src/preview/samples';
import { readWorkbook } from '../../src/read';
import { GOOD_ROWS, register, serial } from './registers';

const ROOT = join(import.meta.dirname, '../..');

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

const SUMMARY: SheetSpec = {
  name: '汇总',
  preamble: [['议事协调机构管理台账汇总表'], ['核对日期', '2026-11-25']],
  columns: [
    { header: '县区', width: 12 },
    { header: '台账条数', format: 'integer' },
  ],
  rows: [
    ['东营区', 16],
    ['河口区', 13],
  ],
  footer: [['合计', 29]],
};

describe('MemoryWorkbook', () => {
  it('reads back a sheet’s used range where the file had it', async () => {
    const book = new MemoryWorkbook();
    book.addGrid({
      sheet: '台账',
      values: [
        ['东营市市级议事协调机构管理台账'],
        [],
        ['机构名称', '设立时间'],
        ['市安全生产委员会', serial(2019, 3, 15)],
      ],
      firstRow: 2,
      firstColumn: 3,
    });
    const grid = await book.readSheet('台账');
    expect(grid.firstRow).toBe(2);
    expect(grid.firstColumn).toBe(3);
    expect(grid.values).toEqual([
      ['东营市市级议事协调机构管理台账', null],
      [null, null],
      ['机构名称', '设立时间'],
      ['市安全生产委员会', 43539],
    ]);
    expect(await book.listSheets()).toEqual([{ name: '台账', active: true, visible: true }]);
  });

  it('returns the same grids as the file reader for the sample city register', async () => {
    const bytes = await readFile(join(ROOT, 'samples', '东营市市级议事协调机构管理台账.xlsx'));
    const book = new MemoryWorkbook();
    await addWorkbookFile(
      book,
      '东营市市级议事协调机构管理台账.xlsx',
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      false,
    );
    const direct = await readWorkbook(bytes, 'x.xlsx');
    if (!direct.ok) throw new Error(direct.message);
    for (const expected of direct.sheets) {
      const grid = await book.readSheet(expected.sheet);
      expect(grid.firstRow).toBe(expected.firstRow);
      expect(grid.firstColumn).toBe(expected.firstColumn);
      expect(grid.merges).toEqual(expected.merges);
      // Same cells (rows that the reader left short are padded with empties).
      grid.values.forEach((row, r) =>
        row.forEach((value, c) => expect(cellText(value)).toBe(cellText(expected.values[r]?.[c] ?? null))),
      );
    }
  });

  it('adds sheets after the others under unique names, never replacing one', async () => {
    const book = new MemoryWorkbook();
    book.addGrid(register('汇总', GOOD_ROWS));
    const names = await book.addSheets([SUMMARY, { ...SUMMARY, name: '明细' }]);
    expect(names).toEqual(['汇总 (2)', '明细']);
    expect(book.sheets.map((s) => s.name)).toEqual(['汇总', '汇总 (2)', '明细']);
    // The original is untouched.
    expect((await book.readSheet('汇总')).values[3]![1]).toBe('潍坊市安全生产委员会');
    // Preamble, header, body, footer, in that order.
    const written = await book.readSheet('汇总 (2)');
    expect(written.values.map((r) => r.map(cellText))).toEqual([
      ['议事协调机构管理台账汇总表', ''],
      ['核对日期', '2026-11-25'],
      ['县区', '台账条数'],
      ['东营区', '16'],
      ['河口区', '13'],
      ['合计', '29'],
    ]);
    expect(book.sheet('汇总 (2)')!.layout).toMatchObject({ headerRow: 3, lastBodyRow: 5, table: true });
  });

  it('cleans names Excel would refuse', () => {
    expect(cleanSheetName('2026/11 汇总[县区]*')).toBe('2026_11 汇总_县区__');
    expect(cleanSheetName("'台账'")).toBe('台账');
    expect(cleanSheetName('东营市市级议事协调机构管理台账（2026年11月核对版本）第二稿')).toHaveLength(31);
  });

  it('keeps marks apart from values: the worst severity per cell, replaced per sheet, cleared exactly', async () => {
    const book = new MemoryWorkbook();
    book.addGrid(register('台账', GOOD_ROWS));
    book.addGrid(register('东营区', GOOD_ROWS));
    const before = await book.readSheet('台账');
    await book.addMarks([
      { sheet: '台账', row: 4, column: 4, severity: 'warning' },
      { sheet: '台账', row: 4, column: 4, severity: 'error' },
      { sheet: '台账', row: 5, column: 5, severity: 'info' },
      { sheet: '东营区', row: 6, column: 2, severity: 'warning' },
    ]);
    expect([...book.sheet('台账')!.marks]).toEqual([
      ['4:4', 'error'],
      ['5:5', 'info'],
    ]);
    // A new check of 台账 replaces its marks and leaves 东营区's alone.
    await book.addMarks([{ sheet: '台账', row: 6, column: 2, severity: 'warning' }]);
    expect([...book.sheet('台账')!.marks]).toEqual([['6:2', 'warning']]);
    expect(book.markCount).toBe(2);

    expect(await book.clearMarks('东营区')).toBe(1);
    expect(await book.clearMarks()).toBe(1);
    expect(book.markCount).toBe(0);
    expect(await book.readSheet('台账')).toEqual(before);
  });

  it('inserts rows as Excel does: the rows below, their marks and merges move down; the new rows are selected', async () => {
    const book = new MemoryWorkbook();
    const grid = register('台账', GOOD_ROWS);
    const footer = grid.values.length + 1; // 填表人, right below the last body row
    book.addGrid({
      ...grid,
      values: [...grid.values, ['填表人：王芳']],
      merges: [{ top: footer, left: 1, bottom: footer, right: 4 }],
    });
    await book.addMarks([
      { sheet: '台账', row: 4, column: 2, severity: 'error' },
      { sheet: '台账', row: footer, column: 1, severity: 'info' },
    ]);
    const before = await book.readSheet('台账');
    await book.insertRows('台账', footer, 2, [['市海洋牧场建设工作领导小组', '政府议事协调机构']]);
    const after = await book.readSheet('台账');
    expect(after.values.slice(0, footer - 1)).toEqual(before.values.slice(0, footer - 1));
    expect(after.values[footer - 1]!.slice(0, 3)).toEqual([null, '市海洋牧场建设工作领导小组', '政府议事协调机构']);
    expect(after.values[footer]![0]).toBe('填表人：王芳');
    expect(after.merges).toEqual([{ top: footer + 1, left: 1, bottom: footer + 1, right: 4 }]);
    expect([...book.sheet('台账')!.marks]).toEqual([
      ['4:2', 'error'],
      [`${footer + 1}:1`, 'info'],
    ]);
    expect(book.selection).toEqual({ sheet: '台账', row: footer, column: 2 });
    await expect(book.insertRows('台账', 0, 1, [['x']])).rejects.toBeInstanceOf(WorkbookError);
  });

  it('rejects marks, selections and reads on a sheet that is not there, with a message', async () => {
    const book = new MemoryWorkbook();
    book.addGrid(register('台账', GOOD_ROWS));
    await expect(book.readSheet('河口区')).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('找不到工作表“河口区”'),
    });
    await expect(book.selectCell('河口区', 1, 1)).rejects.toBeInstanceOf(WorkbookError);
    await expect(book.addMarks([{ sheet: '河口区', row: 4, column: 2, severity: 'error' }])).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(book.selectCell('台账', 0, 2)).rejects.toMatchObject({ kind: 'host' });
  });

  it('selects a cell on its sheet and makes that sheet active', async () => {
    const book = new MemoryWorkbook();
    book.addGrid(register('台账', GOOD_ROWS));
    book.addGrid(register('东营区', GOOD_ROWS));
    let changes = 0;
    book.subscribe(() => changes++);
    await book.selectCell('东营区', 5, 4);
    expect(book.activeSheet).toBe('东营区');
    expect(book.selection).toEqual({ sheet: '东营区', row: 5, column: 4 });
    expect(changes).toBe(1);
  });

  it('remembers settings in memory and in storage, and ignores a damaged stored value', async () => {
    const storage = memoryStorage();
    const book = new MemoryWorkbook(storage, 'key');
    expect(await book.loadSettings()).toBeNull();
    await book.saveSettings({ asOf: '2026-11-25', expectedCounties: ['东营区', '河口区'] });
    expect(JSON.parse(storage.items.get('key')!)).toEqual({
      asOf: '2026-11-25',
      expectedCounties: ['东营区', '河口区'],
    });
    expect(await new MemoryWorkbook(storage, 'key').loadSettings()).toEqual({
      asOf: '2026-11-25',
      expectedCounties: ['东营区', '河口区'],
    });
    storage.items.set('key', '{"asOf": "2026-');
    expect(await new MemoryWorkbook(storage, 'key').loadSettings()).toBeNull();
  });

  it('reads a picked .xlsx through the file reader, and says what is wrong with one that is not', async () => {
    const book = new MemoryWorkbook();
    const bytes = await readFile(join(ROOT, 'samples', 'counties', '河口区.xlsx'));
    const grids = await book.readWorkbookFile({
      name: '河口区.xlsx',
      bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.flatMap((g) => g.values.flat().map(cellText))).toContain('机构名称');

    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
    const failure = await book.readWorkbookFile({ name: '广饶县.xlsx', bytes: pdf.buffer }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkbookError);
    expect(failure).toMatchObject({
      kind: 'unreadable',
      message: expect.stringContaining('广饶县.xlsx：这是 PDF 文件'),
    });
  });

  it('reads a picked Word table, .xls or GB18030 CSV through the same reading layer as the CLI', async () => {
    const book = new MemoryWorkbook();
    const pick = async (name: string) => {
      const bytes = await readFile(join(ROOT, 'samples', 'arrivals', name));
      return book.readWorkbookFile({
        name,
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      });
    };
    expect((await pick('垦利区.docx')).map((g) => [g.sheet, g.caption?.[1]])).toEqual([
      ['表1', '垦利区议事协调机构管理台账'],
    ]);
    expect((await pick('东营区.xls'))[0]!.values[2]).toContain('办事机构所在部门');
    expect((await pick('河口区.csv'))[0]!.values[0]).toContain('河口区议事协调机构管理台账');
  });

  it('stops before work when the signal is already aborted', async () => {
    const book = new MemoryWorkbook();
    book.addGrid(register('台账', GOOD_ROWS));
    const controller = new AbortController();
    controller.abort();
    await expect(book.readSheet('台账', { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(book.addSheets([SUMMARY], { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(book.sheets.map((s) => s.name)).toEqual(['台账']);
  });
});
