import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidatedReturn, type Submission } from '../../src/ledger/consolidate';
import { makeSettings } from '../../src/ledger/settings';
import { DONGYING, EXPECTED, GUANGRAO, HEKOU, registerGrid, type Body } from './grids';

const settings = makeSettings({ asOf: '2026-05-31', expectedCounties: EXPECTED });

const dongying = (file = '东营区.xlsx', bodies: readonly Body[] = DONGYING): Submission => ({
  file,
  grid: registerGrid(bodies, { countyColumn: { header: '县区', values: '东营区' } }),
});
const hekou = (): Submission => ({
  file: '河口区报送.xlsx',
  grid: registerGrid(HEKOU, {
    title: ['河口区议事协调机构管理台账', '填报单位：中共河口区委机构编制委员会办公室  填报日期：2026年5月20日'],
  }),
});
const guangrao = (): Submission => ({
  file: '广饶县-2026台账.xlsx',
  grid: registerGrid(GUANGRAO, { title: ['议事协调机构管理台账'] }),
});

const tallyOf = (ret: ConsolidatedReturn, county: string) => ret.counties.find((c) => c.county === county)!;
const codesOf = (ret: ConsolidatedReturn, county: string | null) =>
  ret.findings.filter((f) => f.county === county).map((f) => f.finding.code);

describe('consolidate: counties, totals and missing submissions', () => {
  const ret = consolidate([dongying(), hekou(), guangrao()], settings);

  it('lists the expected counties in the order given, missing ones included', () => {
    expect(ret.counties.map((c) => [c.county, c.state])).toEqual([
      ['东营区', 'submitted'],
      ['河口区', 'submitted'],
      ['垦利区', 'missing'],
      ['利津县', 'missing'],
      ['广饶县', 'submitted'],
    ]);
    expect(ret.missing).toEqual(['垦利区', '利津县']);
  });

  it('says where each county came from: column, title, file name', () => {
    expect(ret.registers.map((r) => (r.status === 'included' ? [r.file, r.county, r.countyBasis] : r.status))).toEqual([
      ['东营区.xlsx', '东营区', 'column'],
      ['河口区报送.xlsx', '河口区', 'title'],
      ['广饶县-2026台账.xlsx', '广饶县', 'file-name'],
    ]);
  });

  it('counts active bodies by category; abolished ones apart', () => {
    const d = tallyOf(ret, '东营区');
    expect(d.rows).toBe(8);
    expect(d.activeByCategory).toEqual({ 1: 2, 2: 2, 3: 1, 4: 1, 5: 1 });
    expect(d.activeCoordinating).toBe(4);
    expect(d.abolishedOrMerged).toBe(1);
    expect(d.activeUncategorised).toBe(0);
    expect(tallyOf(ret, '河口区').activeByCategory).toEqual({ 1: 1, 2: 2, 3: 0, 4: 0, 5: 0 });
    expect(tallyOf(ret, '广饶县').activeByCategory).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, 5: 0 });
    expect(ret.total.rows).toBe(13);
    expect(ret.total.activeByCategory).toEqual({ 1: 4, 2: 4, 3: 2, 4: 1, 5: 1 });
    expect(ret.total.activeCoordinating).toBe(8);
    expect(ret.total.abolishedOrMerged).toBe(1);
  });

  it('reports every expected county that sent nothing', () => {
    const missing = ret.findings.filter((f) => f.finding.code === 'missing-submission');
    expect(missing.map((f) => [f.county, f.finding.severity, f.file])).toEqual([
      ['垦利区', 'error', null],
      ['利津县', 'error', null],
    ]);
    expect(tallyOf(ret, '垦利区')).toMatchObject({ state: 'missing', rows: 0, errors: 1, files: [] });
  });

  it('counts errors and warnings per county from its own findings, and the total from all counties', () => {
    for (const c of ret.counties) {
      const own = ret.findings.filter((f) => f.county === c.county).map((f) => f.finding.severity);
      expect(c.errors).toBe(own.filter((s) => s === 'error').length);
      expect(c.warnings).toBe(own.filter((s) => s === 'warning').length);
    }
    expect(ret.total.errors).toBe(ret.counties.reduce((n, c) => n + c.errors, 0));
  });

  it('keeps every row with its county and source, grouped by county', () => {
    expect(ret.rows).toHaveLength(13);
    expect(ret.rows.map((r) => r.county)).toEqual([
      ...Array(8).fill('东营区'),
      ...Array(3).fill('河口区'),
      ...Array(2).fill('广饶县'),
    ]);
    const first = ret.rows[0]!;
    expect([first.file, first.row.sheet, first.row.row, first.row.name]).toEqual([
      '东营区.xlsx',
      'Sheet1',
      2,
      '区委全面深化改革委员会',
    ]);
    // 河口区 has two lines above the header: its first body is on sheet row 4.
    const hekouFirst = ret.rows.find((r) => r.county === '河口区')!;
    expect([hekouFirst.row.row, hekouFirst.row.name]).toEqual([4, '区委全面依法治区委员会']);
  });

  it('adds a county that is not on the expected list after the expected ones', () => {
    const lijin: Submission = {
      file: '利津县.xlsx',
      grid: registerGrid(HEKOU, { title: ['利津县议事协调机构管理台账'] }),
    };
    const out = consolidate([lijin, dongying()], makeSettings({ asOf: '2026-05-31', expectedCounties: ['东营区'] }));
    expect(out.counties.map((c) => [c.county, c.expected])).toEqual([
      ['东营区', true],
      ['利津县', false],
    ]);
    const outNoList = consolidate([dongying(), guangrao()], makeSettings({ asOf: '2026-05-31' }));
    expect(outNoList.counties.map((c) => [c.county, c.expected])).toEqual([
      ['东营区', false],
      ['广饶县', false],
    ]);
    expect(outNoList.missing).toEqual([]);
  });

  it('finds a county-level zone named on the expected list, whatever its name looks like', () => {
    const zone: Submission = {
      file: '开发区.xlsx',
      grid: registerGrid(HEKOU, { title: ['东营经济技术开发区议事协调机构台账'] }),
    };
    const out = consolidate([zone], makeSettings({ asOf: '2026-05-31', expectedCounties: ['东营经济技术开发区'] }));
    expect(out.registers[0]).toMatchObject({ status: 'included', county: '东营经济技术开发区', countyBasis: 'title' });
  });
});

