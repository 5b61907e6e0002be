/**
 * What every reader of the reading layer returns: the sheets as grids, or a message that says
 * what is wrong with the file, in Chinese and English, naming it. Readers never throw on a bad file.
 */
import type { Grid } from '../ledger/grid';

/** The formats the reading layer takes (see docs/formats.md). */
export type SourceFormat = 'xlsx' | 'xls' | 'et' | 'ods' | 'csv' | 'docx' | 'html';

/** `too-large`: a reading limit was hit (see ./limits). */
export type WorkbookReadFailure = 'unsupported' | 'encrypted' | 'corrupt' | 'empty' | 'old-format' | 'too-large';

export type WorkbookRead =
  | {
      readonly ok: true;
      readonly sheets: Grid[];
      readonly format: SourceFormat;
      /** Text files only: the encoding it was decoded from. */
      readonly encoding?: string;
    }
  | { readonly ok: false; readonly reason: WorkbookReadFailure; readonly message: string; readonly messageEn: string };

export function readFailure(reason: WorkbookReadFailure, message: string, messageEn: string): WorkbookRead {
  return { ok: false, reason, message, messageEn };
}

export function emptyWorkbook(fileName: string, sheetCount: number): WorkbookRead {
  return readFailure(
    'empty',
    `${fileName}：工作簿中没有任何数据${sheetCount === 0 ? '（没有工作表）' : '（所有工作表均为空）'}。`,
    `${fileName}: the workbook holds no data${sheetCount === 0 ? ' (no worksheets)' : ' (every sheet is empty)'}.`,
  );
}

/** A damaged file, said in the user's words: what to do, never a library's internals. */
export function damagedFile(fileName: string, truncated: boolean): WorkbookRead {
  return truncated
    ? readFailure(
        'corrupt',
        `${fileName}：文件不完整或已损坏（可能下载或复制时被截断），无法读取。请重新获取原文件。`,
        `${fileName}: the file is incomplete or damaged (perhaps cut short while downloading or copying). Get the original file again.`,
      )
    : readFailure(
        'corrupt',
        `${fileName}：文件已损坏，无法读取。请在 Excel 或 WPS 中打开它并另存为 Excel 工作簿（.xlsx）后再试。`,
        `${fileName}: the file is damaged and cannot be read. Open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and try again.`,
      );
}

/** True when the grids hold no value at all. */
export function allEmpty(sheets: readonly Grid[]): boolean {
  return sheets.every((g) => g.values.every((row) => row.every((v) => v === null || v === undefined || v === '')));
}
