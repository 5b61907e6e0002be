#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli/main.ts) through tsx, so `npx ledger …` works straight after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
// Set the exit code rather than calling process.exit, so a large report piped to a file is flushed.
process.exitCode = await main(process.argv.slice(2));
