/**
 * The preview at a task pane's width and at a desktop's, in Chromium: nothing collapses, nothing
 * runs off the edge, the text is readable and the counts carry their severity's colour.
 * 360 px is the narrowest (a phone, or the pane alone); 1,400 px a desktop.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, openBrowser, ROOT, serve, type BrowserSession } from './harness';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');

let bundle: Awaited<ReturnType<typeof buildBundle>>;
let server: Awaited<ReturnType<typeof serve>>;
let session: BrowserSession;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  bundle = await buildBundle();
  server = await serve(bundle.dir);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.browser.close();
  await server?.close();
  await bundle?.cleanup();
});

async function open(width: number, height: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(server.url);
  await page.getByTestId('validate-button').waitFor();
  return page;
}

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;
/** The page scrolls sideways when something is wider than the window. */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function validateCity(page: Page): Promise<void> {
  await page.getByTestId('sheet-select').selectOption('台账');
  await page.getByTestId('validate-button').click();
  await page.getByTestId('report-title').waitFor();
}

describe('the preview from 360 px to a desktop', () => {
  it('at 360 px: the pane takes the width, the banner is one line, the workbook is one tap away', async () => {
    const page = await open(360, 740);
    try {
      expect(await page.locator('[data-layout]').getAttribute('data-layout')).toBe('narrow');
      const banner = await box(page, 'preview-banner');
      expect(banner.height).toBeLessThan(48);
      // The banner's buttons are whole, inside the window.
      const toggle = await box(page, 'preview-toggle');
      expect(toggle.x + toggle.width).toBeLessThanOrEqual(360 - 4);
      expect(await page.getByTestId('preview-toggle').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const pane = await box(page, 'task-pane');
      expect(pane.width).toBeGreaterThanOrEqual(340);
      expect(pane.height).toBeGreaterThan(500);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);

      await validateCity(page);
      // Validating works at this width, and nothing is wider than the window.
      expect(await page.getByTestId('report-title').textContent()).toContain('“台账”');
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      const button = await box(page, 'validate-button');
      expect(button.x + button.width).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(ARTIFACTS, 'narrow-360-pane.png') });

      await page.getByTestId('preview-toggle').click();
      const grid = await box(page, 'preview-grid');
      expect(grid.width).toBeGreaterThanOrEqual(340);
      expect(grid.height).toBeGreaterThan(400);
      expect(await page.getByTestId('task-pane').isVisible()).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, 'narrow-360-workbook.png') });
      await page.getByTestId('preview-toggle').click();
      expect(await page.getByTestId('task-pane').isVisible()).toBe(true);

      // Settings at 360 px: short inputs, an error at its field, in view.
      await page.getByTestId('tab-settings').click();
      await page.getByTestId('threshold-input').fill('1.5');
      await page.getByTestId('save-settings-button').click();
      const field = page.locator('[data-invalid="similarNameThreshold"]');
      await field.waitFor();
      expect(await field.textContent()).toContain('请填写 0 到 1 之间的数。');
      expect(await field.isVisible()).toBe(true);
      const inView = await field.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      const input = (await page.getByTestId('threshold-input').boundingBox())!;
      expect(input.width).toBeLessThan(200);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'narrow-360-settings.png') });
    } finally {
      await page.close();
    }
  });

  it('at 400 px the grid is no 19 px strip and the banner does not wrap a character a line', async () => {
    const page = await open(400, 800);
    try {
      expect((await box(page, 'preview-banner')).height).toBeLessThan(48);
      await page.getByTestId('preview-toggle').click();
      expect((await box(page, 'preview-grid')).width).toBeGreaterThan(380);
    } finally {
      await page.close();
    }
  });

  it('at 1,400 px: workbook and pane side by side, the pane at a task pane’s width', async () => {
    const page = await open(1400, 900);
    try {
      expect(await page.locator('[data-layout]').getAttribute('data-layout')).toBe('wide');
      expect(await page.getByTestId('preview-toggle').count()).toBe(0);
      const grid = await box(page, 'preview-grid');
      const pane = await box(page, 'task-pane');
      expect(grid.width).toBeGreaterThan(900);
      expect(pane.width).toBeGreaterThanOrEqual(320);
      expect(pane.width).toBeLessThanOrEqual(460);
      expect(pane.x).toBeGreaterThanOrEqual(grid.x + grid.width - 1);
      expect((await box(page, 'preview-banner')).height).toBeLessThan(48);
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, 'wide-1400.png') });
    } finally {
      await page.close();
    }
  });

  it('readable for older eyes: location lines at least 12 px and dark, warning counts amber not black', async () => {
    const page = await open(1400, 900);
    try {
      await validateCity(page);
      const where = page.locator('[data-finding] > span').first();
      const style = await where.evaluate((el) => {
        const s = getComputedStyle(el);
        return { size: parseFloat(s.fontSize), color: s.color };
      });
      expect(style.size).toBeGreaterThanOrEqual(12);
      // rgb(…) of the text: darker than the light grey it was (each channel under 0x70).
      const channels = style.color.match(/\d+/g)!.slice(0, 3).map(Number);
      expect(Math.max(...channels)).toBeLessThan(0x70);

      await page.getByLabel('按行').check();
      const warningBadge = page.locator('section[data-group^="row:"] > button [data-severity="warning"]').first();
      await warningBadge.waitFor();
      const background = await warningBadge.evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
      expect(r).toBeGreaterThan(150); // amber/orange, not black or grey
      expect(r - b).toBeGreaterThan(60);
      expect(g).toBeLessThan(r);
      expect(session.external).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
