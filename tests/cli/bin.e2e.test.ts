/**
 * The precompiled CLI (dist/cli, built by `prepare` during `npm ci`) gives the same output as the
 * sources run through tsx, and starts with less work.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ledger, ROOT, SAMPLES } from './run';

it('runs the build and the sources to the same report', () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status).toBe(0);
  const args = ['validate', join(SAMPLES, 'counties', '东营区.xlsx'), '--as-of', '2026-11-25', '--format', 'json'];
  const fromBuild = ledger(args);
  const fromSource = ledger(args, { env: { LEDGER_FROM_SOURCE: '1' } });
  expect(fromBuild.code).toBe(fromSource.code);
  expect(fromBuild.stdout).toBe(fromSource.stdout);
  expect(JSON.parse(fromBuild.stdout).files).toHaveLength(1);
  expect(ledger(['--version']).stdout).toMatch(/^coordinating-body-ledger \d+\.\d+\.\d+\n$/);
}, 120_000);
