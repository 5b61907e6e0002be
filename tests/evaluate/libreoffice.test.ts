/**
 * A real reader: LibreOffice (not our code) opens the workbook of `ledger evaluate -o` and exports
 * every sheet to CSV. Only this test may be skipped, and only where LibreOffice is not installed.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { EVALUATION_FILES, WEAK_UNIT } from '../../scripts/samples/evaluation';
import { SAMPLES } from '../cli/run';
import { sheetsAsCsv } from '../setup/libreoffice';

const REGISTER = join(SAMPLES, '东营市市级议事协调机构管理台账.xlsx');

describe('the evaluation workbook opens in LibreOffice', () => {
  let dir: string;
  const sheets = new Map<string, string[][]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-eval-lo-'));
    const out = join(dir, 'result.xlsx');
    const code = await main(
      [
        'evaluate',
        REGISTER,
        '--self',
        join(SAMPLES, EVALUATION_FILES.selfFolder),
        '--members',
        join(SAMPLES, EVALUATION_FILES.members),
        '--as-of',
        '2026-11-25',
        '-o',
        out,
      ],
      { out: () => undefined, err: () => undefined, isTTY: false },
    );
    expect(code).toBe(1);
    for (const [name, rows] of sheetsAsCsv(out, dir, { asShown: false })) sheets.set(name, rows);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the five sheets', () => {
    expect([...sheets.keys()].sort()).toEqual(['成员单位评价', '说明', '调整建议', '评价结果', '问题清单'].sort());
  });

  it('reads the ranking with its scores as numbers', () => {
    const table = sheets.get('评价结果')!;
    const header = table[2]!;
    expect(header.slice(0, 2)).toEqual(['名次', '机构名称']);
    const total = header.indexOf('总分');
    const grade = header.indexOf('等次');
    const first = table[3]!;
    expect(first[0]).toBe('1');
    expect(Number(first[total])).toBeGreaterThanOrEqual(85);
    expect(first[grade]).toBe('好');
    const totals = table
      .slice(3)
      .map((r) => r[total]!)
      .filter((t) => t !== '')
      .map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('puts the weak member unit last and lists the suggestion counts', () => {
    const members = sheets.get('成员单位评价')!;
    const last = members[members.length - 1]!;
    expect([last[1], last[5]]).toEqual([WEAK_UNIT, '偏低']);
    const suggestions = sheets.get('调整建议')!;
    expect(suggestions[1]![0]).toMatch(/^共 \d+ 个机构：撤销 \d+、合并 \d+/);
  });

  it('records each input with its SHA-256', () => {
    const about = sheets.get('说明')!;
    const hash = createHash('sha256').update(readFileSync(REGISTER)).digest('hex');
    expect(about.find((r) => r[0] === '东营市市级议事协调机构管理台账.xlsx')?.[3]).toBe(hash);
    expect(about.filter((r) => r[1] === '自评表')).toHaveLength(3);
  });
});
