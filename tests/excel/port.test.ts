import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  checkRequirements,
  createExcelWorkbookPort,
  ExcelWorkbookError,
  requirementsMessage,
  SETTINGS_KEY,
} from '../../src/excel';
import { makeSettings } from '../../src/ledger/settings';
import { WorkbookError } from '../../src/port/workbook';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from './fakeExcel';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function twoSheets(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('市级台账', { rows: [['机构名称'], ['潍坊市安全生产委员会']] });
  book.addSheet('县区台账', { rows: [['机构名称'], ['寿光市预制菜产业发展工作领导小组']] });
  book.addSheet('下拉选项').visibility = 'Hidden';
  book.active = '县区台账';
  return book;
}

describe('listSheets and selectCell', () => {
  test('lists sheets in tab order with the active one and visibility', async () => {
    fake = installFakeExcel(twoSheets());
    expect(await createExcelWorkbookPort().listSheets()).toEqual([
      { name: '市级台账', active: false, visible: true },
      { name: '县区台账', active: true, visible: true },
      { name: '下拉选项', active: false, visible: false },
    ]);
  });

  test('selectCell activates the sheet and selects the cell in one round trip', async () => {
    const book = twoSheets();
    fake = installFakeExcel(book);
    const sync = vi.spyOn(fake.context, 'sync');
    await createExcelWorkbookPort().selectCell('市级台账', 12, 4);
    expect(book.active).toBe('市级台账');
    expect(book.selection).toEqual({ sheet: '市级台账', row: 12, column: 4 });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test('selectCell on a bad position or a missing sheet rejects with a WorkbookError', async () => {
    fake = installFakeExcel(twoSheets());
    const port = createExcelWorkbookPort();
    await expect(port.selectCell('市级台账', 0, 1)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(port.selectCell('不存在', 2, 2)).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe('settings', () => {
  test('are stored with the document and read back; null before the first save', async () => {
    const book = twoSheets();
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    expect(await port.loadSettings()).toBeNull();
    const settings = makeSettings({
      asOf: '2025-06-30',
      expectedCounties: ['寿光市', '青州市', '广饶县'],
      activeBodyLimit: 140,
    });
    await port.saveSettings(settings);
    expect(book.settings.get(SETTINGS_KEY)).toEqual(settings);
    // A new pane session (new port) sees the same settings.
    expect(await createExcelWorkbookPort().loadSettings()).toEqual(settings);
  });
});

describe('readWorkbookFile', () => {
  async function countyFile(): Promise<ArrayBuffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('寿光市');
    sheet.addRow(['寿光市议事协调机构管理台账']);
    sheet.addRow(['机构名称', '设立时间', '依据文件']);
    sheet.addRow(['寿光市预制菜产业发展工作领导小组', new Date(Date.UTC(2021, 2, 15)), '寿办发〔2021〕7号']);
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
  }

  test('parses the picked .xlsx in the pane into grids, one per sheet', async () => {
    const grids = await createExcelWorkbookPort().readWorkbookFile({ name: '寿光市.xlsx', bytes: await countyFile() });
    expect(grids).toHaveLength(1);
    expect(grids[0]?.sheet).toBe('寿光市');
    expect(grids[0]?.values[2]?.[0]).toBe('寿光市预制菜产业发展工作领导小组');
    expect(grids[0]?.values[2]?.[2]).toBe('寿办发〔2021〕7号');
  });

  test('a file that is no workbook at all is an unreadable WorkbookError naming the file', async () => {
    // CSV is read since the reading layer (src/read); a scanned PDF of the return is not.
    const bytes = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /Catalog>> endobj\n')
      .buffer as ArrayBuffer;
    const error = await createExcelWorkbookPort()
      .readWorkbookFile({ name: '寿光市.pdf', bytes })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('unreadable');
    expect((error as WorkbookError).message).toContain('寿光市.pdf');
    expect((error as ExcelWorkbookError).messageEn).toContain('寿光市.pdf');
  });

  test('a reader that cannot run at all is reported as unreadable, with the cause kept', async () => {
    const failure = new Error('ExcelJS failed to load');
    const error = await createExcelWorkbookPort({ readWorkbook: () => Promise.reject(failure) })
      .readWorkbookFile({ name: '广饶县.xlsx', bytes: new ArrayBuffer(4) })
      .catch((e: unknown) => e);
    expect((error as WorkbookError).kind).toBe('unreadable');
    expect((error as WorkbookError).message).toContain('广饶县.xlsx');
    expect((error as WorkbookError).message).toContain('ExcelJS failed to load');
    expect((error as { cause?: unknown }).cause).toBe(failure);
  });

  test('uses an injected reader when given one', async () => {
    const readWorkbook = vi.fn(async () => ({
      ok: true as const,
      format: 'xlsx' as const,
      sheets: [{ sheet: '青州市', values: [['机构名称']] }],
    }));
    const grids = await createExcelWorkbookPort({ readWorkbook }).readWorkbookFile({
      name: '青州市.xlsx',
      bytes: new ArrayBuffer(4),
    });
    expect(grids).toEqual([{ sheet: '青州市', values: [['机构名称']] }]);
    expect(readWorkbook).toHaveBeenCalledWith(expect.any(ArrayBuffer), '青州市.xlsx');
  });
});

describe('requirements and errors', () => {
  test('checkRequirements lists ExcelApi 1.9 when the host lacks it', () => {
    fake = installFakeExcel(new FakeWorkbook(), { excelApiMinor: 8 });
    expect(checkRequirements()).toEqual({ ok: false, missing: ['ExcelApi 1.9'] });
    fake.uninstall();
    fake = installFakeExcel(new FakeWorkbook(), { excelApiMinor: 9 });
    expect(checkRequirements()).toEqual({ ok: true, missing: [] });
  });

  test('outside Office nothing is supported and the port says it is not running in Excel', async () => {
    expect(checkRequirements()).toEqual({ ok: false, missing: ['ExcelApi 1.9'] });
    const message = requirementsMessage(['ExcelApi 1.9']);
    expect(message.zh).toContain('ExcelApi 1.9');
    expect(message.en).toContain('ExcelApi 1.9');
    const error = await createExcelWorkbookPort()
      .listSheets()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe('unsupported');
    expect((error as WorkbookError).message).toContain('Excel');
  });

  test('an Office error is rethrown wrapped, with what to do, never swallowed', async () => {
    fake = installFakeExcel(twoSheets());
    const denied = Object.assign(new Error('The cell or chart you are trying to change is protected.'), {
      code: 'AccessDenied',
      name: 'RichApi.Error',
    });
    const context = fake.context;
    vi.spyOn(context, 'sync').mockRejectedValueOnce(denied);
    const error = await createExcelWorkbookPort()
      .addSheets([{ name: '汇总', columns: [{ header: '县区' }], rows: [['寿光市']] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelWorkbookError);
    expect((error as ExcelWorkbookError).kind).toBe('host');
    expect((error as ExcelWorkbookError).code).toBe('AccessDenied');
    expect((error as ExcelWorkbookError).message).toContain('受保护');
    expect((error as ExcelWorkbookError).messageEn).toContain('protected');
    expect((error as { cause?: unknown }).cause).toBe(denied);
  });

  test('an unknown Office error keeps its own text and code in the message', async () => {
    fake = installFakeExcel(twoSheets());
    vi.spyOn(fake.context, 'sync').mockRejectedValueOnce(
      Object.assign(new Error('Something odd happened.'), { code: 'GeneralException' }),
    );
    const error = await createExcelWorkbookPort()
      .listSheets()
      .catch((e: unknown) => e);
    expect((error as WorkbookError).message).toContain('Something odd happened.');
    expect((error as WorkbookError).message).toContain('GeneralException');
    expect((error as WorkbookError).message).toContain('列出工作表');
  });
});
