/**
 * Excel round-trip bench: validating a 10,000-row register through the Excel adapter
 * (read the sheet, check it, mark the findings) against the per-row way an add-in is often first
 * written (one sync per row read, one per cell painted). Both run against the same fake Excel
 * (tests/excel/fakeExcel.ts), which counts `context.sync()` calls; a round trip in Excel on the
 * web costs tens to hundreds of milliseconds, so the estimate uses 100 ms each. Target: ≥ 20×
 * fewer round trips.
 */
import { performance } from 'node:perf_hooks';
import { createExcelWorkbookPort } from '../../src/excel';
import { MARK_STYLE } from '../../src/excel/marks';
import type { Finding } from '../../src/ledger/findings';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import type { CellValue, Grid } from '../../src/ledger/grid';
import type { CellMark } from '../../src/port/workbook';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from '../../tests/excel/fakeExcel';
import { REGISTER_HEADER, syntheticRegister } from '../synthetic';

const ROWS = Number(process.env.BENCH_EXCEL_ROWS ?? 10_000);
const SHEET = '市级台账';
const ROUND_TRIP_MS = 100;
const SETTINGS = makeSettings({ asOf: '2025-06-30' });

const REGISTER = syntheticRegister(ROWS);

/** The synthetic register (bench/synthetic.ts) in a sheet whose 设立时间 column is date-formatted. */
function workbook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet(SHEET, {
    rows: REGISTER.values,
    columnFormats: { [REGISTER_HEADER.indexOf('设立时间')]: 'yyyy-mm-dd' },
  });
  return book;
}

/** Counts the syncs `work` makes on a fresh fake workbook. */
async function countSyncs(
  work: (fake: FakeExcel) => Promise<readonly Finding[]>,
): Promise<{ syncs: number; ms: number; findings: readonly Finding[] }> {
  validationMs = 0;
  const fake = installFakeExcel(workbook());
  const context = fake.context;
  const sync = context.sync.bind(context);
  let syncs = 0;
  context.sync = () => {
    syncs++;
    return sync();
  };
  try {
    const start = performance.now();
    const findings = await work(fake);
    return { syncs, ms: performance.now() - start - validationMs, findings };
  } finally {
    fake.uninstall();
  }
}

let validationMs = 0;

/** validateSheet, timed apart so the bench reports the Excel traffic alone. */
function validate(grid: Grid): readonly Finding[] {
  const start = performance.now();
  const findings = validateSheet(grid, SETTINGS).findings;
  validationMs += performance.now() - start;
  return findings;
}

const marksOf = (findings: readonly Finding[]): CellMark[] =>
  findings.flatMap((f) =>
    f.row !== null && f.columnIndex !== undefined
      ? [{ sheet: f.sheet, row: f.row, column: f.columnIndex, severity: f.severity }]
      : [],
  );

let adapterRead: { grid: Grid; findings: readonly Finding[] } | null = null;

/** This project's adapter. */
async function withAdapter(): Promise<readonly Finding[]> {
  const port = createExcelWorkbookPort();
  const grid = await port.readSheet(SHEET);
  const findings = validate(grid);
  await port.addMarks(marksOf(findings));
  adapterRead = { grid, findings };
  return findings;
}

/**
 * The naive add-in: a sync per row read and per cell painted (a fill colour, which also destroys
 * the user's own). It checks what it read with the same validateSheet; the findings are taken
 * from the adapter's run once the grids are shown to be identical, since validation time is not
 * what this bench measures.
 */
async function perRow(expected: { grid: Grid; findings: readonly Finding[] }): Promise<readonly Finding[]> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const values: CellValue[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      const row = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, 1, used.columnCount);
      row.load('values');
      await context.sync();
      values.push((row.values[0] as CellValue[]).map((v) => (v === '' ? null : v)));
    }
    if (
      values.length !== expected.grid.values.length ||
      values.some((row, r) => row.length !== expected.grid.values[r]?.length)
    ) {
      throw new Error('the per-row read does not match the adapter read');
    }
    const painted = new Set<string>();
    for (const mark of marksOf(expected.findings)) {
      if (painted.has(`${mark.row}:${mark.column}`)) continue;
      painted.add(`${mark.row}:${mark.column}`);
      sheet.getRangeByIndexes(mark.row - 1, mark.column - 1, 1, 1).format.fill.color = MARK_STYLE[mark.severity].fill;
      await context.sync();
    }
    return expected.findings;
  });
}

export async function excelCase(): Promise<string[]> {
  const adapter = await countSyncs(withAdapter);
  const naive = await countSyncs(() => perRow(adapterRead!));
  const marks = new Set(marksOf(adapter.findings).map((m) => `${m.row}:${m.column}`)).size;
  const ratio = naive.syncs / adapter.syncs;
  const seconds = (syncs: number) => ((syncs * ROUND_TRIP_MS) / 1000).toFixed(1);
  return [
    `Excel round trips, validating ${(REGISTER.values.length - 2).toLocaleString('en')} register rows (${adapter.findings.length.toLocaleString('en')} findings, ${marks.toLocaleString('en')} cells marked):`,
    `  adapter (blocks + tagged conditional formats): ${adapter.syncs} round trips ≈ ${seconds(adapter.syncs)} s at ${ROUND_TRIP_MS} ms each`,
    `  per-row reads and per-cell fills:               ${naive.syncs.toLocaleString('en')} round trips ≈ ${seconds(naive.syncs)} s at ${ROUND_TRIP_MS} ms each`,
    `  ratio ${ratio.toFixed(0)}× fewer round trips (target ≥ 20×) ${ratio >= 20 ? 'OK' : 'BELOW TARGET'}`,
    `  time on the mock without validation (no network): adapter ${adapter.ms.toFixed(0)} ms, per-row ${naive.ms.toFixed(0)} ms`,
  ];
}

if (process.argv[1]?.endsWith('excel.ts')) {
  for (const line of await excelCase()) console.log(line);
}