describe('consolidate: two files for one county', () => {
  const ret = consolidate(
    [dongying('东营区.xlsx'), dongying('东营区（修改稿）.xlsx', DONGYING.slice(0, 5)), hekou()],
    settings,
  );

  it('raises duplicate-submission naming both files, once', () => {
    const dup = ret.findings.filter((f) => f.finding.code === 'duplicate-submission');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.county).toBe('东营区');
    expect(dup[0]!.finding.severity).toBe('error');
    expect(dup[0]!.finding.params.sources).toBe('东营区.xlsx、东营区（修改稿）.xlsx');
    expect(dup[0]!.finding.related?.map((r) => r.file)).toEqual(['东营区.xlsx', '东营区（修改稿）.xlsx']);
  });

  it('drops neither: both files’ rows are kept and counted for the county, which is marked', () => {
    const d = tallyOf(ret, '东营区');
    expect(d.state).toBe('duplicate');
    expect(d.files).toEqual(['东营区.xlsx', '东营区（修改稿）.xlsx']);
    expect(d.rows).toBe(13);
    expect(ret.rows.filter((r) => r.file === '东营区（修改稿）.xlsx')).toHaveLength(5);
    expect(d.activeByCategory[1]).toBe(4);
  });

  it('does not call two sheets of one workbook a duplicate submission', () => {
    const twoSheets: Submission[] = [
      { file: '利津县.xlsx', grid: registerGrid(GUANGRAO.slice(0, 1), { sheet: '党委' }) },
      { file: '利津县.xlsx', grid: registerGrid(HEKOU.slice(1), { sheet: '政府' }) },
    ];
    const out = consolidate(twoSheets, settings);
    expect(codesOf(out, '利津县')).not.toContain('duplicate-submission');
    expect(tallyOf(out, '利津县')).toMatchObject({ state: 'submitted', rows: 3, files: ['利津县.xlsx'] });
  });
});

