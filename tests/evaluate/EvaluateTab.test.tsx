// @vitest-environment jsdom
/** The 评价 tab against the preview's in-memory workbook (the same WorkbookPort the pane uses). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateBodies, makeEvaluationSettings, mergeReads, readEvaluationGrids } from '../../src/ledger/evaluate';
import type { Lang } from '../../src/ledger/findings';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { MemoryWorkbook } from '../../src/preview/memoryWorkbook';
import { EvaluateTab } from '../../src/taskpane/evaluate/EvaluateTab';
import { StringsContext, stringsFor } from '../../src/taskpane/i18n';
import '../taskpane/domTimeouts';
import { memberGrid, registerGrid, selfGrid } from './grids';

afterEach(cleanup);

const settings = makeSettings({ asOf: '2026-11-25' });

function workbook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addGrid(registerGrid());
  book.addGrid(selfGrid());
  book.addGrid(memberGrid());
  book.activate('台账');
  return book;
}

function show(port: MemoryWorkbook, lang: Lang = 'zh') {
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={stringsFor(lang)}>
        <EvaluateTab port={port} lang={lang} settings={settings} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
  return screen.getByTestId('evaluate-tab');
}

/** What the core gives for the same sheets, to compare the tab with. */
function expected() {
  const report = validateSheet(registerGrid(), settings);
  const read = mergeReads([
    readEvaluationGrids([selfGrid()], '自评表'),
    readEvaluationGrids([memberGrid()], '成员单位评价'),
  ]);
  return evaluateBodies(
    { file: '台账', rows: report.rows, findings: report.findings, title: report.title },
    read,
    settings,
    makeEvaluationSettings(),
  );
}

describe('评价 tab', () => {
  it('evaluates sheets of the workbook: the ranking, idle bodies, grade chart and suggestion counts of the core', async () => {
    const port = workbook();
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('evaluate-register-select') as HTMLSelectElement).value).toBe('台账'),
    );
    expect((within(tab).getByTestId('evaluate-self-select') as HTMLSelectElement).value).toBe('自评表');
    fireEvent.change(within(tab).getByTestId('evaluate-members-select'), { target: { value: '成员单位评价' } });
    fireEvent.click(within(tab).getByTestId('evaluate-run'));
    const result = await within(tab).findByTestId('evaluate-result');

    const core = expected();
    expect(JSON.parse(result.getAttribute('data-actions')!)).toEqual(core.counts.byAction);
    expect(JSON.parse(result.getAttribute('data-grades')!)).toEqual(core.counts.byGrade);
    expect(within(result).getByTestId('evaluate-summary').textContent).toBe(
      '2025 年度：存续机构 9 个，已评价 7 个，未报送自评表 2 个',
    );
    expect(within(result).getByTestId('evaluate-actions').textContent).toBe(
      '调整建议：撤销 1、合并 1、更名 1、督促整改 2、保留 4',
    );
    const idle = within(result).getByTestId('evaluate-idle');
    expect([...idle.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '市食品安全工作委员会 → 合并（市食品安全委员会）',
      '市第五次全国经济普查领导小组 → 撤销',
    ]);
    const bars = [...within(result).getByTestId('evaluate-grade-chart').querySelectorAll('[data-grade]')].map((b) => [
      b.getAttribute('data-grade'),
      Number(b.getAttribute('data-count')),
    ]);
    expect(bars).toEqual(Object.entries(core.counts.byGrade));
    const ranked = [...within(result).getByTestId('evaluate-ranking').querySelectorAll('button')];
    expect(ranked[0]!.getAttribute('data-rank')).toBe('1');
    expect(ranked.map((b) => b.getAttribute('data-row'))).toHaveLength(9);
    expect(
      within(result).getByTestId('evaluate-members').querySelector('[data-low="true"]')?.getAttribute('data-unit'),
    ).toBe('市统计局');
  });

  it('selects a body’s register row on click and writes the five result sheets', async () => {
    const port = workbook();
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('evaluate-register-select') as HTMLSelectElement).value).toBe('台账'),
    );
    fireEvent.click(within(tab).getByTestId('evaluate-run'));
    const result = await within(tab).findByTestId('evaluate-result');
    const first = within(result).getByTestId('evaluate-ranking').querySelector('button')!;
    fireEvent.click(first);
    await waitFor(() =>
      expect(port.selection).toMatchObject({ sheet: '台账', row: Number(first.getAttribute('data-row')), column: 2 }),
    );
    fireEvent.click(within(tab).getByTestId('evaluate-write'));
    await within(tab).findByTestId('evaluate-written');
    const names = (await port.listSheets()).map((s) => s.name);
    for (const name of ['评价结果', '成员单位评价', '调整建议', '问题清单', '说明'])
      expect(names.some((n) => n.startsWith(name))).toBe(true);
  });

  it('writes the blank template for the register’s active bodies', async () => {
    const port = workbook();
    const tab = show(port, 'en');
    await waitFor(() =>
      expect((within(tab).getByTestId('evaluate-register-select') as HTMLSelectElement).value).toBe('台账'),
    );
    fireEvent.click(within(tab).getByTestId('evaluate-template'));
    await within(tab).findByTestId('evaluate-written');
    const grid = await port.readSheet('自评表 (2)');
    const names = grid.values
      .slice(3)
      .map((r) => r[1])
      .filter((v) => typeof v === 'string' && v !== '');
    expect(names).toHaveLength(9);
  });

  it('says so when the chosen sheet is not a self-evaluation', async () => {
    const port = workbook();
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('evaluate-register-select') as HTMLSelectElement).value).toBe('台账'),
    );
    fireEvent.change(within(tab).getByTestId('evaluate-self-select'), { target: { value: '成员单位评价' } });
    fireEvent.click(within(tab).getByTestId('evaluate-run'));
    expect((await within(tab).findByTestId('evaluate-problem')).textContent).toContain('没有自评表表头');
  });
});
