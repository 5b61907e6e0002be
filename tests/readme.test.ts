import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesTable } from '../scripts/codes-table';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const codesDoc = readFileSync(join(import.meta.dirname, '../docs/codes.md'), 'utf8');

describe('README', () => {
  it('docs/codes.md shows the finding codes exactly as the code table defines them', () => {
    const section = /<!-- section:codes -->([\s\S]*?)<!-- \/section:codes -->/.exec(codesDoc)?.[1] ?? '';
    expect(section).toContain(codesTable());
  });

  it('gives the newcomer commands', () => {
    for (const command of ['npm ci', 'npm start', 'npm test']) expect(readme).toContain(command);
  });
});

describe('README and docs/', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('README stays a front door (≤ 12 KB) and links every page of docs/', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
    for (const page of pages.filter((p) => p.startsWith('docs/'))) expect(readme, page).toContain(`](${page})`);
  });

  it('every relative link of README and docs/ points at a file that exists', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^(?:https?|mailto):/.test(target!)) continue;
        if (!existsSync(join(ROOT, dirname(page), decodeURI(target!)))) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
