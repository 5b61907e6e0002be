// @vitest-environment jsdom
/**
 * The pane's states against a fake WorkbookPort: empty workbook, no header, a clean and a broken
 * register, thousands of findings, errors from the port, cancelling, and the language switch.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../src/ledger/findings';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { ExcelWorkbookError } from '../../src/excel/errors';
import { WorkbookError } from '../../src/port/workbook';
import { App } from '../../src/taskpane/App';
import { FINDINGS_PAGE, ROW_GROUPS_PAGE } from '../../src/taskpane/components/FindingList';
import './domTimeouts';
import { FakePort } from './fakePort';
import { brokenRegister, GOOD_ROWS, register } from './registers';

afterEach(cleanup);

async function renderPane(port: FakePort) {
  const view = render(<App port={port} />);
  await screen.findByTestId('validate-button');
  return view;
}

function validateButton(): HTMLButtonElement {
  return screen.getByTestId('validate-button') as HTMLButtonElement;
}

/** Waits for the sheet list, so the button is enabled. */
async function ready(): Promise<void> {
  await waitFor(() => expect(validateButton().disabled).toBe(false));
}

async function validate(): Promise<void> {
  await ready();
  fireEvent.click(validateButton());
  await waitFor(() => expect(validateButton().textContent).toBe('校验'));
}

function badgeCounts(): Record<string, number> {
  const badges = screen.getByTestId('severity-badges').querySelectorAll('[data-severity]');
  return Object.fromEntries(
    [...badges].map((b) => [b.getAttribute('data-severity'), Number(b.getAttribute('data-count'))]),
  );
}

