/**
 * insertRows: the approved body goes onto the register as new sheet rows — rows below (合计,
 * 填表人) move down, the row's formats come from the row above, text stays text — in two round
 * trips whatever the number of rows.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createExcelWorkbookPort } from '../../src/excel';
import { dateToSerial, insertedRowCells } from '../../src/excel/cells';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from './fakeExcel';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

const HEADER = ['序号', '机构名称', '成立时间', '依据文件', '办事机构所在部门', '状态'];

function registerBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('台账', {
    rows: [
      ['东营市市级议事协调机构管理台账'],
      HEADER,
      [1, '市安全生产委员会', dateToSerial(new Date(Date.UTC(2019, 4, 6))), '东政字〔2019〕21号', '市应急局', '存续'],
      [
        2,
        '市河长制工作领导小组',
        dateToSerial(new Date(Date.UTC(2017, 5, 1))),
        '东政办字〔2017〕20号',
        '市水务局',
        '存续',
      ],
      ['合计', '2个'],
      ['填表人：王芳'],
    ],
    columnFormats: { 2: 'yyyy"年"m"月"d"日"' },
  });
  book.find('台账')!.merges.push({ top: 6, left: 1, bottom: 6, right: 6 });
  return book;
}

describe('insertRows', () => {
  test('inserts whole rows before the 合计 line, writes the body and selects it, in two round trips', async () => {
    const book = registerBook();
    fake = installFakeExcel(book);
    const sync = vi.spyOn(fake.context, 'sync');
    const established = new Date(Date.UTC(2026, 9, 20));
    await createExcelWorkbookPort().insertRows!('台账', 5, 1, [
      [3, '市海洋牧场建设工作领导小组', established, '东政办字〔2026〕38号', '市海洋发展和渔业局', '存续'],
      [4, '=HYPERLINK("x")', null, '001', null, '存续'],
    ]);
    expect(sync).toHaveBeenCalledTimes(2);
    const sheet = book.find('台账')!;
    const row = (r: number) => HEADER.map((_, c) => sheet.peek(r, c + 1)?.value ?? '');
    expect(row(5)).toEqual([
      3,
      '市海洋牧场建设工作领导小组',
      dateToSerial(established),
      '东政办字〔2026〕38号',
      '市海洋发展和渔业局',
      '存续',
    ]);
    // Text that looks like a formula or a number stays text; an empty cell stays empty.
    expect(row(6)).toEqual([4, '=HYPERLINK("x")', '', '001', '', '存续']);
    expect(sheet.peek(6, 2)?.formula).toBeUndefined();
    // The date column keeps the register's own date format (taken over from the row above).
    expect(sheet.peek(5, 3)?.numberFormat).toBe('yyyy"年"m"月"d"日"');
    expect(sheet.peek(5, 2)?.numberFormat).toBe('@');
    // The rows below moved down, the footer's merge with them; the rows above are untouched.
    expect(sheet.peek(7, 1)?.value).toBe('合计');
    expect(sheet.peek(8, 1)?.value).toBe('填表人：王芳');
    expect(sheet.merges).toEqual([{ top: 8, left: 1, bottom: 8, right: 6 }]);
    expect(sheet.peek(4, 2)?.value).toBe('市河长制工作领导小组');
    expect(book.selection).toEqual({ sheet: '台账', row: 5, column: 1 });
  });

  test('a protected sheet or a bad position fails with a message, and nothing moves', async () => {
    const book = registerBook();
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    await expect(port.insertRows!('台账', 0, 1, [['x']])).rejects.toMatchObject({ kind: 'host' });
    await expect(port.insertRows!('台账', 5, 1, [])).rejects.toMatchObject({ kind: 'host' });
    book.find('台账')!.protected = true;
    await expect(port.insertRows!('台账', 5, 1, [[3, '市海洋牧场建设工作领导小组']])).rejects.toThrow();
    expect(book.find('台账')!.peek(5, 1)?.value).toBe('合计');
  });
});

describe('insertedRowCells', () => {
  test('leaves empty cells and numbers to the inserted row, keeps a date format, gives text "@"', () => {
    const date = new Date(Date.UTC(2026, 9, 20));
    expect(
      insertedRowCells([[1, '市海洋牧场建设工作领导小组', date, null, '']], 5, ['0', 'General', 'General']),
    ).toEqual({
      values: [[1, '市海洋牧场建设工作领导小组', dateToSerial(date), null, null]],
      numberFormat: [[null, '@', 'yyyy-mm-dd', null, null]],
    });
    expect(insertedRowCells([[date]], 1, ['yyyy/m/d']).numberFormat).toEqual([[null]]);
  });
});
