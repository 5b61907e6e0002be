import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import type { Grid } from '../../src/ledger/grid';
import { readWorkbook, type WorkbookRead } from '../../src/read';
import { cfbFile, ENCRYPTED_XLSX_STREAMS, withoutWorkbookPart, XLS_STREAMS, xlsxBytes } from '../fixtures/xlsx/build';

const HEADER = [
  '序号',
  '机构名称',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes bytes to a file in the temp dir and reads them back the way the CLI does. */
async function readAsFile(name: string, bytes: Uint8Array): Promise<WorkbookRead> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readWorkbook(readFileSync(path), name);
}

function okSheets(result: WorkbookRead): Grid[] {
  if (!result.ok) throw new Error(`expected a readable workbook, got ${result.reason}: ${result.message}`);
  return result.sheets;
}

/** The value at a sheet's own 1-based row and column. */
function at(grid: Grid, row: number, column: number): unknown {
  return grid.values[row - (grid.firstRow ?? 1)]?.[column - (grid.firstColumn ?? 1)];
}

describe('readWorkbook on real registers', () => {
  it('keeps sheet order, sheet row numbers and the title rows above the header', async () => {
    const bytes = await xlsxBytes([
      {
        name: '台账',
        rows: [
          ['东营市市级议事协调机构管理台账'],
          ['填报单位：中共东营市委机构编制委员会办公室', null, null, null, null, '2026年11月'],
          HEADER,
          [
            1,
            '市安全生产委员会',
            new Date(Date.UTC(2019, 2, 15)),
            '东办发〔2019〕12号',
            '市应急局',
            '长期',
            '2019年设立',
            '省级设有',
          ],
        ],
        merges: ['A1:H1'],
      },
      { name: '说明', rows: [['本表由各县区填报']] },
    ]);
    const sheets = okSheets(await readAsFile('东营市台账.xlsx', bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['台账', '说明']);
    const [ledger] = sheets as [Grid];
    expect(ledger.firstRow).toBe(1);
    expect(ledger.firstColumn).toBe(1);
    expect(at(ledger, 1, 1)).toBe('东营市市级议事协调机构管理台账');
    // The covered cells of the merged title are empty, not copies of the title.
    expect(at(ledger, 1, 2) ?? null).toBeNull();
    expect(ledger.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 8 }]);
    expect(at(ledger, 4, 2)).toBe('市安全生产委员会');
    expect(at(ledger, 4, 3)).toEqual(new Date(Date.UTC(2019, 2, 15)));
    expect(at(ledger, 4, 1)).toBe(1);
  });

  it('starts the grid at the first used cell when the table does not start at A1', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Sheet1',
        startRow: 3,
        rows: [
          [null, null, ...HEADER],
          [
            null,
            null,
            1,
            '市食品安全委员会',
            '2019.03.15',
            '东政字〔2022〕5号',
            '市市场监管局',
            '长期',
            '新设',
            '省级设有',
          ],
        ],
      },
    ]);
    const [grid] = okSheets(await readAsFile('offset.xlsx', bytes)) as [Grid];
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(3);
    expect(grid.values[0]?.[0]).toBe('序号');
    expect(at(grid, 4, 4)).toBe('市食品安全委员会');
    // Every row is dense: no holes for callers that map over it.
    for (const row of grid.values) for (let c = 0; c < row.length; c++) expect(c in row).toBe(true);
  });

  it('delivers rich text, hyperlinks, formulas with cached results, shared formulas and #N/A as ExcelJS gives them', async () => {
    const bytes = await xlsxBytes([
      {
        name: '台账',
        rows: [
          HEADER,
          [
            { formula: 'ROW()-1', result: 1 },
            { richText: [{ text: '市预制菜产业发展', font: { bold: true } }, { text: '工作领导小组' }] },
            { formula: 'DATE(2022,5,6)', result: new Date(Date.UTC(2022, 4, 6)) },
            { text: '东政字〔2022〕5号', hyperlink: 'https://www.dongying.gov.cn/' },
            { error: '#N/A' },
            '长期',
            '2022年设立',
            '上级未设置',
          ],
        ],
      },
    ]);
    const [grid] = okSheets(await readAsFile('values.xlsx', bytes)) as [Grid];
    expect(cellText(at(grid, 2, 1))).toBe('1');
    expect(at(grid, 2, 1)).toMatchObject({ formula: 'ROW()-1', result: 1 });
    expect(cellText(at(grid, 2, 2))).toBe('市预制菜产业发展工作领导小组');
    expect(cellText(at(grid, 2, 3))).toBe('2022-05-06');
    expect(at(grid, 2, 4)).toMatchObject({ text: '东政字〔2022〕5号', hyperlink: 'https://www.dongying.gov.cn/' });
    expect(at(grid, 2, 5)).toEqual({ error: '#N/A' });
  });

  it('reads a header merged over two rows once, with the merge ranges', async () => {
    const bytes = await xlsxBytes([
      {
        name: '台账',
        rows: [
          ['机构名称', '设立\n时间', '依据文件', '办事机构', null, '存续时间', '历史沿革', '上级机构设置情况'],
          [null, null, null, '所在部门', '联络人', null, null, null],
          [
            '市河长制工作领导小组',
            '2017年6月',
            '东办发〔2017〕20号',
            '市水务局',
            '张伟',
            '长期',
            '2017年设立',
            '省级设有',
          ],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2', 'G1:G2', 'H1:H2'],
      },
    ]);
    const [grid] = okSheets(await readAsFile('merged.xlsx', bytes)) as [Grid];
    expect(at(grid, 1, 2)).toBe('设立\n时间');
    expect(at(grid, 2, 1) ?? null).toBeNull(); // covered by A1:A2
    expect(at(grid, 1, 5) ?? null).toBeNull(); // covered by D1:E1
    expect(at(grid, 2, 4)).toBe('所在部门');
    expect(grid.merges).toHaveLength(7);
    expect(grid.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 5 });
  });

  it('reads a 100,000-row sheet into one grid row per sheet row', async () => {
    const rows: unknown[][] = [HEADER];
    for (let i = 1; i <= 100_000; i++)
      rows.push([
        i,
        `市第${i}专项工作领导小组`,
        new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))),
        `东办发〔2019〕${i}号`,
        '市应急局',
        '长期',
        '新设',
        '上级未设置',
      ]);
    const bytes = await xlsxBytes([{ name: '台账', rows }]);
    const started = performance.now();
    const [grid] = okSheets(await readWorkbook(bytes, 'big.xlsx')) as [Grid];
    console.log(
      `readWorkbook: 100,000 rows × 8 columns (${(bytes.length / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - started)} ms`,
    );
    expect(grid.values).toHaveLength(100_001);
    expect(at(grid, 100_001, 2)).toBe('市第100000专项工作领导小组');
    expect(at(grid, 50_001, 4)).toBe('东办发〔2019〕50000号');
  }, 120_000);
});

