/**
 * How the add-in is packaged for Excel (webpack.config.js, read without building): office.js is
 * served with the add-in unless the CDN is asked for, and production builds carry no source maps.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Built {
  devtool: unknown;
  plugins: {
    constructor: { name: string };
    userOptions?: { filename?: string; templateParameters?: Record<string, string> };
    patterns?: { from: string; to: string }[];
  }[];
}

async function config(env: Record<string, unknown> = {}, mode = 'production'): Promise<Built> {
  const saved = {
    OFFICE_JS: process.env.OFFICE_JS,
    SOURCE_MAPS: process.env.SOURCE_MAPS,
    ADDIN_URL: process.env.ADDIN_URL,
  };
  delete process.env.OFFICE_JS;
  delete process.env.SOURCE_MAPS;
  delete process.env.ADDIN_URL;
  try {
    const make = (
      (await import(pathToFileURL(join(ROOT, 'webpack.config.js')).href)) as {
        default: (env: object, argv: object) => Promise<Built>;
      }
    ).default;
    return await make(env, { mode });
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  }
}

const taskpane = (built: Built) =>
  built.plugins.find((p) => p.userOptions?.filename === 'taskpane.html')!.userOptions!.templateParameters!;
const copied = (built: Built) =>
  built.plugins.filter((p) => p.constructor.name === 'CopyPlugin').flatMap((p) => p.patterns ?? []);

describe('packaging for Excel', () => {
  test('by default taskpane.html loads office.js from the add-in’s own server, and the Excel files are copied', async () => {
    const built = await config();
    expect(taskpane(built).officeJsUrl).toBe('office-js/office.js');
    const targets = copied(built).map((p) => p.to);
    expect(targets).toContain('office-js/office.js');
    expect(targets).toContain('office-js/excel-web-16.00.js');
    expect(targets).toContain('office-js/excel-win32-16.01.js');
    expect(targets).toContain('office-js/excel-mac-16.00.js');
    expect(targets).toContain('office-js/zh-cn/office_strings.js');
    expect(targets).toContain('office-js/en-us/office_strings.js');
    expect(targets.some((t) => t.includes('.debug.') || /word-|outlook-|powerpoint-/.test(t))).toBe(false);
    for (const { from } of copied(built).filter((p) => p.to.startsWith('office-js/')))
      expect(existsSync(from), from).toBe(true);
  });

  test('OFFICE_JS=cdn (or --env officeJs=cdn) uses Microsoft’s CDN and copies none of it', async () => {
    const built = await config({ officeJs: 'cdn' });
    expect(taskpane(built).officeJsUrl).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(copied(built).some((p) => p.to.startsWith('office-js/'))).toBe(false);
    await expect(config({ officeJs: 'internet' })).rejects.toThrow(/OFFICE_JS/);
  });

  test('a production build has no source maps unless asked for', async () => {
    expect((await config()).devtool).toBe(false);
    expect((await config({ sourceMaps: true })).devtool).toBe('source-map');
    expect((await config({}, 'development')).devtool).toBe('eval-cheap-module-source-map');
  });
});

describe('which Excel versions work: manifest, in-pane check and docs/excel.md agree', () => {
  test('the manifest asks for exactly the sets the pane checks, and docs/excel.md names the versions that have them', async () => {
    const { readFileSync } = await import('node:fs');
    const { REQUIRED_SETS } = await import('../../src/excel/requirements');
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const sets = [...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets).toEqual(REQUIRED_SETS.map((s) => `${s.name} ${s.version}`));
    const excel = readFileSync(join(ROOT, 'docs', 'excel.md'), 'utf8');
    // Excel 2016/2019 lack ExcelApi 1.9: Office never opens the add-in there, so README must not promise a message.
    expect(REQUIRED_SETS.map((s) => s.version)).toEqual(['1.9']);
    expect(excel).toMatch(/\| Excel 2019、Excel 2016 \| 不能/);
    expect(excel).toContain('that message is never seen');
    expect(excel).not.toMatch(/says which are missing instead of failing mid-check: Microsoft 365/);
    for (const works of ['Excel 2021', '网页版 Excel', 'Microsoft 365']) expect(excel).toContain(works);
  });

  test('docs/excel.md says where office.js comes from, and no longer that the preview uses it', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(ROOT, 'docs', 'excel.md'), 'utf8');
    expect(readme).toContain('OFFICE_JS=cdn');
    expect(readme).not.toContain('the browser preview uses the copy from npm');
    expect(readme).not.toContain('`taskpane.html` 只向微软的标准地址请求 office.js');
  });
});
