import type { SheetSpec } from '../sheetSpec';
import type { ConsolidatedReturn, ReturnMeta } from './types';

/** The return's sheets in tab order; 汇总 first (a CSV export of the first sheet is the summary). */
export const RETURN_SHEET_NAMES = ['汇总', '明细', '问题清单', '说明'] as const;

/** SKELETON: the full implementation follows. */
export function returnSheets(ret: ConsolidatedReturn, meta: ReturnMeta): SheetSpec[] {
  void ret;
  void meta;
  return RETURN_SHEET_NAMES.map((name) => ({ name, columns: [], rows: [] }));
}
