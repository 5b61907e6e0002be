/**
 * Writes a sample register the way people lay them out by hand: a title merged across the table,
 * a unit/date line, a bold header with line breaks, real Excel dates next to dates typed as text.
 * Returns the row number of every body, so planted mistakes can be documented by row.
 */
import ExcelJS from 'exceljs';
import { fixZipTimestamps } from '../../src/xlsx/zipTimestamps';
import { isNoteSheet, type SampleFile, type SampleSheet } from './model';

export interface WrittenSheet {
  readonly sheet: string;
  /** 1-based sheet row of each of `SampleSheet.rows`, in order. */
  readonly rowNumbers: readonly number[];
  readonly headerRow: number;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function writeRegister(workbook: ExcelJS.Workbook, spec: SampleSheet): WrittenSheet {
  const sheet = workbook.addWorksheet(spec.name);
  const width = spec.header.length;
  let row = 1;
  if (spec.title) {
    sheet.getCell(row, 1).value = spec.title;
    sheet.mergeCells(row, 1, row, width);
    sheet.getCell(row, 1).font = { bold: true, size: 16, name: '方正小标宋简体' };
    sheet.getCell(row, 1).alignment = { horizontal: 'center' };
    sheet.getRow(row).height = 30;
    row += 1;
  }
  if (spec.unitLine) {
    sheet.getCell(row, 1).value = spec.unitLine[0];
    sheet.getCell(row, Math.max(2, width - 3)).value = spec.unitLine[1];
    row += 1;
  }
  const headerRow = row;
  spec.header.forEach((text, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  sheet.getRow(headerRow).height = 32;

  const rowNumbers: number[] = [];
  spec.rows.forEach((body, i) => {
    const r = headerRow + 1 + i;
    rowNumbers.push(r);
    spec.header.forEach((text, c) => {
      const value = body.cells[text] ?? null;
      const cell = sheet.getCell(r, c + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (value === null) return;
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
    });
  });
  spec.header.forEach((text, i) => {
    sheet.getColumn(i + 1).width = spec.widths?.[text] ?? Math.max(10, Math.min(24, text.length * 2 + 4));
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  return { sheet: spec.name, rowNumbers, headerRow };
}

/** Writes one sample file; returns its bytes and where each register's rows ended up. */
export async function writeSampleFile(file: SampleFile): Promise<{ bytes: Uint8Array; sheets: WrittenSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata: the generator gives the same bytes on every run.
  const epoch = new Date(Date.UTC(2026, 10, 20));
  workbook.creator = '东营市委编办';
  workbook.lastModifiedBy = '东营市委编办';
  workbook.created = epoch;
  workbook.modified = epoch;
  const written: WrittenSheet[] = [];
  for (const spec of file.sheets) {
    if (isNoteSheet(spec)) {
      const sheet = workbook.addWorksheet(spec.name);
      spec.lines.forEach((line, i) => { sheet.getCell(i + 1, 1).value = line; });
      sheet.getColumn(1).width = 90;
      continue;
    }
    written.push(writeRegister(workbook, spec));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer)), sheets: written };
}