describe('readWorkbook on bad files', () => {
  it('reads a text file named .xlsx as the text it is (systems export CSV under workbook names)', async () => {
    const result = await readAsFile(
      '台账.xlsx',
      new TextEncoder().encode('机构名称,设立时间\n市安全生产委员会,2019-03-15\n'),
    );
    expect(result).toMatchObject({ ok: true, format: 'csv' });
    expect(okSheets(result)[0]!.values).toEqual([
      ['机构名称', '设立时间'],
      ['市安全生产委员会', '2019-03-15'],
    ]);
  });

  it('names a PDF or a binary file and says how to save a workbook', async () => {
    const pdf = await readAsFile('台账.xlsx', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'));
    expect(pdf).toMatchObject({ ok: false, reason: 'unsupported' });
    if (!pdf.ok) expect(pdf.message).toMatch(/台账\.xlsx：这是 PDF 文件.*另存为 Excel 工作簿/);
    const binary = await readAsFile(
      '台账.xls',
      new Uint8Array(600).map((_, i) => (i * 7) % 32),
    );
    expect(binary).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('reports a truncated download as incomplete', async () => {
    const full = await xlsxBytes([
      {
        name: '台账',
        rows: [HEADER, [1, '市防汛抗旱指挥部', '2018年', '东政字〔2018〕3号', '市水务局', '长期', '新设', '省级设有']],
      },
    ]);
    const result = await readAsFile('cut.xlsx', full.subarray(0, Math.floor(full.length * 0.6)));
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toMatch(/cut\.xlsx：文件不完整/);
  });

  it('reports damaged compressed data inside an otherwise complete zip as corrupt', async () => {
    const full = await xlsxBytes([
      {
        name: '台账',
        rows: [
          HEADER,
          [1, '市政府教育督导委员会', '2019年5月', '东政字〔2019〕8号', '市教育局', '长期', '新设', '省级设有'],
        ],
      },
    ]);
    const damaged = new Uint8Array(full);
    // Overwrite the middle of the archive (entry data), keeping the zip's end record intact.
    damaged.fill(0x41, Math.floor(full.length * 0.3), Math.floor(full.length * 0.6));
    const result = await readAsFile('damaged.xlsx', damaged);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toContain('damaged.xlsx');
  });

  it('reports a zip without a workbook part', async () => {
    const full = await xlsxBytes([{ name: '台账', rows: [HEADER] }]);
    const result = await readAsFile('nobook.xlsx', withoutWorkbookPart(full));
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toContain('nobook.xlsx：是压缩包，但其中没有工作簿或 Word 文档的内容');
  });

  it('recognises a password-protected workbook (CFB with an EncryptedPackage stream)', async () => {
    const result = await readAsFile('加密台账.xlsx', cfbFile(ENCRYPTED_XLSX_STREAMS));
    expect(result).toMatchObject({ ok: false, reason: 'encrypted' });
    if (!result.ok) expect(result.message).toContain('密码');
  });

  it("reports an .xls whose Workbook stream is not a workbook as damaged, in the user's words", async () => {
    const result = await readAsFile('旧台账.xls', cfbFile(XLS_STREAMS));
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) {
      expect(result.message).toMatch(/^旧台账\.xls：文件已损坏.*另存为 Excel 工作簿（\.xlsx）/);
      expect(result.message).not.toMatch(/[A-Za-z]{4,}Error|undefined|Cannot/);
    }
  });

  it('refuses an Excel 5.0/95 workbook (a Book stream) with how to save it', async () => {
    const result = await readAsFile('1998台账.xls', cfbFile(['Book']));
    expect(result).toMatchObject({ ok: false, reason: 'old-format' });
    if (!result.ok) expect(result.message).toContain('Excel 5.0/95');
  });

  it('says what any other OLE file is, and how to save a WPS .et that cannot be read', async () => {
    const doc = await readAsFile('通知.xls', cfbFile(['WordDocument']));
    expect(doc).toMatchObject({ ok: false, reason: 'unsupported' });
    if (!doc.ok) expect(doc.message).toContain('旧版 Word 文档');
    const et = await readAsFile('广饶县.et', cfbFile(['Contents']));
    expect(et).toMatchObject({ ok: false, reason: 'unsupported' });
    if (!et.ok) expect(et.message).toMatch(/WPS 表格.*另存为.*Excel 工作簿（\*\.xlsx）/);
  });

  it('reports an empty file, a workbook without sheets and a workbook whose sheets are all empty', async () => {
    expect(await readAsFile('zero.xlsx', new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    expect(await readAsFile('nosheets.xlsx', await xlsxBytes([]))).toMatchObject({ ok: false, reason: 'empty' });
    const blank = await readAsFile(
      'blank.xlsx',
      await xlsxBytes([
        { name: 'Sheet1', rows: [] },
        { name: 'Sheet2', rows: [[null, '']] },
      ]),
    );
    expect(blank).toMatchObject({ ok: false, reason: 'empty' });
    if (!blank.ok) expect(blank.message).toContain('所有工作表均为空');
  });

  it('keeps a blank sheet next to a filled one as an empty grid', async () => {
    const sheets = okSheets(
      await readAsFile(
        'mixed.xlsx',
        await xlsxBytes([
          { name: '空表', rows: [] },
          { name: '台账', rows: [HEADER] },
        ]),
      ),
    );
    expect(sheets.map((s) => [s.sheet, s.values.length])).toEqual([
      ['空表', 0],
      ['台账', 1],
    ]);
  });

  it('never throws, whatever the bytes, and reads a web page saved as .xls', async () => {
    const samples = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      new Uint8Array(1000).fill(0xff),
    ];
    for (const bytes of samples) {
      const result = await readWorkbook(bytes, 'x.xlsx');
      expect(result.ok).toBe(false);
    }
    const page = await readWorkbook(
      new TextEncoder().encode('<html><table><tr><td>机构名称</td></tr></table></html>'),
      'x.xls',
    );
    expect(page).toMatchObject({ ok: true, format: 'html' });
    expect(okSheets(page)[0]!.values).toEqual([['机构名称']]);
  });
});