describe('consolidate: registers whose county is not known', () => {
  const broken: Body[] = [
    [
      '县委机构编制委员会',
      '党委议事协调机构',
      '',
      '广发〔2019〕2号',
      '县委组织部',
      '长期',
      '2019年调整',
      '市级设有市委机构编制委员会',
    ],
  ];
  const unknown: Submission = {
    file: '台账（最终版）.xlsx',
    grid: registerGrid(broken, { title: ['议事协调机构管理台账'] }),
  };
  const mixed: Submission = {
    file: '各县区汇总.xlsx',
    grid: registerGrid(HEKOU, {
      countyColumn: { header: '填报单位', values: ['河口区委编办', '利津县委编办', '河口区委编办'] },
    }),
  };
  const ret = consolidate([dongying(), unknown, mixed], settings);

  it('leaves them out of the rows and the totals, and says why', () => {
    expect(
      ret.registers
        .filter((r) => r.status === 'unassigned')
        .map((r) => r.status === 'unassigned' && [r.file, r.reason, r.candidates, r.rowCount]),
    ).toEqual([
      ['台账（最终版）.xlsx', 'no-county', [], 1],
      [
        '各县区汇总.xlsx',
        'mixed-county',
        [
          { county: '河口区', rows: 2 },
          { county: '利津县', rows: 1 },
        ],
        3,
      ],
    ]);
    expect(ret.rows.every((r) => r.file === '东营区.xlsx')).toBe(true);
    expect(ret.total.rows).toBe(8);
    expect(ret.missing).toContain('河口区');
  });

  it('still reports their findings, under no county, after every county', () => {
    const last = ret.findings[ret.findings.length - 1]!;
    expect(last.county).toBeNull();
    const missingDate = ret.findings.find(
      (f) => f.file === '台账（最终版）.xlsx' && f.finding.code === 'missing-value',
    );
    expect(missingDate?.finding).toMatchObject({ row: 3, column: '设立时间' });
    expect(missingDate?.county).toBeNull();
    expect(ret.summary.error).toBeGreaterThan(ret.total.errors);
  });
});

describe('consolidate: sheets that are not registers', () => {
  it('lists a notes sheet as skipped and counts nothing for it', () => {
    const notes: Submission = {
      file: '东营区.xlsx',
      grid: { sheet: '填表说明', values: [['填表说明'], ['1. 设立时间精确到日'], ['2. 依据文件写发文字号']] },
    };
    const empty: Submission = { file: '东营区.xlsx', grid: { sheet: 'Sheet3', values: [] } };
    const ret = consolidate([dongying(), notes, empty], settings);
    expect(ret.registers.map((r) => [r.sheet, r.status, r.status === 'skipped' ? r.reason : r.status])).toEqual([
      ['Sheet1', 'included', 'included'],
      ['填表说明', 'skipped', 'no-header'],
      ['Sheet3', 'skipped', 'empty-sheet'],
    ]);
    expect(tallyOf(ret, '东营区').rows).toBe(8);
  });

  it('keeps unreadable inputs given by the host', () => {
    const ret = consolidate([dongying()], settings, {
      unreadable: [
        { file: '垦利区.xls', message: '垦利区.xls：这是旧版 Excel 97-2003（.xls）文件', messageEn: 'old .xls' },
      ],
    });
    expect(ret.unreadable.map((u) => u.file)).toEqual(['垦利区.xls']);
    expect(ret.missing).toContain('垦利区');
  });
});

