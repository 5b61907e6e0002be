import { afterEach, describe, expect, test, vi } from 'vitest';
import { createExcelWorkbookPort } from '../../src/excel';
import type { ExcelWorkbookError } from '../../src/excel/errors';
import { WorkbookError, type CellMark } from '../../src/port/workbook';
import { FakeWorkbook, installFakeExcel, type FakeExcel, type FakeSheet } from './fakeExcel';
import { REGISTER_HEADER, registerRows } from './registerData';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

const TAGGED = /^=N\("ledger-mark:(error|warning|info)"\)=0$/;

/** A register whose owner coloured abolished bodies grey with a conditional format and filled a cell by hand. */
function userFormattedBook(): { book: FakeWorkbook; sheet: FakeSheet } {
  const book = new FakeWorkbook();
  const sheet = book.addSheet('台账', { rows: [[...REGISTER_HEADER], ...registerRows(40)] });
  sheet.conditionalFormats.push(
    {
      id: 9001,
      type: 'Custom',
      formula: '=$J2="已撤销"',
      fill: '#D9D9D9',
      areas: [{ top: 2, left: 1, bottom: 41, right: 10 }],
    },
    { id: 9002, type: 'DataBar', formula: undefined, areas: [{ top: 2, left: 1, bottom: 41, right: 1 }] },
  );
  sheet.cell(5, 2).fill = '#FFFF00';
  book.addSheet('县区台账', { rows: [[...REGISTER_HEADER], ...registerRows(5)] });
  return { book, sheet };
}

const ours = (sheet: FakeSheet) => sheet.conditionalFormats.filter((cf) => TAGGED.test(cf.formula ?? ''));
const cellsOf = (sheet: FakeSheet, severity: string) =>
  ours(sheet)
    .filter((cf) => cf.formula?.includes(`:${severity}"`))
    .flatMap((cf) =>
      cf.areas.flatMap((a) => Array.from({ length: a.bottom - a.top + 1 }, (_, i) => `${a.left}:${a.top + i}`)),
    )
    .sort();

