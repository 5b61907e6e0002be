import { describe, expect, it } from 'vitest';
import { flagRegister } from '../../../src/ledger/flags/index';
import { messageOf } from '../../../src/ledger/findings';
import { makeSettings } from '../../../src/ledger/settings';
import { bodyRow } from './bodyRow';

const settings = makeSettings({ asOf: '2026-11-25' });

function deadlineFindings(rows: Parameters<typeof flagRegister>[0], s = settings) {
  return flagRegister(rows, s, { localNames: ['潍坊市'] }).filter((f) =>
    ['overdue', 'expiring-soon', 'review-due'].includes(f.code),
  );
}

describe('overdue and expiring-soon', () => {
  it('flags a temporary body whose term ended before the as-of date as overdue, on the 存续时间 cell', () => {
    const row = bodyRow(5, '市第七次全国人口普查领导小组', {
      established: { year: 2019, month: 10, day: 8 },
      duration: { kind: 'until', end: { year: 2022, month: 12, day: 31 } },
      durationText: '至2022年12月31日',
    });
    const [f, ...rest] = deadlineFindings([row]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'overdue',
      severity: 'error',
      sheet: '市级台账',
      row: 5,
      column: '存续时间',
      columnIndex: 6,
      value: '至2022年12月31日',
      params: { end: '2022-12-31' },
    });
    expect(messageOf(f!)).toBe('存续期已于 2022-12-31 届满，仍为存续状态，应提出撤销建议');
  });

  it('reads a month-only end as its last day: a term ending 2026-11 is not overdue on 2026-11-25 but expires in 5 days', () => {
    const row = bodyRow(6, '市创建全国文明城市工作指挥部', {
      established: { year: 2023, month: 3 },
      duration: { kind: 'until', end: { year: 2026, month: 11 } },
      durationText: '至2026年11月',
    });
    expect(deadlineFindings([row])).toMatchObject([
      { code: 'expiring-soon', severity: 'warning', params: { end: '2026-11', days: 5 } },
    ]);
    // On 1 December the whole of November has passed.
    expect(deadlineFindings([row], makeSettings({ asOf: '2026-12-01' }))).toMatchObject([
      { code: 'overdue', params: { end: '2026-11' } },
    ]);
  });

  it('reads a year-only end as 31 December', () => {
    const row = bodyRow(7, '市第五次全国经济普查领导小组', {
      established: { year: 2023, month: 4 },
      duration: { kind: 'until', end: { year: 2026 } },
    });
    expect(deadlineFindings([row])).toMatchObject([{ code: 'expiring-soon', params: { end: '2026', days: 36 } }]);
  });

  it('treats a term ending exactly on the as-of date as not overdue and expiring in 0 days', () => {
    const row = bodyRow(8, '市重点项目建设指挥部', {
      established: { year: 2024, month: 1, day: 5 },
      duration: { kind: 'until', end: { year: 2026, month: 11, day: 25 } },
    });
    const found = deadlineFindings([row]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'expiring-soon', params: { end: '2026-11-25', days: 0 } });
    expect(messageOf(found[0]!)).toBe('存续期将于 2026-11-25 届满（还有 0 天）');
  });

  it('uses the window from settings: 90 days by default, inclusive', () => {
    // 2026-11-25 + 90 days = 2027-02-23.
    const inside = bodyRow(9, '市稳外贸稳外资工作专班', {
      established: { year: 2025, month: 2 },
      duration: { kind: 'until', end: { year: 2027, month: 2, day: 23 } },
    });
    const outside = bodyRow(10, '市预制菜产业发展工作专班', {
      established: { year: 2025, month: 2 },
      duration: { kind: 'until', end: { year: 2027, month: 2, day: 24 } },
    });
    expect(deadlineFindings([inside, outside]).map((f) => [f.row, f.params.days])).toEqual([[9, 90]]);
    expect(deadlineFindings([inside, outside], makeSettings({ asOf: '2026-11-25', expiringWindowDays: 30 }))).toEqual(
      [],
    );
  });

  it('computes a years-duration from 设立时间: 3年 from 2023-06-15 ends 2026-06-15', () => {
    const row = bodyRow(11, '市城乡环卫一体化工作领导小组', {
      established: { year: 2023, month: 6, day: 15 },
      duration: { kind: 'years', years: 3 },
      durationText: '3年',
    });
    expect(deadlineFindings([row])).toMatchObject([{ code: 'overdue', value: '3年', params: { end: '2026-06-15' } }]);
    const fresh = bodyRow(12, '市营商环境建设工作领导小组', {
      established: { year: 2024, month: 6 },
      duration: { kind: 'years', years: 3 },
    });
    expect(deadlineFindings([fresh])).toEqual([]);
  });

  it('keeps the precision of 设立时间 for a years-duration: 2年 from 2024-12 ends 2026-12, expiring in 36 days', () => {
    const row = bodyRow(13, '市知识产权工作领导小组', {
      established: { year: 2024, month: 12 },
      duration: { kind: 'years', years: 2 },
    });
    expect(deadlineFindings([row])).toMatchObject([{ code: 'expiring-soon', params: { end: '2026-12', days: 36 } }]);
  });

  it('cannot place a years-duration without 设立时间 and says nothing', () => {
    const row = bodyRow(14, '市大数据发展工作领导小组', { established: null, duration: { kind: 'years', years: 2 } });
    expect(deadlineFindings([row])).toEqual([]);
  });

  it('never flags permanent bodies, rows without a readable duration, or abolished and merged bodies', () => {
    const rows = [
      bodyRow(15, '潍坊市安全生产委员会', { established: { year: 2003, month: 4 }, duration: { kind: 'permanent' } }),
      bodyRow(16, '市防汛抗旱指挥部', { established: { year: 2001 }, duration: null, durationText: '待定' }),
      bodyRow(17, '市第六次全国人口普查领导小组', {
        established: { year: 2009, month: 11 },
        duration: { kind: 'until', end: { year: 2012, month: 6 } },
        status: 'abolished',
      }),
      bodyRow(18, '市新冠肺炎疫情防控指挥部', {
        established: { year: 2020, month: 1 },
        duration: { kind: 'task' },
        status: 'merged',
      }),
      bodyRow(19, '市扶贫开发领导小组', {
        established: { year: 2016, month: 1 },
        duration: { kind: 'until', end: { year: 2020, month: 12 } },
        status: 'renamed',
      }),
    ];
    expect(deadlineFindings(rows)).toEqual([]);
  });
});

