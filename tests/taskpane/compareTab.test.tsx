// @vitest-environment jsdom
/** The 对比 tab in daily use: sensible defaults, errors that go away, hints that are true, a switch that is followed. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/ledger/findings';
import { MemoryWorkbook } from '../../src/preview/memoryWorkbook';
import { CompareTab } from '../../src/taskpane/compare/CompareTab';
import { StringsContext, stringsFor } from '../../src/taskpane/i18n';
import { grid, settings } from '../compare/fixtures';
import { NEW, OLD } from '../compare/versions';
import './domTimeouts';

afterEach(cleanup);

const INSTRUCTIONS = {
  sheet: '填表说明',
  values: [['填表说明'], ['一、本表填报市级党委和政府设立的议事协调机构。'], ['二、成立时间填写依据文件印发日期。']],
};

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

async function xlsx(name: string, bodies: typeof OLD): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(name).addRows(grid(name, bodies).values.map((r) => [...r]));
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function pickFile(tab: HTMLElement, testId: string, name: string, bytes: Uint8Array) {
  fireEvent.change(within(tab).getByTestId(testId), { target: { files: [new File([bytes as BlobPart], name)] } });
}

describe('对比 defaults and notes', () => {
  it('never offers the instructions sheet as the old version: the other register, or nothing until chosen', async () => {
    const port = new MemoryWorkbook();
    port.addGrid(INSTRUCTIONS);
    port.addGrid(grid('2023版', OLD));
    port.addGrid(grid('2026版', NEW));
    port.activate('2026版');
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('compare-old-select') as HTMLSelectElement).value).toBe('2023版'),
    );
    cleanup();

    const only = new MemoryWorkbook();
    only.addGrid(INSTRUCTIONS);
    only.addGrid(grid('台账', NEW));
    only.activate('台账');
    const tab2 = show(only);
    await waitFor(() =>
      expect((within(tab2).getByTestId('compare-new-select') as HTMLSelectElement).value).toBe('台账'),
    );
    const old = within(tab2).getByTestId('compare-old-select') as HTMLSelectElement;
    expect(old.value).toBe('');
    expect(old.selectedOptions[0]?.textContent).toBe('请选择工作表…');
    expect((within(tab2).getByTestId('compare-run') as HTMLButtonElement).disabled).toBe(true);
  });

  it('drops the last error once another version is chosen', async () => {
    const port = new MemoryWorkbook();
    port.addGrid(grid('2023版', OLD));
    port.addGrid(grid('2026版', NEW));
    port.activate('2026版');
    const tab = show(port);
    fireEvent.change(await within(tab).findByTestId('compare-old-select'), { target: { value: '2026版' } });
    fireEvent.click(within(tab).getByTestId('compare-run'));
    expect(await within(tab).findByTestId('compare-problem')).toBeTruthy();
    pickFile(tab, 'compare-old-file-input', '台账2023.xlsx', await xlsx('台账', OLD));
    await within(tab).findByTestId('compare-old-file');
    expect(within(tab).queryByTestId('compare-problem')).toBeNull();
  });

  it('two files: no “click to select” promise, one note saying why, no “cannot be selected” on every item', async () => {
    const port = new MemoryWorkbook();
    port.addGrid(INSTRUCTIONS);
    const tab = show(port);
    await within(tab).findAllByRole('option', { name: '填表说明' });
    pickFile(tab, 'compare-old-file-input', '台账2023.xlsx', await xlsx('台账', OLD));
    await within(tab).findByTestId('compare-old-file');
    pickFile(tab, 'compare-new-file-input', '台账2026.xlsx', await xlsx('台账', NEW));
    await within(tab).findByTestId('compare-new-file');
    fireEvent.click(within(tab).getByTestId('compare-run'));
    const result = await within(tab).findByTestId('compare-result');
    expect(within(result).queryByTestId('select-hint')).toBeNull();
    expect(within(result).getByTestId('in-file-note').textContent).toContain('无法点击选中');
    expect(result.textContent).not.toContain('（在文件中，无法选中）');
  });

  it('写入调整清单 follows 显示未变的机构, and says so on the button', async () => {
    const port = new MemoryWorkbook();
    port.addGrid(grid('2023版', OLD));
    port.addGrid(grid('2026版', NEW));
    port.activate('2026版');
    const tab = show(port);
    await waitFor(() =>
      expect((within(tab).getByTestId('compare-old-select') as HTMLSelectElement).value).toBe('2023版'),
    );
    fireEvent.click(within(tab).getByTestId('compare-run'));
    const result = await within(tab).findByTestId('compare-result');
    const unchanged = (JSON.parse(result.getAttribute('data-counts')!) as Record<string, number>).unchanged!;
    expect(unchanged).toBeGreaterThan(0);
    const button = within(tab).getByTestId('compare-write');
    expect(button.textContent).toBe(`写入调整清单（不含未变的 ${unchanged} 个机构）`);
    fireEvent.click(button);
    await within(tab).findByText(/^已新增工作表/);
    const kinds = (name: string) => port.sheet(name)!.cells.map((row) => row[1]);
    expect(kinds('变动清单')).not.toContain('未变');

    fireEvent.click(within(result).getByRole('switch'));
    expect(button.textContent).toBe(`写入调整清单（含未变的 ${unchanged} 个机构）`);
    fireEvent.click(button);
    await waitFor(() => expect(port.sheet('变动清单 (2)')).toBeTruthy());
    expect(kinds('变动清单 (2)').filter((k) => k === '未变')).toHaveLength(unchanged);
  });
});
