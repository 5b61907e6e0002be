import { describe, expect, test } from 'vitest';
import { chunkAddressList, compactAreas, parseAreas, quoteSheetName } from '../../src/excel/addresses';
import { chunkRowsByBytes, planRowBlocks, READ_BUDGET, rowsPerBlock } from '../../src/excel/blocks';
import { blockToRows, dateToSerial, isDateFormat, serialToDate, toExcelCell } from '../../src/excel/cells';
import { markFormula, markSeverityOf, planMarks } from '../../src/excel/marks';
import { inlineListSource, layoutSheet, widthToPoints } from '../../src/excel/sheetLayout';
import { sanitizeSheetName, uniqueSheetName } from '../../src/excel/sheetNames';

describe('addresses', () => {
  test('consecutive rows in a column collapse to one area; order of input does not matter', () => {
    const cells = [
      { row: 7, column: 3 },
      { row: 5, column: 3 },
      { row: 6, column: 3 },
      { row: 9, column: 3 },
      { row: 2, column: 28 },
      { row: 5, column: 3 },
    ];
    expect(compactAreas(cells)).toEqual(['C5:C7', 'C9', 'AB2']);
  });

  test('address lists are split below the length limit without cutting an area', () => {
    const areas = Array.from({ length: 1_000 }, (_, i) => `C${2 * i + 2}`);
    const chunks = chunkAddressList(areas, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(areas);
  });

  test('areas Excel hands back are read whatever the sheet name holds', () => {
    expect(parseAreas("'汇总 (2)'!A1:G1, '汇总 (2)'!A2:A3")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 2, left: 1, bottom: 3, right: 1 },
    ]);
    expect(parseAreas("'A1,B2''s'!$C$4")).toEqual([{ top: 4, left: 3, bottom: 4, right: 3 }]);
    expect(parseAreas('市级台账!B3:K120')).toEqual([{ top: 3, left: 2, bottom: 120, right: 11 }]);
  });

  test('sheet names are quoted in references unless plain', () => {
    expect(quoteSheetName('Lists')).toBe('Lists');
    expect(quoteSheetName('下拉选项')).toBe("'下拉选项'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('AB12')).toBe("'AB12'"); // looks like a cell
  });
});

describe('blocks', () => {
  test('a 12-column register reads in blocks of 1,666 rows, every row exactly once', () => {
    expect(rowsPerBlock(12)).toBe(1_666);
    const blocks = planRowBlocks(10_000, 12);
    expect(blocks).toHaveLength(7);
    expect(blocks.reduce((sum, b) => sum + b.count, 0)).toBe(10_000);
    blocks.forEach((b, i) => expect(b.start).toBe(i === 0 ? 0 : blocks[i - 1]!.start + blocks[i - 1]!.count));
    expect(blocks.every((b) => b.count * 12 * READ_BUDGET.bytesPerCell <= READ_BUDGET.maxBytes)).toBe(true);
  });

  test('a sheet wider than a block still reads one row at a time', () => {
    expect(rowsPerBlock(16_384)).toBe(1);
    expect(planRowBlocks(0, 5)).toEqual([]);
  });

  test('rows are chunked by bytes; one oversized row gets a chunk of its own', () => {
    expect(chunkRowsByBytes([40, 40, 40, 150, 10], 100)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });
});

describe('cells', () => {
  test('date formats are told from numbers, text and times', () => {
    for (const f of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      'm/d/yy',
      '[$-804]yyyy年m月',
      '[DBNum1][$-804]yyyy"年"m"月"d"日"',
      'mmm-yy',
      'd-mmm',
    ])
      expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '0.00', '0.0%', '@', 'h:mm', '[h]:mm:ss', '#,##0"元"', '"第"0"号"', undefined])
      expect(isDateFormat(f), String(f)).toBe(false);
  });

  test('serials convert to UTC dates and back, either side of 1 March 1900', () => {
    expect(serialToDate(44927)).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(serialToDate(43539)).toEqual(new Date(Date.UTC(2019, 2, 15)));
    expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    for (const serial of [1, 59, 61, 43539, 45838.5]) expect(dateToSerial(serialToDate(serial))).toBeCloseTo(serial, 9);
  });

  test('a block becomes grid rows: empty strings are null, serials in date cells are Dates', () => {
    const rows = blockToRows(
      [
        ['潍坊市安全生产委员会', 43539, 43539, ''],
        ['#N/A', true, 12, ' '],
      ],
      [
        ['@', 'yyyy-mm-dd', 'General', 'General'],
        ['General', 'General', 'yyyy-mm-dd', 'General'],
      ],
    );
    expect(rows).toEqual([
      ['潍坊市安全生产委员会', new Date(Date.UTC(2019, 2, 15)), 43539, null],
      ['#N/A', true, new Date(Date.UTC(1900, 0, 12)), ' '],
    ]);
  });

  test('every string is written into a text-formatted cell; numbers and dates keep their formats', () => {
    expect(toExcelCell('=1+1', undefined)).toEqual({ value: '=1+1', numberFormat: '@' });
    expect(toExcelCell('\t潍办发〔2019〕12号', 'general')).toEqual({
      value: '\t潍办发〔2019〕12号',
      numberFormat: '@',
    });
    expect(toExcelCell(new Date(Date.UTC(2020, 5, 30)), 'date')).toEqual({ value: 44012, numberFormat: 'yyyy-mm-dd' });
    expect(toExcelCell(new Date(Date.UTC(2020, 5, 30)), 'text')).toEqual({ value: '2020-06-30', numberFormat: '@' });
    expect(toExcelCell(21, 'text')).toEqual({ value: '21', numberFormat: '@' });
    expect(toExcelCell(0.125, 'percent')).toEqual({ value: 0.125, numberFormat: '0.0%' });
    expect(toExcelCell(null, 'integer')).toEqual({ value: '', numberFormat: '0' });
    expect(toExcelCell({ richText: [{ text: '东编办发' }, { text: '〔2020〕21号' }] }, undefined)).toEqual({
      value: '东编办发〔2020〕21号',
      numberFormat: '@',
    });
  });
});

