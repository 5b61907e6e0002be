/**
 * The preview in a real browser: the production bundle served from localhost, driven in Debian's
 * Chromium. The pane's results are compared with what the CLI reports for the same sample files.
 * One build, one browser, one page; the cases run in order on the same workbook.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import { RETURN_SHEET_NAMES } from '../../src/ledger/consolidate';
import { cellAddress } from '../../src/ledger/grid';
import { readWorkbook } from '../../src/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { buildBundle, openBrowser, ROOT, serve, type BrowserSession } from './harness';

const run = promisify(execFile);

const AS_OF = '2026-11-25'; // the date the samples are written against (samples/README.md)
const CITY_FILE = join(ROOT, 'samples', '东营市市级议事协调机构管理台账.xlsx');
const COUNTY_DIR = join(ROOT, 'samples', 'counties');
const COUNTY_DEPARTMENTS = join(COUNTY_DIR, 'departments-counties.txt');
const EXPECTED_COUNTIES = ['东营区', '河口区', '垦利区', '利津县', '广饶县'];
const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');
const DOC_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

interface CliFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  sheet: string;
  row: number | null;
  column: string | null;
}

/** Runs the CLI; exit codes 0 and 1 both mean it worked (1 = findings of severity error). */
async function ledger(args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'ledger.js'), ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout !== undefined) return failed.stdout;
    throw new Error(`ledger ${args.join(' ')} failed (exit ${failed.code}): ${failed.stderr}`);
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

let bundle: Awaited<ReturnType<typeof buildBundle>>;
let server: Awaited<ReturnType<typeof serve>>;
let session: BrowserSession;
let page: Page;
let cliCity: CliFinding[];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  // `UPDATE_SCREENSHOTS=1 npx vitest run tests/browser` refreshes the pictures README shows.
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await copyFile(join(ARTIFACTS, `${name}.png`), join(DOC_SCREENSHOTS, `${name}.png`));
}

const pane = () => page.getByTestId('task-pane');
const grid = () => page.getByTestId('preview-grid');

async function openTab(key: 'validate' | 'flags' | 'consolidate' | 'newRegister' | 'settings'): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
}

/** Every rendered cell of the preview grid with text, by address. */
async function gridCells(): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="preview-grid"] [data-address]')) {
      const text =
        el.firstChild?.nodeType === Node.TEXT_NODE ? (el.firstChild.textContent ?? '') : (el.textContent ?? '');
      if (text !== '') out[el.dataset.address!] = text;
    }
    return out;
  });
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') await mkdir(DOC_SCREENSHOTS, { recursive: true });
  const cli = ledger(['validate', '--format', 'json', '--as-of', AS_OF, CITY_FILE]);
  bundle = await buildBundle();
  server = await serve(bundle.dir);
  session = await openBrowser();
  page = session.page;
  const report = JSON.parse(await cli) as { files: { sheets: { sheet: string; findings: CliFinding[] }[] }[] };
  cliCity = report.files[0]!.sheets.find((s) => s.sheet === '台账')!.findings;
  await page.goto(server.url);
  await page.getByTestId('validate-button').waitFor();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.close();
  await bundle?.cleanup();
});

