/**
 * The 对比/对账 tab in Chromium, on the preview with the compare samples: the change list and the
 * three reconcile groups equal what the CLI reports for the same files, a click selects the row,
 * and the result sheets are written into the workbook. The tab is wired into the pane as `compare`.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAddress } from '../../src/ledger/grid';
import { LIST_FILES, VERSION_FILES } from '../../scripts/samples/versions';
import { buildBundle, openBrowser, ROOT, serve, type BrowserSession } from './harness';

const run = promisify(execFile);
const OLD = join(ROOT, 'samples', VERSION_FILES.before);
const NEW = join(ROOT, 'samples', VERSION_FILES.after);
const LIST_CSV = join(ROOT, 'samples', LIST_FILES.csv);
const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

/** The CLI's JSON; exit 1 (findings of severity error) is a normal outcome here. */
async function ledgerJson<T>(args: string[]): Promise<T> {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'ledger.js'), ...args, '--format', 'json'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as T;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout) return JSON.parse(failed.stdout) as T;
    throw new Error(`ledger ${args.join(' ')} failed (exit ${failed.code}): ${failed.stderr}`);
  }
}

let bundle: Awaited<ReturnType<typeof buildBundle>>;
let server: Awaited<ReturnType<typeof serve>>;
let session: BrowserSession;
let page: Page;
let cliCompare: {
  counts: Record<string, number>;
  changes: {
    kind: string;
    new: { row: number } | null;
    target: { row: number } | null;
    old: { name: string } | null;
  }[];
};
let cliReconcile: { counts: Record<string, number>; notInReference: { name: string; row: number }[] };
/** The preview sheet the 2026 version was opened into (台账 is taken by the city sample). */
let newSheet: string;

const tab = () => page.getByTestId('compare-tab');
const counts = async (testId: string) =>
  JSON.parse((await page.getByTestId(testId).getAttribute('data-counts')) ?? '{}') as Record<string, number>;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const cli = Promise.all([
    ledgerJson<typeof cliCompare>(['compare', OLD, NEW]),
    ledgerJson<typeof cliReconcile>(['reconcile', NEW, '--against', LIST_CSV]),
  ]);
  bundle = await buildBundle();
  server = await serve(bundle.dir);
  session = await openBrowser();
  page = session.page;
  [cliCompare, cliReconcile] = await cli;
  await page.goto(server.url);
  await page.getByTestId('validate-button').waitFor();
  await page.getByTestId('preview-open-input').setInputFiles(NEW);
  // The city sample holds 台账 already, so the opened file's sheet becomes 台账 (2).
  await page.locator('[data-testid="preview-grid"][data-sheet^="台账 ("]').waitFor();
  newSheet = (await page.getByTestId('preview-grid').getAttribute('data-sheet'))!;
  await page.getByTestId('tab-compare').click();
  await tab().waitFor();
}, 300_000);

afterAll(async () => {
  await session?.browser.close();
  await server?.close();
  await bundle?.cleanup();
});

describe('the 对比/对账 tab in Chromium', () => {
  it('compares the 2023 file with the 2026 sheet: the same change list as ledger compare', async () => {
    await tab().getByTestId('compare-old-file-input').setInputFiles(OLD);
    await tab().getByTestId('compare-old-file').waitFor();
    await tab().getByTestId('compare-new-select').selectOption(newSheet);
    await tab().getByTestId('compare-run').click();
    await tab().getByTestId('compare-result').waitFor();
    expect(await counts('compare-result')).toEqual(cliCompare.counts);
    for (const kind of ['vanished', 'new', 'abolished', 'merged', 'renamed', 'adjusted']) {
      expect(Number(await tab().locator(`section[data-kind="${kind}"]`).getAttribute('data-count'))).toBe(
        cliCompare.counts[kind],
      );
    }
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png') });
  });

  it('a click on a change selects the body’s row in the 2026 sheet', async () => {
    const renamed = cliCompare.changes.find((c) => c.kind === 'renamed' && c.old?.name === '市城乡规划委员会')!;
    const item = tab().locator('button[data-change="renamed"]', { hasText: '市城乡规划委员会 → 市国土空间规划委员会' });
    expect(await item.getAttribute('data-row')).toBe(String(renamed.new!.row));
    expect(await item.locator('[data-finding="undocumented-change"]').count()).toBe(1);
    await item.click();
    const address = cellAddress(renamed.new!.row, 2);
    await expect.poll(() => page.getByTestId('name-box').textContent()).toBe(address);
    expect(await page.locator(`[data-address="${address}"]`).getAttribute('aria-selected')).toBe('true');
    // The deleted row exists only in the 2023 file: it cannot be selected.
    expect(await tab().locator('button[data-change="vanished"]').isDisabled()).toBe(true);
  });

  it('writes 变动清单 and 统计 into the workbook', async () => {
    await tab().getByTestId('compare-write').click();
    await expect
      .poll(() =>
        page.locator('[data-sheet-tab]').evaluateAll((els) => els.map((el) => el.getAttribute('data-sheet-tab'))),
      )
      .toEqual(expect.arrayContaining(['变动清单', '统计']));
  });

  it('reconciles the 2026 sheet with the GB18030 CSV list: the same three groups as ledger reconcile', async () => {
    await tab().getByLabel('与名单对账').check();
    await tab().getByTestId('reconcile-register-select').selectOption(newSheet);
    await tab().getByTestId('reconcile-list-file-input').setInputFiles(LIST_CSV);
    await tab().getByTestId('reconcile-list-file').waitFor();
    await tab().getByTestId('reconcile-run').click();
    await tab().getByTestId('reconcile-result').waitFor();
    expect(await counts('reconcile-result')).toEqual(cliReconcile.counts);
    const first = cliReconcile.notInReference[0]!;
    await tab().locator('button[data-group="not-in-reference"]', { hasText: first.name }).first().click();
    await expect.poll(() => page.getByTestId('name-box').textContent()).toBe(cellAddress(first.row, 2));
    await page.screenshot({ path: join(ARTIFACTS, 'reconcile.png') });
  });
});
