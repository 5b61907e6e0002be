import { afterEach, describe, expect, test, vi } from 'vitest';
import { createExcelWorkbookPort } from '../../src/excel';
import { LISTS_SHEET_NAME } from '../../src/excel/port';
import { MAX_AUTO_WIDTH, widthToPoints } from '../../src/excel/sheetLayout';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import { FakeWorkbook, installFakeExcel, type FakeExcel, type FakeSheet } from './fakeExcel';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

const text = (sheet: FakeSheet, row: number, column: number) => sheet.peek(row, column)?.value;

/** The return's 明细 sheet: a title, the header, bodies with formula-like and number-like text, a footer. */
const detail: SheetSpec = {
  name: '汇总',
  preamble: [['潍坊市议事协调机构汇总表'], ['截至 2025-06-30']],
  columns: [
    { header: '县区', width: 10, format: 'text' },
    { header: '机构名称', width: 36, format: 'text' },
    { header: '设立时间', width: 12, format: 'date' },
    { header: '依据文件', width: 24 },
    { header: '数量', format: 'integer' },
    { header: '占比', format: 'percent' },
  ],
  rows: [
    ['寿光市', '寿光市预制菜产业发展工作领导小组', new Date(Date.UTC(2021, 2, 15)), '寿办发〔2021〕7号', 3, 0.25],
    ['青州市', '=HYPERLINK("http://evil.example","点击")', new Date(Date.UTC(2019, 0, 1)), '+86 536 1234567', 1, 0.1],
    ['广饶县', '-市食品安全委员会', '2019年3月', '@市委办公室', 2, 0.5],
    ['垦利区', '001', null, '2019.03', 0, 0],
  ],
  footer: [['合计', null, null, null, 6, 0.85]],
};

