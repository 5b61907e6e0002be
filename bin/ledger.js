#!/usr/bin/env node
// Runs the CLI: the precompiled build in dist/cli/ (made by `npm ci` through the `prepare`
// script, or `npm run build:cli`) while it is newer than every source file, else the TypeScript
// sources through tsx — so `npx ledger …` works straight after `npm ci`, and an edited source is
// never shadowed by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function useBuild() {
  if (process.env.LEDGER_FROM_SOURCE || !existsSync(built)) return false;
  try {
    return statSync(built).mtimeMs >= newestSource(sources);
  } catch {
    return false;
  }
}

let main;
if (useBuild()) {
  ({ main } = await import(new URL('../dist/cli/main.js', import.meta.url).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli/main.ts', import.meta.url).href));
}
// Set the exit code rather than calling process.exit, so a large report piped to a file is flushed.
process.exitCode = await main(process.argv.slice(2));
