/**
 * `ledger validate` on the committed samples, through the real bin: every planted mistake of
 * samples/planted.json is found, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { ledger, parseReport, planted, type PlantedFile } from './run';

const manifest = planted();
const key = (f: { sheet: string; row: number | null; code: string }) => `${f.sheet} › 第 ${f.row} 行 › ${f.code}`;

function argsFor(file: PlantedFile, ...extra: string[]): string[] {
  const args = ['validate', `samples/${file.file}`, '--as-of', manifest.asOf, ...extra];
  if (file.departments) args.push('--departments', `samples/${file.departments}`);
  return args;
}

describe('the samples and their planted mistakes', () => {
  it('document a realistic set: about 15–20 mistakes in the city register, a few in each county, most row-level codes', () => {
    const city = manifest.files.find((f) => f.file.startsWith('东营市'))!;
    expect(city.expected.length).toBeGreaterThanOrEqual(15);
    for (const county of manifest.files.filter((f) => f.file.startsWith('counties/')))
      expect(county.expected.length).toBeGreaterThanOrEqual(3);
    const codes = new Set(manifest.files.flatMap((f) => f.expected.map((p) => p.code)));
    for (const code of [
      'missing-value',
      'invalid-date',
      'future-date',
      'invalid-doc-number',
      'nonstandard-doc-number',
      'doc-year-mismatch',
      'unknown-department',
      'invalid-duration',
      'duration-before-start',
      'invalid-category',
      'invalid-status',
      'missing-abolition-date',
      'invalid-phone',
      'category-name-mismatch',
      'duplicate-name',
      'similar-name',
      'overdue',
      'expiring-soon',
      'review-due',
      'shared-basis-document',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  for (const file of manifest.files) {
    it(`${file.file}: finds each planted mistake and nothing else`, () => {
      const result = ledger(argsFor(file, '--format', 'json'));
      expect(result.stderr).toBe('');
      const report = parseReport(result.stdout);
      expect(report.files.map((f) => f.file)).toEqual([`samples/${file.file}`]);
      const sheets = report.files[0]!.sheets;
      const found = sheets
        .flatMap((s) => s.findings)
        .map(key)
        .sort();
      const expected = file.expected.map(key).sort();
      expect(found).toEqual(expected);
      // The column each finding points at is the one documented.
      for (const p of file.expected) {
        const f = sheets.flatMap((s) => s.findings).find((x) => key(x) === key(p));
        expect(f?.column, key(p)).toBe(p.column);
        expect(f?.severity, key(p)).toBe(p.severity);
      }
      expect(
        sheets.filter((s) => s.status === 'skipped').map((s) => ({ sheet: s.sheet, reason: s.skipReason })),
      ).toEqual(file.skipped);
      expect(result.code).toBe(file.expected.some((p) => p.severity === 'error') ? 1 : 0);
    });
  }

  it('checks every sample in one run, wildcards expanded by the CLI itself (no shell here)', () => {
    const counties = manifest.files.filter((f) => f.file.startsWith('counties/'));
    const result = ledger([
      'validate',
      'samples/counties/*.xlsx',
      '--departments',
      `samples/${counties[0]!.departments}`,
      '--as-of',
      manifest.asOf,
      '--format',
      'json',
    ]);
    const report = parseReport(result.stdout);
    expect(report.files.map((f) => f.file).sort()).toEqual(counties.map((f) => `samples/${f.file}`).sort());
    const all = counties.flatMap((f) => f.expected);
    expect(report.summary).toEqual({
      error: all.filter((p) => p.severity === 'error').length,
      warning: all.filter((p) => p.severity === 'warning').length,
      info: all.filter((p) => p.severity === 'info').length,
    });
    expect(result.code).toBe(1);
  });

  it('checks a whole folder given by name', () => {
    const counties = manifest.files.filter((f) => f.file.startsWith('counties/'));
    const result = ledger([
      'validate',
      'samples/counties',
      '--departments',
      `samples/${counties[0]!.departments}`,
      '--as-of',
      manifest.asOf,
      '--format',
      'json',
    ]);
    expect(parseReport(result.stdout).files).toHaveLength(counties.length);
  });
});