describe('addMarks', () => {
  test('adds tagged conditional formats per severity covering exactly the marked cells', async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    const marks: CellMark[] = [
      { sheet: '台账', row: 5, column: 3, severity: 'error' },
      { sheet: '台账', row: 6, column: 3, severity: 'error' },
      { sheet: '台账', row: 7, column: 3, severity: 'error' },
      { sheet: '台账', row: 9, column: 4, severity: 'error' },
      { sheet: '台账', row: 5, column: 2, severity: 'warning' },
      { sheet: '台账', row: 12, column: 5, severity: 'info' },
    ];
    await createExcelWorkbookPort().addMarks(marks);

    expect(cellsOf(sheet, 'error')).toEqual(['3:5', '3:6', '3:7', '4:9']);
    expect(cellsOf(sheet, 'warning')).toEqual(['2:5']);
    expect(cellsOf(sheet, 'info')).toEqual(['5:12']);
    const error = ours(sheet).find((cf) => cf.formula?.includes(':error'))!;
    expect(error.fill).toBe('#FFC7CE');
    expect(error.font).toBe('#9C0006');
    expect(ours(sheet).find((cf) => cf.formula?.includes(':warning'))!.fill).toBe('#FFEB9C');
  });

  test("never touches the cells' own fill or the user's conditional formats", async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addMarks([{ sheet: '台账', row: 5, column: 2, severity: 'error' }]);
    expect(sheet.peek(5, 2)?.fill).toBe('#FFFF00');
    expect(sheet.conditionalFormats.map((cf) => cf.id)).toEqual(expect.arrayContaining([9001, 9002]));
    expect(sheet.conditionalFormats.find((cf) => cf.id === 9001)).toMatchObject({
      formula: '=$J2="已撤销"',
      fill: '#D9D9D9',
    });
  });

  test('replaces earlier marks on the same sheet and leaves other sheets alone', async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    await port.addMarks([
      { sheet: '台账', row: 3, column: 2, severity: 'error' },
      { sheet: '县区台账', row: 2, column: 2, severity: 'warning' },
    ]);
    await port.addMarks([{ sheet: '台账', row: 8, column: 6, severity: 'warning' }]);
    expect(cellsOf(sheet, 'error')).toEqual([]);
    expect(cellsOf(sheet, 'warning')).toEqual(['6:8']);
    expect(cellsOf(book.find('县区台账')!, 'warning')).toEqual(['2:2']);
  });

  test('a cell with an error and a warning carries only the error mark', async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addMarks([
      { sheet: '台账', row: 4, column: 3, severity: 'warning' },
      { sheet: '台账', row: 4, column: 3, severity: 'error' },
      { sheet: '台账', row: 4, column: 3, severity: 'info' },
    ]);
    expect(cellsOf(sheet, 'error')).toEqual(['3:4']);
    expect(cellsOf(sheet, 'warning')).toEqual([]);
    expect(cellsOf(sheet, 'info')).toEqual([]);
  });

  test('thousands of scattered cells go in address lists Excel accepts (each under 8,192 characters)', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('台账', { rows: [[...REGISTER_HEADER], ...registerRows(6_000)] });
    fake = installFakeExcel(book);
    // Every other row in two columns: no runs to collapse, ~6,000 separate areas.
    const marks: CellMark[] = [];
    for (let row = 2; row <= 6_001; row += 2) {
      marks.push(
        { sheet: '台账', row, column: 3, severity: 'error' },
        { sheet: '台账', row, column: 8, severity: 'warning' },
      );
    }
    const sync = vi.spyOn(fake.context, 'sync');
    await createExcelWorkbookPort().addMarks(marks);
    expect(cellsOf(sheet, 'error')).toHaveLength(3_000);
    expect(cellsOf(sheet, 'warning')).toHaveLength(3_000);
    expect(ours(sheet).length).toBeGreaterThan(2); // split into several lists
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test('a mark on a sheet that no longer exists fails with not-found', async () => {
    const { book } = userFormattedBook();
    fake = installFakeExcel(book);
    const error = await createExcelWorkbookPort()
      .addMarks([{ sheet: '已删除的表', row: 2, column: 2, severity: 'error' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('not-found');
  });
});

describe('clearMarks', () => {
  test("deletes only the add-in's marks and returns how many cells were unmarked", async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    await port.addMarks([
      { sheet: '台账', row: 5, column: 3, severity: 'error' },
      { sheet: '台账', row: 6, column: 3, severity: 'error' },
      { sheet: '台账', row: 7, column: 4, severity: 'warning' },
      { sheet: '县区台账', row: 3, column: 2, severity: 'info' },
    ]);
    expect(await port.clearMarks('台账')).toBe(3);
    expect(ours(sheet)).toEqual([]);
    expect(sheet.conditionalFormats.map((cf) => cf.id).sort()).toEqual([9001, 9002]);
    expect(sheet.peek(5, 2)?.fill).toBe('#FFFF00');
    // The other sheet keeps its mark until cleared too.
    expect(ours(book.find('县区台账')!)).toHaveLength(1);
    expect(await port.clearMarks()).toBe(1);
    expect(ours(book.find('县区台账')!)).toEqual([]);
    expect(await port.clearMarks()).toBe(0);
  });

  test('a user rule that merely mentions N() is not taken for a mark', async () => {
    const { book, sheet } = userFormattedBook();
    sheet.conditionalFormats.push({
      id: 9003,
      type: 'Custom',
      formula: '=N($A2)>100',
      fill: '#C6EFCE',
      areas: [{ top: 2, left: 1, bottom: 41, right: 1 }],
    });
    fake = installFakeExcel(book);
    expect(await createExcelWorkbookPort().clearMarks('台账')).toBe(0);
    expect(sheet.conditionalFormats.map((cf) => cf.id).sort()).toEqual([9001, 9002, 9003]);
  });
});

describe('what real Excel refuses (protection, cell-edit mode, the conditional-format bugs)', () => {
  const twoMarks: CellMark[] = [
    { sheet: '台账', row: 5, column: 3, severity: 'error' },
    { sheet: '台账', row: 8, column: 6, severity: 'warning' },
  ];

  test('a protected sheet: marking fails with a message about protection, and nothing is changed', async () => {
    const { book, sheet } = userFormattedBook();
    sheet.protected = true;
    fake = installFakeExcel(book);
    const error = (await createExcelWorkbookPort()
      .addMarks(twoMarks)
      .catch((e: unknown) => e)) as ExcelWorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('受保护');
    expect(error.message).not.toContain('重命名');
    expect(ours(sheet)).toEqual([]);
    expect(sheet.conditionalFormats.map((cf) => cf.id).sort()).toEqual([9001, 9002]);
  });

  test('a read-only workbook: marking fails with AccessDenied', async () => {
    const { book } = userFormattedBook();
    book.readOnly = true;
    fake = installFakeExcel(book);
    await expect(createExcelWorkbookPort().addMarks(twoMarks)).rejects.toMatchObject({
      code: 'AccessDenied',
      kind: 'host',
    });
  });

  test('while a cell is being edited: reading works, marking says to press Enter or Esc', async () => {
    const { book, sheet } = userFormattedBook();
    book.cellEditMode = true;
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    expect((await port.readSheet('台账')).values).toHaveLength(41);
    const error = (await port.addMarks(twoMarks).catch((e: unknown) => e)) as ExcelWorkbookError;
    expect(error.code).toBe('InvalidOperationInCellEditMode');
    expect(error.message).toContain('正在编辑单元格');
    expect(ours(sheet)).toEqual([]);
  });

  test("re-marking never reads the user's rules outside the marked columns (a duplicated rule there cannot be read, #6835)", async () => {
    const { book, sheet } = userFormattedBook();
    // Two copies of the same rule on 备注 (column J), made with 管理规则 › 复制规则.
    sheet.conditionalFormats.push(
      {
        id: 9010,
        type: 'Custom',
        formula: '=LEN($J2)>50',
        fill: '#FCE4D6',
        areas: [{ top: 2, left: 10, bottom: 41, right: 10 }],
        duplicated: true,
      },
      {
        id: 9011,
        type: 'Custom',
        formula: '=LEN($J2)>50',
        fill: '#FCE4D6',
        areas: [{ top: 2, left: 10, bottom: 41, right: 10 }],
        duplicated: true,
      },
    );
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    await port.addMarks(twoMarks);
    await port.addMarks([{ sheet: '台账', row: 9, column: 4, severity: 'error' }]);
    expect(cellsOf(sheet, 'error')).toEqual(['4:9']);
    expect(cellsOf(sheet, 'warning')).toEqual([]);
    expect(await port.clearMarks('台账')).toBe(1);
    expect(sheet.conditionalFormats.map((cf) => cf.id).sort()).toEqual([9001, 9002, 9010, 9011]);
  });

  test('an unreadable rule of the user’s on the marked columns costs only itself (#6827: two CellValue rules on one range)', async () => {
    const { book, sheet } = userFormattedBook();
    const column = { top: 2, left: 3, bottom: 41, right: 3 };
    sheet.conditionalFormats.push(
      { id: 9020, type: 'CellValue', formula: undefined, areas: [column] },
      { id: 9021, type: 'CellValue', formula: undefined, areas: [column] },
      { id: 9022, type: 'Custom', formula: '=C2=""', areas: [column], duplicated: true },
    );
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    await port.addMarks(twoMarks);
    await port.addMarks([{ sheet: '台账', row: 6, column: 3, severity: 'info' }]);
    expect(cellsOf(sheet, 'error')).toEqual([]);
    expect(cellsOf(sheet, 'info')).toEqual(['3:6']);
    expect(
      sheet.conditionalFormats
        .filter((cf) => !ours(sheet).includes(cf))
        .map((cf) => cf.id)
        .sort(),
    ).toEqual([9001, 9002, 9020, 9021, 9022]);
  });

  test('marks on cells that have a user rule too are deleted (no ItemNotFound “sheet renamed” from #5222)', async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    // Every marked cell also carries the user's rule 9001 (A2:J41).
    await port.addMarks(twoMarks);
    await port.addMarks([{ sheet: '台账', row: 7, column: 2, severity: 'warning' }]);
    expect(cellsOf(sheet, 'warning')).toEqual(['2:7']);
    expect(await port.clearMarks()).toBe(1);
    expect(ours(sheet)).toEqual([]);
  });

  test('when Excel will not delete an old mark at all, the new marks are still added and the message says what to do', async () => {
    const { book, sheet } = userFormattedBook();
    fake = installFakeExcel(book, { cfDeleteBug: 'always' });
    const port = createExcelWorkbookPort();
    await port.addMarks(twoMarks);
    const error = (await port
      .addMarks([{ sheet: '台账', row: 50, column: 12, severity: 'error' }])
      .catch((e: unknown) => e)) as ExcelWorkbookError;
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe('MarksNotRemoved');
    expect(error.message).toContain('已标记 1 个单元格');
    expect(error.message).toContain('管理规则');
    expect(error.message).not.toContain('重命名');
    expect(cellsOf(sheet, 'error')).toEqual(['12:50', '3:5']); // the new mark, and the old one Excel kept
    // The old mark's columns stay recorded, so clearing looks there too (and says it could not).
    await expect(port.clearMarks('台账')).rejects.toMatchObject({ code: 'MarksNotRemoved' });
  });

  test('a sheet marked in a workbook with no record of marks is not scanned at all', async () => {
    const { book, sheet } = userFormattedBook();
    sheet.conditionalFormats.push({
      id: 9030,
      type: 'Custom',
      formula: '=1',
      areas: [{ top: 1, left: 1, bottom: 1, right: 1 }],
      duplicated: true,
    });
    fake = installFakeExcel(book);
    expect(await createExcelWorkbookPort().clearMarks()).toBe(0);
    await createExcelWorkbookPort().addMarks([{ sheet: '台账', row: 2, column: 1, severity: 'error' }]);
    expect(cellsOf(sheet, 'error')).toEqual(['1:2']);
  });
});
