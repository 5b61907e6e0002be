// @vitest-environment jsdom
/** The 对比/对账 tab against the preview's in-memory workbook (the same WorkbookPort the pane uses). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/ledger/compare';
import type { Lang } from '../../src/ledger/findings';
import { MemoryWorkbook } from '../../src/preview/memoryWorkbook';
import { CompareTab } from '../../src/taskpane/compare/CompareTab';
import { StringsContext, stringsFor } from '../../src/taskpane/i18n';
import ExcelJS from 'exceljs';
import { encodeGb18030 } from '../../scripts/samples/gb18030';
import '../taskpane/domTimeouts';
import { COLUMNS, grid, settings, version } from './fixtures';
import { NEW, OLD } from './versions';

afterEach(cleanup);

function workbook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addGrid(grid('2023版', OLD));
  book.addGrid(grid('2026版', NEW));
  book.activate('2026版');
  return book;
}

function show(port: MemoryWorkbook, lang: Lang = 'zh') {
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={stringsFor(lang)}>
        <CompareTab port={port} lang={lang} settings={settings} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
  return screen.getByTestId('compare-tab');
}

/** Puts a file into one of the tab's hidden file inputs, as the browser does when a user picks it. */
function pickFile(tab: HTMLElement, testId: string, name: string, bytes: Uint8Array) {
  const input = within(tab).getByTestId(testId) as HTMLInputElement;
  const file = new File([bytes as BlobPart], name);
  fireEvent.change(input, { target: { files: [file] } });
}

const counts = (el: HTMLElement) => JSON.parse(el.getAttribute('data-counts') ?? '{}') as Record<string, number>;

describe('对比 two versions', () => {
  it('compares two sheets of the workbook: the same change list as the core, and a click selects the row', async () => {
    const port = workbook();
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('compare-old-select') as HTMLSelectElement).value).toBe('2023版'),
    );
    expect((within(tab).getByTestId('compare-new-select') as HTMLSelectElement).value).toBe('2026版');
    fireEvent.click(within(tab).getByTestId('compare-run'));
    const result = await within(tab).findByTestId('compare-result');

    const expected = compareVersions(
      version('2023版', OLD, COLUMNS, '2023版'),
      version('2026版', NEW, COLUMNS, '2026版'),
      settings,
    );
    expect(counts(result)).toEqual(expected.counts);
    expect(within(result).getByTestId('compare-totals').textContent).toBe('存续机构：14 → 11（−21.4%）');

    const renamed = result.querySelector('section[data-kind="renamed"]')!;
    expect(renamed.getAttribute('data-count')).toBe(String(expected.counts.renamed));
    const silent = within(renamed as HTMLElement)
      .getByText('市创建全国文明城市工作指挥部 → 市文明城市创建工作指挥部（名称相近，相似度 0.78）', { exact: false })
      .closest('button')!;
    expect(silent.querySelector('[data-finding="undocumented-change"]')?.textContent).toBe(
      '更名为“市文明城市创建工作指挥部”未在历史沿革中记载',
    );
    fireEvent.click(silent);
    await waitFor(() =>
      expect(port.selection).toEqual({ sheet: '2026版', row: 5, column: COLUMNS.indexOf('机构名称') + 1 }),
    );

    // A deleted row only exists in the old sheet: selecting it goes there.
    const vanished = result.querySelector('section[data-kind="vanished"] button')!;
    fireEvent.click(vanished);
    await waitFor(() => expect(port.selection).toEqual({ sheet: '2023版', row: 12, column: 2 }));

    // Unchanged bodies stay folded until asked for.
    expect(result.querySelector('section[data-kind="unchanged"]')).toBeNull();
    fireEvent.click(within(result).getByRole('switch'));
    expect(result.querySelector('section[data-kind="unchanged"]')?.getAttribute('data-count')).toBe(
      String(expected.counts.unchanged),
    );
  });

  it('compares a file with a sheet; rows only in the file cannot be selected', async () => {
    const port = new MemoryWorkbook();
    port.addGrid(grid('2026版', NEW));
    const tab = show(port);
    await within(tab).findAllByRole('option', { name: '2026版' });
    // Written with ExcelJS itself, as any other program's .xlsx would be.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRows(grid('台账', OLD).values.map((r) => [...r]));
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    pickFile(tab, 'compare-old-file-input', '台账2023.xlsx', bytes);
    expect((await within(tab).findByTestId('compare-old-file')).textContent).toContain('文件：台账2023.xlsx');
    fireEvent.click(within(tab).getByTestId('compare-run'));
    const result = await within(tab).findByTestId('compare-result');
    expect(counts(result)).toMatchObject({ vanished: 1, new: 1, renamed: 6 });
    const vanished = result.querySelector('section[data-kind="vanished"] button') as HTMLButtonElement;
    expect(vanished.disabled).toBe(true);
    expect(vanished.textContent).toContain('（在文件中，无法选中）');
  });

  it('the same sheet on both sides is refused with a note', async () => {
    const port = workbook();
    const tab = show(port);
    const select = await within(tab).findByTestId('compare-old-select');
    fireEvent.change(select, { target: { value: '2026版' } });
    fireEvent.click(within(tab).getByTestId('compare-run'));
    expect((await within(tab).findByTestId('compare-problem')).textContent).toBe(
      '两边选的是同一个工作表，请选两个不同的版本。',
    );
    expect(within(tab).queryByTestId('compare-result')).toBeNull();
  });

  it('writes 变动清单 and 统计 into the workbook', async () => {
    const port = workbook();
    const tab = show(port, 'en');
    await waitFor(() =>
      expect((within(tab).getByTestId('compare-old-select') as HTMLSelectElement).value).toBe('2023版'),
    );
    fireEvent.click(within(tab).getByTestId('compare-run'));
    await within(tab).findByTestId('compare-result');
    expect(within(tab).getByTestId('compare-totals').textContent).toBe('Active bodies: 14 → 11 (−21.4%)');
    fireEvent.click(within(tab).getByTestId('compare-write'));
    expect((await within(tab).findByText(/^Sheets added:/)).textContent).toBe('Sheets added: 变动清单, 统计');
    expect(port.sheets.map((s) => s.name)).toEqual(['2023版', '2026版', '变动清单', '统计']);
  });
});

