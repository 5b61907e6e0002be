/**
 * 对账: the register against a general office's list.
 *
 *   const read = readReferenceList(grids, 'list.csv');           // the list, found under any name header
 *   const result = reconcile({ file, rows, title }, read.list, settings);
 *   const specs = reconcileSheets(result, { lang });             // 对账汇总, 已对上, 台账有名单无, 名单有台账无
 */
export {
  readReferenceList,
  type ReferenceEntry,
  type ReferenceList,
  type ReferenceRead,
  type ReferenceSheet,
} from './referenceList';
export {
  reconcile,
  type MissingEntry,
  type ReconcileMatch,
  type ReconcileOptions,
  type ReconcileResult,
} from './reconcile';
export { reconcileSheets, RECONCILE_SHEET_NAMES } from './sheets';