describe('consolidate: formula-text', () => {
  const bodies: Body[] = [
    [
      '区委全面深化改革委员会',
      '党委议事协调机构',
      '2019-03-01',
      '东区委发〔2019〕5号',
      '区委办公室',
      '长期',
      '-2019年由区委全面深化改革领导小组更名',
      '市级设有市委全面深化改革委员会',
    ],
    [
      '区安全生产委员会',
      '政府议事协调机构',
      '2019-03-01',
      '东政发〔2019〕12号',
      '\t区应急局',
      '长期',
      '=HYPERLINK("http://example.com","2019年调整")',
      '@市安全生产委员会',
    ],
    [
      '区食品安全委员会',
      '政府议事协调机构',
      '2020-06-01',
      '东政字〔2020〕30号',
      '区市场监管局',
      '长期',
      '2020年设立',
      '-',
    ],
  ];
  const ret = consolidate(
    [{ file: '东营区.xlsx', grid: registerGrid(bodies, { title: ['东营区议事协调机构管理台账'] }) }],
    settings,
  );
  const formula = ret.findings.filter((f) => f.finding.code === 'formula-text').map((f) => f.finding);

  it('flags every text that starts with = + - @ or a tab, where it is', () => {
    expect(formula.map((f) => [f.row, f.column, f.columnIndex, f.severity])).toEqual([
      [3, '历史沿革', 8, 'warning'],
      [4, '办事机构所在部门', 6, 'warning'],
      [4, '历史沿革', 8, 'warning'],
      [4, '上级机构设置情况', 9, 'warning'],
    ]);
    expect(formula[2]!.value).toBe('=HYPERLINK("http://example.com","2019年调整")');
  });

  it('does not take a lone dash (an empty-cell placeholder) for a formula', () => {
    expect(formula.some((f) => f.row === 5)).toBe(false);
  });

  it('keeps the text as it is in the rows', () => {
    expect(ret.rows[1]!.row.cells.history?.text).toBe('=HYPERLINK("http://example.com","2019年调整")');
  });
});

describe('consolidate: duplicates are compared within a county, never across', () => {
  it('does not flag the same body kept by two counties', () => {
    // Both 东营区 and 河口区 have a 区安全生产委员会 and a 区防汛抗旱指挥部-like body of their own.
    const ret = consolidate([dongying(), hekou()], settings);
    expect(
      ret.findings.filter((f) => f.finding.code === 'duplicate-name' || f.finding.code === 'similar-name'),
    ).toEqual([]);
  });

  it('flags the same body on two sheets of one county’s workbook, pointing at the other sheet', () => {
    const party = registerGrid(DONGYING.slice(0, 2), { sheet: '党委', title: ['东营区议事协调机构管理台账'] });
    const government = registerGrid(
      [
        DONGYING[2]!,
        [
          '东营区委财经委员会',
          '党委议事协调机构',
          '2019-04-12',
          '东区委发〔2019〕8号',
          '区发展改革委',
          '长期',
          '2019年设立',
          '市级设有市委财经委员会',
        ],
      ],
      { sheet: '政府', title: ['东营区议事协调机构管理台账'] },
    );
    const ret = consolidate(
      [
        { file: '东营区.xlsx', grid: party },
        { file: '东营区.xlsx', grid: government },
      ],
      settings,
    );
    const dups = ret.findings.filter((f) => f.finding.code === 'duplicate-name');
    expect(
      dups.map((f) => [
        f.file,
        f.finding.sheet,
        f.finding.row,
        f.finding.related?.[0]?.sheet,
        f.finding.related?.[0]?.row,
        f.finding.related?.[0]?.file,
      ]),
    ).toEqual([
      ['东营区.xlsx', '党委', 4, '政府', 4, '东营区.xlsx'],
      ['东营区.xlsx', '政府', 4, '党委', 4, '东营区.xlsx'],
    ]);
    expect(tallyOf(ret, '东营区').duplicates).toBe(2);
  });

  it('flags the bodies two files of one county both list, naming the other file', () => {
    const ret = consolidate(
      [dongying('东营区.xlsx'), dongying('东营区（修改稿）.xlsx', DONGYING.slice(2, 3))],
      settings,
    );
    const dups = ret.findings.filter((f) => f.finding.code === 'duplicate-name');
    expect(
      dups.map((f) => [f.file, f.finding.row, f.finding.related?.map((r) => `${r.file} ${r.sheet} ${r.row}`)]),
    ).toEqual([
      ['东营区.xlsx', 4, ['东营区（修改稿）.xlsx Sheet1 2']],
      ['东营区（修改稿）.xlsx', 2, ['东营区.xlsx Sheet1 4']],
    ]);
  });
});
