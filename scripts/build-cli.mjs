// Precompiles the CLI (src/cli/main.ts and what it imports) into dist/cli/ with esbuild, so that
// `ledger` starts without transpiling TypeScript on every run. Run by `npm ci` / `npm install`
// (the `prepare` script) and by `npm run build:cli`. Commands and heavy readers stay separate
// chunks, loaded only when used; packages stay in node_modules. bin/ledger.js uses the build
// while it is newer than every file under src/, and runs the sources through tsx otherwise.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('build-cli: esbuild is not installed; ledger will run from the sources (slower start-up)');
  process.exit(0);
}
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunk-[hash]',
});
console.error(`build-cli: ${outdir} ready`);
