/**
 * The 评价 tab in Chromium, on the preview with the city sample (sheet 台账) and the returned files
 * of samples/evaluation picked as files: the suggestion counts, grades, idle bodies and the weak
 * member unit equal what `ledger evaluate` reports for the same files, a click on a body selects
 * its register row, and the five result sheets are written into the workbook.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAddress } from '../../src/ledger/grid';
import { EVALUATION_FILES, WEAK_UNIT } from '../../scripts/samples/evaluation';
import { buildBundle, openBrowser, ROOT, serve, type BrowserSession } from './harness';

const run = promisify(execFile);
const REGISTER = join(ROOT, 'samples', '东营市市级议事协调机构管理台账.xlsx');
const SELF = join(ROOT, 'samples', EVALUATION_FILES.selfFolder);
const MEMBERS = join(ROOT, 'samples', EVALUATION_FILES.members);
const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

interface CliEvaluation {
  counts: { byAction: Record<string, number>; byGrade: Record<string, number>; idle: number };
  bodies: { name: string; row: number; rank: number | null; idle: boolean }[];
}

let bundle: Awaited<ReturnType<typeof buildBundle>>;
let server: Awaited<ReturnType<typeof serve>>;
let session: BrowserSession;
let page: Page;
let cli: CliEvaluation;

const tab = () => page.getByTestId('evaluate-tab');

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  // Today as the as-of date on both sides: the pane's default settings use it too. Exit 1 (errors found) is expected.
  const cliRun = run(
    process.execPath,
    [join(ROOT, 'bin', 'ledger.js'), 'evaluate', REGISTER, '--self', SELF, '--members', MEMBERS, '--format', 'json'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).then(
    ({ stdout }) => stdout,
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      if (error.code === 1 && error.stdout) return error.stdout;
      throw new Error(`ledger evaluate failed (exit ${error.code}): ${error.stderr}`);
    },
  );
  bundle = await buildBundle();
  server = await serve(bundle.dir);
  session = await openBrowser();
  page = session.page;
  cli = JSON.parse(await cliRun) as CliEvaluation;
  await page.goto(server.url);
  await page.getByTestId('validate-button').waitFor();
  await page.getByTestId('tab-evaluate').click();
  await tab().waitFor();
}, 300_000);

afterAll(async () => {
  await session?.browser.close();
  await server?.close();
  await bundle?.cleanup();
});

describe('the 评价 tab in Chromium', () => {
  it('evaluates the city sheet with the returned files: the same results as ledger evaluate', async () => {
    await expect.poll(() => tab().getByTestId('evaluate-register-select').inputValue()).toBe('台账');
    const selfFiles = (await readdir(SELF)).sort().map((f) => join(SELF, f));
    await tab().getByTestId('evaluate-self-file-input').setInputFiles(selfFiles);
    await tab().getByTestId('evaluate-self-files').waitFor();
    await tab().getByTestId('evaluate-members-file-input').setInputFiles(MEMBERS);
    await tab().getByTestId('evaluate-members-files').waitFor();
    await tab().getByTestId('evaluate-run').click();
    const result = tab().getByTestId('evaluate-result');
    await result.waitFor({ timeout: 60_000 });
    expect(JSON.parse((await result.getAttribute('data-actions'))!)).toEqual(cli.counts.byAction);
    expect(JSON.parse((await result.getAttribute('data-grades'))!)).toEqual(cli.counts.byGrade);
    expect(await tab().getByTestId('evaluate-idle').locator('button').count()).toBe(cli.counts.idle);
    expect(await tab().getByTestId('evaluate-members').locator('[data-low="true"]').getAttribute('data-unit')).toBe(
      WEAK_UNIT,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'evaluate.png'), fullPage: true });
  });

  it('a click on a body in the ranking selects its register row', async () => {
    const last = cli.bodies.filter((b) => b.rank !== null).sort((a, b) => b.rank! - a.rank!)[0]!;
    await tab().getByTestId('evaluate-ranking').locator(`button[data-row="${last.row}"]`).click();
    await expect.poll(() => page.getByTestId('name-box').textContent()).toBe(cellAddress(last.row, 2));
  });

  it('writes the five result sheets into the workbook', async () => {
    await tab().getByTestId('evaluate-write').click();
    await expect
      .poll(() =>
        page.locator('[data-sheet-tab]').evaluateAll((els) => els.map((el) => el.getAttribute('data-sheet-tab'))),
      )
      .toEqual(expect.arrayContaining(['评价结果', '成员单位评价', '调整建议', '问题清单', '说明']));
  });
});
