/**
 * `ledger consolidate` on the committed samples (samples/counties): 东营区 with a 县区 column,
 * 河口区 with a title row, 广饶县 named by its file only; 垦利区 and 利津县 sent nothing.
 * Expected figures are counted by hand from the sample sheets; expected findings come from
 * samples/planted.json, written by the samples' author.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { sha256 } from './files';

const SAMPLES = 'samples/counties';
const EXPECT = '东营区,河口区,垦利区,利津县,广饶县';

interface Planted {
  readonly asOf: string;
  readonly files: readonly {
    readonly file: string;
    readonly expected: readonly { sheet: string; row: number; code: string }[];
  }[];
}

let dir: string;
let out: string;
let code: number;
let stdout = '';
let stderr = '';
let hashes: Map<string, string>;
const inputs = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => join(SAMPLES, f));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-samples-'));
  out = join(dir, 'return.xlsx');
  hashes = new Map(inputs.map((p) => [p, sha256(p)]));
  code = await main(
    [
      'consolidate',
      SAMPLES,
      '-o',
      out,
      '--expect',
      EXPECT,
      '--as-of',
      '2026-11-25',
      '--departments',
      join(SAMPLES, 'departments-counties.txt'),
      '--format',
      'json',
    ],
    {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
      isTTY: false,
    },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetRows(name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name)!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
  });
  return rows;
}

describe('ledger consolidate samples/counties', () => {
  it('exits 1 (two counties sent nothing) with nothing on stderr', () => {
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('finds each county the way the sample says: column, title, file name', () => {
    const report = JSON.parse(stdout) as { registers: { file: string; county: string; countyBasis: string }[] };
    expect(report.registers.map((r) => [r.file, r.county, r.countyBasis]).sort()).toEqual([
      ['东营区.xlsx', '东营区', 'column'],
      ['广饶县-2026台账.xlsx', '广饶县', 'file-name'],
      ['河口区.xlsx', '河口区', 'title'],
    ]);
  });

  it('reports every planted mistake of the county samples and nothing else, plus the two missing counties', () => {
    const planted = JSON.parse(readFileSync('samples/planted.json', 'utf8')) as Planted;
    const wanted = planted.files
      .filter((f) => f.file.startsWith('counties/'))
      .flatMap((f) => f.expected.map((e) => `${f.file.slice('counties/'.length)} ${e.sheet} ${e.row} ${e.code}`));
    expect(wanted.length).toBeGreaterThan(10);
    const report = JSON.parse(stdout) as {
      findings: { county: string; file: string | null; sheet: string; row: number | null; code: string }[];
    };
    const found = report.findings.filter((f) => f.file !== null).map((f) => `${f.file} ${f.sheet} ${f.row} ${f.code}`);
    expect(found.sort()).toEqual(wanted.sort());
    expect(report.findings.filter((f) => f.file === null).map((f) => [f.county, f.code])).toEqual([
      ['垦利区', 'missing-submission'],
      ['利津县', 'missing-submission'],
    ]);
  });

  it('writes the 汇总 figures counted by hand from the samples', async () => {
    const rows = await sheetRows('汇总');
    expect(rows[1]!.slice(0, 2)).toEqual(['核对日期', '2026-11-25']);
    expect(rows[3]!.slice(0, 2)).toEqual(['未报送县区', '垦利区、利津县']);
    const header = rows[4] as string[];
    const pick = (county: string) => {
      const line = rows.find((r) => r[0] === county)!;
      return [
        '报送情况',
        '台账条数',
        '党委议事协调机构',
        '政府议事协调机构',
        '部门间联席会议',
        '工作专班',
        '协调机制（不纳入议事协调机构管理）',
        '议事协调机构合计（第1–2类存续）',
        '已撤销/合并',
        '疑似重复',
        '超期未撤销',
      ].map((h) => line[header.indexOf(h)]);
    };
    expect(pick('东营区')).toEqual(['已报送', 16, 4, 6, 2, 2, 1, 10, 1, 0, 1]);
    expect(pick('河口区')).toEqual(['已报送', 13, 2, 6, 2, 2, 0, 8, 1, 2, 0]);
    expect(pick('广饶县')).toEqual(['已报送', 12, 4, 3, 1, 2, 1, 7, 0, 0, 0]);
    expect(pick('垦利区').slice(0, 3)).toEqual(['未报送', null, null]);
    expect(pick('合计')).toEqual([null, 41, 10, 15, 5, 6, 2, 25, 2, 2, 1]);
  });

  it('lists all 41 bodies in 明细 with county and source', async () => {
    const rows = await sheetRows('明细');
    const header = rows[0] as string[];
    const body = rows.slice(1);
    expect(body).toHaveLength(41);
    const at = (name: string, county: string) =>
      body.find((r) => r[header.indexOf('机构名称')] === name && r[0] === county)!;
    expect(at('区根治欠薪工作协调机制', '东营区')[header.indexOf('来源')]).toBe('东营区.xlsx › 东营区台账 › 16');
    expect(at('区招商引资工作专班', '河口区')[header.indexOf('来源')]).toBe('河口区.xlsx › Sheet1 › 16');
    expect(at('县反走私综合治理工作协调机制', '广饶县')[header.indexOf('来源')]).toBe(
      '广饶县-2026台账.xlsx › 台账 › 13',
    );
    expect(at('区安全生产委员会', '东营区')[header.indexOf('设立时间')]).toEqual(new Date(Date.UTC(2019, 5, 3)));
    expect(at('区食品安全委员会', '东营区')[header.indexOf('设立时间')]).toBe('2019-06');
  });

  it('leaves the samples untouched', () => {
    for (const p of inputs) expect(sha256(p)).toBe(hashes.get(p));
  });
});
