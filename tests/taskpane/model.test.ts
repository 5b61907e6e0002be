/** The pane's pure helpers: grouping, cells to select and mark, the flags view, the new register, the settings form. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, STATUSES } from '../../src/ledger/categories';
import { DEFAULT_DEPARTMENTS } from '../../src/ledger/departments';
import { finding, type Finding } from '../../src/ledger/findings';
import { makeSettings, parseSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { marksFor, targetCell, distinctCells } from '../../src/taskpane/model/cells';
import { gatherInputs, isReturnSheet, sha256Hex, sheetSourceName } from '../../src/taskpane/model/consolidation';
import { flagsView } from '../../src/taskpane/model/flagsView';
import { groupByCode, groupByRow } from '../../src/taskpane/model/findingGroups';
import { newRegisterSpec } from '../../src/taskpane/model/newRegister';
import { luminance, themeForOfficeBackground } from '../../src/taskpane/theme';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { aliasesFor, departmentsText, formOf, inputOf, splitList } from '../../src/taskpane/model/settingsForm';
import { FakePort } from './fakePort';
import { brokenRegister, GOOD_ROWS, register } from './registers';

const f = (
  code: Finding['code'],
  row: number | null,
  columnIndex?: number,
  extra: Partial<Parameters<typeof finding>[0]> = {},
) => finding({ code, sheet: '台账', row, column: columnIndex === undefined ? null : '列', columnIndex, ...extra });

describe('grouping findings', () => {
  const findings = [
    f('unknown-department', 5, 6, { value: '市大数据局' }),
    f('missing-column', null),
    f('invalid-date', 4, 4, { value: '2019年13月' }),
    f('shared-basis-document', 4, 5),
    f('invalid-date', 9, 4, { value: '2019.13' }),
  ];

  it('by code: errors first, then warnings and info, each group with its findings', () => {
    const groups = groupByCode(findings);
    expect(groups.map((g) => [g.code, g.severity, g.findings.length])).toEqual([
      ['missing-column', 'error', 1],
      ['invalid-date', 'error', 2],
      ['unknown-department', 'warning', 1],
      ['shared-basis-document', 'info', 1],
    ]);
  });

  it('by row: whole-sheet findings first, then rows in order, with the worst severity', () => {
    const groups = groupByRow(findings);
    expect(groups.map((g) => [g.key, g.severity, g.findings.map((x) => x.code)])).toEqual([
      ['sheet', 'error', ['missing-column']],
      ['row:4', 'error', ['invalid-date', 'shared-basis-document']],
      ['row:5', 'warning', ['unknown-department']],
      ['row:9', 'error', ['invalid-date']],
    ]);
  });
});

describe('cells of findings', () => {
  const report = {
    headerRow: 3,
    columns: [
      { column: 2, header: '序号', field: 'seq' as const },
      { column: 3, header: '机构名称', field: 'name' as const },
    ],
  };

  it('selects the finding’s cell, the row’s first column, or the header row', () => {
    expect(targetCell(f('invalid-date', 17, 5), report)).toEqual({ row: 17, column: 5 });
    expect(targetCell(f('duplicate-name', 18), report)).toEqual({ row: 18, column: 2 });
    expect(targetCell(f('missing-column', null), report)).toEqual({ row: 3, column: 2 });
  });

  it('marks only findings that point at one cell, counting each cell once', () => {
    const marks = marksFor([
      f('invalid-date', 4, 4),
      f('future-date', 4, 4),
      f('over-limit', null),
      f('duplicate-name', 18),
    ]);
    expect(marks).toEqual([
      { sheet: '台账', row: 4, column: 4, severity: 'error' },
      { sheet: '台账', row: 4, column: 4, severity: 'error' },
    ]);
    expect(distinctCells(marks)).toBe(1);
  });
});

describe('the flags view', () => {
  it('pairs duplicates once, and sorts overdue and expiring bodies by their end date', () => {
    const rows = [
      [
        1,
        '市安全生产委员会',
        '政府议事协调机构',
        '2019-05-06',
        '东政字〔2019〕21号',
        '市应急局',
        '长期',
        '2019年设立',
        '省级设有',
        '存续',
      ],
      [
        2,
        '东营市安全生产委员会',
        '政府议事协调机构',
        '2019-05-06',
        '东政字〔2019〕21号',
        '市应急局',
        '长期',
        '2019年设立',
        '省级设有',
        '存续',
      ],
      [
        3,
        '市第七次全国人口普查领导小组',
        '政府议事协调机构',
        '2019年10月',
        '东政办字〔2019〕50号',
        '市统计局',
        '至2025年6月30日',
        '2019年设立',
        '省级设有',
        '存续',
      ],
      [
        4,
        '市第五次全国经济普查领导小组',
        '政府议事协调机构',
        '2023年3月',
        '东政办字〔2023〕6号',
        '市统计局',
        '至2024年12月31日',
        '2023年设立',
        '省级设有',
        '存续',
      ],
      [
        5,
        '市创建全国文明城市工作指挥部',
        '党委议事协调机构',
        '2021年5月',
        '东办字〔2021〕9号',
        '市委宣传部',
        '至2027年1月31日',
        '2021年设立',
        '上级未设置',
        '存续',
      ],
    ];
    const report = validateSheet(
      register('台账', rows, '东营市市级议事协调机构管理台账'),
      makeSettings({ asOf: '2026-11-25' }),
    );
    const view = flagsView(report);
    expect(view.pairs.map((p) => [p.rowA, p.rowB, p.identical, p.nameA, p.nameB])).toEqual([
      [4, 5, true, '市安全生产委员会', '东营市安全生产委员会'],
    ]);
    expect(view.overdue.map((o) => [o.row, o.end])).toEqual([
      [7, '2024-12-31'],
      [6, '2025-06-30'],
    ]);
    expect(view.expiring.map((o) => [o.row, o.name, o.days])).toEqual([[8, '市创建全国文明城市工作指挥部', '67']]);
  });

  it('reads the other row from the message parameters when a finding has no related rows', () => {
    const lone = f('duplicate-name', 12, 2, { value: '市安委会', params: { otherRows: '30、41' } });
    expect(flagsView({ rows: [], findings: [lone] }).pairs.map((p) => [p.rowA, p.rowB, p.nameA])).toEqual([
      [12, 30, '市安委会'],
      [12, 41, '市安委会'],
    ]);
  });
});

describe('the new register sheet', () => {
  it('has 序号, the 7 fields and the chosen columns, with dropdowns for 类别, 状态 and the departments', () => {
    const settings = makeSettings();
    const spec = newRegisterSpec(
      {
        sheetName: '议事协调机构管理台账',
        title: '潍坊市市级议事协调机构管理台账',
        optional: ['status', 'category', 'phone'],
        blankRows: 200,
      },
      settings,
    );
    expect(spec.columns.map((c) => c.header)).toEqual([
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
      '类别',
      '状态',
      '联系电话',
    ]);
    const list = (header: string) => spec.columns.find((c) => c.header === header)?.list;
    expect(list('类别')).toEqual(CATEGORIES.map((c) => c.label));
    expect(list('状态')).toEqual(['存续', '已撤销', '已合并', '已更名']);
    expect(list('办事机构所在部门')).toEqual(DEFAULT_DEPARTMENTS);
    expect(list('机构名称')).toBeUndefined();
    expect(spec.columns.find((c) => c.header === '联系电话')?.format).toBe('text');
    expect(spec.preamble).toEqual([['潍坊市市级议事协调机构管理台账']]);
    expect(spec).toMatchObject({
      name: '议事协调机构管理台账',
      rows: [],
      table: true,
      freezeHeader: true,
      blankRows: 200,
    });
    expect(STATUSES.length).toBe(4);
  });

  it('is recognised as a register by the validator, header and all', () => {
    const spec = newRegisterSpec(
      { sheetName: '台账', title: '东营区议事协调机构管理台账', optional: ['category', 'status'], blankRows: 1 },
      makeSettings(),
    );
    const body = [
      1,
      '东营区安全生产委员会',
      '2019-03-15',
      '东区发〔2019〕3号',
      '东营区应急管理局',
      '长期',
      '2019年设立',
      '市级设有',
      '政府议事协调机构',
      '存续',
    ];
    const report = validateSheet(
      { sheet: '台账', values: [...(spec.preamble ?? []), spec.columns.map((c) => c.header), body] },
      makeSettings(),
    );
    expect(report.status).toBe('validated');
    expect(report.headerRow).toBe(2);
    expect(report.findings.filter((x) => x.code === 'missing-column')).toEqual([]);
  });

  it('keeps the number of prepared rows sensible', () => {
    const spec = (n: number) =>
      newRegisterSpec({ sheetName: '', title: '', optional: [], blankRows: n }, makeSettings());
    expect(spec(0).blankRows).toBe(1);
    expect(spec(1e6).blankRows).toBe(5000);
    expect(spec(0).name).toBe('机构名称');
    expect(spec(0).preamble).toBeUndefined();
  });
});

describe('the settings form', () => {
  it('splits pasted lists on new lines and Chinese or Latin separators', () => {
    expect(splitList('东营区、河口区，垦利区\n利津县; 广饶县,东营区')).toEqual([
      '东营区',
      '河口区',
      '垦利区',
      '利津县',
      '广饶县',
    ]);
  });

  it('keeps the default short forms of listed departments and adds the list’s own', () => {
    const aliases = aliasesFor({ departments: ['市应急局', '东营区司法局'], aliases: { 区司法局: '东营区司法局' } });
    expect(aliases.市应急管理局).toBe('市应急局');
    expect(aliases.区司法局).toBe('东营区司法局');
    expect(aliases.市发改委).toBeUndefined();
  });

  it('round-trips settings through the form, storing no as-of date when “today” is on', () => {
    const settings = makeSettings({
      asOf: '2026-11-25',
      expectedCounties: ['东营区', '河口区'],
      activeBodyLimit: 40,
      departments: ['东营区应急管理局'],
      departmentAliases: { 区应急局: '东营区应急管理局' },
    });
    const form = formOf(settings, { asOf: '2026-11-25' });
    expect(form).toMatchObject({
      asOf: '2026-11-25',
      asOfToday: false,
      expectedCounties: '东营区、河口区',
      activeBodyLimit: '40',
      departments: '东营区应急管理局\n区应急局=东营区应急管理局',
    });
    const parsed = parseSettings(inputOf(form));
    expect(parsed.ok && parsed.settings).toEqual(settings);

    const today = inputOf({ ...form, asOfToday: true, activeBodyLimit: '', expiringWindowDays: '' });
    expect(today).not.toHaveProperty('asOf');
    expect(today).not.toHaveProperty('expiringWindowDays');
    expect(today.activeBodyLimit).toBeNull();
  });

  it('lets parseSettings report a threshold that is not a number', () => {
    const form = formOf(makeSettings(), {});
    const parsed = parseSettings(inputOf({ ...form, similarNameThreshold: '很高' }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join()).toContain('similarNameThreshold');
  });

  it('shows only aliases that differ from the defaults in the department box', () => {
    expect(departmentsText(makeSettings())).toBe(DEFAULT_DEPARTMENTS.join('\n'));
  });
});

describe('gathering the return’s inputs', () => {
  it('never offers the return’s own sheets as county registers', () => {
    const names = ['汇总', '明细', '问题清单', '说明'];
    expect(['汇总', '汇总 (2)', '说明', '东营区', '汇总表'].filter((n) => !isReturnSheet(n, names))).toEqual([
      '东营区',
      '汇总表',
    ]);
  });

  it('reads sheets and files, lists an unreadable file instead of dropping it, and hashes every input', async () => {
    const port = new FakePort([
      register('东营区', GOOD_ROWS, '东营区议事协调机构管理台账'),
      brokenRegister('河口区', 2),
    ]);
    const progress: number[] = [];
    const bad = { name: '广饶县.xlsx', bytes: new TextEncoder().encode('not a workbook').buffer };
    const gathered = await gatherInputs(
      port,
      ['东营区', '河口区'],
      [bad],
      '本工作簿',
      new AbortController().signal,
      (p) => progress.push(p),
    );
    expect(gathered.submissions.map((s) => [s.file, s.grid.sheet])).toEqual([
      ['本工作簿/东营区', '东营区'],
      ['本工作簿/河口区', '河口区'],
    ]);
    expect(gathered.unreadable).toEqual([
      { file: '广饶县.xlsx', message: '广饶县.xlsx：不是 .xlsx 文件。', messageEn: '广饶县.xlsx：不是 .xlsx 文件。' },
    ]);
    expect(gathered.inputs.map((i) => i.file)).toEqual(['本工作簿/东营区', '本工作簿/河口区', '广饶县.xlsx']);
    expect(gathered.inputs[2]).toMatchObject({
      size: 14,
      sha256: await sha256Hex(new TextEncoder().encode('not a workbook')),
    });
    expect(progress.at(-1)).toBe(1);
    expect(sheetSourceName('本工作簿', '广饶县-2026台账')).toBe('本工作簿/广饶县-2026台账');
  });

  it('computes SHA-256 as the CLI does', async () => {
    // SHA-256 of "abc" (FIPS 180-2 test vector).
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('the Office theme', () => {
  it('turns Office’s dark grey and black themes dark, and white, colourful or unknown ones light', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000')).toBe(0);
    expect(luminance('not a colour')).toBeNull();
    const background = (bodyBackgroundColor: string | undefined) =>
      themeForOfficeBackground(bodyBackgroundColor).colorNeutralBackground1;
    expect(background('#262626')).toBe(webDarkTheme.colorNeutralBackground1);
    expect(background('#000000')).toBe(webDarkTheme.colorNeutralBackground1);
    expect(background('#FFFFFF')).toBe(webLightTheme.colorNeutralBackground1);
    expect(background('#E6E6E6')).toBe(webLightTheme.colorNeutralBackground1);
    expect(background(undefined)).toBe(webLightTheme.colorNeutralBackground1);
    // Chinese text gets a CJK font before the generic family.
    expect(themeForOfficeBackground('#FFFFFF').fontFamilyBase).toMatch(
      /'Microsoft YaHei'.*'Noto Sans CJK SC'.*sans-serif$/,
    );
  });
});
