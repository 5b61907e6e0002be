/**
 * Hostile and broken .xlsx files, each built here and small: the reading layer answers every one
 * with a message in the user's words naming the file (and the limit it hit), quickly, without
 * allocating what the file pretends to hold.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/files';
import type { Grid } from '../../src/ledger/grid';
import { DEFAULT_READ_LIMITS, readWorkbook, type WorkbookRead } from '../../src/read';
import { crc32 } from '../../src/read/zip';
import { xlsxBytes } from '../fixtures/xlsx/build';
import { declareSize, entryData, packageBytes, packageParts, row } from '../fixtures/xlsx/package';

const HEADER = ['序号', '机构名称', '设立时间', '依据文件', '办事机构所在部门'];
const title = '<row r="1"><c r="A1" t="inlineStr"><is><t>东营区议事协调机构管理台账</t></is></c></row>';

function failure(result: WorkbookRead): { reason: string; message: string; messageEn: string } {
  if (result.ok) throw new Error('expected the file to be refused');
  // Never a library's or JavaScript's internals.
  expect(result.message).not.toMatch(/undefined|Cannot|TypeError|RangeError|Error:|properties/);
  return result;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merged ranges larger than the sheet', () => {
  it('reads a 2 KB workbook with one merge over the whole sheet (A1:XFD1048576) at once', async () => {
    const bytes = packageBytes({
      data: title + row(2, HEADER) + row(3, [1, '区安全生产委员会', '2019年', '东政办字〔2019〕12号', '区应急局']),
      tail: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    });
    expect(bytes.length).toBeLessThan(4096);
    const { value, ms } = await timed(() => readWorkbook(bytes, 'whole.xlsx'));
    expect(ms).toBeLessThan(2000);
    expect(value.ok).toBe(true);
    const grid = (value as { sheets: Grid[] }).sheets[0]!;
    // Clipped to the cells that exist; every cell but the master is covered, so only the title is left.
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 3, right: 5 }]);
    expect(grid.values).toEqual([['东营区议事协调机构管理台账']]);
  });

  it('reads a merge of A10:Z200000 over a short table without touching 5 million cells', async () => {
    const rows = [title, row(2, HEADER)];
    for (let r = 3; r <= 12; r++)
      rows.push(row(r, [r - 2, `区第${r}专项工作领导小组`, '2020年', `东政办字〔2020〕${r}号`, '区应急局']));
    const { value, ms } = await timed(() =>
      readWorkbook(
        packageBytes({
          data: rows.join(''),
          tail: '<mergeCells count="1"><mergeCell ref="A10:Z200000"/></mergeCells>',
        }),
        'tall.xlsx',
      ),
    );
    expect(ms).toBeLessThan(2000);
    const grid = (value as { sheets: Grid[] }).sheets[0]!;
    expect(grid.merges).toEqual([{ top: 10, left: 1, bottom: 12, right: 5 }]);
    expect(grid.values).toHaveLength(10); // rows 11 and 12 are covered
  });

  it('stops at the merged-cell limit', async () => {
    const rows = [title];
    for (let r = 2; r <= 60; r++)
      rows.push(
        row(
          r,
          Array.from({ length: 30 }, (_, i) => i),
        ),
      );
    const merges = Array.from({ length: 50 }, () => '<mergeCell ref="A1:AD60"/>').join('');
    const result = failure(
      await readWorkbook(
        packageBytes({ data: rows.join(''), tail: `<mergeCells>${merges}</mergeCells>` }),
        'merges.xlsx',
        { limits: { maxMergedCells: 10_000 } },
      ),
    );
    expect(result.reason).toBe('too-large');
    expect(result.message).toMatch(/^merges\.xlsx：工作表“台账”的合并单元格覆盖超过 10,000 个单元格/);
  });
});

describe('zip bombs and lying zips', () => {
  it('refuses a small file whose parts say they inflate to 4 × 450 MB, before inflating anything', async () => {
    let bytes = packageBytes({ sheets: [1, 2, 3, 4].map((i) => ({ name: `表${i}`, data: row(1, ['机构名称']) })) });
    for (let i = 1; i <= 4; i++) bytes = declareSize(bytes, `xl/worksheets/sheet${i}.xml`, 450 * 1024 * 1024);
    const { value, ms } = await timed(() => readWorkbook(bytes, 'bomb.xlsx'));
    expect(ms).toBeLessThan(1000);
    const result = failure(value);
    expect(result.reason).toBe('too-large');
    expect(result.message).toMatch(/^bomb\.xlsx：.*(压缩比|解压后内容超过)/);
    expect(result.messageEn).toMatch(/zip bomb/);
  });

  it('refuses a real bomb (20 MB of rows from a few KB) at the inflated-size limit', async () => {
    const one = row(1, ['区安全生产委员会', '2019年', '东政办字〔2019〕12号']);
    const data = one.repeat(Math.ceil(20_000_000 / one.length));
    const bytes = packageBytes({ data });
    expect(bytes.length).toBeLessThan(200_000);
    const result = failure(await readWorkbook(bytes, 'bomb2.xlsx', { limits: { maxInflatedBytes: 8 * 1024 * 1024 } }));
    expect(result.reason).toBe('too-large');
    expect(result.message).toContain('解压后内容超过 8 MiB');
    const ratio = failure(
      await readWorkbook(bytes, 'bomb3.xlsx', { limits: { maxRatio: 50, ratioFloorBytes: 1024 * 1024 } }),
    );
    expect(ratio.message).toMatch(/xl\/worksheets\/sheet1\.xml 的压缩比超过 50:1/);
  });

  it('refuses a Word document or an OpenDocument sheet whose parts declare gigabytes', async () => {
    const docx = declareSize(
      zipSync({
        'word/document.xml': strToU8(
          '<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>机构名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>',
        ),
      }),
      'word/document.xml',
      2_000_000_000,
    );
    expect(failure(await readWorkbook(docx, '附件2.docx')).message).toMatch(/^附件2\.docx：.*(压缩比|解压后内容超过)/);
    const ods = declareSize(
      zipSync({
        mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
        'content.xml': strToU8('<office:document-content/>'),
      }),
      'content.xml',
      2_000_000_000,
    );
    expect(failure(await readWorkbook(ods, '台账.ods')).reason).toBe('too-large');
  });

  it('reports a part that inflates past the size its zip declares as damaged', async () => {
    const bytes = declareSize(
      packageBytes({
        data: row(1, HEADER) + row(2, [1, '区河长制工作领导小组', '2017年', '东办发〔2017〕20号', '区水务局']),
      }),
      'xl/worksheets/sheet1.xml',
      100,
    );
    expect(failure(await readWorkbook(bytes, 'liar.xlsx')).reason).toBe('corrupt');
  });

  it('reports a part whose CRC-32 does not match as damaged', async () => {
    const bytes = packageBytes({ store: true, data: row(1, ['机构名称']) + row(2, ['区防汛抗旱指挥部']) });
    const { start, length } = entryData(bytes, 'xl/worksheets/sheet1.xml');
    const text = new TextDecoder().decode(bytes.subarray(start, start + length));
    const at = start + new TextEncoder().encode(text.slice(0, text.indexOf('防汛'))).length;
    const altered = new Uint8Array(bytes);
    altered.set(new TextEncoder().encode('防疫'), at); // same length: only the checksum can tell
    const result = failure(await readWorkbook(altered, '改过.xlsx'));
    expect(result.reason).toBe('corrupt');
    expect(result.message).toMatch(/^改过\.xlsx：文件已损坏/);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});

describe('rows, columns and cells beyond the limits', () => {
  it("refuses a row or a column past Excel's maxima", async () => {
    const rows = failure(
      await readWorkbook(
        packageBytes({ data: row(1, ['机构名称']) + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }),
        'rows.xlsx',
      ),
    );
    expect(rows).toMatchObject({ reason: 'too-large' });
    expect(rows.message).toMatch(/^rows\.xlsx：工作表“台账”超过 1,048,576 行/);
    const columns = failure(
      await readWorkbook(packageBytes({ data: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }), 'cols.xlsx'),
    );
    expect(columns.message).toMatch(/超过 16,384 列/);
  });

  it('refuses rows without numbers counting past the row limit, and a sheet spanning too many cells', async () => {
    const many = failure(
      await readWorkbook(
        packageBytes({ data: '<row><c t="inlineStr"><is><t>区编办</t></is></c></row>'.repeat(1001) }),
        'many.xlsx',
        { limits: { maxRows: 1000 } },
      ),
    );
    expect(many.message).toContain('超过 1,000 行');
    // Two cells a row, at A and XFD: 16,384 cells a row once the grid is dense.
    const wide = Array.from(
      { length: 20 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="XFD${i + 1}"><v>2</v></c></row>`,
    ).join('');
    const cells = failure(
      await readWorkbook(packageBytes({ data: wide }), 'wide.xlsx', { limits: { maxCells: 100_000 } }),
    );
    expect(cells.message).toMatch(/^wide\.xlsx：工作表“台账”超过 100,000 个单元格/);
  });

  it('refuses an input larger than the file-size limit', async () => {
    const bytes = await xlsxBytes([{ name: '台账', rows: [HEADER] }]);
    const result = failure(await readWorkbook(bytes, 'big.xlsx', { limits: { maxFileBytes: 1000 } }));
    expect(result.reason).toBe('too-large');
    expect(result.message).toMatch(/^big\.xlsx：文件大小/);
    expect(DEFAULT_READ_LIMITS.maxRows).toBe(1_048_576);
  });
});

describe('input files', () => {
  it('refuses /dev/zero, and a file past the size limit, without reading it all', async () => {
    const zero = await readInputFile('/dev/zero');
    expect(zero).toMatchObject({ ok: false });
    if (!zero.ok) expect(zero.message).toBe('/dev/zero：不是普通文件（设备、管道等），未读取');
    const path = join(dir, '大文件.xlsx');
    writeFileSync(path, new Uint8Array(5000));
    const big = await readInputFile(path, 4096);
    expect(big).toMatchObject({ ok: false });
    if (!big.ok) expect(big.message).toContain('读取上限');
    const link = join(dir, 'link.xlsx');
    symlinkSync(path, link);
    expect(await readInputFile(link, 8192)).toMatchObject({ ok: true, size: 5000 });
  });
});

describe('fuzzed workbooks', () => {
  it('never throws and never quotes internals, whatever bytes are altered (both inflaters)', async () => {
    const base = await xlsxBytes([
      {
        name: '台账',
        rows: [HEADER, [1, '区安全生产委员会', new Date(Date.UTC(2019, 2, 15)), '东政办字〔2019〕12号', '区应急局']],
        merges: ['A1:B1'],
      },
    ]);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let refused = 0;
    for (const native of [false, true]) {
      if (native) await import('../../src/cli/files'); // plugs in node:zlib
      for (let i = 0; i < 150; i++) {
        const bytes = new Uint8Array(base);
        const flips = 1 + Math.floor(random() * 8);
        for (let k = 0; k < flips; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const result = await readWorkbook(bytes, `fuzz${i}.xlsx`);
        if (!result.ok) {
          refused++;
          expect(result.message.startsWith(`fuzz${i}.xlsx：`)).toBe(true);
          expect(`${result.message} ${result.messageEn}`).not.toMatch(
            /undefined|Cannot|TypeError|RangeError|sheetNo|properties of/,
          );
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  }, 60_000);

  it('accepts zips written by other tools (fflate, no data descriptor) and keeps parts case-insensitive', async () => {
    const parts = packageParts({ data: row(1, ['机构名称']) });
    const renamed = Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [
        k === 'xl/worksheets/sheet1.xml' ? 'xl/worksheets/Sheet1.xml' : k,
        strToU8(v),
      ]),
    );
    const result = await readWorkbook(zipSync(renamed), 'case.xlsx');
    expect(result.ok && result.sheets[0]!.values).toEqual([['机构名称']]);
  });
});
