/**
 * Prints the table of finding codes in docs/codes.md from the code table in src/ledger/findings.ts, so the two
 * never drift: `npx tsx scripts/codes-table.ts` (tests/readme.test.ts compares it with docs/codes.md).
 */
import { CODES, FINDING_CODES, describeCode } from '../src/ledger/findings';

export function codesTable(): string {
  const lines = ['| code | severity | 何时报告 | when |', '| --- | --- | --- | --- |'];
  for (const code of FINDING_CODES) {
    lines.push(`| \`${code}\` | ${CODES[code].severity} | ${describeCode(code, 'zh')} | ${describeCode(code, 'en')} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(codesTable());
