/**
 * The readers of the reading layer on what LibreOffice does not produce: Word tables with merged
 * and nested cells, tracked deletions and entities; CSV records spanning lines; workbooks in the
 * 1904 date system (Excel for Mac's old default).
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/read';
import { serialToDate } from '../../src/read/legacy';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;

function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  });
}

async function grids(bytes: Uint8Array, name: string) {
  const result = await readWorkbook(bytes, name);
  if (!result.ok) throw new Error(result.message);
  return result.sheets;
}

describe('Word tables', () => {
  it('reads each top-level table as a grid, with the paragraphs above as its caption and footer lines below it', async () => {
    const sheets = await grids(
      docx(
        [
          p('附件1'),
          p('河口区议事协调机构名单'),
          tbl(tr(tc(p('序号')), tc(p('机构名称'))), tr(tc(p('1')), tc(p('区安全生产委员会')))),
          p('填表人：陈晨　联系电话：0546-6501000'),
          p('此页无正文'),
          p('附件2'),
          p('河口区议事协调机构管理台账'),
          tbl(tr(tc(p('机构名称')), tc(p('依据文件'))), tr(tc(p('区委全面深化改革委员会')), tc(p('河发〔2019〕2号')))),
        ].join(''),
      ),
      '河口区报送.docx',
    );
    expect(sheets.map((g) => [g.sheet, g.caption, g.values])).toEqual([
      [
        '表1',
        ['附件1', '河口区议事协调机构名单'],
        [['序号', '机构名称'], ['1', '区安全生产委员会'], ['填表人：陈晨　联系电话：0546-6501000']],
      ],
      [
        '表2',
        ['此页无正文', '附件2', '河口区议事协调机构管理台账'],
        [
          ['机构名称', '依据文件'],
          ['区委全面深化改革委员会', '河发〔2019〕2号'],
        ],
      ],
    ]);
  });

  it('places spanned and vertically merged cells like merged cells of a sheet, and records the merges', async () => {
    const [grid] = await grids(
      docx(
        tbl(
          tr(
            tc(p('机构名称'), '<w:vMerge w:val="restart"/>'),
            tc(p('设立情况'), '<w:gridSpan w:val="2"/>'),
            tc(p('备注')),
          ),
          tr(tc('<w:p/>', '<w:vMerge/>'), tc(p('设立时间')), tc(p('依据文件')), tc('<w:p/>')),
          tr(tc(p('区防汛抗旱指挥部')), tc(p('2018年6月')), tc(p('东区政办字〔2018〕21号')), tc(p('合并'))),
        ),
      ),
      '表.docx',
    );
    expect(grid!.values).toEqual([
      ['机构名称', '设立情况', null, '备注'],
      [null, '设立时间', '依据文件', null],
      ['区防汛抗旱指挥部', '2018年6月', '东区政办字〔2018〕21号', '合并'],
    ]);
    expect(grid!.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 2, bottom: 1, right: 3 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ]),
    );
  });

  it('keeps the text a reader sees: line breaks, entities, a nested table inside its cell; drops tracked deletions', async () => {
    const [grid] = await grids(
      docx(
        tbl(
          tr(tc(p('机构名称')), tc(p('历史沿革'))),
          tr(
            tc(
              '<w:p><w:r><w:t>市防汛抗旱</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:t>指挥部</w:t></w:r></w:p>',
            ),
            tc(
              `${p('2019年调整&amp;更名')}<w:p><w:r><w:t>A</w:t><w:br/><w:t>&#x4E2D;&lt;B&gt;</w:t></w:r></w:p>${tbl(tr(tc(p('附表'))))}`,
            ),
          ),
        ),
      ),
      '嵌套.docx',
    );
    expect(grid!.values).toEqual([
      ['机构名称', '历史沿革'],
      ['市防汛抗旱指挥部', '2019年调整&更名\nA\n中<B>\n附表'],
    ]);
  });

  it('says so when the document holds no table', async () => {
    const result = await readWorkbook(docx(p('关于报送议事协调机构台账的函')), '函.docx');
    expect(result).toMatchObject({ ok: false, reason: 'empty' });
    if (!result.ok) expect(result.message).toBe('函.docx：Word 文档中没有表格，无法作为台账读取。');
  });
});

describe('CSV', () => {
  it('keeps each record at its line when a quoted field spans lines, so findings name the line an editor shows', async () => {
    const text =
      '利津县议事协调机构管理台账\r\n机构名称,历史沿革\r\n县安全生产委员会,"2019年设立\r\n2022年调整"\r\n县食品安全委员会,2019年设立\r\n';
    const [grid] = await grids(new TextEncoder().encode(text), '利津县.csv');
    expect(grid!.values).toEqual([
      ['利津县议事协调机构管理台账'],
      ['机构名称', '历史沿革'],
      ['县安全生产委员会', '2019年设立\r\n2022年调整'],
      [],
      ['县食品安全委员会', '2019年设立'],
    ]);
  });
});

describe('the 1904 date system', () => {
  async function workbookWithSerial(date1904: boolean): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow(['设立时间']);
    sheet.addRow([43540]).getCell(1).numFmt = 'yyyy"年"m"月"d"日"';
    const files = unzipSync(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    if (date1904)
      files['xl/workbook.xml'] = strToU8(
        strFromU8(files['xl/workbook.xml']!).replace(/<workbookPr([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>'),
      );
    return zipSync(files);
  }

  it('reads serial 43540 as Excel shows it: 2019-03-16, or 2023-03-17 in a 1904 workbook', async () => {
    expect((await grids(await workbookWithSerial(false), '1900.xlsx'))[0]!.values[1]).toEqual([
      new Date(Date.UTC(2019, 2, 16)),
    ]);
    expect((await grids(await workbookWithSerial(true), '1904.xlsx'))[0]!.values[1]).toEqual([
      new Date(Date.UTC(2023, 2, 17)),
    ]);
  });

  it("does the same for .xls, including the days before Excel's phantom 29 February 1900", async () => {
    expect(serialToDate(43540, false)).toEqual(new Date(Date.UTC(2019, 2, 16)));
    expect(serialToDate(43540, true)).toEqual(new Date(Date.UTC(2023, 2, 17)));
    expect(serialToDate(1, false)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(59, false)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(serialToDate(61, false)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['设立时间'], [{ t: 'n', v: 43540, z: 'yyyy-mm-dd' }]]),
      '台账',
    );
    book.Workbook = { WBProps: { date1904: true } };
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect((await grids(xls, '1904.xls'))[0]!.values[1]).toEqual([new Date(Date.UTC(2023, 2, 17))]);
  });
});
