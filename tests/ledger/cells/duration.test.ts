import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationEnd, parseDuration, type Duration } from '../../../src/ledger/cells/duration';

describe('parseDuration: permanent', () => {
  it.each(['长期', '常设', '长期存续', '永久', '常设机构', '长期保留', '长期设立', ' 长 期 ', '长期。', '常设\n'])(
    '%j',
    (text) => {
      expect(parseDuration(text)).toEqual({ kind: 'permanent' });
    },
  );
});

describe('parseDuration: until a date', () => {
  it.each([
    ['至2025年12月31日', { year: 2025, month: 12, day: 31 }],
    ['2025年12月31日止', { year: 2025, month: 12, day: 31 }],
    ['至2025年12月31日止', { year: 2025, month: 12, day: 31 }],
    ['截至2025-12-31', { year: 2025, month: 12, day: 31 }],
    ['截止2025.12.31', { year: 2025, month: 12, day: 31 }],
    ['到2026/6/30', { year: 2026, month: 6, day: 30 }],
    ['有效期至2024年3月31日', { year: 2024, month: 3, day: 31 }],
    ['2025年12月31日前', { year: 2025, month: 12, day: 31 }],
    ['2025年12月31日到期', { year: 2025, month: 12, day: 31 }],
    // 年底 is 31 December, a full date.
    ['至2025年底', { year: 2025, month: 12, day: 31 }],
    ['2025年底前', { year: 2025, month: 12, day: 31 }],
    ['2025年年底前', { year: 2025, month: 12, day: 31 }],
    ['2025年底', { year: 2025, month: 12, day: 31 }],
    ['至2025年末', { year: 2025, month: 12, day: 31 }],
    ['至二〇二五年底', { year: 2025, month: 12, day: 31 }],
    // 月底 is the last day of that month, leap years included.
    ['至2025年6月底', { year: 2025, month: 6, day: 30 }],
    ['2024年2月底前', { year: 2024, month: 2, day: 29 }],
    ['2023年2月末', { year: 2023, month: 2, day: 28 }],
    // The precision stated is kept: a year stays a year, a month a month.
    ['至2025年', { year: 2025 }],
    ['至2025年6月', { year: 2025, month: 6 }],
    ['至2025.06', { year: 2025, month: 6 }],
    ['至二〇二五年三月', { year: 2025, month: 3 }],
    // Ranges: the end is the later date.
    ['2022年—2025年', { year: 2025 }],
    ['2022-2025年', { year: 2025 }],
    ['2022—2025年', { year: 2025 }],
    ['2022年至2025年', { year: 2025 }],
    ['2022~2025', { year: 2025 }],
    ['2022年3月至2025年3月', { year: 2025, month: 3 }],
    ['2022.3-2025.3', { year: 2025, month: 3 }],
    ['2022-03-15至2025-03-14', { year: 2025, month: 3, day: 14 }],
    ['2022年—2025年底', { year: 2025, month: 12, day: 31 }],
    ['2025-2022年', { year: 2025 }],
    ['２０２２年－２０２５年', { year: 2025 }],
  ])('%j', (text, end) => {
    expect(parseDuration(text)).toEqual({ kind: 'until', end });
  });

  it('rejects impossible end dates instead of guessing', () => {
    expect(parseDuration('至2025年2月30日')).toBeNull();
    expect(parseDuration('至2025年13月')).toBeNull();
    expect(parseDuration('至2025年13月底')).toBeNull();
    expect(parseDuration('至9999年底')).toBeNull();
    expect(parseDuration('2022年—2025年2月30日')).toBeNull();
  });

  it('a bare date does not say whether it is the start or the end', () => {
    expect(parseDuration('2025年12月31日')).toBeNull();
    expect(parseDuration('2025年')).toBeNull();
  });
});

describe('parseDuration: a number of years', () => {
  it.each([
    ['3年', 3],
    ['三年', 3],
    ['两年', 2],
    ['二年', 2],
    ['十年', 10],
    ['为期3年', 3],
    ['为期三年', 3],
    ['期限五年', 5],
    ['期限为5年', 5],
    ['存续期3年', 3],
    ['暂定2年', 2],
    ['3年期', 3],
    ['1年半', 1.5],
    ['一年半', 1.5],
    ['半年', 0.5],
    ['为期半年', 0.5],
    ['1.5年', 1.5],
    ['18个月', 1.5],
    ['6个月', 0.5],
    ['３年', 3],
    ['3 年', 3],
  ])('%j → %d', (text, years) => {
    expect(parseDuration(text)).toEqual({ kind: 'years', years });
  });

  it('rejects zero, absurd and half-written terms', () => {
    expect(parseDuration('0年')).toBeNull();
    expect(parseDuration('0个月')).toBeNull();
    expect(parseDuration('500年')).toBeNull();
    expect(parseDuration('年')).toBeNull();
    expect(parseDuration('为期年')).toBeNull();
    expect(parseDuration('3个月半')).toBeNull();
  });
});

