import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesTable } from '../scripts/codes-table';

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('shows the finding codes exactly as the code table defines them', () => {
    const section = /<!-- section:codes -->([\s\S]*?)<!-- \/section:codes -->/.exec(readme)?.[1] ?? '';
    expect(section).toContain(codesTable());
  });

  it('gives the newcomer commands', () => {
    for (const command of ['npm ci', 'npm start', 'npm test']) expect(readme).toContain(command);
  });
});
