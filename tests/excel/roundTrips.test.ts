/**
 * Round trips are what make an add-in slow in Excel on the web (each `context.sync()` crosses the
 * network). These tests count them on 10 rows and on 10,000 rows: the count is the same, or grows
 * only with the number of blocks that Excel's 5 MB request limit forces, and that is asserted exactly.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createExcelWorkbookPort } from '../../src/excel';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import type { CellMark } from '../../src/port/workbook';
import { FakeWorkbook, installFakeExcel, type FakeExcel } from './fakeExcel';
import { ESTABLISHED_COLUMN, REGISTER_HEADER, registerRows } from './registerData';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

const COLUMNS = REGISTER_HEADER.length; // 10
/** The documented read budget: 2 MB per block at an assumed 100 bytes a cell. */
const CELLS_PER_BLOCK = 20_000;
const FIVE_MB = 5_000_000;

function register(rows: number): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('市级台账', {
    rows: [['潍坊市市级议事协调机构管理台账'], [...REGISTER_HEADER], ...registerRows(rows, 10)],
    columnFormats: { [ESTABLISHED_COLUMN]: 'yyyy-mm-dd' },
  });
  return book;
}

/** Runs `operation` against a fresh workbook of `rows` register rows and counts its syncs. */
async function syncsFor(
  rows: number,
  operation: (port: ReturnType<typeof createExcelWorkbookPort>) => Promise<unknown>,
): Promise<number> {
  fake?.uninstall();
  fake = installFakeExcel(register(rows));
  const sync = vi.spyOn(fake.context, 'sync');
  await operation(createExcelWorkbookPort());
  const count = sync.mock.calls.length;
  for (const record of fake.records) {
    expect(record.requestBytes).toBeLessThan(FIVE_MB);
    expect(record.responseBytes).toBeLessThan(FIVE_MB);
    expect(record.readCells).toBeLessThanOrEqual(CELLS_PER_BLOCK);
  }
  return count;
}

/** Marks on every 10th row's 设立时间 and 依据文件, as validation of the faulty rows would give. */
function marksFor(rows: number): CellMark[] {
  const marks: CellMark[] = [];
  for (let i = 9; i < rows; i += 10) {
    const row = i + 3; // title row, header row, then the body
    marks.push(
      { sheet: '市级台账', row, column: 3, severity: 'error' },
      { sheet: '市级台账', row, column: 4, severity: 'error' },
    );
  }
  return marks;
}

describe('round trips per operation', () => {
  test('readSheet: one for the used range plus one per block of at most 20,000 cells', async () => {
    const small = await syncsFor(10, (port) => port.readSheet('市级台账'));
    const large = await syncsFor(10_000, (port) => port.readSheet('市级台账'));
    expect(small).toBe(1 + Math.ceil((12 * COLUMNS) / CELLS_PER_BLOCK)); // 2
    expect(large).toBe(1 + Math.ceil(10_002 / Math.floor(CELLS_PER_BLOCK / COLUMNS))); // 1 + 6 blocks of ≤ 2,000 rows
    expect(large).toBe(7);
  });

  test('addMarks: two round trips for 2 marks and for 2,000 on an unmarked sheet, four when replacing marks', async () => {
    const small = await syncsFor(10, (port) => port.addMarks(marksFor(10)));
    const large = await syncsFor(10_000, (port) => port.addMarks(marksFor(10_000)));
    expect(marksFor(10_000)).toHaveLength(2_000);
    expect(small).toBe(2); // where earlier marks are (none); add and record
    expect(large).toBe(2);
    const again = (rows: number) => async (port: ReturnType<typeof createExcelWorkbookPort>) => {
      await port.addMarks(marksFor(rows));
      const sync = vi.spyOn(fake!.context, 'sync');
      sync.mockClear();
      await port.addMarks(marksFor(rows));
      return sync.mock.calls.length;
    };
    let smallAgain = 0;
    let largeAgain = 0;
    await syncsFor(10, async (port) => (smallAgain = await again(10)(port)));
    await syncsFor(10_000, async (port) => (largeAgain = await again(10_000)(port)));
    expect(smallAgain).toBe(4); // where; find on those columns; delete; add and record
    expect(largeAgain).toBe(4);
  });

  test('clearMarks: four round trips whatever the number of marks', async () => {
    const clearAfterMarking = (rows: number) => async (port: ReturnType<typeof createExcelWorkbookPort>) => {
      await port.addMarks(marksFor(rows));
      const sync = vi.spyOn(fake!.context, 'sync');
      sync.mockClear();
      await port.clearMarks('市级台账');
      return sync.mock.calls.length;
    };
    let small = 0;
    let large = 0;
    await syncsFor(10, async (port) => (small = await clearAfterMarking(10)(port)));
    await syncsFor(10_000, async (port) => (large = await clearAfterMarking(10_000)(port)));
    expect(small).toBe(4); // where; find on those columns; count and delete; record
    expect(large).toBe(4);
  });

  test('addSheets: the same three round trips (names; values; page setup) for a 10-row and a 10,000-row return sheet under 3 MB', async () => {
    const summary = (rows: number): SheetSpec => ({
      name: '明细',
      columns: [
        { header: '县区', format: 'text' },
        { header: '机构名称', format: 'text' },
        { header: '设立时间', format: 'date' },
        { header: '依据文件', format: 'text' },
      ],
      rows: registerRows(rows).map((r, i) => [
        ['寿光市', '青州市', '广饶县'][i % 3]!,
        r[1],
        new Date(Date.UTC(2015 + (i % 10), 0, 1)),
        r[3],
      ]),
    });
    const small = await syncsFor(10, (port) => port.addSheets([summary(10)]));
    const large = await syncsFor(10_000, (port) => port.addSheets([summary(10_000)]));
    expect(small).toBe(3);
    expect(large).toBe(3);
  });

  test('addSheets: a 20,000-row sheet over 3 MB is written in as many batches as 3 MB chunks, no more', async () => {
    const detail: SheetSpec = {
      name: '明细',
      columns: REGISTER_HEADER.map((header) => ({
        header,
        format: header === '设立时间' ? ('date' as const) : ('text' as const),
      })),
      rows: registerRows(20_000).map((r) =>
        r.map((v, c) => (c === ESTABLISHED_COLUMN ? new Date(Date.UTC(2019, 0, 1)) : v)),
      ),
    };
    const syncs = await syncsFor(0, (port) => port.addSheets([detail]));
    const written = fake!.records.slice(1).reduce((sum, r) => sum + r.requestBytes, 0);
    expect(written).toBeGreaterThan(3_000_000);
    expect(syncs).toBe(1 + Math.ceil(written / 3_000_000) + 1); // + the page setup
    expect(syncs).toBe(4);
  });
});