describe('对账 with a list', () => {
  const LIST =
    '潍坊市议事协调机构名单\r\n序号,机构名称,文号\r\n1,潍坊市安全生产委员会,潍政字〔2019〕12号\r\n2,市食品安全工作委员会,\r\n3,市全面依法治市委员会,潍办发〔2019〕30号\r\n';

  it('reconciles a sheet with a GB18030 CSV list: three groups, and a click selects the register row', async () => {
    const port = workbook();
    const tab = show(port);
    fireEvent.click(within(tab).getByLabelText('与名单对账'));
    await within(tab).findByTestId('reconcile-register-select');
    pickFile(tab, 'reconcile-list-file-input', '两办名单.csv', encodeGb18030(LIST));
    await within(tab).findByTestId('reconcile-list-file');
    fireEvent.click(within(tab).getByTestId('reconcile-run'));
    const result = await within(tab).findByTestId('reconcile-result');
    expect(counts(result)).toMatchObject({
      registerActive: 11,
      reference: 3,
      matched: 2,
      notInReference: 9,
      missingFromRegister: 1,
    });
    const missing = result.querySelector('section[data-group="missing-from-register"]')!;
    expect(missing.textContent).toContain('市全面依法治市委员会');
    const first = result.querySelector('section[data-group="not-in-reference"] button')!;
    fireEvent.click(first);
    await waitFor(() => expect(port.selection?.sheet).toBe('2026版'));
    expect(port.selection?.row).toBe(Number(first.getAttribute('data-row')));
  });

  it('a list without a name column is refused with the core’s message', async () => {
    const port = workbook();
    const tab = show(port);
    fireEvent.click(within(tab).getByLabelText('与名单对账'));
    pickFile(tab, 'reconcile-list-file-input', '单位名单.csv', new TextEncoder().encode('序号,单位\r\n1,市应急局\r\n'));
    await within(tab).findByTestId('reconcile-list-file');
    fireEvent.click(within(tab).getByTestId('reconcile-run'));
    expect((await within(tab).findByTestId('compare-problem')).textContent).toContain(
      '单位名单.csv：前 20 行中未找到机构名称列',
    );
  });
});
