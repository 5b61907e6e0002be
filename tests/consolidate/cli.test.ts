import ExcelJS from 'exceljs';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runConsolidate } from '../../src/cli/consolidate';
import { writeAtomically } from '../../src/cli/output';
import type { CliIo } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { writeCountyFolder, sha256, writeXlsx } from './files';
import { DONGYING, HEADER } from './grids';

const EXPECT = '东营区,河口区,垦利区,利津县,广饶县';

interface Captured extends CliIo {
  readonly stdout: string;
  readonly stderr: string;
}

function captureIo(): Captured {
  let stdout = '';
  let stderr = '';
  return {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: false,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

async function ledger(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

/** Rows of a sheet as arrays of cell values (index 0 = column A). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value);
  });
  return out;
}

let dir: string;
let inputs: string[];
let out: string;
let before: Map<string, string>;
let result: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-consolidate-'));
  mkdirSync(join(dir, 'counties'));
  mkdirSync(join(dir, 'out'));
  inputs = await writeCountyFolder(join(dir, 'counties'));
  before = new Map(inputs.map((p) => [p, sha256(p)]));
  out = join(dir, 'out', 'return.xlsx');
  result = await ledger('consolidate', join(dir, 'counties'), '-o', out, '--expect', EXPECT, '--as-of', '2026-05-31');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger consolidate end to end', () => {
  it('exits 1 because two expected counties sent nothing, and says so', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('未报送：垦利区、利津县');
    expect(result.stdout).toContain(`已写入 ${out}（汇总、明细、问题清单、报送情况、说明）`);
  });

  it('never writes to an input: hashes are unchanged', () => {
    for (const p of inputs) expect(sha256(p)).toBe(before.get(p));
  });

  it('writes 汇总 first, then 明细, 问题清单, 说明', async () => {
    const book = await readBack(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '问题清单', '报送情况', '说明']);
  });

  it('puts the right figures in 汇总', async () => {
    const rows = rowsOf((await readBack(out)).getWorksheet('汇总')!);
    expect(rows[1]).toEqual(expect.arrayContaining(['核对日期', '2026-05-31']));
    expect(rows[3]!.slice(0, 2)).toEqual(['未报送县区', '垦利区、利津县']);
    const header = rows[4]!;
    const line = (county: string) => rows.find((r) => r[0] === county)!;
    const col = (name: string) => header.indexOf(name);
    expect(line('东营区')[col('报送情况')]).toBe('已报送');
    expect(line('东营区')[col('台账条数')]).toBe(8);
    expect(line('东营区')[col('议事协调机构合计（第1–2类存续）')]).toBe(4);
    expect(line('东营区')[col('已撤销/合并')]).toBe(1);
    expect(line('河口区')[col('政府议事协调机构')]).toBe(2);
    expect(line('广饶县')[col('部门间联席会议')]).toBe(1);
    expect(line('垦利区')[col('报送情况')]).toBe('未报送');
    expect(line('垦利区')[col('台账条数')]).toBeNull();
    const total = line('合计');
    expect(total[col('台账条数')]).toBe(13);
    expect(total[col('党委议事协调机构')]).toBe(4);
    expect(total[col('议事协调机构合计（第1–2类存续）')]).toBe(8);
  });

  it('contains no formula at all: inputs’ formulas became values, formula-like text stayed text', async () => {
    const book = await readBack(out);
    let cells = 0;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells += 1;
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
        }),
      ),
    );
    expect(cells).toBeGreaterThan(100);
    // The raw XML is the final word: no <f> element anywhere.
    const zipText = readFileSync(out).toString('latin1');
    expect(zipText).not.toMatch(/<f[ >]/);
    const detail = rowsOf(book.getWorksheet('明细')!);
    const remarks = detail[0]!.indexOf('备注');
    expect(detail[1]![remarks]).toBe('=HYPERLINK("http://example.com","详见文件")');
    // 序号 was =ROW()-1 in the input: the cached value is what arrives.
    expect(detail[1]![detail[0]!.indexOf('序号')]).toBe('1');
    const findings = rowsOf(book.getWorksheet('问题清单')!);
    expect(findings.some((r) => r[3] === 'formula-text' && r[1] === '东营区.xlsx › 台账 › 2' && r[2] === '备注')).toBe(
      true,
    );
  });

  it('lists every row in 明细 with its source, dates as real dates, as a filtered table with a frozen header', async () => {
    const sheet = (await readBack(out)).getWorksheet('明细')!;
    const rows = rowsOf(sheet);
    const header = rows[0]!;
    expect(header[0]).toBe('县区');
    expect(header[header.length - 1]).toBe('来源');
    const body = rows.slice(1);
    expect(body).toHaveLength(13);
    expect(body.map((r) => r[header.length - 1])).toEqual([
      ...DONGYING.map((_, i) => `东营区.xlsx › 台账 › ${i + 2}`),
      '河口区.xlsx › Sheet1 › 4',
      '河口区.xlsx › Sheet1 › 5',
      '河口区.xlsx › Sheet1 › 6',
      '广饶县-2026台账.xlsx › Sheet1 › 3',
      '广饶县-2026台账.xlsx › Sheet1 › 4',
    ]);
    const established = header.indexOf('设立时间');
    expect(body[1]![established]).toEqual(new Date(Date.UTC(2019, 3, 12)));
    expect(body[0]![established]).toBe('2019-03');
    expect(sheet.getCell(2, established + 1).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const tables = (sheet as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toHaveLength(1);
    expect(sheet.getColumn(header.indexOf('机构名称') + 1).width).toBeGreaterThanOrEqual(30);
  });

  it('records each input with its size and SHA-256 in 说明', async () => {
    const rows = rowsOf((await readBack(out)).getWorksheet('说明')!);
    for (const p of inputs) {
      const name = p.split('/').pop()!;
      const line = rows.find((r) => r[0] === name)!;
      expect(line[1]).toBe(statSync(p).size);
      expect(line[2]).toBe(before.get(p));
    }
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
    expect(rows.some((r) => r[0] === '生成工具' && String(r[1]).endsWith(version))).toBe(true);
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(join(dir, 'out'))).toEqual(['return.xlsx']);
  });
});

describe('ledger consolidate: the output file', () => {
  it('does not replace an existing return without --force, and says how', async () => {
    const hash = sha256(out);
    const again = await ledger('consolidate', join(dir, 'counties'), '-o', out, '--as-of', '2026-06-30');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在，未覆盖');
    expect(again.stderr).toContain('--force');
    expect(sha256(out)).toBe(hash);
  });

  it('replaces it with --force', async () => {
    const target = join(dir, 'out', 'forced.xlsx');
    writeFileSync(target, 'an older return');
    const forced = await ledger('consolidate', join(dir, 'counties'), '-o', target, '--force', '--as-of', '2026-06-30');
    expect(forced.stderr).toBe('');
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    const rows = rowsOf((await readBack(target)).getWorksheet('汇总')!);
    expect(rows[1]!.slice(0, 2)).toEqual(['核对日期', '2026-06-30']);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not read its own earlier return as a county’s register', async () => {
    const inside = join(dir, 'counties', '汇总.xlsx');
    const first = await ledger(
      'consolidate',
      join(dir, 'counties'),
      '-o',
      inside,
      '--expect',
      EXPECT,
      '--as-of',
      '2026-05-31',
    );
    const second = await ledger(
      'consolidate',
      join(dir, 'counties'),
      '-o',
      inside,
      '--force',
      '--expect',
      EXPECT,
      '--as-of',
      '2026-05-31',
      '--format',
      'json',
    );
    rmSync(inside);
    expect([first.code, second.code]).toEqual([1, 1]);
    const report = JSON.parse(second.stdout) as { registers: { file: string }[] };
    expect(report.registers.map((r) => r.file)).not.toContain('汇总.xlsx');
  });

  it('replaces a return written by the previous version (four sheets, no 报送情况) on a re-run into its folder', async () => {
    const inside = join(dir, 'counties', '汇总-上一版.xlsx');
    await writeXlsx(
      inside,
      ['汇总', '明细', '问题清单', '说明'].map((name) => ({
        name,
        rows: [[`议事协调机构管理台账汇总·${name}`], ['县区', '条数'], ['东营区', 12]],
      })),
    );
    const r = await ledger(
      'consolidate',
      join(dir, 'counties'),
      '-o',
      inside,
      '--force',
      '--expect',
      EXPECT,
      '--as-of',
      '2026-05-31',
      '--format',
      'json',
    );
    const sheets = (await readBack(inside)).worksheets.map((w) => w.name);
    rmSync(inside);
    expect(r.stderr).not.toContain('是输入的台账之一');
    expect(r.code).toBe(1);
    expect(sheets).toEqual(['汇总', '明细', '问题清单', '报送情况', '说明']);
  });

  it('never overwrites an input register with the return, even with --force', async () => {
    const county = join(dir, 'counties', '河口区.xlsx');
    const hash = sha256(county);
    const r = await ledger('consolidate', join(dir, 'counties'), '-o', county, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是输入的台账之一，不能覆盖');
    expect(sha256(county)).toBe(hash);
  });

  it.each([
    [['-o', 'x.xlsx'], '请指定各县区报送的'],
    [['COUNTIES'], '请用 -o 指定'],
    [['COUNTIES', '-o', 'OUT/return.csv'], '应以 .xlsx 结尾'],
    [['COUNTIES', '-o', 'OUT/nowhere/return.xlsx'], '不存在'],
    [['COUNTIES', '-o', 'OUT/r.xlsx', '--as-of', '2026-02-30'], '--as-of'],
  ])('refuses bad usage with exit 2: %j', async (args, message) => {
    const argv = args.map((a) => a.replace('COUNTIES', join(dir, 'counties')).replace('OUT', join(dir, 'out')));
    const r = await ledger('consolidate', ...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('writeAtomically', () => {
  it('leaves the old file whole and no temporary file when the rename fails', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ledger-atomic-'));
    const target = join(folder, 'return.xlsx');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'old');
    await expect(writeAtomically(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['return.xlsx']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('old');
    rmSync(folder, { recursive: true, force: true });
  });

  it('replaces the target with the complete new content', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ledger-atomic-'));
    const target = join(folder, 'return.xlsx');
    writeFileSync(target, 'old');
    await writeAtomically(target, new TextEncoder().encode('new and complete'));
    expect(readFileSync(target, 'utf8')).toBe('new and complete');
    expect(readdirSync(folder)).toEqual(['return.xlsx']);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('ledger consolidate: inputs', () => {
  it('takes the expected counties from a file, and --format json lists findings with county and file', async () => {
    const list = join(dir, 'expected.txt');
    writeFileSync(list, '# 2026 年应报县区\n东营区\n河口区\n垦利区\n\n广饶县\n');
    const target = join(dir, 'out', 'json.xlsx');
    const r = await ledger(
      'consolidate',
      join(dir, 'counties'),
      '-o',
      target,
      '--expect-file',
      list,
      '--as-of',
      '2026-05-31',
      '--format',
      'json',
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      missing: string[];
      expected: string[];
      total: { rows: number };
      findings: { county: string | null; file: string | null; code: string; row: number | null; message: string }[];
    };
    expect(report.expected).toEqual(['东营区', '河口区', '垦利区', '广饶县']);
    expect(report.missing).toEqual(['垦利区']);
    expect(report.total.rows).toBe(13);
    expect(report.findings[0]).toMatchObject({ county: '东营区', file: '东营区.xlsx' });
    expect(report.findings.find((f) => f.code === 'missing-submission')).toMatchObject({
      county: '垦利区',
      file: null,
      message: '垦利区未报送台账',
    });
  });

  it('goes on past an unreadable input, lists it in the return and exits 2', async () => {
    const folder = join(dir, 'with-bad');
    mkdirSync(folder);
    await writeCountyFolder(folder);
    writeFileSync(join(folder, '利津县.xlsx'), '%PDF-1.7\n1 0 obj\n');
    const target = join(dir, 'out', 'bad.xlsx');
    const r = await ledger('consolidate', folder, '-o', target, '--expect', EXPECT, '--as-of', '2026-05-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('利津县.xlsx：这是 PDF 文件');
    const rows = rowsOf((await readBack(target)).getWorksheet('汇总')!);
    expect(rows.some((row) => String(row[0]).startsWith('无法读取的文件：利津县.xlsx'))).toBe(true);
    const about = rowsOf((await readBack(target)).getWorksheet('说明')!);
    expect(about.find((row) => row[0] === '利津县.xlsx')?.[5]).toContain('这是 PDF 文件');
  });

  it('reports a register whose county nobody names, leaves it out, and exits 1 even with nothing else wrong', async () => {
    const folder = join(dir, 'anonymous');
    mkdirSync(folder);
    await writeXlsx(join(folder, '台账（最终版）.xlsx'), [
      { name: 'Sheet1', rows: [[...HEADER], [1, ...DONGYING[1]!.slice(0, 8), '']] },
    ]);
    await writeXlsx(join(folder, '东营区.xlsx'), [
      { name: 'Sheet1', rows: [[...HEADER], [1, ...DONGYING[1]!.slice(0, 8), '']] },
    ]);
    const r = await ledger(
      'consolidate',
      folder,
      '-o',
      join(dir, 'out', 'anon.xlsx'),
      '--as-of',
      '2026-05-31',
      '--format',
      'json',
    );
    const report = JSON.parse(r.stdout) as {
      summary: { error: number };
      total: { rows: number };
      registers: { file: string; status: string; reason?: string }[];
    };
    expect(report.registers).toContainEqual(
      expect.objectContaining({ file: '台账（最终版）.xlsx', status: 'unassigned', reason: 'no-county' }),
    );
    expect(report.total.rows).toBe(1);
    expect(r.code).toBe(1);
  });
});

describe('ledger consolidate: progress on stderr', () => {
  let folder: string;
  beforeAll(async () => {
    folder = join(dir, 'many');
    mkdirSync(folder);
    const counties = [
      '东营区',
      '河口区',
      '垦利区',
      '利津县',
      '广饶县',
      '奎文区',
      '潍城区',
      '坊子区',
      '寒亭区',
      '青州市',
      '诸城市',
      '寿光市',
    ];
    for (const county of counties) {
      await writeXlsx(join(folder, `${county}.xlsx`), [
        { name: 'Sheet1', rows: [[...HEADER], [1, ...DONGYING[3]!.slice(0, 8), '']] },
      ]);
    }
  });

  it('prints plain lines when stderr is not a terminal', async () => {
    const io = captureIo();
    const code = await runConsolidate([folder, '-o', join(dir, 'out', 'many.xlsx'), '--as-of', '2026-05-31'], io, {
      stderrIsTTY: false,
    });
    expect(code).toBe(0);
    const lines = io.stderr.trim().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(/^读取 1\/12: .*\.xlsx$/);
    expect(lines[11]).toMatch(/^读取 12\/12: /);
    expect(io.stderr).not.toContain('\r');
    expect(io.stdout).not.toContain('读取');
  });

  it('draws a bar in place on a terminal', async () => {
    const io = captureIo();
    await runConsolidate([folder, '-o', join(dir, 'out', 'many-tty.xlsx'), '--as-of', '2026-05-31'], io, {
      stderrIsTTY: true,
    });
    expect(io.stderr).toContain('\r[');
    expect(io.stderr).toContain('12/12');
    expect(io.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('says nothing for a handful of files', () => {
    expect(result.stderr).toBe('');
  });
});

describe('ledger --help lists consolidate', () => {
  it('shows the command and its help', async () => {
    expect((await ledger('--help')).stdout).toContain('consolidate');
    const help = await ledger('consolidate', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--expect');
    expect(existsSync(out)).toBe(true);
  });
});