describe('parseDuration: until the task is done', () => {
  it.each([
    '任务完成后撤销',
    '任务完成后自动撤销',
    '完成任务后撤销',
    '工作任务完成后撤销',
    '任务结束后撤销',
    '阶段性工作完成后撤销',
    '任务完成即撤销',
    '完成阶段性任务后撤销',
    '工作结束后自行撤销',
    '任务完成后自动撤销。',
    '任务完成后 撤销',
  ])('%j', (text) => {
    expect(parseDuration(text)).toEqual({ kind: 'task' });
  });
});

describe('parseDuration: unreadable', () => {
  it.each([
    '',
    '   ',
    '不详',
    '临时',
    '待定',
    '撤销',
    '任务',
    '2025',
    '至',
    '年底',
    '#N/A',
    'abc',
    '😀',
    '长期？',
    '至明年',
    '三年后再议',
    '2019年3月设立',
  ])('%j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('survives huge strings and non-strings', () => {
    expect(parseDuration('长期'.repeat(100_000))).toBeNull();
    expect(parseDuration(`至${'2025-'.repeat(20_000)}`)).toBeNull();
    expect(parseDuration(undefined as unknown as string)).toBeNull();
    expect(parseDuration(3 as unknown as string)).toBeNull();
  });
});

describe('durationEnd', () => {
  it('until: the stated end, whatever the start', () => {
    expect(durationEnd({ kind: 'until', end: { year: 2025, month: 12, day: 31 } }, null)).toEqual({
      year: 2025,
      month: 12,
      day: 31,
    });
    expect(durationEnd({ kind: 'until', end: { year: 2025 } }, { year: 2019, month: 3 })).toEqual({ year: 2025 });
  });

  it('years: counted from the date established, at its precision', () => {
    expect(durationEnd({ kind: 'years', years: 3 }, { year: 2019, month: 3, day: 15 })).toEqual({
      year: 2022,
      month: 3,
      day: 15,
    });
    expect(durationEnd({ kind: 'years', years: 3 }, { year: 2019, month: 3 })).toEqual({ year: 2022, month: 3 });
    expect(durationEnd({ kind: 'years', years: 3 }, { year: 2019 })).toEqual({ year: 2022 });
    expect(durationEnd({ kind: 'years', years: 1.5 }, { year: 2019, month: 9 })).toEqual({ year: 2021, month: 3 });
    expect(durationEnd({ kind: 'years', years: 1 }, { year: 2020, month: 2, day: 29 })).toEqual({
      year: 2021,
      month: 2,
      day: 28,
    });
  });

  it('years without a start date, permanent and task-bound bodies have no end', () => {
    expect(durationEnd({ kind: 'years', years: 3 }, null)).toBeNull();
    expect(durationEnd({ kind: 'permanent' }, { year: 2019 })).toBeNull();
    expect(durationEnd({ kind: 'task' }, { year: 2019, month: 3 })).toBeNull();
  });

  it('parse and end together: 为期3年 set up 2019年3月 ends 2022年3月', () => {
    const duration = parseDuration('为期3年');
    expect(duration).not.toBeNull();
    expect(durationEnd(duration!, { year: 2019, month: 3 })).toEqual({ year: 2022, month: 3 });
  });
});

describe('parseDuration: properties', () => {
  function wellFormed(d: Duration | null): boolean {
    if (d === null) return true;
    switch (d.kind) {
      case 'permanent':
      case 'task':
        return true;
      case 'years':
        return Number.isFinite(d.years) && d.years > 0 && d.years <= 100;
      case 'until': {
        const { year, month, day } = d.end;
        if (!Number.isInteger(year) || year < 1900 || year > 2100) return false;
        if (month === undefined) return day === undefined;
        if (month < 1 || month > 12) return false;
        return day === undefined || (day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
  }

  const piece = fc.constantFrom(
    '至',
    '截至',
    '前',
    '止',
    '年',
    '月',
    '日',
    '底',
    '2025',
    '2022',
    '12',
    '31',
    '13',
    '—',
    '-',
    '三',
    '十',
    '半',
    '任务',
    '完成',
    '后',
    '撤销',
    '长期',
    '为期',
    '个月',
    ' ',
  );
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.array(piece, { maxLength: 10 }).map((p) => p.join('')),
  );

  it('never throws; results are well-formed and durationEnd never throws', () => {
    fc.assert(
      fc.property(text, (t) => {
        const d = parseDuration(t);
        if (d) durationEnd(d, { year: 2020, month: 2, day: 29 });
        return wellFormed(d);
      }),
      { numRuns: 5_000 },
    );
  });

  it('至<any valid date> is read as that date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1949, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          expect(parseDuration(`至${year}年${month}月${day}日`)).toEqual({ kind: 'until', end: { year, month, day } });
        },
      ),
    );
  });
});
