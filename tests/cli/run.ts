/** Runs the real CLI (`node bin/ledger.js …`) the way a user does, and reads the planted-mistake manifest. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES = join(ROOT, 'samples');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function ledger(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): RunResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'ledger.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LEDGER_LANG: '', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface PlantedFinding {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly note: string;
}

export interface PlantedFile {
  readonly file: string;
  readonly departments: string | null;
  readonly expected: readonly PlantedFinding[];
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
}

export interface PlantedManifest {
  readonly asOf: string;
  readonly files: readonly PlantedFile[];
}

export function planted(): PlantedManifest {
  return JSON.parse(readFileSync(join(SAMPLES, 'planted.json'), 'utf8')) as PlantedManifest;
}

/** The JSON report of `ledger validate --format json`. */
export interface ReportJson {
  files: {
    file: string;
    error?: { reason: string; message: string };
    sheets: {
      sheet: string;
      status: 'validated' | 'skipped';
      skipReason?: string;
      skipMessage?: string;
      headerRow: number | null;
      rows: number;
      findings: {
        code: string;
        severity: string;
        sheet: string;
        row: number | null;
        column: string | null;
        value: string | null;
        message: string;
        suggestion: string | null;
      }[];
    }[];
  }[];
  summary: { error: number; warning: number; info: number };
}

export function parseReport(stdout: string): ReportJson {
  return JSON.parse(stdout) as ReportJson;
}
