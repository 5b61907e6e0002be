/**
 * `npm run bench`: runs every bench case in bench/cases/ and prints its figures. A case is a
 * module there that exports an async function named `…Case` returning the lines to print
 * (`export async function flagsCase(): Promise<string[]>`); dropping a new file in the folder
 * adds it. Pick cases by name: `npm run bench -- flags compare`. Benches print times; no test
 * ever asserts one.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';

type CaseFn = () => Promise<string[]> | string[];

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

/** The cases in bench/cases, flags first (the core everyone else builds on), then by file name. */
async function discover(): Promise<{ name: string; run: CaseFn }[]> {
  const files = readdirSync(casesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort((a, b) => (a === 'flags.ts' ? -1 : b === 'flags.ts' ? 1 : a.localeCompare(b)));
  const found: { name: string; run: CaseFn }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(casesDir, file)).href)) as Record<string, unknown>;
    const fns = Object.entries(module).filter(([key, value]) => key.endsWith('Case') && typeof value === 'function');
    if (fns.length === 0) console.error(`bench/cases/${file}: no exported …Case function, skipped`);
    for (const [, fn] of fns) found.push({ name: basename(file, '.ts'), run: fn as CaseFn });
  }
  return found;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = await discover();
  const unknown = wanted.filter((w) => !all.some((c) => c.name === w));
  if (unknown.length > 0) {
    console.error(`unknown bench case: ${unknown.join(', ')} (have: ${all.map((c) => c.name).join(', ')})`);
    return 2;
  }
  const chosen = wanted.length === 0 ? all : all.filter((c) => wanted.includes(c.name));
  console.log(`bench on Node ${process.version}, ${cpus().length} CPU × ${cpus()[0]?.model ?? 'unknown'}`);
  let failed = 0;
  for (const c of chosen) {
    console.log(`\n== ${c.name}`);
    const start = performance.now();
    try {
      for (const line of await c.run()) console.log(line);
    } catch (error) {
      failed += 1;
      console.error(`bench case ${c.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(`   (${c.name}: ${((performance.now() - start) / 1000).toFixed(1)} s in all)`);
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
