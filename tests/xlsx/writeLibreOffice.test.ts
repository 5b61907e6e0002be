/**
 * A reader that is not ours: LibreOffice opens what writeWorkbook wrote, prints every sheet to CSV
 * as it displays it, and saves the workbook again as .xlsx in its own words, which ExcelJS then
 * reads. What survives that trip (table, dropdowns, formats, widths, the hidden list sheet) is what
 * a spreadsheet program understood (tests/setup/tools.ts installs LibreOffice or says how). LibreOffice drops
 * frozen panes when it converts without a window, so those are checked in write.test.ts only.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import { writeWorkbook } from '../../src/xlsx/write';
import { convertWithLibreOffice, sheetsAsCsv } from '../setup/libreoffice';

const CATEGORIES = ['党委议事协调机构', '政府议事协调机构', '部门间联席会议', '工作专班', '协调机制'];

const SPECS: SheetSpec[] = [
  {
    name: '汇总',
    preamble: [['东营市议事协调机构汇总表'], ['核对日期', new Date(Date.UTC(2026, 4, 31))]],
    columns: [
      { header: '县区', width: 14, format: 'text' },
      { header: '台账条数', format: 'integer' },
      { header: '占比', format: 'percent' },
    ],
    rows: [
      ['东营区', 8, 0.615],
      ['河口区', 5, 0.385],
    ],
    footer: [['合计', 13, 1]],
    table: false,
  },
  {
    name: '明细',
    columns: [
      { header: '机构名称', width: 34 },
      { header: '设立时间', format: 'date' },
      { header: '依据文件', format: 'text' },
      { header: '办事机构所在部门', list: DEFAULT_DEPARTMENTS },
      { header: '类别', list: CATEGORIES },
    ],
    rows: [
      ['东营区安全生产委员会', new Date(Date.UTC(2019, 2, 15)), '东办发〔2019〕12号', '市应急局', '党委议事协调机构'],
      ['=HYPERLINK("http://example.com","点我")', null, '+86 546 1234567', '@市应急局', '-工作专班'],
      [
        { formula: 'A2', result: '河口区食品安全委员会' },
        { formula: 'TODAY()', result: new Date(Date.UTC(2020, 0, 2)) },
        new Date(Date.UTC(2021, 5, 30)),
        { richText: [{ text: '市市场' }, { text: '监管局' }] },
        null,
      ],
    ],
    blankRows: 2,
  },
  { name: '问题清单', columns: [{ header: '县区' }, { header: '问题' }], rows: [] },
];

describe('LibreOffice opens writeWorkbook’s output', () => {
  let dir: string;
  let sheets: Map<string, string[][]>;
  let resaved: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-write-lo-'));
    const file = join(dir, 'return.xlsx');
    writeFileSync(file, await writeWorkbook(SPECS));
    sheets = sheetsAsCsv(file, dir, { asShown: true });
    convertWithLibreOffice(file, 'xlsx', join(dir, 'xlsx'), dir);
    resaved = new ExcelJS.Workbook();
    await resaved.xlsx.load(readFileSync(join(dir, 'xlsx', 'return.xlsx')) as unknown as ExcelJS.Buffer);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows every sheet, the list sheet included', () => {
    expect([...sheets.keys()].sort()).toEqual(['下拉选项', '汇总', '明细', '问题清单'].sort());
    expect(sheets.get('下拉选项')!.map((r) => r[0])).toEqual(DEFAULT_DEPARTMENTS);
  });

  it('shows the summary with its date, integers, percentages and the 合计 line', () => {
    expect(sheets.get('汇总')).toEqual([
      ['东营市议事协调机构汇总表', '', ''],
      ['核对日期', '2026-05-31', ''],
      ['县区', '台账条数', '占比'],
      ['东营区', '8', '61.5%'],
      ['河口区', '5', '38.5%'],
      ['合计', '13', '100.0%'],
    ]);
  });

  it('shows dates as dates and formula-like text as text, never evaluated', () => {
    const detail = sheets.get('明细')!;
    expect(detail[0]).toEqual(['机构名称', '设立时间', '依据文件', '办事机构所在部门', '类别']);
    expect(detail[1]).toEqual([
      '东营区安全生产委员会',
      '2019-03-15',
      '东办发〔2019〕12号',
      '市应急局',
      '党委议事协调机构',
    ]);
    expect(detail[2]).toEqual([
      '=HYPERLINK("http://example.com","点我")',
      '',
      '+86 546 1234567',
      '@市应急局',
      '-工作专班',
    ]);
    // An input formula is its cached value; a date in a text column still shows as a date.
    expect(detail[3]).toEqual(['河口区食品安全委员会', '2020-01-02', '2021-06-30', '市市场监管局', '']);
    expect(sheets.get('问题清单')![0]).toEqual(['县区', '问题']);
  });

  it('keeps the table, the dropdowns, the formats, the widths and the hidden list sheet when it saves the file again', () => {
    const detail = resaved.getWorksheet('明细')!;
    const tables = Object.values(
      (
        detail as unknown as {
          tables: Record<string, { table: { tableRef?: string; ref: string; columns: { name: string }[] } }>;
        }
      ).tables,
    );
    expect(tables).toHaveLength(1);
    expect(tables[0]!.table.tableRef ?? tables[0]!.table.ref).toMatch(/^A1(:E6)?$/);
    expect(tables[0]!.table.columns.map((c) => c.name)).toEqual([
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '类别',
    ]);
    expect(detail.getCell('D6').dataValidation?.type).toBe('list');
    expect(detail.getCell('D6').dataValidation?.formulae?.[0]).toMatch(/^'?下拉选项'?!\$A\$1:\$A\$49$/);
    expect(detail.getCell('E2').dataValidation?.formulae?.[0]).toBe(`"${CATEGORIES.join(',')}"`);
    expect(detail.getCell('A1').dataValidation).toBeUndefined();
    expect(detail.getCell('B2').numFmt).toMatch(/^y+-m+-d+$/i);
    expect(detail.getColumn(1).width).toBe(34);
    expect(resaved.getWorksheet('下拉选项')!.state).toBe('hidden');
    let formulas = 0;
    resaved.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);
  });
});
