import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import { readWorkbook } from '../../src/read';
import { uniqueSheetName, writeWorkbook } from '../../src/xlsx/write';

// The full city list (49 names) is longer than Excel's 255-character inline list limit.
const DEPARTMENTS = DEFAULT_DEPARTMENTS;

const DETAIL: SheetSpec = {
  name: '明细',
  preamble: [['东营市议事协调机构汇总表'], ['核对日期', new Date(Date.UTC(2026, 10, 25))]],
  columns: [
    { header: '机构名称', width: 34 },
    { header: '设立时间', format: 'date' },
    { header: '依据文件', format: 'text' },
    { header: '办事机构所在部门', list: DEPARTMENTS },
    { header: '类别', list: ['党委议事协调机构', '政府议事协调机构', '部门间联席会议', '工作专班'] },
    { header: '存续机构数', format: 'integer' },
    { header: '占比', format: 'percent' },
  ],
  rows: [
    [
      '市安全生产委员会',
      new Date(Date.UTC(2019, 2, 15)),
      '东办发〔2019〕12号',
      '市应急局',
      '党委议事协调机构',
      1,
      0.25,
    ],
    ['=HYPERLINK("http://example.com","点我")', null, '+86 546 1234567', '@市应急局', '-工作专班', 2, 0.5],
    [
      { formula: 'A2', result: '市食品安全委员会' },
      { formula: 'TODAY()', result: new Date(Date.UTC(2020, 0, 2)) },
      { error: '#N/A' },
      { richText: [{ text: '市市场' }, { text: '监管局' }] },
      null,
      3,
      0.75,
    ],
  ],
  footer: [['合计', null, null, null, null, 6, 1]],
  blankRows: 2,
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('writeWorkbook', () => {
  it('writes preamble, a bold filled header, body and footer where SheetSpec says', async () => {
    const workbook = await load(await writeWorkbook([DETAIL]));
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.getCell('A1').value).toBe('东营市议事协调机构汇总表');
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 10, 25)));
    expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A3').value).toBe('机构名称');
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.getCell('A4').value).toBe('市安全生产委员会');
    // Body rows 4–6, two blank rows 7–8, footer on 9.
    expect(sheet.getCell('A9').value).toBe('合计');
    expect(sheet.getCell('F9').value).toBe(6);
  });

  it('never writes a formula: text starting with = + - @ stays text, input formulas become their cached value', async () => {
    const workbook = await load(await writeWorkbook([DETAIL]));
    const sheet = workbook.getWorksheet('明细')!;
    let formulas = 0;
    workbook.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(sheet.getCell('A5').value).toBe('=HYPERLINK("http://example.com","点我")');
    expect(sheet.getCell('C5').value).toBe('+86 546 1234567');
    expect(sheet.getCell('D5').value).toBe('@市应急局');
    expect(sheet.getCell('E5').value).toBe('-工作专班');
    expect(sheet.getCell('A6').value).toBe('市食品安全委员会');
    expect(sheet.getCell('B6').value).toEqual(new Date(Date.UTC(2020, 0, 2)));
    expect(sheet.getCell('C6').value).toBe('#N/A');
    expect(sheet.getCell('D6').value).toBe('市市场监管局');
  });

  it('writes dates as real dates and applies each column format', async () => {
    const workbook = await load(await writeWorkbook([DETAIL]));
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.getCell('B4').value).toBeInstanceOf(Date);
    expect(sheet.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C4').numFmt).toBe('@');
    expect(sheet.getCell('F4').numFmt).toBe('0');
    expect(sheet.getCell('G4').numFmt).toBe('0.0%');
    expect(sheet.getColumn(1).width).toBe(34);
    expect(sheet.getColumn(2).numFmt).toBe('yyyy-mm-dd');
  });

  it('makes header and body an Excel table with filters, and freezes the header', async () => {
    const bytes = await writeWorkbook([DETAIL]);
    const workbook = await load(bytes);
    const sheet = workbook.getWorksheet('明细')!;
    const tables = (
      sheet as unknown as {
        tables: Record<string, { table: { ref: string; tableRef?: string; columns: { name: string }[] } }>;
      }
    ).tables;
    const [table] = Object.values(tables);
    expect(table?.table.columns.map((c) => c.name)).toEqual(DETAIL.columns.map((c) => c.header));
    expect(table?.table.tableRef ?? table?.table.ref).toMatch(/^A3(:G8)?$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('puts dropdown lists on the body and blank rows; long lists go to a hidden sheet', async () => {
    const workbook = await load(await writeWorkbook([DETAIL]));
    const sheet = workbook.getWorksheet('明细')!;
    const category = sheet.getCell('E8').dataValidation;
    expect(category).toMatchObject({
      type: 'list',
      formulae: ['"党委议事协调机构,政府议事协调机构,部门间联席会议,工作专班"'],
    });
    expect(sheet.getCell('E3').dataValidation).toBeUndefined();
    const department = sheet.getCell('D4').dataValidation;
    expect(department?.formulae?.[0]).toBe(`'下拉选项'!$A$1:$A$${DEPARTMENTS.length}`);
    const lists = workbook.getWorksheet('下拉选项')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell(`A${DEPARTMENTS.length}`).value).toBe('市委党史研究院');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['明细', '下拉选项']);
  });

  it('writes a sheet without a table when table is false, and an empty table with one blank row', async () => {
    const bytes = await writeWorkbook([
      {
        name: '说明',
        columns: [{ header: '项目' }, { header: '内容' }],
        rows: [['核对日期', '2026-11-25']],
        table: false,
        freezeHeader: false,
      },
      { name: '问题清单', columns: [{ header: '县区' }, { header: '问题' }], rows: [] },
    ]);
    const workbook = await load(bytes);
    const about = workbook.getWorksheet('说明')!;
    expect(Object.keys((about as unknown as { tables: object }).tables)).toHaveLength(0);
    expect(about.getCell('A2').value).toBe('核对日期');
    expect((about.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
    const findings = workbook.getWorksheet('问题清单')!;
    expect(Object.keys((findings as unknown as { tables: object }).tables)).toHaveLength(1);
  });

  it('keeps sheet names unique and legal instead of overwriting', async () => {
    expect(uniqueSheetName('汇总', new Set(['汇总']))).toBe('汇总 (2)');
    expect(uniqueSheetName('汇总', new Set(['汇总', '汇总 (2)']))).toBe('汇总 (3)');
    expect(uniqueSheetName('2026/11 东营区:问题?', new Set())).toBe('2026_11 东营区_问题_');
    expect(
      uniqueSheetName('东营市市级议事协调机构管理台账问题清单及整改情况汇总表（2026年第四季度）', new Set()),
    ).toHaveLength(31);
    const workbook = await load(
      await writeWorkbook([
        { ...DETAIL, name: '明细' },
        { ...DETAIL, name: '明细' },
      ]),
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['明细', '明细 (2)', '下拉选项']);
  });

  it('gives the same bytes for the same sheets', async () => {
    const a = await writeWorkbook([DETAIL]);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip timestamps have 2-second resolution
    const b = await writeWorkbook([DETAIL]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('round-trips through readWorkbook', async () => {
    const result = await readWorkbook(await writeWorkbook([DETAIL]), 'return.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [grid] = result.sheets;
    expect(grid?.values[2]).toEqual(DETAIL.columns.map((c) => c.header));
    expect(grid?.values[3]?.slice(0, 3)).toEqual([
      '市安全生产委员会',
      new Date(Date.UTC(2019, 2, 15)),
      '东办发〔2019〕12号',
    ]);
  });
});