describe('review-due', () => {
  it('flags a task-bound body older than the 3-year review cycle with its age in whole years', () => {
    const row = bodyRow(20, '市扫黑除恶专项斗争领导小组', {
      established: { year: 2018, month: 2, day: 6 },
      duration: { kind: 'task' },
      durationText: '任务完成后自动撤销',
    });
    const found = deadlineFindings([row]);
    expect(found).toMatchObject([
      {
        code: 'review-due',
        severity: 'warning',
        column: '存续时间',
        value: '任务完成后自动撤销',
        params: { years: 8, cycle: 3 },
      },
    ]);
    expect(messageOf(found[0]!)).toBe('任务型机构已设立 8 年，超过 3 年评估周期，应评估是否撤销');
  });

  it('does not flag a task-bound body on its third anniversary, only the day after', () => {
    const row = bodyRow(21, '市预制菜产业发展工作专班', {
      established: { year: 2023, month: 11, day: 25 },
      duration: { kind: 'task' },
    });
    expect(deadlineFindings([row])).toEqual([]);
    expect(deadlineFindings([row], makeSettings({ asOf: '2026-11-26' }))).toMatchObject([
      { code: 'review-due', params: { years: 3, cycle: 3 } },
    ]);
  });

  it('waits until a month-only 设立时间 is surely past the cycle: 2023-11 is due from 2026-12-01', () => {
    const row = bodyRow(22, '市稳外贸稳外资工作专班', {
      established: { year: 2023, month: 11 },
      duration: { kind: 'task' },
    });
    expect(deadlineFindings([row])).toEqual([]);
    expect(deadlineFindings([row], makeSettings({ asOf: '2026-11-30' }))).toEqual([]);
    expect(deadlineFindings([row], makeSettings({ asOf: '2026-12-01' }))).toMatchObject([
      { code: 'review-due', params: { years: 3 } },
    ]);
  });

  it('follows the review cycle from settings', () => {
    const row = bodyRow(23, '市优化营商环境工作专班', {
      established: { year: 2024, month: 5, day: 1 },
      duration: { kind: 'task' },
    });
    expect(deadlineFindings([row])).toEqual([]);
    expect(deadlineFindings([row], makeSettings({ asOf: '2026-11-25', reviewCycleYears: 2 }))).toMatchObject([
      { code: 'review-due', params: { years: 2, cycle: 2 } },
    ]);
  });

  it('does not flag a body established exactly on the as-of date, whatever its duration', () => {
    const today = { year: 2026, month: 11, day: 25 };
    const rows = [
      bodyRow(24, '市城市更新工作领导小组', { established: today, duration: { kind: 'task' } }),
      bodyRow(25, '市低空经济发展工作专班', { established: today, duration: { kind: 'years', years: 1 } }),
      bodyRow(26, '市人工智能产业发展工作专班', { established: today, duration: { kind: 'permanent' } }),
    ];
    expect(deadlineFindings(rows)).toEqual([]);
  });

  it('does not review a task-bound body without 设立时间', () => {
    expect(
      deadlineFindings([
        bodyRow(27, '市清理拖欠工程款工作领导小组', { established: null, duration: { kind: 'task' } }),
      ]),
    ).toEqual([]);
  });
});
