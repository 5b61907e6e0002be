/**
 * samples/arrivals: five counties, five formats (.xls, GB18030 CSV, Word table, .ods, WPS .et), each
 * with a title, a 合计 row and a 填表人 footer, county units and county issuers, and no county
 * department list. The real CLI consolidates them with no county missing and no false alarm.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ledger } from '../cli/run';

const dir = mkdtempSync(join(tmpdir(), 'ledger-arrivals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COUNTIES = ['东营区', '河口区', '垦利区', '利津县', '广饶县'];

interface Report {
  missing: string[];
  counties: { county: string; state: string; rows: number }[];
  registers: {
    file: string;
    sheet: string;
    status: string;
    county?: string;
    countyBasis?: string;
    contact?: { filledBy: string } | null;
  }[];
  findings: { county: string; file: string | null; sheet: string; row: number | null; code: string }[];
}

describe('ledger consolidate samples/arrivals', () => {
  const result = ledger([
    'consolidate',
    'samples/arrivals',
    '-o',
    join(dir, '汇总.xlsx'),
    '--expect',
    COUNTIES.join(','),
    '--as-of',
    '2026-11-25',
    '--format',
    'json',
  ]);
  const report = JSON.parse(result.stdout) as Report;

  it('reads every county, whatever it sent, and reports none missing', () => {
    expect(result.stderr).toBe('');
    expect(report.missing).toEqual([]);
    expect(report.counties.map((c) => [c.county, c.state, c.rows])).toEqual([
      ['东营区', 'submitted', 10],
      ['河口区', 'submitted', 4],
      ['垦利区', 'submitted', 4],
      ['利津县', 'submitted', 4],
      ['广饶县', 'submitted', 4],
    ]);
    expect(report.registers.map((r) => [r.file, r.sheet, r.county, r.countyBasis, r.contact?.filledBy])).toEqual([
      ['东营区.xls', 'Sheet1', '东营区', 'title', '李华'],
      ['利津县.ods', 'Sheet1', '利津县', 'title', '马骏'],
      ['垦利区.docx', '表1', '垦利区', 'title', '林海'],
      ['广饶县.et', 'Sheet1', '广饶县', 'title', '梁宇'],
      ['河口区.csv', '河口区', '河口区', 'title', '陈晨'],
    ]);
  });

  it('gives the clean counties no finding at all: no 合计 or footer row read, no county unit or issuer questioned', () => {
    expect(report.findings.filter((f) => f.county !== '东营区')).toEqual([]);
    // 东营区's planted mistakes only (see tests/read/formats.test.ts).
    expect(report.findings.map((f) => `${f.row} ${f.code}`).sort()).toEqual([
      '10 invalid-phone',
      '11 missing-value',
      '12 duplicate-name',
      '12 shared-basis-document',
      '13 invalid-date',
      '6 duplicate-name',
      '6 shared-basis-document',
      '7 nonstandard-doc-number',
      '9 overdue',
    ]);
  });
});

describe('ledger validate and compare on other formats', () => {
  it('validate takes a Word table and a GB18030 CSV, naming the table row and the CSV line', () => {
    const word = ledger(['validate', 'tests/fixtures/formats/东营区.docx', '--as-of', '2026-11-25']);
    expect(word.stdout).toMatch(/表1[^\n]*\n(?:[^\n]*\n)*?\s*第 ?4 ?行/);
    // The table's 合计 row is its row 12; the footer paragraphs follow it.
    expect(word.stdout).not.toMatch(/第 1[2-9] 行/);
    const csv = ledger(['validate', 'tests/fixtures/formats/东营区.csv', '--as-of', '2026-11-25']);
    expect(csv.stdout).toMatch(/工作表“东营区”\s+表头在第 3 行，共 10 条记录\n\s+第 6 行 {2}区安全生产委员会/);
    const clean = ledger(['validate', 'samples/arrivals/河口区.csv', '--as-of', '2026-11-25']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('错误 0 个，警告 0 个');
  });

  it('compare of one register as .xlsx and as a Word table finds no change (the footer is no body)', () => {
    const r = ledger([
      'compare',
      'tests/fixtures/formats/东营区.xlsx',
      'tests/fixtures/formats/东营区.docx',
      '--as-of',
      '2026-11-25',
      '--format',
      'json',
    ]);
    const changes = (JSON.parse(r.stdout) as { changes: { kind: string }[] }).changes;
    expect(changes.filter((c) => c.kind !== 'unchanged')).toEqual([]);
    expect(changes).toHaveLength(10);
  });
});
