import { describe, expect, it } from 'vitest';
import { readReferenceList } from '../../src/ledger/reconcile';
import { decodeTextFile, parseCsv, readCsv } from '../../src/xlsx/csv';
import { encodeGb18030 } from '../../scripts/samples/gb18030';

const LIST =
  '潍坊市议事协调机构名单\r\n序号,机构名称,发文字号\r\n1,潍坊市安全生产委员会,潍政字〔2019〕12号\r\n2,"市推进“一带一路”建设工作领导小组","潍政字〔2019〕17号"\r\n3,"市防汛抗旱指挥部","潍政字〔2019〕15号,潍政字〔2024〕2号"\r\n';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV list', () => {
  it.each([
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(LIST)]), 'utf-8'],
    ['UTF-8 without BOM', utf8(LIST), 'utf-8'],
    ['GB18030 (Excel on Chinese Windows)', encodeGb18030(LIST), 'gb18030'],
  ])('%s', (_label, bytes, encoding) => {
    const read = readCsv(bytes, 'C:\\对账\\市委办名单.csv');
    if (!read.ok) throw new Error(read.message);
    expect(read.encoding).toBe(encoding);
    expect(read.grid.sheet).toBe('市委办名单');
    expect(read.grid.values).toEqual([
      ['潍坊市议事协调机构名单'],
      ['序号', '机构名称', '发文字号'],
      ['1', '潍坊市安全生产委员会', '潍政字〔2019〕12号'],
      ['2', '市推进“一带一路”建设工作领导小组', '潍政字〔2019〕17号'],
      ['3', '市防汛抗旱指挥部', '潍政字〔2019〕15号,潍政字〔2024〕2号'],
    ]);
    const list = readReferenceList([read.grid], '市委办名单.csv');
    expect(list.ok && list.list.entries.map((e) => [e.row, e.name, e.docs.length])).toEqual([
      [3, '潍坊市安全生产委员会', 1],
      [4, '市推进“一带一路”建设工作领导小组', 1],
      [5, '市防汛抗旱指挥部', 2],
    ]);
  });

  it('the GB18030 bytes really are not UTF-8 (the test would prove nothing otherwise)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encodeGb18030(LIST))).toThrow();
  });

  it('UTF-16 with BOM, tab-separated (Excel’s “Unicode text”)', () => {
    const text = '机构名称\t文号\n市安全生产委员会\t潍政字〔2019〕12号\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const read = readCsv(bytes, 'list.txt');
    expect(read.ok && [read.encoding, read.delimiter, read.grid.values]).toEqual([
      'utf-16le',
      '\t',
      [
        ['机构名称', '文号'],
        ['市安全生产委员会', '潍政字〔2019〕12号'],
      ],
    ]);
  });

  it('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\n', ',')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines']]);
    expect(parseCsv('x,y\n\n\n', ',')).toEqual([['x', 'y']]);
  });

  it('an empty file and a workbook renamed to .csv are refused with a message', () => {
    expect(readCsv(utf8(' \r\n,,\r\n'), '名单.csv')).toMatchObject({
      ok: false,
      reason: 'empty',
      message: '名单.csv：文件为空',
    });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const read = readCsv(zip, '名单.csv');
    expect(read).toMatchObject({ ok: false, reason: 'binary' });
    expect(!read.ok && read.message).toContain('看起来是 Excel 工作簿');
  });

  it('decodes GB18030 text that happens to contain only GBK characters', () => {
    expect(decodeTextFile(encodeGb18030('市委办公室；市政府办公室')).text).toBe('市委办公室；市政府办公室');
  });
});
