// @vitest-environment jsdom
/** The 审核 tab: an application typed into the form is checked against the register as one types. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/taskpane/App';
import './domTimeouts';
import { FakePort } from './fakePort';
import { register } from './registers';
import { applicationGrid, applicationRow, d } from '../ledger/review/fixtures';

afterEach(cleanup);

const ROWS = [
  [
    1,
    '市安全生产委员会',
    '政府议事协调机构',
    '2019-05-06',
    '东政字〔2019〕21号',
    '市应急局',
    '长期',
    '2019年调整',
    '省级设有',
    '存续',
  ],
  [
    2,
    '市河长制工作领导小组',
    '政府议事协调机构',
    '2017年6月',
    '东政办字〔2017〕20号',
    '市水务局',
    '长期',
    '2017年设立',
    '省级设有',
    '存续',
  ],
  [
    3,
    '市城市更新行动工作专班',
    '工作专班',
    '2023年2月',
    '东办字〔2023〕1号',
    '市住房城乡建管局',
    '2023年—2025年',
    '2023年新设',
    '上级未设置',
    '已撤销',
  ],
];

const APPLICATIONS = applicationGrid([
  applicationRow(1, {
    name: '市数字政府建设领导小组',
    department: '市政府办公室',
    members: '市财政局、市公安局',
    duties: '统筹数字政府建设',
    parent: '省级设有',
    appliedOn: d(2026, 11, 9),
    accepted: d(2026, 11, 10),
  }),
  applicationRow(2, {
    name: '东营市安全生产委员会',
    department: '市应急局',
    members: '市应急局',
    duties: '安全生产',
    parent: '省级设有',
    appliedOn: d(2026, 11, 24),
  }),
  applicationRow(3, {
    name: '市海洋牧场建设工作领导小组',
    department: '市海洋发展和渔业局',
    parent: '省级设有',
    appliedOn: d(2026, 10, 12),
    issued: d(2026, 10, 20),
    doc: '东政办字〔2026〕38号',
  }),
]);

async function openReview(lang: 'zh' | 'en' = 'zh'): Promise<HTMLElement> {
  const port = new FakePort(
    [register('台账', ROWS, '东营市市级议事协调机构管理台账'), { sheet: '说明', values: [['填表说明']] }, APPLICATIONS],
    '台账',
    { asOf: '2026-11-25' },
  );
  render(<App port={port} initialLang={lang} />);
  await screen.findByTestId('validate-button');
  fireEvent.click(screen.getByTestId('tab-review'));
  const tab = screen.getByTestId('review-tab');
  await within(tab).findByText(
    lang === 'zh'
      ? '台账中存续机构 2 个，其中议事协调机构 2 个。'
      : '2 active bodies in the register, 2 of them coordinating bodies.',
  );
  return tab;
}

function type(tab: HTMLElement, field: string, value: string): void {
  fireEvent.change(within(tab).getByTestId(`review-${field}`), { target: { value } });
}

describe('审核', () => {
  it('checks the name as it is typed: the same body, then a similar one with its score, then none', async () => {
    const tab = await openReview();
    expect(within(tab).getByText('请先输入拟设机构名称。')).toBeTruthy();

    type(tab, 'name', '东营市安全生产委员会');
    await waitFor(() => expect(within(tab).getByTestId('review-conclusion').textContent).toBe('不同意设立'));
    const same = within(tab).getByTestId('review-similar').querySelector('li')!;
    expect(same.getAttribute('data-row')).toBe('4');
    expect(same.textContent).toBe('市安全生产委员会（第 4 行，相似度 1.00）');
    expect(
      within(tab).getByTestId('review-findings').querySelector('[data-code="duplicate-of-existing"]'),
    ).toBeTruthy();

    type(tab, 'name', '市河长制工作委员会');
    await waitFor(() =>
      expect(within(tab).getByTestId('review-conclusion').textContent).toBe(
        '建议不单独设立，由市河长制工作领导小组统筹',
      ),
    );
    expect(within(tab).getByTestId('review-similar').textContent).toBe('市河长制工作领导小组（第 5 行，相似度 0.90）');

    type(tab, 'name', '市低空经济发展工作领导小组');
    await within(tab).findByTestId('review-no-similar');
    // No 上级 and no reason yet: more material; then the form is completed and it is approved.
    expect(within(tab).getByTestId('review-conclusion').textContent).toBe('需补充材料');
    type(tab, 'department', '市发改委');
    type(tab, 'members', '市发展改革委、市工业和信息化局、市科技局、市财政局、市城投集团');
    type(tab, 'duties', '统筹推进全市低空经济发展');
    type(tab, 'parent', '省级设有省低空经济发展工作领导小组');
    await waitFor(() => expect(within(tab).getByTestId('review-conclusion').textContent).toBe('同意设立'));
    expect(within(tab).getByText('成员单位 5 个，其中 1 个不在部门名单中')).toBeTruthy();
    expect(
      [...within(tab).getByTestId('review-findings').querySelectorAll('li')].map((li) => li.getAttribute('data-code')),
    ).toEqual(['unknown-department']);
    expect(within(tab).getByText('按名称推定：政府议事协调机构')).toBeTruthy();
  });

  it('a task force without an end date, and a narrow time-bound task; an abolished body is no obstacle', async () => {
    const tab = await openReview();
    type(tab, 'name', '市城市更新行动工作专班');
    type(tab, 'department', '市住建局');
    type(tab, 'duties', '推进老旧小区改造');
    type(tab, 'parent', '省级设有');
    type(tab, 'duration', '长期');
    await waitFor(() => expect(within(tab).getByTestId('review-conclusion').textContent).toBe('需补充材料'));
    expect(within(tab).getByTestId('review-findings').querySelector('[data-code="missing-term"]')).toBeTruthy();
    expect(within(tab).getByTestId('review-findings').querySelector('[data-code="duplicate-of-existing"]')).toBeNull();

    type(tab, 'name', '市第十五届全省运动会筹备工作领导小组');
    type(tab, 'members', '市体育局、市财政局、市公安局');
    type(tab, 'duration', '至2027年10月31日');
    await waitFor(() =>
      expect(within(tab).getByTestId('review-conclusion').textContent).toBe('建议改设为工作专班/专项小组'),
    );
  });

  it('speaks English', async () => {
    const tab = await openReview('en');
    type(tab, 'name', '东营市安全生产委员会');
    await waitFor(() => expect(within(tab).getByTestId('review-conclusion').textContent).toBe('Refuse (set up)'));
    expect(within(tab).getByTestId('review-findings').textContent).toContain(
      'names the active body “市安全生产委员会” of register row 4',
    );
  });

  it('says so when the chosen sheet is not a register', async () => {
    const tab = await openReview();
    fireEvent.change(within(tab).getByTestId('review-register'), { target: { value: '说明' } });
    await within(tab).findByText('“说明”中没有可识别的台账表头（机构名称、设立时间、依据文件等），请选择台账工作表。');
  });

  it('审批台账: the applications of a sheet by stage, with the working days waited', async () => {
    const tab = await openReview();
    const log = within(tab).getByTestId('review-log');
    expect((within(log).getByTestId('review-log-sheet') as HTMLSelectElement).value).toBe('申请');
    fireEvent.click(within(log).getByTestId('review-log-read'));
    expect((await within(log).findByTestId('review-log-count')).textContent).toBe('共 3 件申请，1 件超过办理时限。');
    const reviewed = log.querySelector('[data-stage="reviewed"]')!;
    expect(reviewed.textContent).toContain('市数字政府建设领导小组：同意设立；已等待 11 个工作日');
    expect(log.querySelector('[data-stage="accepted"]')!.textContent).toContain(
      '东营市安全生产委员会：不同意设立；已等待 1 个工作日',
    );
    expect(log.querySelector('[data-stage="done"]')!.textContent).toContain('市海洋牧场建设工作领导小组');
  });

  it('审批台账: an issued 设立 goes onto the register as a new row after the user confirms; one that cannot is named with the reason', async () => {
    const applications = applicationGrid([
      applicationRow(1, {
        name: '市海洋牧场建设工作领导小组',
        category: '政府议事协调机构',
        department: '市海洋发展和渔业局',
        members: '市财政局、市自然资源和规划局',
        duties: '统筹海洋牧场建设',
        duration: '长期',
        parent: '省级设有',
        appliedOn: d(2026, 10, 12),
        issued: d(2026, 10, 20),
        doc: '东政办字[2026]038号',
      }),
      applicationRow(2, {
        name: '市低空经济发展工作专班',
        department: '市发展改革委',
        parent: '上级未设置',
        appliedOn: d(2026, 10, 12),
        issued: d(2026, 10, 21),
        doc: '东政办字〔2026〕39号',
      }),
    ]);
    const registerGrid = register('台账', ROWS, '东营市市级议事协调机构管理台账');
    const withFooter = { ...registerGrid, values: [...registerGrid.values, ['填表人：王芳']] };
    const port = new FakePort([withFooter, applications], '台账', { asOf: '2026-11-25' });
    render(<App port={port} />);
    await screen.findByTestId('validate-button');
    fireEvent.click(screen.getByTestId('tab-review'));
    const tab = screen.getByTestId('review-tab');
    await within(tab).findByText('台账中存续机构 2 个，其中议事协调机构 2 个。');
    const log = within(tab).getByTestId('review-log');
    fireEvent.click(within(log).getByTestId('review-log-read'));
    fireEvent.click(await within(log).findByTestId('review-apply'));
    const confirm = await within(log).findByTestId('review-apply-confirm');
    // Nothing is written before the user says so.
    expect(port.inserted).toEqual([]);
    expect(confirm.textContent).toContain('将在“台账”第 7 行前插入新行：市海洋牧场建设工作领导小组。');
    expect(confirm.textContent).toContain('未写入 市低空经济发展工作专班：存续时间未填写或无法识别');
    fireEvent.click(within(confirm).getByTestId('review-apply-go'));
    expect((await within(log).findByTestId('review-applied')).textContent).toContain(
      '已在“台账”第 7 行写入 1 个机构。',
    );
    expect(port.inserted).toHaveLength(1);
    expect(port.inserted[0]).toMatchObject({ sheet: '台账', beforeRow: 7, firstColumn: 1 });
    // The seven fields in GB/T 9704 form, category, 存续 and the history; the footer moved down.
    const grid = port.grids.find((g) => g.sheet === '台账')!;
    expect(grid.values[6]!.slice(0, 10)).toEqual([
      4,
      '市海洋牧场建设工作领导小组',
      '政府议事协调机构',
      new Date(Date.UTC(2026, 9, 20)),
      '东政办字〔2026〕38号',
      '市海洋发展和渔业局',
      '长期',
      '2026年设立',
      '省级设有',
      '存续',
    ]);
    expect(grid.values[7]).toEqual(['填表人：王芳']);
    // The register is read again: the new body is on it, so the form now finds it there.
    await within(tab).findByText('台账中存续机构 3 个，其中议事协调机构 3 个。');
  });

  it('成员单位: pasted text shows as tags; picking from the department list adds one, dismissing a tag removes it', async () => {
    const tab = await openReview();
    type(tab, 'name', '市低空经济发展工作领导小组');
    type(tab, 'members', '市发改委、市财政局');
    const picker = within(tab).getByTestId('review-members-picker');
    await waitFor(() =>
      expect([...picker.querySelectorAll('[data-member]')].map((t) => t.getAttribute('data-member'))).toEqual([
        '市发改委',
        '市财政局',
      ]),
    );
    const input = within(tab).getByTestId('review-members-input');
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: '应急' } });
    const option = await screen.findByRole('option', { name: '市应急局' });
    fireEvent.click(option);
    await waitFor(() =>
      expect((within(tab).getByTestId('review-members') as HTMLTextAreaElement).value).toBe(
        '市发改委、市财政局、市应急局',
      ),
    );
    fireEvent.click(picker.querySelector('[data-member="市财政局"]')!);
    await waitFor(() =>
      expect((within(tab).getByTestId('review-members') as HTMLTextAreaElement).value).toBe('市发改委、市应急局'),
    );
    expect(within(tab).getByText('成员单位 2 个')).toBeTruthy();
  });
});
