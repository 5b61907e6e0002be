import { describe, expect, it } from 'vitest';
import { consolidate, returnSheets, RETURN_SHEET_NAMES, type Submission } from '../../src/ledger/consolidate';
import { makeSettings } from '../../src/ledger/settings';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import type { CellValue } from '../../src/ledger/grid';
import { DONGYING, EXPECTED, GUANGRAO, HEKOU, registerGrid } from './grids';

const settings = makeSettings({ asOf: '2026-05-31', expectedCounties: EXPECTED });
const submissions: Submission[] = [
  { file: '东营区.xlsx', grid: registerGrid(DONGYING, { countyColumn: { header: '县区', values: '东营区' } }) },
  {
    file: '东营区-补报.xlsx',
    grid: registerGrid(DONGYING.slice(0, 1), { countyColumn: { header: '县区', values: '东营区' } }),
  },
  { file: '河口区.xlsx', grid: registerGrid(HEKOU, { title: ['河口区议事协调机构管理台账'] }) },
  { file: '广饶县-2026台账.xlsx', grid: registerGrid(GUANGRAO) },
  { file: '台账.xlsx', grid: registerGrid(GUANGRAO, { sheet: '县级' }) },
];
const ret = consolidate(submissions, settings);
const inputs = submissions.map((s, i) => ({ file: s.file, size: 10_000 + i, sha256: String(i).repeat(64) }));
const specs = returnSheets(ret, {
  toolVersion: '0.1.0',
  inputs: [...new Map(inputs.map((i) => [i.file, i])).values()],
  lang: 'zh',
});
const sheet = (name: string): SheetSpec => specs.find((s) => s.name === name)!;
const column = (spec: SheetSpec, header: string): number => spec.columns.findIndex((c) => c.header === header);
const cellOf = (spec: SheetSpec, row: readonly CellValue[], header: string): CellValue => row[column(spec, header)];

describe('returnSheets', () => {
  it('writes 汇总 first, then 明细, 问题清单, 说明', () => {
    expect(specs.map((s) => s.name)).toEqual([...RETURN_SHEET_NAMES]);
    expect(RETURN_SHEET_NAMES[0]).toBe('汇总');
  });

  it('never writes a formula: every value is a plain value', () => {
    for (const spec of specs) {
      for (const row of [...(spec.preamble ?? []), ...spec.rows, ...(spec.footer ?? [])]) {
        for (const value of row)
          expect(
            value === null ||
              value === undefined ||
              ['string', 'number', 'boolean'].includes(typeof value) ||
              value instanceof Date,
          ).toBe(true);
      }
    }
  });
});

