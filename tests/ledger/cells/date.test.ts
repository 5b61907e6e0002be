import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addYears,
  chineseNumeralToDigits,
  formatDate,
  parseDate,
  parseDateText,
  type DateResult,
  type LedgerDate,
} from '../../../src/ledger/cells/date';

function date(result: DateResult): LedgerDate {
  if (!result.ok) throw new Error(`expected a date, got ${JSON.stringify(result)}`);
  return result.date;
}

function reason(result: DateResult): { zh: string; en: string } {
  if (result.ok || result.empty) throw new Error(`expected an invalid date, got ${JSON.stringify(result)}`);
  return { zh: result.reason, en: result.reasonEn };
}

describe('parseDate: empty cells', () => {
  it.each([null, undefined, '', '   ', '\u3000', '\n'])('%j is empty', (value) => {
    expect(parseDate(value)).toEqual({ ok: false, empty: true });
  });

  it('a rich-text object with no text is empty', () => {
    expect(parseDate({ richText: [] })).toEqual({ ok: false, empty: true });
  });
});

describe('parseDate: JS Date objects (ExcelJS gives UTC midnight)', () => {
  it('reads the UTC fields, whatever the local time zone', () => {
    expect(date(parseDate(new Date(Date.UTC(2019, 2, 15))))).toEqual({ year: 2019, month: 3, day: 15 });
    // 23:30 UTC on 31 Dec is still 31 Dec in the register, although it is 1 Jan in Beijing.
    expect(date(parseDate(new Date(Date.UTC(2020, 11, 31, 23, 30))))).toEqual({ year: 2020, month: 12, day: 31 });
  });

  it('keeps 29 February of a leap year', () => {
    expect(date(parseDate(new Date(Date.UTC(2024, 1, 29))))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('rejects an invalid Date and one outside 1900–2100', () => {
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false);
    expect(reason(parseDate(new Date(Date.UTC(1850, 0, 1)))).zh).toContain('1850');
    expect(reason(parseDate(new Date(Date.UTC(2150, 0, 1)))).en).toContain('2150');
  });

  it('reads a formula cell by its cached Date result', () => {
    expect(date(parseDate({ formula: 'DATE(2019,3,15)', result: new Date(Date.UTC(2019, 2, 15)) }))).toEqual({
      year: 2019,
      month: 3,
      day: 15,
    });
  });
});

describe('parseDate: Excel serial numbers (1900 date system)', () => {
  it.each([
    [43539, { year: 2019, month: 3, day: 15 }],
    [43466, { year: 2019, month: 1, day: 1 }],
    [45292, { year: 2024, month: 1, day: 1 }],
    [45351, { year: 2024, month: 2, day: 29 }],
    [18172, { year: 1949, month: 10, day: 1 }],
    [73415, { year: 2100, month: 12, day: 31 }],
  ])('serial %d', (serial, expected) => {
    expect(date(parseDate(serial))).toEqual(expected);
  });

  it('ignores the time of day in the fraction', () => {
    expect(date(parseDate(43539.75))).toEqual({ year: 2019, month: 3, day: 15 });
    expect(date(parseDate(43539.0001))).toEqual({ year: 2019, month: 3, day: 15 });
  });

  it('handles the 1900 leap-year bug: 59 is 28 Feb, 60 does not exist, 61 is 1 Mar', () => {
    expect(date(parseDate(1))).toEqual({ year: 1900, month: 1, day: 1 });
    expect(date(parseDate(59))).toEqual({ year: 1900, month: 2, day: 28 });
    const phantom = reason(parseDate(60));
    expect(phantom.zh).toContain('1900年2月29日');
    expect(phantom.en).toContain('29 February 1900');
    expect(date(parseDate(61))).toEqual({ year: 1900, month: 3, day: 1 });
  });

  it('rejects serials outside 1900–2100', () => {
    expect(parseDate(0).ok).toBe(false);
    expect(parseDate(-5).ok).toBe(false);
    expect(parseDate(0.5).ok).toBe(false);
    expect(parseDate(73416).ok).toBe(false);
    expect(parseDate(1e12).ok).toBe(false);
  });

  it('rejects infinities and NaN as error values', () => {
    expect(parseDate(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parseDate(Number.NaN).ok).toBe(false);
  });
});

describe('parseDate: years and year.month typed as numbers', () => {
  it('an integer 1949–2100 is a bare year, not a serial from 1905', () => {
    expect(date(parseDate(2019))).toEqual({ year: 2019 });
    expect(date(parseDate(1949))).toEqual({ year: 1949 });
    expect(date(parseDate(2100))).toEqual({ year: 2100 });
  });

  it('1948 is outside the bare-year range, so it is a serial (a day in 1905)', () => {
    expect(date(parseDate(1948)).year).toBe(1905);
  });

  it('two decimals are a month: 2019.03, 2019.12', () => {
    expect(date(parseDate(2019.03))).toEqual({ year: 2019, month: 3 });
    expect(date(parseDate(2019.12))).toEqual({ year: 2019, month: 12 });
    expect(date(parseDate(2020.09))).toEqual({ year: 2020, month: 9 });
  });

  it('one decimal 2–9 can only be that month (2019.30 is no month)', () => {
    expect(date(parseDate(2019.3))).toEqual({ year: 2019, month: 3 });
    expect(date(parseDate(2021.9))).toEqual({ year: 2021, month: 9 });
  });

  it('2019.1 is ambiguous (2019.10 loses its 0) and the reason says how to write it', () => {
    const r = reason(parseDate(2019.1));
    expect(r.zh).toContain('2019年1月');
    expect(r.zh).toContain('2019年10月');
    expect(r.zh).toContain('文本');
    expect(r.en).toContain('text');
  });

  it('a month over 12 is rejected with the month named', () => {
    expect(reason(parseDate(2019.13)).zh).toContain('13');
    expect(reason(parseDate(2019.99)).en).toContain('99');
  });

  it('three decimals are neither year.month nor a plausible serial', () => {
    expect(parseDate(2019.123).ok).toBe(false);
  });

  it('yyyymmdd and yyyymm typed as numbers', () => {
    expect(date(parseDate(20190315))).toEqual({ year: 2019, month: 3, day: 15 });
    expect(date(parseDate(201903))).toEqual({ year: 2019, month: 3 });
    expect(reason(parseDate(20190230)).zh).toContain('没有 30 日');
  });
});

describe('parseDate: text in the forms registers use', () => {
  it.each([
    ['2019年3月15日', { year: 2019, month: 3, day: 15 }],
    ['2019年3月15号', { year: 2019, month: 3, day: 15 }],
    ['2019年03月05日', { year: 2019, month: 3, day: 5 }],
    ['2019年3月', { year: 2019, month: 3 }],
    ['2019年3月份', { year: 2019, month: 3 }],
    ['2019年', { year: 2019 }],
    ['2019', { year: 2019 }],
    ['2019.03', { year: 2019, month: 3 }],
    ['2019.1', { year: 2019, month: 1 }],
    ['2019.10', { year: 2019, month: 10 }],
    ['2019.3.15', { year: 2019, month: 3, day: 15 }],
    ['2019.03.15.', { year: 2019, month: 3, day: 15 }],
    ['2019-03-15', { year: 2019, month: 3, day: 15 }],
    ['2019-3', { year: 2019, month: 3 }],
    ['2019/3/15', { year: 2019, month: 3, day: 15 }],
    ['2019/03', { year: 2019, month: 3 }],
    ['20190315', { year: 2019, month: 3, day: 15 }],
    ['201903', { year: 2019, month: 3 }],
    ['2019-03-15T00:00:00', { year: 2019, month: 3, day: 15 }],
    ['2019-03-15T00:00:00.000Z', { year: 2019, month: 3, day: 15 }],
    ['2019-03-15 10:30', { year: 2019, month: 3, day: 15 }],
    ['二〇一九年三月', { year: 2019, month: 3 }],
    ['二〇一九年三月十五日', { year: 2019, month: 3, day: 15 }],
    ['二○二○年十二月三十一日', { year: 2020, month: 12, day: 31 }],
    ['二〇二二年元月', { year: 2022, month: 1 }],
    ['2019年三月', { year: 2019, month: 3 }],
    ['2019 年 3 月 15 日', { year: 2019, month: 3, day: 15 }],
    [' 2019 . 03 ', { year: 2019, month: 3 }],
    ['２０１９年３月', { year: 2019, month: 3 }],
    ['２０１９．０３．１５', { year: 2019, month: 3, day: 15 }],
    ['2019年3月\n', { year: 2019, month: 3 }],
    ['2019年3月。', { year: 2019, month: 3 }],
  ])('%j', (text, expected) => {
    expect(date(parseDate(text))).toEqual(expected);
  });

  it('a month-only date stays a month, never the 1st', () => {
    const d = date(parseDate('2019年3月'));
    expect(d.day).toBeUndefined();
    expect(formatDate(d)).toBe('2019-03');
  });

  it('reads rich text and hyperlink cells by their visible text', () => {
    expect(date(parseDate({ richText: [{ text: '2019年' }, { text: '3月' }] }))).toEqual({ year: 2019, month: 3 });
    expect(date(parseDate({ text: '2020-06-01', hyperlink: 'http://example.com' }))).toEqual({
      year: 2020,
      month: 6,
      day: 1,
    });
  });

  it('accepts 29 February in leap years only', () => {
    expect(date(parseDate('2024年2月29日'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(date(parseDate('2000-02-29'))).toEqual({ year: 2000, month: 2, day: 29 });
    const r = reason(parseDate('2023年2月29日'));
    expect(r.zh).toBe('2023年2月只有 28 天，没有 29 日');
    expect(r.en).toBe('February 2023 has 28 days, there is no day 29');
    // 1900 and 2100 are not leap years (divisible by 100, not by 400).
    expect(parseDate('1900-02-29').ok).toBe(false);
    expect(parseDate('2100-02-29').ok).toBe(false);
  });

  it('says what is wrong with an impossible date', () => {
    expect(reason(parseDate('2019-02-30')).zh).toBe('2019年2月只有 28 天，没有 30 日');
    expect(reason(parseDate('2019年4月31日')).zh).toContain('没有 31 日');
    const month13 = reason(parseDate('2019年13月'));
    expect(month13.zh).toBe('月份 13 不存在，应为 1–12');
    expect(month13.en).toContain('no month 13');
    expect(reason(parseDate('2019.00')).zh).toContain('月份 0');
    expect(reason(parseDate('2019-03-00')).zh).toContain('没有 0 日');
  });

  it('rejects years outside 1900–2100 in text', () => {
    expect(reason(parseDate('1899年5月')).zh).toContain('1899');
    expect(reason(parseDate('3019-03-15')).zh).toContain('3019');
  });

  it('reports error values by name', () => {
    expect(reason(parseDate('#N/A'))).toEqual({ zh: '单元格是错误值 #N/A', en: 'the cell holds the error value #N/A' });
    expect(reason(parseDate({ error: '#REF!' })).zh).toBe('单元格是错误值 #REF!');
    expect(reason(parseDate({ formula: 'A1/0', result: { error: '#DIV/0!' } })).zh).toBe('单元格是错误值 #DIV/0!');
  });

  it('rejects booleans', () => {
    expect(reason(parseDate(true)).zh).toContain('TRUE');
    expect(reason(parseDate(false)).en).toContain('FALSE');
  });

  it.each([
    '无',
    '不详',
    '设立',
    'abc',
    '2019年3月左右',
    '19年3月',
    '2019-03-15-01',
    '43539',
    '2019年3月15日至2020年',
    '😀',
    '2019😀',
    '三月',
  ])('rejects garbage %j with a reason', (text) => {
    const r = reason(parseDate(text));
    expect(r.zh.length).toBeGreaterThan(0);
    expect(r.en.length).toBeGreaterThan(0);
  });

  it('quotes a huge string only in part', () => {
    const huge = '机构'.repeat(50_000);
    const r = reason(parseDate(huge));
    expect(r.zh.length).toBeLessThan(100);
    expect(r.zh).toContain('…');
  });
});

describe('helpers', () => {
  it('chineseNumeralToDigits', () => {
    expect(chineseNumeralToDigits('二〇一九')).toBe('2019');
    expect(chineseNumeralToDigits('十')).toBe('10');
    expect(chineseNumeralToDigits('十二')).toBe('12');
    expect(chineseNumeralToDigits('二十')).toBe('20');
    expect(chineseNumeralToDigits('三十一')).toBe('31');
    expect(chineseNumeralToDigits('十十')).toBe('十十');
    expect(chineseNumeralToDigits('零十')).toBe('零十');
  });

  it('parseDateText is the text path of parseDate', () => {
    expect(date(parseDateText('2025年6月'))).toEqual({ year: 2025, month: 6 });
    expect(parseDateText('  ')).toEqual({ ok: false, empty: true });
  });

  it('addYears keeps precision and moves 29 Feb to 28 Feb', () => {
    expect(addYears({ year: 2020, month: 2, day: 29 }, 3)).toEqual({ year: 2023, month: 2, day: 28 });
    expect(addYears({ year: 2019, month: 3 }, 3)).toEqual({ year: 2022, month: 3 });
  });
});

describe('parseDate: properties', () => {
  function wellFormed(result: DateResult): boolean {
    if (!result.ok) return result.empty || (result.reason.length > 0 && result.reasonEn.length > 0);
    const { year, month, day } = result.date;
    if (!Number.isInteger(year) || year < 1900 || year > 2100) return false;
    if (month === undefined) return day === undefined;
    if (!Number.isInteger(month) || month < 1 || month > 12) return false;
    if (day === undefined) return true;
    return Number.isInteger(day) && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer({ min: -100_000, max: 100_000_000 }),
    fc.double({ min: 1940, max: 2110, noNaN: true }),
    fc.boolean(),
    fc.date(),
    fc.constant(null),
    fc.constantFrom('#N/A', '#VALUE!', '2019年2月29日', '2020.02.30', '二〇二〇年二月三十日'),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() })) }),
    fc.record({ formula: fc.string(), result: fc.oneof(fc.double(), fc.string(), fc.date()) }),
    fc.record({ error: fc.constantFrom('#N/A', '#REF!') }),
    fc
      .tuple(
        fc.integer({ min: 1800, max: 2200 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        fc.constantFrom('年', '-', '.', '/'),
      )
      .map(([y, m, d, sep]) => (sep === '年' ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${d}`)),
  );

  it('never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(cell, (value) => wellFormed(parseDate(value as never))),
      { numRuns: 5_000 },
    );
  });

  it('a valid y-m-d written any way parses back to itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }),
        fc.constantFrom('年', '-', '.', '/'),
        (d, sep) => {
          const y = d.getUTCFullYear();
          const m = d.getUTCMonth() + 1;
          const day = d.getUTCDate();
          const text = sep === '年' ? `${y}年${m}月${day}日` : `${y}${sep}${m}${sep}${day}`;
          const expected = { year: y, month: m, day };
          expect(date(parseDate(text))).toEqual(expected);
          expect(date(parseDate(d))).toEqual(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
