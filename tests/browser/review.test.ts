/**
 * The 审核 tab in Chromium, on the preview with the city sample register (sheet 台账): typing a name
 * shows the same or similar bodies with their scores and the suggested conclusion as one types,
 * and 生成审核意见 downloads a Word draft whose word/document.xml holds the opinion; the sample
 * applications opened into the preview go through the 审批台账 and, once confirmed, the issued 设立
 * lands on the register as a new row, as `ledger review --apply` writes it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, openBrowser, ROOT, serve, type BrowserSession } from './harness';

let bundle: Awaited<ReturnType<typeof buildBundle>>;
let server: Awaited<ReturnType<typeof serve>>;
let session: BrowserSession;
let page: Page;

const tab = () => page.getByTestId('review-tab');
const conclusion = () => tab().getByTestId('review-conclusion').textContent();

beforeAll(async () => {
  bundle = await buildBundle();
  server = await serve(bundle.dir);
  session = await openBrowser({ acceptDownloads: true });
  page = session.page;
  await page.goto(server.url);
  await page.getByTestId('validate-button').waitFor();
  await page.getByTestId('tab-review').click();
  await tab()
    .getByText(/台账中存续机构 \d+ 个/)
    .waitFor();
}, 300_000);

afterAll(async () => {
  expect(session?.external ?? []).toEqual([]);
  await session?.browser.close();
  await server?.close();
  await bundle?.cleanup();
});

describe('the 审核 tab in Chromium', () => {
  it('checks the name while it is typed', async () => {
    const name = tab().getByTestId('review-name');
    await name.pressSequentially('东营市森林防灭火指挥部');
    await expect.poll(conclusion).toBe('不同意设立');
    expect(await tab().getByTestId('review-similar').locator('li').first().textContent()).toBe(
      '市森林防灭火指挥部（第 21 行，相似度 1.00）',
    );

    await name.fill('');
    await name.pressSequentially('市河长制工作委员会');
    await expect.poll(conclusion).toBe('建议不单独设立，由市河长制工作领导小组统筹');
    expect(await tab().getByTestId('review-similar').textContent()).toContain(
      '市河长制工作领导小组（第 24 行，相似度 0.90）',
    );
  }, 120_000);

  it('completes an application and downloads its 审核意见', async () => {
    await tab().getByTestId('review-name').fill('市低空经济发展工作领导小组');
    await tab().getByTestId('review-department').fill('市发改委');
    await tab().getByTestId('review-members').fill('市发展改革委、市工业和信息化局、市科技局、市财政局');
    await tab().getByTestId('review-duties').fill('统筹推进全市低空经济发展');
    await tab().getByTestId('review-parent').fill('省级设有省低空经济发展工作领导小组');
    await expect.poll(conclusion).toBe('同意设立');
    const [download] = await Promise.all([page.waitForEvent('download'), tab().getByTestId('review-download').click()]);
    expect(download.suggestedFilename()).toBe('审核意见-市低空经济发展工作领导小组.docx');
    const path = await download.path();
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const text = strFromU8(files['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain('关于设立市低空经济发展工作领导小组的审核意见（代拟稿）');
    expect(text).toContain('建议：同意设立。');
    expect(text).toContain('中共东营市委机构编制委员会办公室');
  }, 120_000);

  it('adds the issued 设立 of the opened applications to the register after the user confirms', async () => {
    await page.getByTestId('preview-open-input').setInputFiles(join(ROOT, 'samples', 'review', '设立申请.xlsx'));
    await page.locator('[data-testid="preview-grid"][data-sheet="申请"]').waitFor();
    // Back to the pane after working in the workbook: switching tabs lists the new sheet. Opening the
    // file made 申请 the active sheet, so the register is chosen again.
    await page.getByTestId('tab-validate').click();
    await page.getByTestId('tab-review').click();
    await tab().getByTestId('review-register').selectOption('台账');
    await tab()
      .getByText(/台账中存续机构 \d+ 个/)
      .waitFor();
    const log = tab().getByTestId('review-log');
    await log.getByTestId('review-log-sheet').selectOption('申请');
    await log.getByTestId('review-log-read').click();
    await log.getByTestId('review-apply').click();
    const confirm = log.getByTestId('review-apply-confirm');
    expect(await confirm.textContent()).toContain('将在“台账”第 69 行前插入新行：市海洋牧场建设工作领导小组。');
    await confirm.getByTestId('review-apply-go').click();
    expect(await log.getByTestId('review-applied').textContent()).toContain('已在“台账”第 69 行写入 1 个机构。');
    // The preview shows the register with the new row selected.
    await page.locator('[data-testid="preview-grid"][data-sheet="台账"]').waitFor();
    expect(await page.getByTestId('name-box').textContent()).toBe('A69');
    expect(await page.locator('[data-address="B69"]').textContent()).toBe('市海洋牧场建设工作领导小组');
  }, 120_000);
});
