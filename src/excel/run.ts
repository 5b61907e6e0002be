/**
 * The one door to `Excel.run`: every batch of the adapter goes through here, so every Office error
 * comes out as a WorkbookError saying what failed, and a missing Excel says so instead of
 * throwing a ReferenceError.
 */
import { ExcelWorkbookError, toWorkbookError, type Action } from './errors';

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function excelRun(): ExcelRun | null {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  return excel && typeof excel.run === 'function' ? (excel.run.bind(excel) as ExcelRun) : null;
}

export async function runExcel<T>(action: Action, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const run = excelRun();
  if (!run) {
    throw new ExcelWorkbookError(
      `无法${action.zh}：加载项没有在 Excel 中运行。请在 Excel 中打开加载项。`,
      `Could not ${action.en}: the add-in is not running inside Excel. Open it from Excel.`,
      'unsupported',
    );
  }
  try {
    return await run(batch);
  } catch (error) {
    throw toWorkbookError(error, action);
  }
}
