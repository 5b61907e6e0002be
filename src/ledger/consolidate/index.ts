/**
 * The consolidated county return: county registers in, one city return out.
 *
 *   const ret = consolidate(submissions, settings);          // pure: rows, findings, tallies
 *   const specs = returnSheets(ret, { toolVersion, inputs, lang }); // 汇总, 明细, 问题清单, 说明
 *
 * Hosts read the files (one Submission per sheet), hash them, and write the specs.
 */
export type {
  ConsolidateOptions,
  ConsolidatedReturn,
  CountyBasis,
  CountyTally,
  RegisterEntry,
  ReturnFinding,
  ReturnMeta,
  ReturnRow,
  Submission,
  SubmissionState,
  Tally,
  UnassignedReason,
  UnreadableInput,
} from './types';
export { consolidate } from './consolidate';
export { EVERY_RETURN_HAS, returnSheets, RETURN_SHEET_NAMES } from './sheets';
