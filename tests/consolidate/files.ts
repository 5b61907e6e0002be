/** County workbooks on disk, made with ExcelJS the way Excel saves them (formulas, rich text). */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../src/ledger/grid';
import { DONGYING, GUANGRAO, HEADER, HEKOU, type Body } from './grids';

interface SheetInput {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

export async function writeXlsx(path: string, sheets: readonly SheetInput[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  }
  writeFileSync(path, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Body rows with 序号 as the formula =ROW()-n that many offices use, cached result included. */
function bodyRows(
  bodies: readonly Body[],
  headerRow: number,
  extra: (i: number) => CellValue[] = () => [],
): CellValue[][] {
  return bodies.map((b, i) => [
    { formula: `ROW()-${headerRow}`, result: i + 1 },
    b[0],
    b[1],
    b[2],
    b[3],
    b[4],
    b[5],
    b[6],
    b[7],
    b[8] ?? '',
    ...extra(i),
  ]);
}

/** 东营区 with a 县区 column, 河口区 with a title row, 广饶县 named by its file only. */
export async function writeCountyFolder(dir: string): Promise<string[]> {
  const dongying = join(dir, '东营区.xlsx');
  await writeXlsx(dongying, [
    {
      name: '台账',
      rows: [
        [...HEADER, '县区', '备注'],
        ...bodyRows(DONGYING, 1, (i) => ['东营区', i === 0 ? '=HYPERLINK("http://example.com","详见文件")' : '']),
      ],
    },
    {
      name: '填表说明',
      rows: [['填表说明'], ['1. 设立时间精确到日'], ['2. 依据文件写发文字号，如 东编办发〔2020〕21号']],
    },
  ]);
  const hekou = join(dir, '河口区.xlsx');
  await writeXlsx(hekou, [
    {
      name: 'Sheet1',
      rows: [
        ['河口区议事协调机构管理台账'],
        [{ richText: [{ text: '填报单位：' }, { font: { bold: true }, text: '中共河口区委机构编制委员会办公室' }] }],
        [...HEADER],
        ...bodyRows(HEKOU, 3),
      ],
    },
  ]);
  const guangrao = join(dir, '广饶县-2026台账.xlsx');
  await writeXlsx(guangrao, [
    { name: 'Sheet1', rows: [['议事协调机构管理台账'], [...HEADER], ...bodyRows(GUANGRAO, 2)] },
  ]);
  return [dongying, hekou, guangrao];
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
