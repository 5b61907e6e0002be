/**
 * A real reader: LibreOffice (not ExcelJS, not our code) opens the return and converts its first
 * sheet, 汇总, to CSV. tests/setup/tools.ts finds LibreOffice (or installs it, or stops the suite
 * saying how) before any test runs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { writeCountyFolder } from './files';
import { sheetsAsCsv } from '../setup/libreoffice';

describe('the return opens in LibreOffice', () => {
  let dir: string;
  let table: string[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-lo-'));
    mkdirSync(join(dir, 'counties'));
    await writeCountyFolder(join(dir, 'counties'));
    const out = join(dir, 'return.xlsx');
    const code = await main(
      [
        'consolidate',
        join(dir, 'counties'),
        '-o',
        out,
        '--expect',
        '东营区,河口区,垦利区,利津县,广饶县',
        '--as-of',
        '2026-05-31',
      ],
      { out: () => undefined, err: () => undefined, isTTY: false },
    );
    expect(code).toBe(1);
    table = sheetsAsCsv(out, dir, { asShown: true }).get('汇总')!;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the as-of date and the missing counties above the table', () => {
    expect(table[1]!.slice(0, 2)).toEqual(['核对日期', '2026-05-31']);
    expect(table[3]!.slice(0, 2)).toEqual(['未报送县区', '垦利区、利津县']);
  });

  it('reads the same figures per county and in the 合计 line', () => {
    const header = table[4]!;
    const col = (name: string) => header.indexOf(name);
    const line = (county: string) => table.find((r) => r[0] === county)!;
    expect(col('议事协调机构合计（第1–2类存续）')).toBeGreaterThan(0);
    expect([
      line('东营区')[col('台账条数')],
      line('东营区')[col('党委议事协调机构')],
      line('东营区')[col('议事协调机构合计（第1–2类存续）')],
      line('东营区')[col('已撤销/合并')],
    ]).toEqual(['8', '2', '4', '1']);
    expect([line('河口区')[col('台账条数')], line('河口区')[col('政府议事协调机构')]]).toEqual(['3', '2']);
    expect([line('广饶县')[col('台账条数')], line('广饶县')[col('部门间联席会议')]]).toEqual(['2', '1']);
    expect([line('垦利区')[col('报送情况')], line('垦利区')[col('台账条数')], line('垦利区')[col('错误')]]).toEqual([
      '未报送',
      '',
      '1',
    ]);
    const total = line('合计');
    expect([
      total[col('台账条数')],
      total[col('党委议事协调机构')],
      total[col('政府议事协调机构')],
      total[col('议事协调机构合计（第1–2类存续）')],
    ]).toEqual(['13', '4', '4', '8']);
  });
});
