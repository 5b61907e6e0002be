/**
 * The adapter's tests are only as good as the fake they run on: these check that it behaves like
 * Office.js in the ways those tests rely on.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from './fakeExcel';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

// The fake's proxies are untyped on purpose: these tests poke at them the way Office.js code would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = { sync(): Promise<void>; workbook: { worksheets: { getItem(name: string): any } } };
const run = <T>(batch: (context: AnyContext) => Promise<T>): Promise<T> =>
  (globalThis as unknown as { Excel: { run(b: (context: AnyContext) => Promise<T>): Promise<T> } }).Excel.run(batch);

describe('the fake Excel', () => {
  test('a property reads as an error string until loaded and synced (office-addin-mock)', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账', { rows: [['潍坊市安全生产委员会']] });
    fake = installFakeExcel(book);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1);
      expect(range.values).toMatch(/^Error/);
      range.load('values');
      expect(range.values).toMatch(/^Error/);
      await context.sync();
      expect(range.values).toEqual([['潍坊市安全生产委员会']]);
    });
  });

  test('writes wait for the sync; a string written to a General cell is parsed like typed input', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('台账');
    fake = installFakeExcel(book);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 3);
      range.values = [['=SUM(A2:A9)', '001', '潍办发〔2019〕12号']];
      expect(sheet.peek(1, 1)).toBeUndefined();
      await context.sync();
    });
    expect(sheet.peek(1, 1)).toMatchObject({ formula: '=SUM(A2:A9)' });
    expect(sheet.peek(1, 2)?.value).toBe(1);
    expect(sheet.peek(1, 3)?.value).toBe('潍办发〔2019〕12号');
  });

  test('formatting as text first keeps the string; formatting after the value is too late', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('台账');
    fake = installFakeExcel(book);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem('台账');
      const before = ws.getRangeByIndexes(0, 0, 1, 1);
      before.numberFormat = [['@']];
      before.values = [['=1+1']];
      const after = ws.getRangeByIndexes(1, 0, 1, 1);
      after.values = [['=1+1']];
      after.numberFormat = [['@']];
      await context.sync();
    });
    expect(sheet.peek(1, 1)?.value).toBe('=1+1');
    expect(sheet.peek(1, 1)?.formula).toBeUndefined();
    expect(sheet.peek(2, 1)).toMatchObject({ formula: '=1+1' });
  });

  test('a batch left unsynced, an unknown sheet and an over-long address all fail', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1).values = [['x']];
      }),
    ).rejects.toThrow(/never synced/);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('别的表').activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    const address = Array.from({ length: 2_000 }, (_, i) => `C${i * 2 + 2}`).join(',');
    expect(address.length).toBeGreaterThan(8_192);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRanges(address).conditionalFormats.add('Custom');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('refuses what Excel refuses: writes to a protected sheet, any write in cell-edit mode; reads still work', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('台账', { rows: [['东营市安全生产委员会']] });
    sheet.protected = true;
    fake = installFakeExcel(book);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1).values = [['改写']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    sheet.protected = false;
    book.cellEditMode = true;
    const read = await run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1);
      range.load('values');
      await context.sync();
      return range.values as unknown;
    });
    expect(read).toEqual([['东营市安全生产委员会']]);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1).values = [['改写']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(sheet.peek(1, 1)?.value).toBe('东营市安全生产委员会');
  });

  test('office-js #5222 and #6835: a rule sharing a cell cannot be deleted through the whole sheet; a duplicated rule cannot be read', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('台账');
    sheet.conditionalFormats.push(
      { id: 1, type: 'Custom', formula: '=A1>1', areas: [{ top: 1, left: 1, bottom: 1, right: 1 }] },
      { id: 2, type: 'Custom', formula: '=A1>2', areas: [{ top: 1, left: 1, bottom: 1, right: 1 }], duplicated: true },
    );
    fake = installFakeExcel(book);
    await expect(
      run(async (context) => {
        const formats = context.workbook.worksheets.getItem('台账').getRange().conditionalFormats;
        formats.load('items/type');
        await context.sync();
        formats.items[0].delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      run(async (context) => {
        const formats = context.workbook.worksheets.getItem('台账').getRangeByIndexes(0, 0, 1, 1).conditionalFormats;
        formats.load('items/type,items/customOrNullObject/rule/formula');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(sheet.conditionalFormats).toHaveLength(2);
  });
});
