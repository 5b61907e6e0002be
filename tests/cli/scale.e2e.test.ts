/**
 * 160,000 rows through the real bin: past the 150,000 rows at which spreading the rows into one
 * push() overflowed the call stack ("内部错误：Maximum call stack size exceeded", exit 2).
 * The sheet is written part by part (inline strings), which takes a second, not a minute.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import { packageBytes, row } from '../fixtures/xlsx/package';
import { ledger, parseReport } from './run';

const ROWS = 160_000;
let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('validates 160,000 rows without an internal error and finds the one planted mistake', () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-160k-'));
  const path = join(dir, '十六万行台账.xlsx');
  const rows = [
    row(1, [
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
    ]),
  ];
  for (let i = 1; i <= ROWS; i++) {
    // Base-36 serials as stems: 160,000 names far apart, so no near-duplicate flags are expected.
    const stem = (i * 7919).toString(36).toUpperCase();
    const year = 2015 + (i % 10);
    const basis = i === 150_001 ? `东政字[${year}]${i}号` : `东政字〔${year}〕${i}号`;
    rows.push(
      row(i + 1, [
        i,
        `市${stem}专项工作领导小组`,
        `${year}-0${1 + (i % 9)}-1${i % 10}`,
        basis,
        DEFAULT_DEPARTMENTS[i % DEFAULT_DEPARTMENTS.length]!,
        '长期',
        `${year}年设立`,
        '省级设有',
      ]),
    );
  }
  writeFileSync(path, packageBytes({ data: rows.join('') }));

  const result = ledger(['validate', path, '--as-of', '2026-11-25', '--format', 'json']);
  expect(result.stderr).not.toContain('内部错误');
  const report = parseReport(result.stdout);
  const sheet = report.files[0]!.sheets[0]!;
  expect(sheet.rows).toBe(ROWS);
  const basisFindings = sheet.findings.filter((f) => f.column === '依据文件' && f.row === 150_002);
  expect(basisFindings.length).toBeGreaterThan(0);
}, 600_000);
