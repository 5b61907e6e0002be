/**
 * Reading by format (docs/formats.md): one 10,000-row register as .xlsx (writeWorkbook), .xls and
 * .ods (SheetJS writes them), UTF-8 and GB18030 CSV (GB18030 through `iconv` when the machine has
 * it) and a Word table (.docx). For each: reading alone, and `validateSheet` on what was read
 * (end to end as a user runs it), in CPU time, with the ratio to the .xlsx of the same rows.
 */
import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'node:child_process';
import { strToU8, zipSync } from 'fflate';
import { cellText } from '../../src/ledger/cells/value';
import type { Grid } from '../../src/ledger/grid';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { readWorkbook } from '../../src/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { syntheticRegister } from '../synthetic';

const ROWS = Number(process.env.BENCH_FORMAT_ROWS ?? 10_000);

function cpuMs<T>(work: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

async function cpuMsAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function wordTable(rows: readonly string[][]): Uint8Array {
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${xml(t)}</w:t></w:r></w:p></w:tc>`;
  const body = rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${body}</w:tbl></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(doc) });
}

function gb18030(text: string): Uint8Array | null {
  try {
    return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text, maxBuffer: 1 << 28 }));
  } catch {
    return null;
  }
}

export async function formatsCase(): Promise<string[]> {
  const grid = syntheticRegister(ROWS);
  const texts = grid.values.map((row) => row.map(cellText));
  const sheet = XLSX.utils.aoa_to_sheet(grid.values.map((row) => row.map((v) => (v ?? '') as string | number)));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '汇总台账');
  const csvText = texts
    .map((r) => r.map((t) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(','))
    .join('\r\n');
  const files: [string, Uint8Array | null][] = [
    [
      'xlsx',
      await writeWorkbook([
        {
          name: '汇总台账',
          columns: texts[1]!.map((header) => ({ header })),
          rows: grid.values.slice(2),
          preamble: [grid.values[0]!],
          table: false,
        },
      ]),
    ],
    ['xls', new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer)],
    ['ods', new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods' }) as ArrayBuffer)],
    ['csv', new TextEncoder().encode(csvText)],
    ['csv (GB18030)', gb18030(csvText)],
    ['docx', wordTable(texts.slice(1))],
  ];
  const settings = makeSettings({ asOf: '2026-11-25' });
  const lines = [
    `${ROWS.toLocaleString('en')} rows, CPU time; ratio = this format ÷ .xlsx (read, and read + validate)`,
  ];
  let base: { read: number; total: number } | null = null;
  for (const [label, bytes] of files) {
    if (!bytes) {
      lines.push(`  ${label.padEnd(14)} skipped: no iconv on this machine`);
      continue;
    }
    const name = `台账.${label.split(' ')[0]}`;
    const read = await cpuMsAsync(() => readWorkbook(bytes, name));
    if (!read.value.ok) throw new Error(`${label}: ${read.value.message}`);
    const sheetRead: Grid = read.value.sheets[0]!;
    const check = cpuMs(() => validateSheet(sheetRead, settings));
    const total = read.ms + check.ms;
    base ??= { read: read.ms, total };
    lines.push(
      `  ${label.padEnd(14)} ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  read ${read.ms.toFixed(0).padStart(6)} ms (${(read.ms / base.read).toFixed(2)}×)  read+validate ${total.toFixed(0).padStart(6)} ms (${(total / base.total).toFixed(2)}×)  ${check.value.rows.length} bodies`,
    );
  }
  return lines;
}