describe('the preview in Chromium', () => {
  it('shows the sample registers as sheets beside the task pane', async () => {
    const tabs = await page
      .locator('[data-sheet-tab]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-sheet-tab')));
    const counties = (await readdir(COUNTY_DIR))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => f.replace(/\.xlsx$/, ''))
      .sort();
    expect(tabs).toEqual(['台账', '填表说明', ...counties]);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('台账');
    expect(await page.locator('[data-address="B4"]').textContent()).toBe('市委全面深化改革委员会');
    await shot('preview');
  });

  it('saves the as-of date in 设置', async () => {
    await openTab('settings');
    await pane().getByLabel('始终使用今天').uncheck();
    await page.getByTestId('as-of-input').fill(AS_OF);
    await page.getByTestId('save-settings-button').click();
    await expect.poll(() => pane().getByText('设置已保存。').count()).toBe(1);
    await shot('settings');
  });

  it('validates the city sheet with the same findings per code as the CLI', async () => {
    await openTab('validate');
    await page.getByTestId('sheet-select').selectOption('台账');
    await page.getByTestId('validate-button').click();
    await page.getByTestId('report-title').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe('“台账”：65 个机构，表头在第 3 行');

    const shown = await page
      .locator('[data-testid="finding-list"] section[data-code]')
      .evaluateAll((els) =>
        Object.fromEntries(els.map((el) => [el.getAttribute('data-code'), Number(el.getAttribute('data-count'))])),
      );
    const cli = countBy(cliCity, (f) => f.code);
    expect(Object.keys(cli).length).toBeGreaterThan(10);
    expect(shown).toEqual(cli);

    const badges = await page
      .locator('[data-testid="severity-badges"] [data-severity]')
      .evaluateAll((els) =>
        Object.fromEntries(els.map((el) => [el.getAttribute('data-severity'), Number(el.getAttribute('data-count'))])),
      );
    expect(badges).toEqual({ error: 0, warning: 0, info: 0, ...countBy(cliCity, (f) => f.severity) });
    await shot('validate');
  });

  it('selects the cell of a finding that is clicked, scrolling it into view', async () => {
    const invalidDate = cliCity.find((f) => f.code === 'invalid-date')!;
    const group = page.locator('section[data-code="invalid-date"]');
    if ((await group.locator('button[aria-expanded]').getAttribute('aria-expanded')) !== 'true')
      await group.locator('button[aria-expanded]').click();
    const item = group.locator('[data-finding="invalid-date"]').first();
    const row = Number(await item.getAttribute('data-row'));
    const column = Number(await item.getAttribute('data-column'));
    expect(row).toBe(invalidDate.row);
    await item.click();
    const address = cellAddress(row, column);
    await expect.poll(() => page.getByTestId('name-box').textContent()).toBe(address);
    await expect.poll(() => page.locator(`[data-address="${address}"]`).getAttribute('aria-selected')).toBe('true');
    // The header above the selected cell is the column the CLI names.
    expect(await page.locator(`[data-address="${cellAddress(3, column)}"]`).getAttribute('title')).toBe(
      invalidDate.column,
    );

    // A finding near the end of the sheet: the grid scrolls to it.
    const last = cliCity.filter((f) => f.row !== null).at(-1)!;
    const lastItem = page.locator(`[data-finding="${last.code}"][data-row="${last.row}"]`).first();
    if (!(await lastItem.isVisible()))
      await page.locator(`section[data-code="${last.code}"] button[aria-expanded]`).click();
    await lastItem.click();
    await expect.poll(() => page.getByTestId('name-box').textContent()).toMatch(new RegExp(`^[A-Z]+${last.row}$`));
    const lastAddress = await page.getByTestId('name-box').textContent();
    const cellBox = (await page.locator(`[data-address="${lastAddress}"]`).boundingBox())!;
    const gridBox = (await grid().boundingBox())!;
    expect(cellBox.y).toBeGreaterThanOrEqual(gridBox.y);
    expect(cellBox.y + cellBox.height).toBeLessThanOrEqual(gridBox.y + gridBox.height);
  });

  it('marks the offending cells by severity and clears exactly those marks', async () => {
    const marked = Number(await page.getByTestId('mark-count').getAttribute('data-count'));
    expect(marked).toBeGreaterThan(10);
    expect(await pane().getByText(`已在 ${marked} 个单元格上按严重程度标记`, { exact: false }).count()).toBe(1);

    // Back to the top: the first rows hold an info, a warning and an error.
    await grid().evaluate((el) => el.scrollTo(0, 0));
    // The grid redraws on the scroll event: wait until the header row is drawn.
    await page.locator('[data-address="B3"]').waitFor();
    const header = await gridCells();
    const columnOf = (title: string | null) => {
      const address = Object.entries(header).find(([a, text]) => /^[A-Z]+3$/.test(a) && text === title)?.[0];
      if (!address) throw new Error(`no header “${title}” in row 3`);
      return address.replace(/\d+$/, '');
    };
    for (const code of ['invalid-date', 'nonstandard-doc-number', 'shared-basis-document']) {
      const f = cliCity.find((x) => x.code === code)!;
      await expect
        .poll(() => page.locator(`[data-address="${columnOf(f.column)}${f.row}"]`).getAttribute('data-mark'))
        .toBe(f.severity);
    }
    const before = await gridCells();
    await shot('marks');

    await page.getByTestId('clear-marks-button').click();
    await expect.poll(() => page.getByTestId('mark-count').getAttribute('data-count')).toBe('0');
    expect(await page.locator('[data-testid="preview-grid"] [data-mark]').count()).toBe(0);
    await expect.poll(() => pane().getByText(`已清除所有工作表上 ${marked} 个单元格的标记。`).count()).toBe(1);
    expect(await gridCells()).toEqual(before);
  });

  it('lists duplicate pairs and overdue and expiring bodies, sorted by date, under 标记', async () => {
    await openTab('flags');
    const rowsOf = (code: string) => cliCity.filter((f) => f.code === code).map((f) => f.row!);

    const pairs = await page
      .locator('[data-testid="flags-duplicates"] [data-rows]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-rows')));
    const duplicateRows = rowsOf('duplicate-name');
    expect(duplicateRows.length).toBeGreaterThan(0);
    expect(pairs).toContain(`${Math.min(...duplicateRows)},${Math.max(...duplicateRows)}`);

    const overdue = await page
      .locator('[data-testid="flags-overdue"] [data-row]')
      .evaluateAll((els) =>
        els.map((el) => ({ row: Number(el.getAttribute('data-row')), end: el.getAttribute('data-end') ?? '' })),
      );
    expect(overdue.map((o) => o.row).sort((a, b) => a - b)).toEqual(rowsOf('overdue'));
    expect(overdue.map((o) => o.end)).toEqual([...overdue.map((o) => o.end)].sort());
    const expiring = await page
      .locator('[data-testid="flags-expiring"] [data-row]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-row'))));
    expect(expiring.sort((a, b) => a - b)).toEqual(rowsOf('expiring-soon'));
    await shot('flags');
  });

  it('builds the county return in this workbook with the same 汇总 as the CLI', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ledger-return-'));
    const cliReturn = join(out, 'return.xlsx');
    // Runs while the browser works; awaited before the folder goes, whatever happens.
    const cliRun = ledger([
      'consolidate',
      COUNTY_DIR,
      '-o',
      cliReturn,
      '--expect',
      EXPECTED_COUNTIES.join(','),
      '--as-of',
      AS_OF,
      '--departments',
      COUNTY_DEPARTMENTS,
    ]);
    try {
      // The county department list, as the CLI gets it with --departments.
      await openTab('settings');
      await page.getByTestId('departments-file-input').setInputFiles(COUNTY_DEPARTMENTS);
      await expect.poll(() => pane().getByText('departments-counties.txt', { exact: false }).count()).toBe(1);
      await page.getByTestId('save-settings-button').click();
      await expect.poll(() => pane().getByText('设置已保存。').count()).toBe(1);

      await openTab('consolidate');
      const sheetsBefore = await page.locator('[data-sheet-tab]').count();
      await pane().getByRole('button', { name: '全不选' }).click();
      const files = (await readdir(COUNTY_DIR)).filter((f) => f.endsWith('.xlsx')).map((f) => join(COUNTY_DIR, f));
      await page.getByTestId('consolidate-file-input').setInputFiles(files);
      await expect.poll(() => page.locator('[data-testid="consolidate-files"] li').count()).toBe(files.length);
      await page.getByTestId('expected-counties').fill(EXPECTED_COUNTIES.join('、'));
      await page.getByTestId('consolidate-button').click();
      await page.getByTestId('return-summary').waitFor();
      expect(await page.locator('[data-testid="consolidate-sheets"] input:checked').count()).toBe(0);
      await page.getByTestId('return-summary').scrollIntoViewIfNeeded();
      await shot('consolidate');

      // The return's sheets added after the existing ones, none replaced; the preview shows 汇总.
      const tabs = await page
        .locator('[data-sheet-tab]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-sheet-tab')));
      expect(tabs.length).toBe(sheetsBefore + RETURN_SHEET_NAMES.length);
      expect(tabs.slice(-RETURN_SHEET_NAMES.length)).toEqual([...RETURN_SHEET_NAMES]);
      expect(RETURN_SHEET_NAMES).toEqual(expect.arrayContaining(['汇总', '明细', '问题清单', '说明']));
      await expect.poll(() => grid().getAttribute('data-sheet')).toBe('汇总');

      await cliRun;
      const read = await readWorkbook(await readFile(cliReturn), 'return.xlsx');
      if (!read.ok) throw new Error(read.message);
      const summary = read.sheets.find((g) => g.sheet === '汇总')!;
      const expected: Record<string, string> = {};
      summary.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const text = cellText(value);
          if (text !== '') expected[cellAddress((summary.firstRow ?? 1) + r, (summary.firstColumn ?? 1) + c)] = text;
        }),
      );
      expect(Object.keys(expected).length).toBeGreaterThan(30);
      expect(await gridCells()).toEqual(expected);

      // The pane's own summary: the missing counties and the 合计 line.
      const missing = await page
        .locator('[data-testid="return-summary"] [data-state="missing"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-county')));
      expect(missing.sort()).toEqual(['利津县', '垦利区']);
    } finally {
      await cliRun.catch(() => undefined);
      await rm(out, { recursive: true, force: true });
    }
  });

  it('adds a new register sheet with dropdowns for 类别, 状态 and 办事机构所在部门', async () => {
    await openTab('newRegister');
    await page.getByTestId('create-register-button').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('议事协调机构管理台账');
    const cells = await gridCells();
    expect(cells.A1).toBe('议事协调机构管理台账');
    expect([cells.A2, cells.B2, cells.C2, cells.D2, cells.E2, cells.F2, cells.G2, cells.H2]).toEqual([
      '序号',
      '机构名称',
      '设立时间',
      '依据文件',
      '办事机构所在部门',
      '存续时间',
      '历史沿革',
      '上级机构设置情况',
    ]);
    const dropdowns = await page
      .locator('[data-address$="2"] span[title]')
      .evaluateAll((els) => els.map((el) => el.parentElement!.getAttribute('title') ?? ''));
    expect(dropdowns).toEqual(['办事机构所在部门', '类别', '状态']);
    await shot('new-register');
  });

  it('opens a register of 3,000 bodies: the grid draws only the rows in view, the pane lists every finding', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      i + 1,
      `市第${i + 1}专项工作领导小组`,
      '党委议事协调机构',
      `2019年${(i % 12) + 1}月`,
      i % 10 === 0 ? '市委常委会会议纪要' : `东办发〔2019〕${i + 1}号`,
      '市委办公室',
      '长期',
      '2019年设立',
      '上级未设置',
    ]);
    const bytes = await writeWorkbook([
      {
        name: '大台账',
        preamble: [['东营市市级议事协调机构管理台账']],
        columns: [
          '序号',
          '机构名称',
          '类别',
          '设立时间',
          '依据文件',
          '办事机构所在部门',
          '存续时间',
          '历史沿革',
          '上级机构设置情况',
        ].map((header) => ({ header })),
        rows,
      },
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'ledger-big-'));
    try {
      await writeFile(join(dir, '大台账.xlsx'), bytes);
      await page.getByTestId('preview-open-input').setInputFiles(join(dir, '大台账.xlsx'));
      await expect.poll(() => grid().getAttribute('data-sheet')).toBe('大台账');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await page.locator('[data-testid="preview-grid"] [role="row"]').count()).toBeLessThan(100);

    await openTab('validate');
    await page.getByTestId('refresh-sheets').click();
    await page.getByTestId('sheet-select').selectOption('大台账');
    const started = Date.now();
    await page.getByTestId('validate-button').click();
    await expect
      .poll(() => page.getByTestId('report-title').textContent(), { timeout: 20_000 })
      .toBe('“大台账”：3000 个机构，表头在第 2 行');
    console.log(`3,000-row register validated and listed in the browser in ${Date.now() - started} ms`);
    // Every 10th body cites no 发文字号: 300 findings in one group, of which one page is drawn.
    const group = page.locator('section[data-code="invalid-doc-number"]');
    expect(await group.getAttribute('data-count')).toBe('300');
    expect(await page.locator('[data-testid="finding-list"] [data-finding]').count()).toBeLessThanOrEqual(60);

    // Jump to the last of them: the grid scrolls there and still draws only a window of rows.
    expect(await group.locator('button[aria-expanded]').getAttribute('aria-expanded')).toBe('true');
    await group.getByRole('button', { name: '显示更多（已显示 50 / 共 300）' }).click();
    await expect.poll(() => group.locator('[data-finding]').count()).toBe(100);
    await group.locator('[data-finding]').last().click();
    await expect.poll(() => page.getByTestId('name-box').textContent()).toMatch(/^E\d+$/);
    const address = await page.getByTestId('name-box').textContent();
    expect(await page.locator(`[data-address="${address}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-testid="preview-grid"] [role="row"]').count()).toBeLessThan(100);
  });

  it('switches to English and back', async () => {
    await openTab('validate');
    await page.getByTestId('language-button').click();
    await expect.poll(() => page.getByTestId('tab-validate').textContent()).toBe('Validate');
    expect(await page.getByTestId('validate-button').textContent()).toBe('Validate');
    await page.getByTestId('sheet-select').selectOption('台账');
    await page.getByTestId('validate-button').click();
    await expect.poll(() => page.getByTestId('report-title').textContent()).toBe('“台账”: 65 bodies, header in row 3');
    const group = page.locator('section[data-code="invalid-date"]');
    expect(await group.locator('button[aria-expanded]').textContent()).toContain('Unreadable date');
    if ((await group.locator('button[aria-expanded]').getAttribute('aria-expanded')) !== 'true')
      await group.locator('button[aria-expanded]').click();
    expect(await group.getByText('is not a date', { exact: false }).count()).toBeGreaterThan(0);
    await group.locator('[data-finding="invalid-date"]').first().click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('台账');
    await shot('validate-en');
    await page.getByTestId('language-button').click();
    await expect.poll(() => page.getByTestId('tab-validate').textContent()).toBe('校验');
  });

  it('serves taskpane.html for Excel with office.js from the same server (no internet needed), explaining itself outside Excel', async () => {
    const context = await session.browser.newContext();
    const asked: string[] = [];
    const local: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) {
        local.push(url.slice(server.url.length));
        return route.continue();
      }
      asked.push(url);
      return route.abort('blockedbyclient');
    });
    try {
      const excelPage = await context.newPage();
      const officeJs = excelPage.waitForResponse((response) => response.url().endsWith('/office-js/office.js'));
      await excelPage.goto(`${server.url}taskpane.html`);
      expect((await officeJs).status()).toBe(200);
      // office.js loaded outside Office: Office.onReady reports no host, and the page says to open it in Excel.
      await expect.poll(() => excelPage.getByText('请在 Excel 中打开').count(), { timeout: 20_000 }).toBe(1);
      expect(await excelPage.getByText('preview.html', { exact: false }).count()).toBe(1);
      expect(asked).toEqual([]);
      expect(local).toContain('office-js/office.js');
    } finally {
      await context.close();
    }
  });

  it('sent no request beyond localhost and raised no page error', () => {
    expect(session.external).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
