/**
 * What the CLI writes, through the real bin: `-o` never replaces an input however it is spelled
 * (a symlinked folder, with --force), no cell passes Excel's 32,767 characters, and control
 * characters from cells never reach the terminal.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/command';
import { readWorkbook } from '../../src/read';
import { cutCellText, MAX_CELL_TEXT } from '../../src/xlsx/write';
import { xlsxBytes } from '../fixtures/xlsx/build';
import { ledger, SAMPLES } from './run';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-outputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe('-o through a symlinked folder', () => {
  it('refuses to overwrite an input in compare, reconcile and consolidate, even with --force', () => {
    const real = join(dir, 'real');
    mkdirSync(real);
    const link = join(dir, 'link');
    symlinkSync(real, link);
    const older = join(real, '2023.xlsx');
    const newer = join(real, '2026.xlsx');
    copyFileSync(join(SAMPLES, 'versions', '东营市市级台账-2023.xlsx'), older);
    copyFileSync(join(SAMPLES, 'versions', '东营市市级台账-2026.xlsx'), newer);
    const county = join(real, '东营区.xlsx');
    copyFileSync(join(SAMPLES, 'counties', '东营区.xlsx'), county);
    const before = [older, newer, county].map((p) => readFileSync(p));

    const runs = [
      ledger(['compare', older, newer, '-o', join(link, '2026.xlsx'), '--force']),
      ledger([
        'reconcile',
        newer,
        '--against',
        join(SAMPLES, 'reconcile', '两办名单.xlsx'),
        '-o',
        join(link, '2026.xlsx'),
        '--force',
      ]),
      ledger(['consolidate', county, '-o', join(link, '东营区.xlsx'), '--force']),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/输入|input/);
    }
    [older, newer, county].forEach((p, i) => expect(readFileSync(p).equals(before[i]!)).toBe(true));
  }, 180_000);
});

describe('long cells and control characters', () => {
  it('cuts text to 32,767 characters with a visible marker', () => {
    const text = '历史沿革'.repeat(10_000);
    const cut = cutCellText(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut).toMatch(/〔已截断：原文 40000 字/);
    expect(cut.startsWith('历史沿革历史沿革')).toBe(true);
    expect(cutCellText('短')).toBe('短');
  });

  it('consolidate writes a 40,000-character input cell cut, with a warning naming the cell', async () => {
    const path = join(dir, '河口区.xlsx');
    writeFileSync(
      path,
      await xlsxBytes([
        {
          name: '台账',
          rows: [
            ['河口区议事协调机构管理台账'],
            HEADER,
            [
              1,
              '河口区安全生产委员会',
              new Date(Date.UTC(2019, 2, 15)),
              '河政办字〔2019〕12号',
              '区应急局',
              '长期',
              '历史沿革'.repeat(10_000),
              '省级设有',
            ],
          ],
        },
      ]),
    );
    const output = join(dir, '汇总.xlsx');
    const run = ledger(['consolidate', path, '-o', output]);
    expect(run.code === 0 || run.code === 1).toBe(true);
    expect(run.stderr).toMatch(/文字共 40000 字，超出 Excel 单元格上限 32767 字，已截断/);
    const read = await readWorkbook(readFileSync(output), '汇总.xlsx');
    if (!read.ok) throw new Error(read.message);
    let longest = 0;
    let marked = false;
    for (const sheet of read.sheets)
      for (const row of sheet.values)
        for (const v of row) {
          if (typeof v === 'string') {
            longest = Math.max(longest, v.length);
            if (v.includes('〔已截断')) marked = true;
          }
        }
    expect(longest).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(marked).toBe(true);
  }, 120_000);

  it('shows ESC, BEL and other control characters from cells as symbols in text output', async () => {
    const path = join(dir, '控制字符.xlsx');
    writeFileSync(
      path,
      await xlsxBytes([
        {
          name: '台账',
          rows: [
            HEADER,
            [
              1,
              '区安全生产委员会\u001b[2J\u001b]0;pwned\u0007',
              '2019年13月',
              '东政办字〔2019〕12号',
              '区应急局',
              '长期',
              '新设',
              '省级设有',
            ],
          ],
        },
      ]),
    );
    const run = ledger(['validate', path, '--as-of', '2026-11-25']);
    expect(run.stdout).toContain('区安全生产委员会');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(terminalSafe('a\u001b[2Jb\u0007c\n')).toBe('a\u241b[2Jb\u2407c\n');
    expect(terminalSafe('\u001b[31m错误\u001b[0m')).toBe('\u001b[31m错误\u001b[0m');
    expect(terminalSafe('x\u001b[K')).toBe('x\u241b[K');
    expect(terminalSafe('x\u001b[K', true)).toBe('x\u001b[K');
  }, 120_000);
});
