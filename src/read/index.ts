/**
 * The reading layer: one entry point that turns any register file a county sends into grids, for
 * every CLI command and for the task pane's file picker. No Node APIs: it runs in the browser too.
 *
 * | what the bytes are                  | reader                      | format |
 * | ----------------------------------- | --------------------------- | ------ |
 * | Office Open XML workbook (.xlsx/.xlsm) | own scanner (`./xlsx`)  | xlsx   |
 * | Excel 97–2003 / WPS (.xls, .et)     | SheetJS (`./legacy`)        | xls, et |
 * | OpenDocument (.ods)                 | SheetJS                     | ods    |
 * | web page / XML Spreadsheet “.xls”   | SheetJS                     | html   |
 * | text (.csv, .txt, misnamed “.xls”)  | `../xlsx/csv`               | csv    |
 * | Word document (.docx)               | its tables (`./docx`)       | docx   |
 *
 * Heavy readers are loaded only when a file needs them, so the pane's bundle stays small.
 */
import { readCsv } from '../xlsx/csv';
import { detectContainer } from './detect';
import { limitHit, readLimits, ReadLimitError, type ReadLimits } from './limits';
import type { WorkbookRead } from './result';

export type { SourceFormat, WorkbookRead, WorkbookReadFailure } from './result';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
export { installNativeZip } from './zip';

export interface ReadOptions {
  /** Reading limits that differ from `DEFAULT_READ_LIMITS`. */
  readonly limits?: Partial<ReadLimits>;
}

/**
 * File names a folder expands to. Text files (.txt, .tsv) are read when named one by one, not
 * picked up from a folder, where they are usually notes or a department list.
 */
export const REGISTER_FILE_PATTERN = /\.(?:xlsx|xlsm|xls|et|ods|csv|docx)$/i;

/** The formats for a file picker's `accept`. */
export const REGISTER_FILE_ACCEPT = '.xlsx,.xlsm,.xls,.et,.ods,.csv,.txt,.docx';

const isEt = (fileName: string) => /\.et$/i.test(fileName);

/**
 * Reads a file's bytes into one grid per sheet (or per Word table). Never throws on a bad file:
 * the result says what is wrong, naming the file, in Chinese and English.
 */
export async function readWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const limits = readLimits(options.limits);
  if (data.length > limits.maxFileBytes) return limitHit.fileBytes(fileName, data.length, limits).result;
  const container = detectContainer(data, fileName);
  try {
    switch (container.kind) {
      case 'refused':
        return container.result;
      case 'xlsx':
        return await (await import('./xlsx')).readXlsx(data, fileName, limits);
      case 'docx':
        return await (await import('./docx')).readDocx(data, fileName, limits);
      case 'xls':
        return await (await import('./legacy')).readLegacy(data, fileName, isEt(fileName) ? 'et' : 'xls');
      case 'ods':
        (await import('./zip')).checkDeclaredSizes(data, fileName, limits);
        return await (await import('./legacy')).readLegacy(data, fileName, container.kind);
      case 'html':
        return await (await import('./legacy')).readLegacy(data, fileName, container.kind);
      case 'text': {
        const read = readCsv(data, fileName);
        if (!read.ok)
          return {
            ok: false,
            reason: read.reason === 'empty' ? 'empty' : 'unsupported',
            message: read.message,
            messageEn: read.messageEn,
          };
        return { ok: true, sheets: [read.grid], format: 'csv', encoding: read.encoding };
      }
    }
  } catch (error) {
    if (error instanceof ReadLimitError) return error.result;
    // A reader failing in a way it did not foresee: the file is still the user's problem to fix,
    // said in their words (never a library's internals).
    const { damagedFile } = await import('./result');
    return damagedFile(fileName, false);
  }
}