describe('the task pane', () => {
  it('says so when the workbook has no sheet, and offers nothing to validate', async () => {
    await renderPane(new FakePort([]));
    expect(await screen.findByText(/工作簿中没有可校验的工作表/)).toBeTruthy();
    expect(validateButton().disabled).toBe(true);
  });

  it('explains a sheet without a register header instead of listing findings', async () => {
    const notes = {
      sheet: '填表说明',
      values: [
        ['填表说明'],
        ['一、本表填报市级党委和政府设立的议事协调机构。'],
        ['二、成立时间填写依据文件印发日期。'],
      ],
    };
    await renderPane(new FakePort([notes]));
    await validate();
    const reason = await screen.findByTestId('skip-reason');
    expect(reason.getAttribute('data-reason')).toBe('no-header');
    expect(reason.textContent).toContain('前 20 行中未找到台账表头');
    expect(reason.textContent).toContain('新建台账');
    expect(screen.getByText('未校验“填表说明”')).toBeTruthy();
    expect(screen.queryByTestId('finding-list')).toBeNull();
  });

  it('says an empty sheet is empty', async () => {
    await renderPane(new FakePort([{ sheet: 'Sheet1', values: [] }]));
    await validate();
    expect((await screen.findByTestId('skip-reason')).getAttribute('data-reason')).toBe('empty-sheet');
  });

  it('validates the active sheet by default and reports a clean register as clean', async () => {
    const port = new FakePort([register('填表说明', []), register('台账', GOOD_ROWS)], '台账');
    await renderPane(port);
    await ready();
    expect((screen.getByTestId('sheet-select') as HTMLSelectElement).value).toBe('台账');
    await validate();
    expect(screen.getByTestId('report-title').textContent).toBe('“台账”：3 个机构，表头在第 3 行');
    expect(badgeCounts()).toEqual({ error: 0, warning: 0, info: 0 });
    expect(screen.getByText('未发现问题。')).toBeTruthy();
    // Nothing to mark: the sheet's earlier marks are cleared instead.
    expect(port.cleared).toEqual(['台账']);
  });

  it('lists a broken register’s findings by code, selects a clicked one and marks the cells', async () => {
    const grid = brokenRegister('台账', 3);
    const port = new FakePort([grid]);
    await renderPane(port);
    await validate();

    const expected = validateSheet(grid, makeSettings()).findings;
    expect(badgeCounts()).toEqual(countBySeverity(expected));
    const group = document.querySelector('section[data-code="invalid-date"]')!;
    expect(group.getAttribute('data-count')).toBe('3');
    const first = within(group as HTMLElement)
      .getAllByRole('button')
      .find((b) => b.getAttribute('data-finding') === 'invalid-date')!;
    expect(first.textContent).toContain('“2019年13月”不是可识别的日期');
    expect(first.textContent).toContain('第 4 行');
    expect(first.textContent).toContain('(D4)');

    fireEvent.click(first);
    await waitFor(() => expect(port.selected).toEqual([{ sheet: '台账', row: 4, column: 4 }]));

    // Every finding that points at a cell was marked, with its severity.
    const marks = port.marks.at(-1)!;
    expect(marks).toContainEqual({ sheet: '台账', row: 4, column: 4, severity: 'error' });
    expect(marks.length).toBe(expected.filter((f) => f.row !== null && f.columnIndex !== undefined).length);
  });

  it('keeps the findings on screen when the cells cannot be marked (a protected sheet), saying why', async () => {
    const grid = brokenRegister('台账', 3);
    const port = new FakePort([grid]);
    port.addMarks = async () => {
      throw new ExcelWorkbookError(
        '无法标记工作表“台账”中的单元格：工作表或工作簿受保护，或您没有编辑权限。请撤销保护后重试。',
        'Could not mark cells on the sheet “台账”: the sheet or workbook is protected, or you may not edit it. Unprotect it and try again.',
        'host',
        { code: 'AccessDenied' },
      );
    };
    await renderPane(port);
    await validate();
    const pane = within(screen.getByTestId('validate-tab'));
    expect(pane.getByTestId('report-title').textContent).toBe('“台账”：3 个机构，表头在第 3 行');
    expect(badgeCounts()).toEqual(countBySeverity(validateSheet(grid, makeSettings()).findings));
    expect(document.querySelector('section[data-code="invalid-date"]')).toBeTruthy();
    const note = pane.getByTestId('mark-error');
    expect(note.textContent).toContain('受保护');
    expect(note.textContent).toContain('校验结果不受影响');
    expect(pane.getByText('校验已完成，但未能在单元格上标记')).toBeTruthy();
    expect(pane.queryByTestId('error-bar')).toBeNull();
    expect(pane.queryByText(/已在 \d+ 个单元格上/)).toBeNull();
    // In English, the host's English message.
    fireEvent.click(screen.getByTestId('language-button'));
    expect(pane.getByTestId('mark-error').textContent).toContain('the sheet or workbook is protected');
  });

  it('clears the marks with 清除标记 and says how many cells it unmarked', async () => {
    const port = new FakePort([brokenRegister('台账', 2)]);
    await renderPane(port);
    await validate();
    const markedCells = new Set(port.marks.at(-1)!.map((m) => `${m.row}:${m.column}`)).size;
    fireEvent.click(screen.getByTestId('clear-marks-button'));
    expect(await screen.findByText(`已清除所有工作表上 ${markedCells} 个单元格的标记。`)).toBeTruthy();
    expect(port.cleared).toEqual([undefined]);
  });

  it('stays responsive with thousands of findings: only a page of them is in the DOM', async () => {
    const grid = brokenRegister('台账', 2000);
    const port = new FakePort([grid]);
    await renderPane(port);
    await validate();

    const total = Object.values(badgeCounts()).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(6000);
    const groups = document.querySelectorAll('section[data-code]');
    expect([...groups].reduce((n, g) => n + Number(g.getAttribute('data-count')), 0)).toBe(total);
    // Only the first group is open, one page of it.
    expect(document.querySelectorAll('[data-finding]').length).toBe(FINDINGS_PAGE);

    fireEvent.click(screen.getByText(`显示更多（已显示 ${FINDINGS_PAGE} / 共 2000）`));
    expect(document.querySelectorAll('[data-finding]').length).toBe(2 * FINDINGS_PAGE);

    // By row: a page of row groups, each open.
    fireEvent.click(screen.getByLabelText('按行'));
    await waitFor(() => expect(screen.getByTestId('finding-list').getAttribute('data-mode')).toBe('row'));
    expect(document.querySelectorAll('section[data-group^="row:"]').length).toBe(ROW_GROUPS_PAGE);
    expect(document.querySelectorAll('[data-finding]').length).toBeLessThan(ROW_GROUPS_PAGE * 5);
    expect(screen.getByText(`显示更多（已显示 ${ROW_GROUPS_PAGE} / 共 2000）`)).toBeTruthy();
  });

  it('shows an error from the port as a MessageBar with what to do, keeping the pane usable', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    port.readSheetImpl = async () => {
      throw new WorkbookError('“台账”有 6,000,000 个单元格，超过一次能读取的上限。', 'too-large');
    };
    await renderPane(port);
    await validate();
    // The 标记 tab (hidden) shows the same check's error; look at the 校验 tab's.
    const pane = within(screen.getByTestId('validate-tab'));
    const bar = await pane.findByTestId('error-bar');
    expect(bar.getAttribute('role')).toBe('alert');
    expect(bar.textContent).toContain('数据量过大');
    expect(bar.textContent).toContain('超过一次能读取的上限');
    expect(bar.textContent).toContain('请把台账拆分为几个较小的工作表');
    expect(validateButton().disabled).toBe(false);

    // An error that is not the host's own still gets a message, never a blank pane.
    port.readSheetImpl = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'values')");
    };
    await validate();
    await waitFor(() => expect(pane.getByTestId('error-bar').textContent).toContain('发生意外错误'));
    expect(pane.getByTestId('error-bar').textContent).toContain("reading 'values'");
    expect(screen.getByTestId('tab-validate')).toBeTruthy();
  });

  it('shows a failing sheet list and failing settings as errors, with the defaults still in use', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    port.listSheets = async () => {
      throw new WorkbookError('无法列出工作表：Excel 没有响应。', 'host');
    };
    port.loadSettings = async () => {
      throw new WorkbookError('无法读取文档中的设置。', 'host');
    };
    render(<App port={port} />);
    const text = () =>
      screen
        .queryAllByTestId('error-bar')
        .map((b) => b.textContent)
        .join(' ');
    await waitFor(() => expect(text()).toContain('无法列出工作表'));
    expect(text()).toContain('无法读取文档中的设置');
    expect(text()).toContain('请重试');
    expect(screen.getByTestId('tab-settings')).toBeTruthy();
  });

  it('catches a rendering error in an error boundary instead of going blank', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    // A broken host that hands back something that is not a sheet name.
    port.listSheets = async () => [{ name: { broken: true } as unknown as string, active: true, visible: true }];
    const original = console.error;
    console.error = () => {};
    try {
      render(<App port={port} />);
      const boundary = await screen.findByTestId('error-boundary');
      expect(boundary.textContent).toContain('任务窗格出错了');
      expect(within(boundary).getByRole('button', { name: '重新载入任务窗格' })).toBeTruthy();
    } finally {
      console.error = original;
    }
  });

  it('cancels a long read: progress with a cancel button, then a note and no report', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    port.readSheetImpl = (_name, { signal, onProgress }) =>
      new Promise((_resolve, reject) => {
        onProgress?.(0.25);
        signal?.addEventListener('abort', () => reject(new WorkbookError('读取已取消。', 'cancelled')));
      });
    await renderPane(port);
    await ready();
    fireEvent.click(validateButton());
    const progress = await within(screen.getByTestId('validate-tab')).findByTestId('task-progress');
    await waitFor(() => expect(progress.textContent).toContain('已完成 15%'));
    fireEvent.click(within(progress).getByRole('button', { name: '取消' }));
    expect(await screen.findByText('操作已取消，工作簿未被改动。')).toBeTruthy();
    expect(screen.queryByTestId('report-title')).toBeNull();
    expect(screen.queryByTestId('error-bar')).toBeNull();
    expect(port.marks).toEqual([]);
  });

  it('switches to English, findings included', async () => {
    await renderPane(new FakePort([brokenRegister('台账', 1)]));
    await validate();
    fireEvent.click(screen.getByTestId('language-button'));
    expect(screen.getByTestId('tab-validate').textContent).toBe('Validate');
    expect(screen.getByTestId('report-title').textContent).toBe('“台账”: 1 body, header in row 3');
    expect(screen.getByText(/“2019年13月” is not a date/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('language-button'));
    expect(screen.getByTestId('tab-validate').textContent).toBe('校验');
  });

  it('uses the settings stored with the document', async () => {
    const grid = register('台账', [
      [
        1,
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
    ]);
    const port = new FakePort([grid], '台账', { asOf: '2026-11-25' });
    await renderPane(port);
    await validate();
    expect(document.querySelector('section[data-code="overdue"]')?.getAttribute('data-count')).toBe('1');
    expect(screen.getByText(/存续期已于 2024-12-31 届满/)).toBeTruthy();
  });

  it('never calls the port after the pane is gone', async () => {
    const port = new FakePort([register('台账', GOOD_ROWS)]);
    let aborted = false;
    port.readSheetImpl = (_name, { signal }) =>
      new Promise(() => signal?.addEventListener('abort', () => (aborted = true)));
    const view = await renderPane(port);
    await ready();
    fireEvent.click(validateButton());
    await within(screen.getByTestId('validate-tab')).findByTestId('task-progress');
    await act(async () => view.unmount());
    expect(aborted).toBe(true);
  });
});
