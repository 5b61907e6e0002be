// @vitest-environment jsdom
/**
 * Daily-use details of the 校验 and 标记 tabs: counts coloured by severity, similarity in words,
 * the checked sheet brought into view, and a 清除标记 that says what it cleared.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/taskpane/App';
import './domTimeouts';
import { FakePort } from './fakePort';
import { brokenRegister, GOOD_ROWS, register } from './registers';

afterEach(cleanup);

const ROWS = [
  [
    1,
    '市食品安全委员会',
    '政府议事协调机构',
    '2019-05-06',
    '东政字〔2019〕21号',
    '市市场监管局',
    '长期',
    '2019年设立',
    '省级设有',
    '存续',
  ],
  [
    2,
    '市食品安全工作委员会',
    '政府议事协调机构',
    '2020-05-06',
    '东政字〔2020〕22号',
    '市市场监管局',
    '长期',
    '2020年设立',
    '省级设有',
    '存续',
  ],
  [
    3,
    '市安全生产委员会',
    '政府议事协调机构',
    '2019-05-06',
    '东政字〔2019〕23号',
    '市应急局',
    '长期',
    '2019年设立',
    '省级设有',
    '存续',
  ],
  [
    4,
    '东营市安全生产委员会',
    '政府议事协调机构',
    '2019-05-06',
    '东政字〔2019〕24号',
    '市应急局',
    '长期',
    '2019年设立',
    '省级设有',
    '存续',
  ],
  [
    5,
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

async function checkActive(port: FakePort) {
  render(<App port={port} />);
  await screen.findByTestId('validate-button');
  await waitFor(() => expect((screen.getByTestId('validate-button') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('validate-button'));
  await waitFor(() => expect(screen.getByTestId('validate-button').textContent).toBe('校验'));
}

describe('readability and honesty of the lists', () => {
  it('标记: counts coloured by the severity of what they count; similar names in words, never “1.00”', async () => {
    const port = new FakePort([register('台账', ROWS, '东营市市级议事协调机构管理台账')], '台账', {
      asOf: '2026-11-25',
    });
    await checkActive(port);
    fireEvent.click(screen.getByTestId('tab-flags'));
    const duplicates = screen.getByTestId('flags-duplicates');
    expect(duplicates.textContent).toContain('市食品安全委员会 ⇄ 市食品安全工作委员会');
    const similar = within(duplicates).getByText('市食品安全委员会 ⇄ 市食品安全工作委员会').closest('button')!;
    expect(similar.textContent).toContain('高度相近，名称不完全相同，请核对');
    expect(similar.textContent).not.toMatch(/相似度|1\.00/);
    // An identical pair makes the section an error; overdue is a warning; an empty section is neutral.
    expect(duplicates.querySelector('[data-severity]')?.getAttribute('data-severity')).toBe('error');
    const overdue = screen.getByTestId('flags-overdue');
    expect(overdue.querySelector('[data-severity]')?.getAttribute('data-severity')).not.toBe('none');
    expect(screen.getByTestId('flags-expiring').querySelector('[data-severity]')?.getAttribute('data-severity')).toBe(
      'none',
    );
  });

  it('by row, each row’s count has the colour of its worst finding (a warning row is not black)', async () => {
    const port = new FakePort([register('台账', ROWS, '东营市市级议事协调机构管理台账')], '台账', {
      asOf: '2026-11-25',
    });
    await checkActive(port);
    fireEvent.click(screen.getByLabelText('按行'));
    const list = await screen.findByTestId('finding-list');
    await waitFor(() => expect(list.getAttribute('data-mode')).toBe('row'));
    const badges = [...list.querySelectorAll('section[data-group^="row:"] > button [data-severity]')];
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge.className).toMatch(new RegExp(`fui-Badge`));
    const severities = new Set(badges.map((b) => b.getAttribute('data-severity')));
    expect(severities.has('warning') || severities.has('error')).toBe(true);
  });

  it('checking another sheet brings it into view', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS), brokenRegister('县区台账', 2)], '台账');
    render(<App port={port} />);
    await waitFor(() => expect((screen.getByTestId('validate-button') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.change(screen.getByTestId('sheet-select'), { target: { value: '县区台账' } });
    fireEvent.click(screen.getByTestId('validate-button'));
    await waitFor(() => expect(port.activated).toEqual(['县区台账']));
  });

  it('清除全部标记 says it cleared every sheet and drops the now untrue “marked N cells” line', async () => {
    const port = new FakePort([brokenRegister('台账', 2), register('县区台账', GOOD_ROWS)], '台账');
    await checkActive(port);
    const pane = within(screen.getByTestId('validate-tab'));
    expect(pane.getByText(/已在 \d+ 个单元格上按严重程度标记/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('sheet-select'), { target: { value: '县区台账' } });
    const button = screen.getByTestId('clear-marks-button');
    expect(button.textContent).toBe('清除全部标记');
    fireEvent.click(button);
    expect(await pane.findByText(/^已清除所有工作表上 \d+ 个单元格的标记。$/)).toBeTruthy();
    expect(pane.queryByText(/已在 \d+ 个单元格上按严重程度标记/)).toBeNull();
  });
});

describe('核对日期 beside the result', () => {
  it('shows the date the check uses, lets the user set it there, saves it and says to check again', async () => {
    const rows = [
      [
        1,
        '市第五次全国经济普查领导小组',
        '政府议事协调机构',
        '2023年3月',
        '东政办字〔2023〕6号',
        '市统计局',
        '至2026年12月31日',
        '2023年设立',
        '省级设有',
        '存续',
      ],
    ];
    const port = new FakePort([register('台账', rows)], '台账', { asOf: '2026-11-25' });
    await checkActive(port);
    const pane = within(screen.getByTestId('validate-tab'));
    expect(pane.getByTestId('as-of-line').textContent).toContain('核对日期：2026-11-25');
    expect(pane.getByTestId('as-of-line').textContent).not.toContain('今天');
    expect(pane.getByTestId('report-as-of').textContent).toBe('按核对日期 2026-11-25 判断存续期届满和日期是否超前。');
    expect(document.querySelector('section[data-code="overdue"]')).toBeNull();

    fireEvent.click(pane.getByTestId('as-of-change'));
    fireEvent.change(pane.getByTestId('as-of-edit'), { target: { value: '2027-01-10' } });
    fireEvent.click(pane.getByTestId('as-of-save'));
    await waitFor(() => expect(port.saved.at(-1)).toMatchObject({ asOf: '2027-01-10' }));
    expect(pane.getByTestId('as-of-line').textContent).toContain('核对日期：2027-01-10');
    expect(pane.getByTestId('report-as-of').textContent).toContain('核对日期已改为 2027-01-10，请重新校验。');
    fireEvent.click(screen.getByTestId('validate-button'));
    await waitFor(() => expect(document.querySelector('section[data-code="overdue"]')).toBeTruthy());
    // 设置 shows the same date.
    fireEvent.click(screen.getByTestId('tab-settings'));
    expect((screen.getByTestId('as-of-input') as HTMLInputElement).value).toBe('2027-01-10');
  });

  it('says “today” when no date is stored', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)], '台账');
    render(<App port={port} />);
    const line = await screen.findByTestId('as-of-line');
    expect(line.textContent).toMatch(/^核对日期：\d{4}-\d{2}-\d{2}（今天）/);
  });
});
