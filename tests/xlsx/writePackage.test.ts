// @vitest-environment jsdom
/**
 * writeWorkbook writes the package itself (zip, SpreadsheetML parts): these tests open it without
 * our writer's help — zlib for the zip, jsdom's XML parser (hence the jsdom environment) for the
 * parts, ExcelJS and readWorkbook for the cells — and check what Excel relies on: CRCs, content types, relationships, table header cells
 * equal to the table's column names, text never turned into a formula or an escape.
 */
import ExcelJS from 'exceljs';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ledger/grid';
import type { SheetSpec } from '../../src/ledger/sheetSpec';
import { readWorkbook } from '../../src/read';
import { writeWorkbook } from '../../src/xlsx/write';
import { AsciiSink } from '../../src/xlsx/bytes';
import { escapeCellText } from '../../src/xlsx/xml';

interface Entry {
  readonly name: string;
  readonly text: string;
  readonly dosDate: number;
  readonly dosTime: number;
}

/** Reads a zip from its central directory, inflating every entry with zlib and checking its CRC and size. */
function unzip(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint32(local + 14, true)).toBe(crc);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length, name).toBe(size);
    expect(crc32(data), name).toBe(crc);
    entries.push({
      name,
      text: data.toString('utf8'),
      dosDate: view.getUint16(at + 14, true),
      dosTime: view.getUint16(at + 12, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function parseXml(text: string, name: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror'), `${name} is not well-formed XML`).toHaveLength(0);
  return doc;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const DEPARTMENTS = ['市委办公室', '市政府办公室', '市发展改革委', '市应急局', '市市场监管局'];

const RETURN_LIKE: SheetSpec[] = [
  {
    name: '汇总',
    preamble: [['东营市议事协调机构汇总表'], ['核对日期', new Date(Date.UTC(2026, 4, 31))]],
    columns: [
      { header: '县区', format: 'text' },
      { header: '台账条数', format: 'integer' },
    ],
    rows: [
      ['东营区', 8],
      ['河口区', 3],
    ],
    footer: [['合计', 11]],
    table: false,
  },
  {
    name: '明细',
    columns: [
      { header: '县区' },
      { header: '机构名称', width: 36 },
      { header: '设立时间', format: 'date' },
      { header: '办事机构所在部门', list: DEPARTMENTS },
    ],
    rows: [
      ['东营区', '东营区安全生产委员会', new Date(Date.UTC(2019, 2, 15)), '市应急局'],
      ['河口区', '河口区防汛抗旱指挥部', null, null],
    ],
  },
  { name: '问题清单', columns: [{ header: '县区' }, { header: '问题' }], rows: [['河口区', '缺少设立时间']] },
];

describe('the package writeWorkbook makes', () => {
  it('is a zip whose entries inflate to their stored size and CRC, all dated 2000-01-01', async () => {
    const entries = unzip(await writeWorkbook(RETURN_LIKE));
    expect(entries[0]?.name).toBe('[Content_Types].xml');
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        '_rels/.rels',
        'docProps/core.xml',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/theme/theme1.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
        'xl/worksheets/_rels/sheet2.xml.rels',
        'xl/tables/table1.xml',
        'xl/tables/table2.xml',
      ]),
    );
    for (const e of entries) {
      expect(e.dosDate, e.name).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
      expect(e.dosTime, e.name).toBe(0);
    }
  });

  it('has well-formed parts, a content type for each, and every relationship pointing at a part that exists', async () => {
    const entries = unzip(await writeWorkbook(RETURN_LIKE));
    const names = new Set(entries.map((e) => e.name));
    const docs = new Map(entries.map((e) => [e.name, parseXml(e.text, e.name)]));
    const types = docs.get('[Content_Types].xml')!;
    const overridden = [...types.getElementsByTagName('Override')].map((o) => o.getAttribute('PartName')!.slice(1));
    for (const name of names) {
      if (name.endsWith('.rels') || name === '[Content_Types].xml') continue;
      expect(overridden, `content type of ${name}`).toContain(name);
    }
    for (const part of overridden) expect(names, `declared part ${part}`).toContain(part);
    for (const [name, doc] of docs) {
      if (!name.endsWith('.rels')) continue;
      const base = name.replace(/_rels\/[^/]*\.rels$/, '');
      for (const rel of doc.getElementsByTagName('Relationship')) {
        const target = new URL(rel.getAttribute('Target')!, `file:///${base}`).pathname.slice(1);
        expect(names, `${name} → ${rel.getAttribute('Target')}`).toContain(target);
      }
    }
    const sheets = [...docs.get('xl/workbook.xml')!.getElementsByTagName('sheet')];
    expect(sheets.map((s) => s.getAttribute('name'))).toEqual(['汇总', '明细', '问题清单']);
  });

  it('gives each table a unique id and name, and header cells equal to its column names', async () => {
    const specs: SheetSpec[] = [
      {
        name: '变动清单',
        columns: [{ header: '机构名称' }, { header: '机构名称' }, { header: '' }, { header: '办事机构\n所在部门' }],
        rows: [['市安全生产委员会', '市安委会', '新设', '市应急局']],
      },
      { name: '统计', columns: [{ header: '类型' }, { header: '数量', format: 'integer' }], rows: [['新设', 3]] },
    ];
    const entries = unzip(await writeWorkbook(specs));
    const tables = entries
      .filter((e) => e.name.startsWith('xl/tables/'))
      .map((e) => parseXml(e.text, e.name).documentElement);
    expect(tables.map((t) => t.getAttribute('id'))).toEqual(['1', '2']);
    expect(new Set(tables.map((t) => t.getAttribute('name'))).size).toBe(2);
    const columns = [...tables[0]!.getElementsByTagName('tableColumn')].map((c) => c.getAttribute('name'));
    expect(columns).toEqual(['机构名称', '机构名称2', '列3', '办事机构 所在部门']);
    expect(tables[0]!.getAttribute('ref')).toBe('A1:D2');
    expect(tables[0]!.getElementsByTagName('autoFilter')[0]?.getAttribute('ref')).toBe('A1:D2');
    const sheet = (await load(await writeWorkbook(specs))).getWorksheet('变动清单')!;
    expect([1, 2, 3, 4].map((c) => sheet.getCell(1, c).value)).toEqual(columns);
  });

  it('keeps text exactly: markup characters, spaces, line breaks, literal _xHHHH_, emoji; drops only characters XML cannot hold', async () => {
    const texts = [
      'R&D <委员会> "联席" \'会议\'',
      '  前后有空格  ',
      '第一行\n第二行',
      'Windows 换行\r\n第二行',
      '_x0041_ 与 _X004a_ 与 _x12_',
      '潍坊市👍工作专班',
      '=SUM(A1:A9)',
      '\t以制表符开头',
    ];
    const bytes = await writeWorkbook([
      {
        name: '文本',
        columns: [{ header: '内容', format: 'text' }],
        rows: [...texts.map((t) => [t]), ['控制\u0001字符\u0000与孤立代理\uD800']],
      },
    ]);
    const sheet = (await load(bytes)).getWorksheet('文本')!;
    texts.forEach((t, i) => expect(sheet.getCell(i + 2, 1).value, JSON.stringify(t)).toBe(t));
    expect(sheet.getCell(texts.length + 2, 1).value).toBe('控制字符与孤立代理');
    const read = await readWorkbook(bytes, '文本.xlsx');
    expect(read.ok && read.sheets[0]?.values.slice(1, texts.length + 1).map((r) => r[0])).toEqual(texts);
  });

  it('escapes a literal _xHHHH_ so Excel does not decode it, and a carriage return the way Excel stores it', () => {
    expect(escapeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeCellText('a_x00e9_b')).toBe('a_x005F_x00e9_b');
    expect(escapeCellText('_x12_ _xZZZZ_')).toBe('_x12_ _xZZZZ_');
    expect(escapeCellText('a\r\nb & <c>')).toBe('a_x000D_\nb &amp; &lt;c&gt;');
  });

  it('writes numbers, booleans and dates as values of their own type, in any column', async () => {
    const values: CellValue[] = [
      0,
      -1.5,
      123456789012,
      1e21,
      1.25e-7,
      true,
      false,
      new Date(Date.UTC(2024, 1, 29, 12, 30, 15)),
    ];
    const bytes = await writeWorkbook([
      {
        name: '数值',
        columns: values.map((_, i) => ({ header: `列${i + 1}`, format: 'text' as const })),
        rows: [values],
        table: false,
      },
    ]);
    const sheet = (await load(bytes)).getWorksheet('数值')!;
    values.forEach((v, i) => expect(sheet.getCell(2, i + 1).value, String(v)).toEqual(v));
    // A date in a text column still shows as a date.
    expect(sheet.getCell(2, values.length).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(2, 1).numFmt).toBe('@');
  });

  it('keeps a sheet name with & and a quote inside', async () => {
    const workbook = await load(
      await writeWorkbook([{ name: "R&D 'A' 组", columns: [{ header: '名称' }], rows: [['市科技局']] }]),
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["R&D 'A' 组"]);
  });

  it('refuses to write a workbook without sheets', async () => {
    await expect(writeWorkbook([])).rejects.toThrow(/at least one sheet/);
  });

  it('writes a 10,000-row table (several megabytes of sheet XML) that reads back cell for cell', async () => {
    const rows: CellValue[][] = [];
    for (let r = 0; r < 10_000; r++) {
      rows.push([
        r % 3 === 0 ? '东营区' : '河口区',
        r + 1,
        `区安全生产专项整治工作领导小组${r}`,
        new Date(Date.UTC(2015 + (r % 11), r % 12, 1 + (r % 28))),
        `东政发〔${2015 + (r % 11)}〕${(r % 40) + 1}号`,
        DEPARTMENTS[r % DEPARTMENTS.length]!,
        r % 7 === 0 ? null : '长期',
        `东营区 › 台账 › ${r + 2}`,
      ]);
    }
    const spec: SheetSpec = {
      name: '明细',
      columns: [
        { header: '县区' },
        { header: '序号', format: 'integer' },
        { header: '机构名称' },
        { header: '设立时间', format: 'date' },
        { header: '依据文件', format: 'text' },
        { header: '办事机构所在部门', list: DEPARTMENTS },
        { header: '存续时间' },
        { header: '来源' },
      ],
      rows,
    };
    const bytes = await writeWorkbook([spec]);
    const sheetXml = unzip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.text;
    expect(sheetXml.length).toBeGreaterThan(2 * (1 << 20)); // more than two of the writer's 1 MB chunks
    const sheet = (await load(bytes)).getWorksheet('明细')!;
    expect(sheet.rowCount).toBe(10_001);
    for (const r of [0, 1, 4_095, 9_999]) {
      const expected = rows[r]!.map((v) => v ?? null);
      expect(
        expected.map((_, c) => sheet.getCell(r + 2, c + 1).value ?? null),
        `row ${r + 2}`,
      ).toEqual(expected);
    }
    expect(sheet.getCell(10_001, 6).dataValidation).toMatchObject({ type: 'list' });
    const tables = (sheet as unknown as { tables: Record<string, { table: { tableRef?: string; ref: string } }> })
      .tables;
    const [table] = Object.values(tables);
    expect(table?.table.tableRef ?? table?.table.ref).toMatch(/^A1(:H10001)?$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('AsciiSink', () => {
  const text = (sink: AsciiSink): string => Buffer.concat(sink.parts()).toString('latin1');

  it('prints integers in decimal and other numbers as JavaScript does', () => {
    const sink = new AsciiSink();
    for (const n of [0, 7, 10, 4_294_967_295, 4_294_967_296, -3, 0.5, 1e21, 43_891.25]) {
      sink.number(n);
      sink.ascii(' ');
    }
    expect(text(sink)).toBe('0 7 10 4294967295 4294967296 -3 0.5 1e+21 43891.25 ');
  });

  it('keeps everything in order across chunks', () => {
    const sink = new AsciiSink();
    const expected: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      sink.ascii('<c r="A');
      sink.number(i);
      sink.bytes(new TextEncoder().encode('"/>'));
      expected.push(`<c r="A${i}"/>`);
    }
    expect(sink.parts().length).toBeGreaterThan(1);
    expect(text(sink)).toBe(expected.join(''));
  });
});