describe('addSheets', () => {
  test('writes preamble, header, body and footer as values, never overwriting an existing sheet', async () => {
    const book = new FakeWorkbook();
    const existing = book.addSheet('汇总', { rows: [['用户自己的汇总表，不得覆盖']] });
    fake = installFakeExcel(book);
    const names = await createExcelWorkbookPort().addSheets([detail]);

    expect(names).toEqual(['汇总 (2)']);
    expect(existing.peek(1, 1)?.value).toBe('用户自己的汇总表，不得覆盖');
    const sheet = book.find('汇总 (2)')!;
    expect(book.sheets.map((s) => s.name)).toEqual(['汇总', '汇总 (2)']);
    expect(text(sheet, 1, 1)).toBe('潍坊市议事协调机构汇总表');
    expect(text(sheet, 3, 2)).toBe('机构名称');
    expect(text(sheet, 4, 2)).toBe('寿光市预制菜产业发展工作领导小组');
    // Footer right below the table (header row 3, four body rows → rows 4–7).
    expect(text(sheet, 8, 1)).toBe('合计');
    expect(text(sheet, 8, 5)).toBe(6);
  });

  test('formula-like and number-like text stays text exactly as given', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addSheets([detail]);
    const sheet = book.find('汇总')!;
    const cells = [
      sheet.peek(5, 2),
      sheet.peek(5, 4),
      sheet.peek(6, 2),
      sheet.peek(6, 4),
      sheet.peek(7, 2),
      sheet.peek(7, 4),
    ];
    expect(cells.map((c) => c?.value)).toEqual([
      '=HYPERLINK("http://evil.example","点击")',
      '+86 536 1234567',
      '-市食品安全委员会',
      '@市委办公室',
      '001',
      '2019.03',
    ]);
    expect(cells.every((c) => c !== undefined && c.formula === undefined && c.numberFormat === '@')).toBe(true);
  });

  test('dates become date serials formatted yyyy-mm-dd; numbers get their column format', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addSheets([detail]);
    const sheet = book.find('汇总')!;
    // 2021-03-15 is serial 44270; 2019-01-01 is 43466.
    expect(sheet.peek(4, 3)).toMatchObject({ value: 44270, numberFormat: 'yyyy-mm-dd' });
    expect(sheet.peek(5, 3)).toMatchObject({ value: 43466, numberFormat: 'yyyy-mm-dd' });
    // An unparsed date text in the date column is kept as text.
    expect(sheet.peek(6, 3)).toMatchObject({ value: '2019年3月', numberFormat: '@' });
    expect(sheet.peek(4, 5)).toMatchObject({ value: 3, numberFormat: '0' });
    expect(sheet.peek(4, 6)).toMatchObject({ value: 0.25, numberFormat: '0.0%' });
  });

  test('formats the header and body as a styled table, freezes through the header and sets widths', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addSheets([detail]);
    const sheet = book.find('汇总')!;
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]).toMatchObject({
      area: { top: 3, left: 1, bottom: 7, right: 6 },
      hasHeaders: true,
      style: 'TableStyleMedium2',
    });
    expect(sheet.frozenRows).toBe(3);
    // 36 characters: (36 × 7 px + 5 px) × 0.75 pt/px.
    expect(sheet.columnWidths.get(2)).toBeCloseTo(192.75, 2);
    expect(sheet.columnWidths.has(5)).toBe(false);
  });

  test('a new register gets dropdown lists on its body and blank rows; a long list lives on a hidden sheet', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    const register: SheetSpec = {
      name: '新建台账',
      preamble: [['议事协调机构管理台账']],
      columns: [
        { header: '机构名称', width: 36, format: 'text' },
        {
          header: '类别',
          list: [
            '党委议事协调机构',
            '政府议事协调机构',
            '部门间联席会议',
            '工作专班',
            '协调机制（不纳入议事协调机构管理）',
          ],
        },
        { header: '办事机构所在部门', list: DEFAULT_DEPARTMENTS },
        { header: '设立时间', format: 'date' },
      ],
      rows: [],
      blankRows: 200,
    };
    const names = await createExcelWorkbookPort().addSheets([register]);
    expect(names).toEqual(['新建台账']);
    const sheet = book.find('新建台账')!;
    const categoryRule = sheet.validations.find((v) => v.area.left === 2)!;
    expect(categoryRule.area).toEqual({ top: 3, left: 2, bottom: 202, right: 2 });
    expect(categoryRule.rule).toEqual({
      list: {
        inCellDropDown: true,
        source: '党委议事协调机构,政府议事协调机构,部门间联席会议,工作专班,协调机制（不纳入议事协调机构管理）',
      },
    });

    // 49 departments do not fit Excel's 255-character inline list: they go to a hidden sheet.
    const lists = book.find(LISTS_SHEET_NAME)!;
    expect(lists.visibility).toBe('Hidden');
    expect(
      lists.matrix({ top: 1, left: 1, bottom: DEFAULT_DEPARTMENTS.length, right: 1 }, (c) => c?.value).flat(),
    ).toEqual([...DEFAULT_DEPARTMENTS]);
    const departmentRule = sheet.validations.find((v) => v.area.left === 3)!;
    expect(departmentRule.rule).toEqual({
      list: { inCellDropDown: true, source: `='${LISTS_SHEET_NAME}'!$A$1:$A$${DEFAULT_DEPARTMENTS.length}` },
    });
    expect(names).not.toContain(LISTS_SHEET_NAME);

    // Blank rows carry the column formats, so dates typed later are dates.
    expect(sheet.peek(202, 4)?.numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.peek(202, 1)?.numberFormat).toBe('@');
    expect(sheet.tables[0]?.area).toEqual({ top: 2, left: 1, bottom: 202, right: 4 });
  });

  test('a second and third 新建台账 reuse the one hidden lists sheet: the same list, the same column; a new list, the next column', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    const register = (name: string, departments: readonly string[]): SheetSpec => ({
      name,
      columns: [
        { header: '机构名称', format: 'text' },
        { header: '办事机构所在部门', list: departments },
      ],
      rows: [],
      blankRows: 20,
    });
    const port = createExcelWorkbookPort();
    await port.addSheets([register('新建台账', DEFAULT_DEPARTMENTS)]);
    await port.addSheets([register('新建台账', DEFAULT_DEPARTMENTS)]);
    const county = [...DEFAULT_DEPARTMENTS.slice(0, 40), '区行政审批服务局', '区大数据中心'];
    await port.addSheets([register('新建台账', county)]);

    expect(book.sheets.map((s) => s.name)).toEqual([
      '台账',
      '新建台账',
      LISTS_SHEET_NAME,
      '新建台账 (2)',
      '新建台账 (3)',
    ]);
    const rule = (sheet: string) =>
      (book.find(sheet)!.validations.find((v) => v.area.left === 2)!.rule as { list: { source: string } }).list.source;
    expect(rule('新建台账')).toBe(`='${LISTS_SHEET_NAME}'!$A$1:$A$${DEFAULT_DEPARTMENTS.length}`);
    expect(rule('新建台账 (2)')).toBe(rule('新建台账'));
    expect(rule('新建台账 (3)')).toBe(`='${LISTS_SHEET_NAME}'!$B$1:$B$${county.length}`);
    const lists = book.find(LISTS_SHEET_NAME)!;
    expect(
      lists.matrix({ top: 1, left: 1, bottom: DEFAULT_DEPARTMENTS.length, right: 1 }, (c) => c?.value).flat(),
    ).toEqual([...DEFAULT_DEPARTMENTS]);
    expect(lists.matrix({ top: 1, left: 2, bottom: county.length, right: 2 }, (c) => c?.value).flat()).toEqual(county);
  });

  test('the table goes on the new sheet even when another sheet is active', async () => {
    const book = new FakeWorkbook();
    book.addSheet('填表说明');
    book.addSheet('台账');
    book.active = '台账';
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addSheets([detail]);
    expect(book.find('台账')!.tables).toEqual([]);
    expect(book.find('汇总')!.tables).toHaveLength(1);
  });

  test('removeSheets deletes an earlier return, skipping a name already gone, in two round trips', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    book.addSheet('汇总');
    book.addSheet('明细');
    fake = installFakeExcel(book);
    const port = createExcelWorkbookPort();
    const sync = vi.spyOn(fake.context, 'sync');
    await port.removeSheets!(['汇总', '明细', '问题清单']);
    expect(book.sheets.map((s) => s.name)).toEqual(['台账']);
    expect(sync).toHaveBeenCalledTimes(2);
    book.readOnly = true;
    book.addSheet('说明');
    await expect(port.removeSheets!(['说明'])).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('a return prints on A4 landscape, one page wide, header row repeated, title and 第 N 页 共 M 页; headers fit or wrap; a long line wraps', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    const deadline =
      '报送期限：2026-12-31。逾期未报送的县区将在全市通报，请各县区编办于期限前报送议事协调机构工作规则和联络人名单。';
    const summary: SheetSpec = {
      name: '汇总',
      preamble: [['东营市议事协调机构汇总表 & 附表'], [deadline]],
      columns: [
        { header: '县区', format: 'text' },
        { header: '党委议事协调机构', format: 'integer' },
        { header: '政府议事协调机构', format: 'integer' },
        { header: '协调机制（不纳入议事协调机构管理）', format: 'integer' },
      ],
      rows: [
        ['东营区', 5, 7, 2],
        ['河口区', 3, 4, 1],
      ],
    };
    await createExcelWorkbookPort().addSheets([summary]);
    const sheet = book.find('汇总')!;
    // 党委议事协调机构 is 8 characters, 16 units wide: the column fits it.
    expect(sheet.columnWidths.get(2)).toBeGreaterThanOrEqual(widthToPoints(16));
    // The very long header is capped and wraps.
    expect(sheet.columnWidths.get(4)).toBeLessThanOrEqual(widthToPoints(MAX_AUTO_WIDTH));
    expect(sheet.wrapped).toContainEqual({ top: 3, left: 1, bottom: 3, right: 4 });
    // The 报送期限 line is merged across the table and wraps, with room for its lines.
    expect(sheet.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: 4 });
    expect(sheet.wrapped).toContainEqual({ top: 2, left: 1, bottom: 2, right: 4 });
    expect(sheet.rowHeights.get(2)).toBeGreaterThanOrEqual(30);
    expect(sheet.print).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$3:$3',
      centerHeader: '&B东营市议事协调机构汇总表 && 附表',
      centerFooter: '第 &P 页 共 &N 页',
    });
  });

  test('several sheets in one call get distinct names, in order, after the existing ones', async () => {
    const book = new FakeWorkbook();
    book.addSheet('汇总');
    book.addSheet('明细');
    fake = installFakeExcel(book);
    const spec = (name: string): SheetSpec => ({
      name,
      columns: [{ header: '说明' }],
      rows: [['东编办发〔2020〕21号']],
    });
    const names = await createExcelWorkbookPort().addSheets([
      spec('汇总'),
      spec('明细'),
      spec('问题清单'),
      spec('汇总'),
    ]);
    expect(names).toEqual(['汇总 (2)', '明细 (2)', '问题清单', '汇总 (3)']);
    expect(book.sheets.map((s) => s.name)).toEqual(['汇总', '明细', '汇总 (2)', '明细 (2)', '问题清单', '汇总 (3)']);
  });

  test('a spec without a table still writes its rows', async () => {
    const book = new FakeWorkbook();
    book.addSheet('台账');
    fake = installFakeExcel(book);
    await createExcelWorkbookPort().addSheets([
      {
        name: '说明',
        columns: [{ header: '项目' }, { header: '内容' }],
        rows: [['核对日期', '2025-06-30']],
        table: false,
        freezeHeader: false,
      },
    ]);
    const sheet = book.find('说明')!;
    expect(sheet.tables).toEqual([]);
    expect(sheet.frozenRows).toBe(0);
    expect(text(sheet, 2, 2)).toBe('2025-06-30');
    expect(sheet.peek(2, 2)?.numberFormat).toBe('@');
  });
});
