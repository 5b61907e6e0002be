import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The domain core serves the task pane, the preview and the CLI: it must not reach for any host. */
const CORE = join(import.meta.dirname, '../../src/ledger');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bOffice\./, 'Office.js'],
  [/\bExcel\.(run|RequestContext)/, 'Office.js'],
  [/\b(document|window|localStorage|navigator)\./, 'the DOM'],
  [/\b(process|Buffer|__dirname)\b/, 'Node globals'],
  [/\brequire\(/, 'CommonJS require'],
  [/\bfetch\(/, 'the network'],
];

describe('src/ledger is a pure core', () => {
  const files = sources(CORE);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only the core and zod', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const spec of imports) {
      const insideCore = spec.startsWith('.') && !relative(CORE, resolve(dirname(file), spec)).startsWith('..');
      expect(spec === 'zod' || insideCore, `${spec} in ${file}`).toBe(true);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [pattern, what] of FORBIDDEN) {
      expect(pattern.test(code), `${what} (${pattern}) in ${file}`).toBe(false);
    }
  });
});