describe('汇总', () => {
  const s = sheet('汇总');

  it('states the as-of date and the missing counties above the table', () => {
    expect(s.preamble).toContainEqual(['核对日期', '2026-05-31']);
    expect(s.preamble).toContainEqual(['未报送县区', '垦利区、利津县']);
  });

  it('has one line per county with the five categories and the figures of the issue', () => {
    expect(s.columns.map((c) => c.header)).toEqual([
      '县区',
      '报送情况',
      '报送文件',
      '台账条数',
      '党委议事协调机构',
      '政府议事协调机构',
      '部门间联席会议',
      '工作专班',
      '协调机制（不纳入议事协调机构管理）',
      '类别未明（存续）',
      '议事协调机构合计（第1–2类存续）',
      '已撤销/合并',
      '错误',
      '警告',
      '疑似重复',
      '超期未撤销',
      '即将到期',
    ]);
    expect(s.rows.map((r) => r[0])).toEqual(['东营区', '河口区', '垦利区', '利津县', '广饶县']);
    const dongying = s.rows[0]!;
    // Both files of 东营区 are counted: 8 + 1 rows, 2 + 1 Party bodies.
    expect(dongying.slice(1, 12)).toEqual(['重复报送', 2, 9, 3, 2, 1, 1, 1, 0, 5, 1]);
    const hekou = s.rows[1]!;
    expect(hekou.slice(1, 12)).toEqual(['已报送', 1, 3, 1, 2, 0, 0, 0, 0, 3, 0]);
  });

  it('leaves a missing county’s figures blank, not zero, except its error', () => {
    const kenli = s.rows[2]!;
    expect(kenli[1]).toBe('未报送');
    expect(cellOf(s, kenli, '台账条数')).toBeNull();
    expect(cellOf(s, kenli, '党委议事协调机构')).toBeNull();
    expect(cellOf(s, kenli, '错误')).toBe(1);
  });

  it('ends with a 合计 line of values the tool computed, and notes on what is not counted', () => {
    const total = s.footer![0]!;
    expect(total[0]).toBe('合计');
    // Column by column, the 合计 is the sum of the county lines.
    for (let i = 2; i < s.columns.length; i++) {
      const sum = s.rows.reduce((n, r) => n + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
      expect(total[i]).toBe(sum);
    }
    expect(cellOf(s, total, '台账条数')).toBe(14);
    expect(cellOf(s, total, '议事协调机构合计（第1–2类存续）')).toBe(9);
    const notes = s.footer!.slice(1).map((r) => String(r[0]));
    expect(notes.some((n) => n.includes('东营区报送了多份台账') && n.includes('东营区-补报.xlsx'))).toBe(true);
    expect(
      notes.some((n) => n.startsWith('台账.xlsx › 县级') && n.includes('未能确定所属县区') && n.includes('2 条')),
    ).toBe(true);
  });
});

describe('明细', () => {
  const s = sheet('明细');

  it('has 县区 first, the seven fields in order, the optional columns, and 来源 last', () => {
    const headers = s.columns.map((c) => c.header);
    expect(headers[0]).toBe('县区');
    expect(headers.slice(1, 9)).toEqual([
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
    ]);
    expect(headers).toContain('联系电话');
    expect(headers.filter((h) => h === '县区')).toHaveLength(1);
    expect(headers[headers.length - 1]).toBe('来源');
    expect(s.table).toBe(true);
    expect(s.freezeHeader).toBe(true);
    expect(s.columns.every((c) => (c.width ?? 0) >= 6)).toBe(true);
  });

  it('has one line per counted row with its source', () => {
    expect(s.rows).toHaveLength(ret.rows.length);
    expect(s.rows).toHaveLength(14);
    expect(cellOf(s, s.rows[0]!, '来源')).toBe('东营区.xlsx › Sheet1 › 2');
    expect(cellOf(s, s.rows[9]!, '来源')).toBe('河口区.xlsx › Sheet1 › 3');
    expect(s.rows.some((r) => String(cellOf(s, r, '来源')).startsWith('台账.xlsx'))).toBe(false);
  });

  it('writes full dates as dates and keeps a month-only date as text at its own precision', () => {
    const at = (name: string) =>
      s.rows.find((r) => cellOf(s, r, '机构名称') === name && cellOf(s, r, '县区') === '东营区')!;
    expect(cellOf(s, at('区委全面深化改革委员会'), '设立时间')).toBe('2019-03');
    expect(cellOf(s, at('区委财经委员会'), '设立时间')).toEqual(new Date(Date.UTC(2019, 3, 12)));
    // Excel serial 43525 is 2019-03-01.
    expect(cellOf(s, at('区安全生产委员会'), '设立时间')).toEqual(new Date(Date.UTC(2019, 2, 1)));
    expect(s.columns[column(s, '设立时间')]!.format).toBe('date');
  });

  it('writes category and status as their standard labels', () => {
    const abolished = s.rows.find((r) => cellOf(s, r, '机构名称') === '区创建全国文明城市指挥部')!;
    expect(cellOf(s, abolished, '状态')).toBe('已撤销');
    expect(cellOf(s, s.rows[0]!, '状态')).toBe('存续');
    expect(cellOf(s, s.rows[0]!, '类别')).toBe('党委议事协调机构');
  });
});

describe('问题清单', () => {
  const s = sheet('问题清单');

  it('has one line per finding with county, source, code, severity, message and suggestion', () => {
    expect(s.rows).toHaveLength(ret.findings.length);
    for (const h of ['县区', '来源', '代码', '级别', '问题', '建议']) expect(column(s, h)).toBeGreaterThanOrEqual(0);
  });

  it('is sorted by county, then row', () => {
    const counties = s.rows.map((r) => String(cellOf(s, r, '县区')));
    const order = ['东营区', '河口区', '垦利区', '利津县', '广饶县', '（未确定县区）'];
    const ranks = counties.map((c) => order.indexOf(c));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('names both files of a duplicate submission and says which county sent nothing', () => {
    const dup = s.rows.find((r) => cellOf(s, r, '代码') === 'duplicate-submission')!;
    expect(cellOf(s, dup, '来源')).toBe('东营区.xlsx；东营区-补报.xlsx');
    expect(cellOf(s, dup, '级别')).toBe('错误');
    const missing = s.rows.filter((r) => cellOf(s, r, '代码') === 'missing-submission');
    expect(missing.map((r) => [cellOf(s, r, '县区'), cellOf(s, r, '问题')])).toEqual([
      ['垦利区', '垦利区未报送台账'],
      ['利津县', '利津县未报送台账'],
    ]);
  });

  it('names the other row of a duplicate with its file and sheet, since row numbers alone are ambiguous across files', () => {
    const dup = s.rows.find(
      (r) => cellOf(s, r, '代码') === 'duplicate-name' && String(cellOf(s, r, '来源')).startsWith('东营区-补报.xlsx'),
    )!;
    expect(cellOf(s, dup, '来源')).toBe('东营区-补报.xlsx › Sheet1 › 2');
    expect(cellOf(s, dup, '相关行')).toBe('东营区.xlsx › Sheet1 › 2 区委全面深化改革委员会');
  });

  it('speaks English when asked', () => {
    const en = returnSheets(ret, { toolVersion: '0.1.0', inputs, lang: 'en' }).find((x) => x.name === '问题清单')!;
    const missing = en.rows.find((r) => r[3] === 'missing-submission')!;
    expect(missing[5]).toBe('垦利区 sent no register');
    expect(missing[4]).toBe('Error');
  });
});

describe('说明', () => {
  const s = sheet('说明');

  it('records the tool version, the as-of date and the settings', () => {
    expect(s.preamble).toContainEqual(['生成工具', '议事协调机构管理台账工具 0.1.0']);
    expect(s.preamble).toContainEqual(['核对日期', '2026-05-31']);
    expect(s.preamble).toContainEqual(['应报县区', '东营区、河口区、垦利区、利津县、广饶县']);
  });

  it('lists each input with its size, SHA-256, county and how the county was found', () => {
    expect(s.rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['东营区.xlsx', 10_000, '东营区', '县区/填报单位列'],
      ['东营区-补报.xlsx', 10_001, '东营区', '县区/填报单位列'],
      ['河口区.xlsx', 10_002, '河口区', '标题'],
      ['广饶县-2026台账.xlsx', 10_003, '广饶县', '文件名'],
      ['台账.xlsx', 10_004, '', ''],
    ]);
    expect(s.rows[0]![2]).toBe('0'.repeat(64));
    expect(String(s.rows[4]![5])).toContain('未能确定所属县区');
  });
});
