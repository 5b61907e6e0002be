// @vitest-environment jsdom
/**
 * manifest.xml checked offline: `office-addin-manifest validate` posts the file to an online
 * service, which neither this machine nor CI can reach. This covers what that service would
 * reject us for and what would break sideloading: well-formed XML, elements present and in schema
 * order, ids, URLs (https, one origin, files that exist) and the production rewrite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEV_ORIGIN, manifestForUrl } from '../src/excel/manifest';
import { REQUIRED_SETS } from '../src/excel/requirements';

const ROOT = join(import.meta.dirname, '..');
const XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const OFFICE_APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROD_BASE = 'https://addins.example.gov.cn/ledger/';

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

const children = (element: Element) => [...element.children];
const child = (element: Element, name: string) => children(element).find((c) => c.localName === name);
const all = (doc: Document, ns: string, name: string) => [...doc.getElementsByTagNameNS(ns, name)];

/** Every URL in attribute values and text, except namespace declarations. */
function urlsOf(doc: Document): string[] {
  const urls: string[] = [];
  for (const element of [...doc.getElementsByTagName('*')]) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
      if (/^\w+:\/\//.test(attribute.value)) urls.push(attribute.value);
    }
    for (const node of [...element.childNodes])
      if (node.nodeType === 3 && /^\s*\w+:\/\//.test(node.textContent ?? '')) urls.push(node.textContent!.trim());
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const doc = parse(XML);
const root = doc.documentElement;

describe('manifest.xml', () => {
  test('is well-formed XML (and the check would catch a broken one)', () => {
    expect(() => parse(XML)).not.toThrow();
    expect(() => parse(XML.replace('</Permissions>', ''))).toThrow(/not well-formed/);
  });

  test('is an add-in only task-pane manifest for Excel', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(OFFICE_APP_NS);
    expect(root.getAttributeNS(XSI_NS, 'type')).toBe('TaskPaneApp');
    const hosts = child(root, 'Hosts')!;
    expect(children(hosts).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
  });

  test('has the required elements, in the order the schema demands', () => {
    const schemaOrder = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    const actual = children(root).map((c) => c.localName);
    expect(actual.every((name) => schemaOrder.includes(name))).toBe(true);
    const positions = actual.map((name) => schemaOrder.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(actual, required).toContain(required);
    }
  });

  test('has a fixed GUID id, a four-part version and ReadWriteDocument only', () => {
    expect(child(root, 'Id')!.textContent).toMatch(GUID);
    expect(child(root, 'Version')!.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'Permissions')!.textContent).toBe('ReadWriteDocument');
    // Nothing is loaded from other origins, so no AppDomains are needed.
    expect(child(root, 'AppDomains')).toBeUndefined();
  });

  test('is Chinese by default with English overrides for name and description', () => {
    expect(child(root, 'DefaultLocale')!.textContent).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const element = child(root, name)!;
      expect(element.getAttribute('DefaultValue'), name).toMatch(/[\u4e00-\u9fff]/);
      const override = child(element, 'Override')!;
      expect(override.getAttribute('Locale')).toBe('en-US');
      expect(override.getAttribute('Value')).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(child(root, 'DisplayName')!.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description')!.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(250);
  });

  test('requires the ExcelApi set the adapter checks for at start', () => {
    const sets = all(doc, OFFICE_APP_NS, 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toEqual(REQUIRED_SETS.map((s) => `${s.name} ${s.version}`));
  });

  test('every URL is https on the dev origin, and every file it names exists', () => {
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      expect(url.startsWith(`${DEV_ORIGIN}/`), url).toBe(true);
      expect(new URL(url).protocol).toBe('https:');
    }
    const pages = urls.filter((u) => u.endsWith('.html')).map((u) => new URL(u).pathname);
    expect([...new Set(pages)]).toEqual(['/taskpane.html']);
    // The dev server (webpack.config.js) serves the pane as taskpane.html on port 3000 and copies assets/.
    const webpackConfig = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    expect(webpackConfig).toContain("filename: 'taskpane.html'");
    expect(webpackConfig).toMatch(/PORT \?\? 3000/);
    expect(webpackConfig).toMatch(/from: 'assets',\s*to: 'assets'/);
    for (const url of urls.filter((u) => u.includes('/assets/'))) {
      expect(existsSync(join(ROOT, new URL(url).pathname)), url).toBe(true);
    }
  });

  test('icons are real PNGs of the sizes the manifest declares', () => {
    const sizeOf = (url: string) => pngSize(join(ROOT, new URL(url).pathname));
    expect(sizeOf(child(root, 'IconUrl')!.getAttribute('DefaultValue')!)).toEqual({ width: 32, height: 32 });
    expect(sizeOf(child(root, 'HighResolutionIconUrl')!.getAttribute('DefaultValue')!)).toEqual({
      width: 64,
      height: 64,
    });
    const images = new Map(
      all(doc, BT_NS, 'Image')
        .filter((i) => i.hasAttribute('id'))
        .map((i) => [i.getAttribute('id')!, i.getAttribute('DefaultValue')!]),
    );
    for (const use of all(doc, BT_NS, 'Image').filter((i) => i.hasAttribute('size'))) {
      const size = Number(use.getAttribute('size'));
      expect([16, 32, 80]).toContain(size);
      expect(sizeOf(images.get(use.getAttribute('resid')!)!)).toEqual({ width: size, height: size });
    }
  });

  test('a ribbon button on the Home tab opens the pane; every resid resolves, in both languages', () => {
    const overrides = child(root, 'VersionOverrides')!;
    expect(overrides.namespaceURI).toBe(OVERRIDES_NS);
    expect(overrides.getAttributeNS(XSI_NS, 'type')).toBe('VersionOverridesV1_0');
    const tab = all(doc, OVERRIDES_NS, 'OfficeTab')[0]!;
    expect(tab.getAttribute('id')).toBe('TabHome');
    const action = all(doc, OVERRIDES_NS, 'Action')[0]!;
    expect(action.getAttributeNS(XSI_NS, 'type')).toBe('ShowTaskpane');
    expect(action.closest('OfficeTab')).toBe(tab);

    const resources = child(overrides, 'Resources')!;
    expect(children(resources).map((c) => c.localName)).toEqual(['Images', 'Urls', 'ShortStrings', 'LongStrings']);
    const defined = new Map<string, Element>();
    for (const element of [...resources.getElementsByTagName('*')])
      if (element.hasAttribute('id')) defined.set(element.getAttribute('id')!, element);
    const used = [...overrides.getElementsByTagName('*')].filter(
      (e) => e.hasAttribute('resid') && !resources.contains(e),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const element of used)
      expect(defined.has(element.getAttribute('resid')!), element.getAttribute('resid')!).toBe(true);
    expect(defined.get(child(action, 'SourceLocation')!.getAttribute('resid')!)!.getAttribute('DefaultValue')).toBe(
      `${DEV_ORIGIN}/taskpane.html`,
    );

    for (const [list, max] of [
      ['ShortStrings', 125],
      ['LongStrings', 250],
    ] as const) {
      for (const string of children(child(resources, list)!)) {
        expect(string.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(max);
        expect(string.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
        const english = children(string).find(
          (o) => o.localName === 'Override' && o.getAttribute('Locale') === 'en-US',
        );
        expect(english?.getAttribute('Value')?.length ?? 0).toBeGreaterThan(0);
        expect(english!.getAttribute('Value')!.length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('manifestForUrl', () => {
  test('rewrites every dev URL to the production base, keeping each path', () => {
    const before = urlsOf(doc);
    const rewritten = manifestForUrl(XML, PROD_BASE);
    const after = urlsOf(parse(rewritten));
    expect(after).toEqual(before.map((url) => url.replace(`${DEV_ORIGIN}/`, PROD_BASE)));
    expect(rewritten).not.toMatch(/https?:\/\/localhost/);
    expect(after).toContain('https://addins.example.gov.cn/ledger/assets/icon-80.png');
    expect(after).toContain('https://addins.example.gov.cn/ledger/taskpane.html');
    // Nothing but URLs changes.
    expect(rewritten.split(PROD_BASE).join(`${DEV_ORIGIN}/`)).toBe(XML);
  });

  test('accepts a base without the trailing slash or at the root of a host', () => {
    expect(urlsOf(parse(manifestForUrl(XML, 'https://addins.example.gov.cn/ledger')))).toContain(
      'https://addins.example.gov.cn/ledger/taskpane.html',
    );
    expect(urlsOf(parse(manifestForUrl(XML, 'https://ledger.weifang.gov.cn:8443')))).toContain(
      'https://ledger.weifang.gov.cn:8443/taskpane.html',
    );
  });

  test('refuses what Office would not load and escapes what XML needs', () => {
    expect(() => manifestForUrl(XML, 'http://addins.example.gov.cn/ledger/')).toThrow(/https/);
    expect(() => manifestForUrl(XML, 'https://addins.example.gov.cn/ledger/?v=2')).toThrow(/query/);
    expect(() => manifestForUrl(XML, 'addins.example.gov.cn')).toThrow(/not a URL/);
    expect(() => manifestForUrl('<OfficeApp/>', PROD_BASE)).toThrow(/no https:\/\/localhost:3000/);
    const odd = manifestForUrl(XML, 'https://example.gov.cn/a&b/');
    expect(urlsOf(parse(odd))).toContain('https://example.gov.cn/a&b/taskpane.html');
  });
});
