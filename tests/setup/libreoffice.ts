/**
 * LibreOffice as a reader that is not ours: it converts what the tool wrote, and the tests read
 * its CSV back. tests/setup/tools.ts has made sure LibreOffice is installed before any test ran.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { findSoffice } from './tools';

/**
 * Converts `file` with `soffice --convert-to <to>` into `outDir`. A private profile under `workDir`
 * keeps parallel test files apart.
 */
export function convertWithLibreOffice(file: string, to: string, outDir: string, workDir: string): void {
  execFileSync(
    findSoffice()!,
    [
      `-env:UserInstallation=file://${join(workDir, 'lo-profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/**
 * Every sheet of `file` as LibreOffice shows it, by sheet name. Filter tokens: comma (44), double
 * quote (34), UTF-8 (76), from row 1; token 9 = cells as shown (formatted) or as stored; token 12
 * = -1, every sheet to its own file <name>-<sheet>.csv.
 */
export function sheetsAsCsv(file: string, workDir: string, { asShown }: { asShown: boolean }): Map<string, string[][]> {
  const outDir = join(workDir, 'csv');
  convertWithLibreOffice(
    file,
    `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`,
    outDir,
    workDir,
  );
  const prefix = `${basename(file, extname(file))}-`;
  return new Map(
    readdirSync(outDir)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
      .map((f) => [f.slice(prefix.length, -'.csv'.length), parseCsv(readFileSync(join(outDir, f), 'utf8'))]),
  );
}

/** CSV as LibreOffice writes it: fields quoted when needed, quotes doubled, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