describe('marks', () => {
  test('the tag survives a round trip through the formula and nothing else matches', () => {
    expect(markSeverityOf(markFormula('warning'))).toBe('warning');
    expect(markSeverityOf('=N("LEDGER-MARK:error")=0')).toBe('error');
    expect(markSeverityOf('=N($A2)=0')).toBeNull();
    expect(markSeverityOf('=$J2="ledger-mark:error"')).toBeNull();
    expect(markSeverityOf(null)).toBeNull();
  });

  test('marks group by sheet and severity; invalid positions are refused', () => {
    const chunks = planMarks([
      { sheet: '市级台账', row: 3, column: 2, severity: 'error' },
      { sheet: '市级台账', row: 4, column: 2, severity: 'error' },
      { sheet: '县区台账', row: 3, column: 2, severity: 'error' },
      { sheet: '市级台账', row: 3, column: 5, severity: 'info' },
    ]);
    expect(chunks).toEqual([
      { sheet: '市级台账', severity: 'error', address: 'B3:B4' },
      { sheet: '县区台账', severity: 'error', address: 'B3' },
      { sheet: '市级台账', severity: 'info', address: 'E3' },
    ]);
    expect(() => planMarks([{ sheet: '市级台账', row: 0, column: 1, severity: 'error' }])).toThrow(RangeError);
  });
});

describe('sheet names and layout', () => {
  test('names Excel refuses are repaired; duplicates get a suffix within 31 characters', () => {
    expect(sanitizeSheetName('问题清单[2025/06]')).toBe('问题清单_2025_06_');
    expect(sanitizeSheetName("'汇总'")).toBe('汇总');
    expect(sanitizeSheetName('  ')).toBe('Sheet');
    expect(uniqueSheetName('汇总', ['汇总', '汇总 (2)'])).toBe('汇总 (3)');
    expect(uniqueSheetName('SUMMARY', ['summary'])).toBe('SUMMARY (2)');
    const long = '潍坊市市级议事协调机构管理台账与县区台账汇总核对结果明细表';
    const unique = uniqueSheetName(long, [long.slice(0, 31)]);
    expect([...unique].length).toBeLessThanOrEqual(31);
    expect(unique.endsWith(' (2)')).toBe(true);
  });

  test('lists longer than 255 characters or with commas cannot be inline', () => {
    expect(inlineListSource(['存续', '已撤销', '已合并', '已更名'])).toBe('存续,已撤销,已合并,已更名');
    expect(inlineListSource(['市委办公室,市政府办公室'])).toBeNull();
    expect(inlineListSource(Array.from({ length: 60 }, (_, i) => `市直部门${i}`))).toBeNull();
  });

  test('an empty table gets one blank body row; widths convert characters to points', () => {
    const layout = layoutSheet({ name: '新建台账', columns: [{ header: '机构名称', width: 20 }], rows: [] });
    expect(layout.headerRow).toBe(1);
    expect(layout.lastTableRow).toBe(2);
    expect(layout.values).toEqual([['机构名称'], ['']]);
    expect(widthToPoints(20)).toBe(108.75);
  });
});
