// @vitest-environment jsdom
/** The 标记, 汇总, 新建台账 and 设置 tabs against a fake WorkbookPort. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RETURN_SHEET_NAMES } from '../../src/ledger/consolidate';
import { App } from '../../src/taskpane/App';
import { storedSettingsProblem } from '../../src/taskpane/model/settingsForm';
import './domTimeouts';
import { FakePort } from './fakePort';
import { GOOD_ROWS, register } from './registers';

afterEach(cleanup);

async function openTab(port: FakePort, key: string): Promise<HTMLElement> {
  render(<App port={port} />);
  await screen.findByTestId('validate-button');
  fireEvent.click(screen.getByTestId(`tab-${key}`));
  const testIds: Record<string, string> = {
    flags: 'flags-tab',
    consolidate: 'consolidate-tab',
    newRegister: 'new-register-tab',
    settings: 'settings-tab',
  };
  return screen.getByTestId(testIds[key]!);
}

const COUNTY_ROWS = [
  [
    1,
    '东营区安全生产委员会',
    '政府议事协调机构',
    '2019-03-15',
    '东区发〔2019〕3号',
    '区应急局',
    '长期',
    '2019年设立',
    '市级设有',
    '存续',
  ],
  [
    2,
    '东营区河长制工作领导小组',
    '党委议事协调机构',
    '2017年6月',
    '东区办发〔2017〕12号',
    '区水利局',
    '长期',
    '2017年设立',
    '市级设有',
    '存续',
  ],
  [
    3,
    '东营区第五次全国经济普查领导小组',
    '政府议事协调机构',
    '2023年3月',
    '东区政办字〔2023〕6号',
    '区统计局',
    '至2024年12月31日',
    '2023年设立',
    '市级设有',
    '存续',
  ],
];

describe('标记', () => {
  it('offers to check the active sheet, then lists the pairs and deadlines it found', async () => {
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
        '东政字〔2019〕22号',
        '市应急局',
        '长期',
        '2019年设立',
        '省级设有',
        '存续',
      ],
      [
        3,
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
    ];
    const port = new FakePort([register('台账', rows, '东营市市级议事协调机构管理台账')], '台账', {
      asOf: '2026-11-25',
    });
    const tab = await openTab(port, 'flags');
    expect(within(tab).getByText('还没有校验结果。')).toBeTruthy();
    fireEvent.click(within(tab).getByRole('button', { name: '校验当前工作表' }));
    const duplicates = await within(tab).findByTestId('flags-duplicates');
    expect(duplicates.getAttribute('data-count')).toBe('1');
    expect(duplicates.textContent).toContain('市安全生产委员会 ⇄ 东营市安全生产委员会');
    expect(duplicates.textContent).toContain('名称相同');
    const overdue = within(tab).getByTestId('flags-overdue');
    expect(overdue.textContent).toContain('市第五次全国经济普查领导小组');
    expect(overdue.textContent).toContain('届满 2024-12-31');
    expect(within(tab).getByTestId('flags-expiring').textContent).toContain('无');

    fireEvent.click(within(overdue).getByRole('button'));
    await waitFor(() => expect(port.selected).toEqual([{ sheet: '台账', row: 6, column: 7 }]));
  });
});

describe('汇总', () => {
  it('builds the return from county sheets into four new sheets and reports the missing county', async () => {
    const port = new FakePort(
      [
        register('台账', GOOD_ROWS),
        register('东营区', COUNTY_ROWS, '东营区议事协调机构管理台账'),
        register(
          '河口区',
          COUNTY_ROWS.map((r) => r.map((v) => (typeof v === 'string' ? v.replace('东营区', '河口区') : v))),
          '河口区议事协调机构管理台账',
        ),
      ],
      '台账',
      { asOf: '2026-11-25', expectedCounties: ['东营区', '河口区', '垦利区'] },
    );
    const tab = await openTab(port, 'consolidate');

    // Sheets named after an expected county start ticked; the city sheet does not.
    await waitFor(() =>
      expect(
        within(tab)
          .getAllByRole('checkbox', { checked: true })
          .map((c) => c.closest('[data-sheet]')?.getAttribute('data-sheet')),
      ).toEqual(['东营区', '河口区']),
    );
    expect((within(tab).getByTestId('expected-counties') as HTMLTextAreaElement).value).toBe('东营区、河口区、垦利区');

    fireEvent.click(within(tab).getByTestId('consolidate-button'));
    const summary = await within(tab).findByTestId('return-summary');
    expect(port.added).toHaveLength(1);
    expect(port.added[0]!.map((s) => s.name)).toEqual([...RETURN_SHEET_NAMES]);
    expect(within(tab).getByText(/在本工作簿中新增“汇总”“明细”“问题清单”/)).toBeTruthy();
    expect(port.grids.slice(0, 3).map((g) => g.sheet)).toEqual(['台账', '东营区', '河口区']);
    expect(within(tab).getByText('未报送：垦利区')).toBeTruthy();

    const line = (county: string) =>
      [...summary.querySelectorAll(`[data-county="${county}"] td`)].map((td) => td.textContent);
    expect(line('东营区')).toEqual(['东营区', '3', '3', expect.any(String), expect.any(String)]);
    expect(line('垦利区')).toEqual(['垦利区', '—', '—', '1', '0']);
    expect(line('total').slice(0, 3)).toEqual(['合计', '6', '6']);

    // 说明 lists the sheets of this workbook as the inputs they were.
    const about = port.added[0]!.find((s) => s.name === '说明')!;
    expect(about.rows.map((r) => r[0])).toEqual(['本工作簿/东营区', '本工作簿/河口区']);
  });

  it('offers the county sheets, not the city register or the instructions (those under 显示全部), with 全选 as real buttons', async () => {
    const notes = { sheet: '填表说明', values: [['填表说明'], ['一、本表填报县级党委和政府设立的议事协调机构。']] };
    const port = new FakePort(
      [
        register('台账', GOOD_ROWS),
        notes,
        register('东营区', COUNTY_ROWS),
        register('利津县', COUNTY_ROWS),
        register('寿光市', COUNTY_ROWS),
      ],
      '台账',
      { expectedCounties: [] },
    );
    const tab = await openTab(port, 'consolidate');
    const offered = () => [...tab.querySelectorAll('[data-sheet]')].map((el) => el.getAttribute('data-sheet'));
    await waitFor(() => expect(offered()).toEqual(['东营区', '利津县', '寿光市']));
    // 全选 ticks what is offered, never the hidden city register.
    fireEvent.click(within(tab).getByTestId('select-all'));
    expect(within(tab).getAllByRole('checkbox', { checked: true })).toHaveLength(3);
    expect(within(tab).getByTestId('select-all').className).not.toMatch(/subtle/);
    expect(within(tab).getByTestId('select-all').querySelector('svg')).toBeTruthy();
    fireEvent.click(within(tab).getByRole('switch', { name: '显示全部工作表（另有 2 个）' }));
    expect(offered()).toEqual(['台账', '填表说明', '东营区', '利津县', '寿光市']);
  });

  it('running it again asks, then replaces the earlier return instead of adding 汇总 (2), 明细 (2)…', async () => {
    const port = new FakePort(
      [register('台账', GOOD_ROWS), register('东营区', COUNTY_ROWS, '东营区议事协调机构管理台账')],
      '台账',
      { asOf: '2026-11-25', expectedCounties: ['东营区'] },
    );
    const tab = await openTab(port, 'consolidate');
    await waitFor(() => expect(within(tab).getAllByRole('checkbox', { checked: true })).toHaveLength(1));
    fireEvent.click(within(tab).getByTestId('consolidate-button'));
    await within(tab).findByTestId('return-summary');
    expect(port.grids.map((g) => g.sheet)).toEqual(['台账', '东营区', ...RETURN_SHEET_NAMES]);
    // The pane re-lists the sheets after writing; then a second run.
    fireEvent.click(within(tab).getByTestId('consolidate-button'));
    const confirm = await within(tab).findByTestId('replace-confirm');
    expect(confirm.textContent).toContain('“汇总”“明细”');
    expect(port.added).toHaveLength(1);
    fireEvent.click(within(confirm).getByTestId('replace-return'));
    await waitFor(() => expect(port.added).toHaveLength(2));
    expect(port.removed).toEqual([[...RETURN_SHEET_NAMES]]);
    expect(port.grids.map((g) => g.sheet)).toEqual(['台账', '东营区', ...RETURN_SHEET_NAMES]);
    expect(screen.getByTestId('tab-consolidate').textContent).toBe('县区汇总');
  });

  it('asks for an input before building anything', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    const tab = await openTab(port, 'consolidate');
    fireEvent.click(within(tab).getByTestId('consolidate-button'));
    expect(await within(tab).findByText('请至少选择一个工作表或文件。')).toBeTruthy();
    expect(port.added).toEqual([]);
  });
});

describe('新建台账', () => {
  it('adds one register sheet with the header, the dropdowns and the chosen columns', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    const tab = await openTab(port, 'newRegister');
    fireEvent.click(within(tab).getByLabelText('县区'));
    fireEvent.click(within(tab).getByLabelText('备注'));
    fireEvent.change(within(tab).getByDisplayValue('200'), { target: { value: '50' } });
    fireEvent.click(within(tab).getByTestId('create-register-button'));
    expect(await within(tab).findByText('已新建工作表“议事协调机构管理台账”。')).toBeTruthy();
    const [spec] = port.added[0]!;
    const headers = spec!.columns.map((c) => c.header);
    expect(headers.slice(8)).toEqual([
      '类别',
      '状态',
      '撤销时间',
      '撤销文件',
      '工作规则',
      '联络人',
      '联系电话',
      '县区',
    ]);
    expect(headers).not.toContain('备注');
    expect(spec!.columns.filter((c) => c.list).map((c) => c.header)).toEqual(['办事机构所在部门', '类别', '状态']);
    expect(spec!.blankRows).toBe(50);
  });
});

describe('新建台账: 多方评价用表', () => {
  it('writes the blank 自评表 and 成员单位评价表 for the chosen register’s active bodies', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    const tab = await openTab(port, 'newRegister');
    await waitFor(() =>
      expect((within(tab).getByTestId('evaluation-template-register') as HTMLSelectElement).value).toBe('台账'),
    );
    fireEvent.click(within(tab).getByTestId('evaluation-template-button'));
    const note = await within(tab).findByTestId('evaluation-template-note');
    const [self, members] = port.added[0]!;
    expect([self!.name, members!.name]).toEqual(['自评表', '成员单位评价表']);
    expect(self!.rows.map((r) => r[1])).toEqual(GOOD_ROWS.map((r) => r[1]));
    expect(self!.columns.filter((c) => c.range?.whole).map((c) => c.header)).toEqual([
      '召开会议次数',
      '印发文件数',
      '协调解决问题数',
      '重点任务数',
      '完成任务数',
    ]);
    expect(note.textContent).toBe(`已写入 自评表、成员单位评价表（${GOOD_ROWS.length} 个存续机构）。`);
  });
});

describe('设置', () => {
  it('saves the form with the document, leaving out the as-of date while “today” is on', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    const tab = await openTab(port, 'settings');
    fireEvent.change(within(tab).getByTestId('departments-input'), {
      target: { value: '东营区应急管理局\n东营区司法局\n区应急局=东营区应急管理局' },
    });
    expect(within(tab).getByText('共 2 个部门')).toBeTruthy();
    fireEvent.click(within(tab).getByTestId('save-settings-button'));
    expect(await within(tab).findByText('设置已保存。')).toBeTruthy();
    const saved = port.saved[0] as Record<string, unknown>;
    expect(saved).not.toHaveProperty('asOf');
    expect(saved.departments).toEqual(['东营区应急管理局', '东营区司法局']);
    expect(saved.departmentAliases).toEqual({ 区应急局: '东营区应急管理局' });
  });

  it('refuses settings that do not parse and says at each wrong field, in Chinese, what to enter', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    const tab = await openTab(port, 'settings');
    fireEvent.click(within(tab).getByLabelText('始终使用今天'));
    fireEvent.change(within(tab).getByTestId('as-of-input'), { target: { value: '' } });
    fireEvent.change(within(tab).getByLabelText('相近名称阈值（0–1）'), { target: { value: '1.5' } });
    fireEvent.change(within(tab).getByLabelText('到期预警（天）'), { target: { value: '30.5' } });
    fireEvent.click(within(tab).getByTestId('save-settings-button'));
    expect((await within(tab).findByTestId('settings-problems')).textContent).toContain('有 3 项设置需要修改');
    const field = (name: string) => tab.querySelector(`[data-invalid="${name}"]`) as HTMLElement;
    expect(field('similarNameThreshold').textContent).toContain('请填写 0 到 1 之间的数。');
    expect(field('asOf').textContent).toContain('请填写有效的日期');
    expect(field('expiringWindowDays').textContent).toContain('请填写整数。');
    expect(within(field('similarNameThreshold')).getByRole('spinbutton').getAttribute('aria-invalid')).toBe('true');
    // No English from the schema in the Chinese pane.
    expect(tab.textContent).not.toMatch(/Too big|expected|Invalid/);
    expect(port.saved).toEqual([]);
    // Correcting a field clears its message.
    fireEvent.change(within(tab).getByLabelText('相近名称阈值（0–1）'), { target: { value: '0.8' } });
    expect(field('similarNameThreshold')).toBeNull();
    // In English, English.
    fireEvent.click(screen.getByTestId('language-button'));
    fireEvent.click(within(tab).getByTestId('save-settings-button'));
    await waitFor(() => expect(field('expiringWindowDays')?.textContent).toContain('Enter a whole number.'));
  });

  it('warns when the stored settings are damaged and uses the defaults', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)], '台账', {
      asOf: '2026-02-30',
      expiringWindowDays: 'ninety',
    });
    render(<App port={port} />);
    const note = await screen.findByText(/文档中保存的设置有误，已改用默认设置/);
    const bar = note.closest('.fui-MessageBar') as HTMLElement;
    // In the 设置 tab's words, not zod's English and the settings' keys.
    expect(bar.textContent).toContain('核对日期：这一项的内容无法使用，请检查。');
    expect(bar.textContent).toContain('到期预警：这一项的内容无法使用，请检查。');
    expect(bar.textContent).not.toMatch(/asOf|expiringWindowDays|Invalid|Expected/);
  });

  it('names a damaged stored setting the tab does not show by its key', () => {
    const words = {
      labels: { asOf: 'As-of date' },
      invalid: 'This value cannot be used; please check it.',
      separator: ': ',
    };
    expect(storedSettingsProblem('asOf: Invalid date', words)).toBe(
      'As-of date: This value cannot be used; please check it.',
    );
    expect(storedSettingsProblem('maxMemberUnits: Too small', words)).toBe('maxMemberUnits: Too small');
  });
});
