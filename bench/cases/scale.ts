/**
 * Scale bench (docs/performance.md). In one run, on the same files:
 * - each command's CPU time end to end (`node bin/ledger.js …`, as a user runs it) next to the
 *   minimal reader's (bench/minimalReader.mjs: node:zlib + a regex scan building the rows), at
 *   1 k, 10 k and 100 k rows, and for 100 county files × 300 rows; peak memory (max RSS);
 * - the core alone: validate + flags on 100 k rows, in process;
 * - the similar-name search on each name shape (bench/nameShapes.ts) at 10 k, 40 k and 100 k.
 * Targets: validate ≤ 3× the reader at 1 k and 100 k, ≤ 400 MiB at 100 k; consolidate 100 × 300
 * ≤ 3× the reader; numbered series 10 k → 40 k ≤ 5×; the core ≤ 1 s at 100 k.
 * CPU times come from /usr/bin/time (user + system of the child), so other work on the machine
 * does not count. The CLI is built first (scripts/build-cli.mjs, as `npm ci` does), so the figures
 * are those of the precompiled CLI a user runs, never of the sources through tsx. Set
 * BENCH_SCALE_ROWS=1000,10000 to run smaller.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNameIndex, inferLocalNames, profileNames, searchSimilarPairs } from '../../src/ledger/names';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { writeWorkbook } from '../../src/xlsx/write';
import { NAME_SHAPES, namesOfShape } from '../nameShapes';
import { syntheticRegister } from '../synthetic';
import { timed } from '../timing';
import { COUNTY_HEADER, countyName, countyRows } from './consolidate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SIZES = (process.env.BENCH_SCALE_ROWS ?? '1000,10000,100000').split(',').map(Number);
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const AS_OF = '2025-06-30';

interface Usage {
  readonly cpuMs: number;
  readonly peakMiB: number;
  readonly code: number | null;
}

/** CPU time (user + system) and peak RSS of one child process. */
function measure(args: readonly string[]): Usage {
  const run = spawnSync('/usr/bin/time', ['-f', '@@%U %S %M', process.execPath, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const m = /@@([\d.]+) ([\d.]+) (\d+)\s*$/.exec(run.stderr ?? '');
  if (!m) throw new Error(`could not measure ${args.join(' ')}: ${run.stderr?.slice(-300)}`);
  return { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, peakMiB: Number(m[3]) / 1024, code: run.status };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
const mib = (n: number) => `${Math.round(n)} MiB`.padStart(9);
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(8);

export async function scaleCase(): Promise<string[]> {
  // bin/ledger.js runs the sources through tsx when they are newer than the build: build it now.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`could not build the CLI: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-scale-'));
  const out: string[] = [];
  try {
    const ledger = join(ROOT, 'bin', 'ledger.js');
    const reader = join(ROOT, 'bench', 'minimalReader.mjs');
    const help = measure([ledger, '--help']);
    out.push(`  start-up: ledger --help ${s(help.cpuMs)} CPU, ${mib(help.peakMiB)}`);
    out.push(
      '',
      `  ${'validate'.padEnd(22)}${'ledger CPU'.padStart(11)}${'reader CPU'.padStart(11)}${'ratio'.padStart(8)}${'ledger peak'.padStart(12)}${'reader peak'.padStart(12)}`,
    );
    for (const n of SIZES) {
      const grid = syntheticRegister(n);
      const path = join(dir, `register-${n}.xlsx`);
      writeFileSync(
        path,
        await writeWorkbook([
          {
            name: '台账',
            preamble: [grid.values[0]!],
            columns: grid.values[1]!.map((h) => ({ header: String(h) })),
            rows: grid.values.slice(2),
            table: false,
          },
        ]),
      );
      const cli = measure([ledger, 'validate', path, '--as-of', AS_OF, '--format', 'json']);
      const floor = measure([reader, path]);
      if (cli.code === 2) out.push(`  ! validate ${n} rows exited 2`);
      out.push(
        `  ${`${n.toLocaleString('en-US')} rows`.padEnd(22)}${s(cli.cpuMs)}  ${s(floor.cpuMs)}${x(cli.cpuMs, floor.cpuMs)}  ${mib(cli.peakMiB)}   ${mib(floor.peakMiB)}`,
      );
    }

    // 100 county files × 300 rows.
    const counties = join(dir, 'counties');
    mkdirSync(counties);
    for (let c = 0; c < COUNTIES; c++) {
      const county = countyName(c);
      writeFileSync(
        join(counties, `${county}.xlsx`),
        await writeWorkbook([
          {
            name: '台账',
            columns: COUNTY_HEADER.map((header) => ({ header })),
            rows: countyRows(county, c),
            table: false,
            freezeHeader: false,
          },
        ]),
      );
    }
    const cons = measure([ledger, 'consolidate', counties, '-o', join(dir, '汇总.xlsx'), '--as-of', AS_OF]);
    const consFloor = measure([reader, counties]);
    out.push(
      `  ${`consolidate ${COUNTIES} × 300`.padEnd(22)}${s(cons.cpuMs)}  ${s(consFloor.cpuMs)}${x(cons.cpuMs, consFloor.cpuMs)}  ${mib(cons.peakMiB)}   ${mib(consFloor.peakMiB)}`,
    );

    // The core alone, in process: validate + flags.
    const big = syntheticRegister(Math.max(...SIZES));
    const settings = makeSettings({ asOf: AS_OF });
    const core = timed(() => validateSheet(big, settings));
    out.push(
      '',
      `  core: validate + flags, ${big.values.length - 2} rows in process: ${s(core.cpuMs)} CPU (${core.value.findings.length} findings)`,
    );

    // Similar-name search per name shape.
    out.push(
      '',
      `  ${'similar names'.padEnd(14)}${'10 k'.padStart(9)}${'40 k'.padStart(9)}${'100 k'.padStart(9)}${'10→40k'.padStart(8)}${'10→100k'.padStart(9)}  pairs at 100 k`,
    );
    for (const shape of NAME_SHAPES) {
      const cpu: number[] = [];
      let pairs = 0;
      let capped = 0;
      for (const n of [10_000, 40_000, 100_000]) {
        const names = namesOfShape(shape, n);
        const t = timed(() =>
          searchSimilarPairs(
            buildNameIndex(profileNames(names, inferLocalNames(names))),
            settings.similarNameThreshold,
          ),
        );
        cpu.push(t.cpuMs);
        pairs = t.value.pairs.length;
        capped = t.value.capped.size;
      }
      out.push(
        `  ${shape.padEnd(14)}${s(cpu[0]!)}${s(cpu[1]!)}${s(cpu[2]!)}${x(cpu[1]!, cpu[0]!)}${x(cpu[2]!, cpu[0]!).padStart(9)}  ${pairs}${capped ? ` (${capped} names capped)` : ''}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
