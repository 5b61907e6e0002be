/**
 * The .xlsx scanner on SpreadsheetML that other programs write (WPS, report systems, the Open XML
 * SDK): every cell type, rich and phonetic text, styles' date formats, 1904 dates, prefixes.
 */
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import type { Grid } from '../../src/ledger/grid';
import { readWorkbook, type WorkbookRead } from '../../src/read';
import { packageBytes, type PackageSpec } from '../fixtures/xlsx/package';

function sheets(result: WorkbookRead): Grid[] {
  if (!result.ok) throw new Error(`expected a readable workbook, got ${result.reason}: ${result.message}`);
  return result.sheets;
}

const at = (grid: Grid, row: number, column: number): unknown =>
  grid.values[row - (grid.firstRow ?? 1)]?.[column - (grid.firstColumn ?? 1)];

async function read(spec: PackageSpec, name = '东营区台账.xlsx'): Promise<Grid[]> {
  return sheets(await readWorkbook(packageBytes(spec), name));
}

describe('the .xlsx scanner', () => {
  it('reads every cell type the way the core expects', async () => {
    const [grid] = (await read(
      {
        sharedStrings: ['机构名称', '区安全生产委员会'],
        numFmts: { 176: 'yyyy"年"m"月"d"日"', 177: '#,##0.00"元"', 178: '[Red][<0]0;0' },
        cellXfs: [0, 14, 176, 177, 31, 178, 49],
        data: [
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>设立时间</t></is></c></row>',
          '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>43539</v></c><c r="C2" s="2"><v>44687</v></c>' +
            '<c r="D2" s="3"><v>1200.5</v></c><c r="E2" s="4"><v>43539</v></c><c r="F2" t="b"><v>1</v></c>' +
            '<c r="G2" t="e"><v>#N/A</v></c><c r="H2" t="d"><v>2019-03-15T00:00:00</v></c><c r="I2" s="5"><v>-3</v></c>' +
            '<c r="J2" s="6"><v>0012</v></c><c r="K2" t="str"><f>A2&amp;"办公室"</f><v>区安全生产委员会办公室</v></c></row>',
        ].join(''),
      },
      'types.xlsx',
    )) as [Grid];
    expect(at(grid, 1, 1)).toBe('机构名称');
    expect(at(grid, 1, 2)).toBe('设立时间');
    expect(at(grid, 2, 1)).toBe('区安全生产委员会');
    expect(at(grid, 2, 2)).toEqual(new Date(Date.UTC(2019, 2, 15))); // built-in 14
    expect(at(grid, 2, 3)).toEqual(new Date(Date.UTC(2022, 4, 6))); // yyyy"年"m"月"d"日"
    expect(at(grid, 2, 4)).toBe(1200.5); // "元" is quoted text, not a date token
    expect(at(grid, 2, 5)).toEqual(new Date(Date.UTC(2019, 2, 15))); // built-in 31, the Chinese 年月日
    expect(at(grid, 2, 6)).toBe(true);
    expect(at(grid, 2, 7)).toEqual({ error: '#N/A' });
    expect(at(grid, 2, 8)).toEqual(new Date(Date.UTC(2019, 2, 15)));
    expect(at(grid, 2, 9)).toBe(-3); // [Red][<0] are brackets, not dates
    expect(at(grid, 2, 10)).toBe(12); // built-in 49 is text format: the number as stored
    expect(at(grid, 2, 11)).toEqual({ formula: 'A2&"办公室"', result: '区安全生产委员会办公室' });
    expect(cellText(at(grid, 2, 11))).toBe('区安全生产委员会办公室');
  });

  it('joins rich text runs and leaves the phonetic guide out', async () => {
    const [grid] = (await read({
      sharedXml: [
        '<r><rPr><b/></rPr><t>东营区</t></r><r><t xml:space="preserve">河长制 </t></r><r><t>工作领导小组</t></r><rPh sb="0" eb="3"><t>ドンインク</t></rPh><phoneticPr fontId="1"/>',
        '<t>东办发〔2019〕12号&#10;东办字〔2020〕3号</t>',
        '<t>_x000D_换行&amp;&lt;符号&gt;</t>',
      ],
      data:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><r><t>区</t></r><r><rPr><i/></rPr><t>编办</t></r><rPh><t>ヘン</t></rPh></is></c></row>',
    })) as [Grid];
    expect(at(grid, 1, 1)).toBe('东营区河长制 工作领导小组');
    expect(at(grid, 1, 2)).toBe('东办发〔2019〕12号\n东办字〔2020〕3号');
    expect(at(grid, 1, 3)).toBe('\r换行&<符号>');
    expect(at(grid, 1, 4)).toBe('区编办');
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const [grid] = (await read({
      date1904: true,
      cellXfs: [0, 14],
      data: '<row r="1"><c r="A1" s="1"><v>42077</v></c></row>',
    })) as [Grid];
    expect(at(grid, 1, 1)).toEqual(new Date(Date.UTC(2019, 2, 15)));
  });

  it('applies the first cell style to cells without one (Excel does)', async () => {
    const [grid] = (await read({ cellXfs: [14], data: '<row r="1"><c r="A1"><v>43539</v></c></row>' })) as [Grid];
    expect(at(grid, 1, 1)).toEqual(new Date(Date.UTC(2019, 2, 15)));
  });

  it('reads prefixed elements, cells without references and rows out of order', async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>河口区</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>垦利区</x:t></x:is></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const [grid] = (await read({ sheets: [{ name: '台账', xml }] })) as [Grid];
    expect(grid.firstRow).toBe(2);
    expect(grid.firstColumn).toBe(1);
    expect(at(grid, 3, 1)).toBe('河口区');
    expect(at(grid, 3, 2)).toBe(7);
    expect(at(grid, 2, 2)).toBe('垦利区');
    expect(at(grid, 2, 1)).toBeNull();
  });

  it('gives shared formulas their cached results and hyperlinks their text', async () => {
    const [grid] = (await read({
      sheets: [
        {
          name: '台账',
          data:
            '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()</f><v>1</v></c><c r="B1" t="inlineStr"><is><t>东营市政府网</t></is></c></row>' +
            '<row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>',
          tail: '<hyperlinks><hyperlink ref="B1" r:id="rId1"/></hyperlinks>',
          links: { rId1: 'https://www.dongying.gov.cn/' },
        },
      ],
    })) as [Grid];
    expect(at(grid, 1, 1)).toEqual({ formula: 'ROW()', result: 1 });
    expect(at(grid, 2, 1)).toEqual({ sharedFormula: 'A1', result: 2 });
    expect(at(grid, 1, 2)).toEqual({ text: '东营市政府网', hyperlink: 'https://www.dongying.gov.cn/' });
    expect(cellText(at(grid, 2, 1))).toBe('2');
  });

  it('empties the covered cells of a merge and clips the merge to the cells that exist', async () => {
    const [grid] = (await read({
      sheets: [
        {
          name: '台账',
          data:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>东营区议事协调机构管理台账</t></is></c><c r="B1" t="inlineStr"><is><t>多余</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>机构名称</t></is></c><c r="B2" t="inlineStr"><is><t>设立时间</t></is></c><c r="C2"/></row>',
          tail: '<mergeCells count="2"><mergeCell ref="A1:XFD1"/><mergeCell ref="E5:F9"/></mergeCells>',
        },
      ],
    })) as [Grid];
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(grid.values[0]).toEqual(['东营区议事协调机构管理台账']);
    expect(grid.values[1]).toEqual(['机构名称', '设立时间']);
  });

  it('refuses a part with a DOCTYPE (entity expansion) as damaged', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    const result = await readWorkbook(packageBytes({ sheets: [{ name: '台账', xml }] }), 'laughs.xlsx');
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toMatch(/^laughs\.xlsx：文件已损坏/);
  });
});
