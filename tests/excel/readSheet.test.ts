import { afterEach, describe, expect, test, vi } from 'vitest';
import { createExcelWorkbookPort, ExcelWorkbookError } from '../../src/excel';
import { WorkbookError } from '../../src/port/workbook';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from './fakeExcel';
import { ESTABLISHED_COLUMN, REGISTER_HEADER, registerRows } from './registerData';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

/** A city register as offices keep it: title rows, the table starting at B3, a date column. */
function cityRegister(rowCount: number): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('说明', { rows: [['本工作簿为潍坊市议事协调机构管理台账']] });
  const sheet = book.addSheet('市级台账', {
    rows: [
      ['潍坊市市级议事协调机构管理台账'],
      ['填报单位：市委编办    截至2025年6月30日'],
      [...REGISTER_HEADER],
      ...registerRows(rowCount),
    ],
    firstRow: 1,
    firstColumn: 2,
    columnFormats: { [ESTABLISHED_COLUMN]: 'yyyy"年"m"月"d"日"' },
  });
  // The title spans the table's width, as in the 东营 notice's template.
  sheet.merges = [{ top: 1, left: 2, bottom: 1, right: 11 }];
  return book;
}

describe('readSheet', () => {
  test('returns the used range with its position, dates in date-formatted cells as Dates', async () => {
    const book = cityRegister(3);
    fake = installFakeExcel(book);
    const grid = await createExcelWorkbookPort().readSheet('市级台账');

    expect(grid.sheet).toBe('市级台账');
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(2);
    expect(grid.values).toHaveLength(6);
    expect(grid.values[0]?.[0]).toBe('潍坊市市级议事协调机构管理台账');
    expect(grid.values[0]?.[1]).toBeNull(); // empty cells come back as null, not ''
    expect(grid.values[2]).toEqual([...REGISTER_HEADER]);
    const first = grid.values[3]!;
    expect(first[0]).toBe(1); // 序号 in a General cell stays a number
    expect(first[1]).toBe('潍坊市安全生产委员会（第1号）');
    // Serial 42005 is 2015-01-01 (registerRows: year 2015, day offset 0).
    expect(first[2]).toEqual(new Date(Date.UTC(2015, 0, 1)));
    expect(first[3]).toBe('潍办发〔2015〕1号');
    expect(grid.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 11 }]);
  });

  test('reads a register that does not start at A1 and an empty sheet', async () => {
    const book = new FakeWorkbook();
    book.addSheet('空表');
    book.addSheet('县区台账', {
      rows: [
        ['机构名称', '设立时间'],
        ['寿光市预制菜产业发展工作领导小组', '2021年3月'],
      ],
      firstRow: 5,
      firstColumn: 4,
    });
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();

    const empty = await port.readSheet('空表');
    expect(empty.values).toEqual([]);

    const grid = await port.readSheet('县区台账');
    expect(grid.firstRow).toBe(5);
    expect(grid.firstColumn).toBe(4);
    expect(grid.values).toEqual([
      ['机构名称', '设立时间'],
      ['寿光市预制菜产业发展工作领导小组', '2021年3月'],
    ]);
  });

  test('omits merges on hosts without ExcelApi 1.13 instead of failing', async () => {
    fake = installFakeExcel(cityRegister(2), { excelApiMinor: 9 });
    const grid = await createExcelWorkbookPort().readSheet('市级台账');
    expect(grid.merges).toBeUndefined();
    expect(grid.values).toHaveLength(5);
  });

  test('a missing sheet is a not-found WorkbookError naming the sheet, in Chinese and English', async () => {
    fake = installFakeExcel(cityRegister(2));
    const error = await createExcelWorkbookPort()
      .readSheet('区县台账')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('not-found');
    expect((error as WorkbookError).message).toContain('区县台账');
    expect((error as ExcelWorkbookError).messageEn).toContain('区县台账');
    expect((error as ExcelWorkbookError).code).toBe('ItemNotFound');
  });

  test('reports progress per block and stops between blocks when cancelled', async () => {
    fake = installFakeExcel(cityRegister(6_000));
    const controller = new AbortController();
    const progress: number[] = [];
    const sync = vi.spyOn(fake.context, 'sync');
    const error = await createExcelWorkbookPort()
      .readSheet('市级台账', {
        signal: controller.signal,
        onProgress: (f) => {
          progress.push(f);
          if (progress.length === 2) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect((error as WorkbookError).kind).toBe('cancelled');
    expect(progress).toHaveLength(2);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[1]).toBeGreaterThan(progress[0]!);
    // The used range, then two blocks; the third block was never requested.
    expect(sync).toHaveBeenCalledTimes(3);
  });

  test('progress ends at 1 on a full read', async () => {
    fake = installFakeExcel(cityRegister(5_000));
    const progress: number[] = [];
    await createExcelWorkbookPort().readSheet('市级台账', { onProgress: (f) => progress.push(f) });
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  test('a block Excel still finds too large is halved and retried, and the grid is complete', async () => {
    const book = cityRegister(2_000);
    fake = installFakeExcel(book, { payloadLimit: 400_000 });
    const grid = await createExcelWorkbookPort().readSheet('市级台账');
    expect(grid.values).toHaveLength(2_003);
    expect(grid.values[2_002]).toEqual(
      registerRows(2_000)[1_999]!.map((v, c) => (c === ESTABLISHED_COLUMN ? expect.any(Date) : v)),
    );
    expect(fake.records.some((r) => r.responseBytes > 400_000)).toBe(true); // at least one block was refused
    const successful = fake.records.filter((r) => r.readCells > 0 && r.responseBytes <= 400_000);
    expect(successful.reduce((sum, r) => sum + r.readCells, 0)).toBe(2_003 * 10);
  });

  test('a used range inflated by stray content far away is refused with a clear message', async () => {
    const book = cityRegister(2);
    book.find('市级台账')!.cell(1_000_000, 16_000).value = 'x';
    fake = installFakeExcel(book);
    const error = await createExcelWorkbookPort()
      .readSheet('市级台账')
      .catch((e: unknown) => e);
    expect((error as WorkbookError).kind).toBe('too-large');
    expect((error as WorkbookError).message).toMatch(/B1:[A-Z]+1000000/);
  });
});
