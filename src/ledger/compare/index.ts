/**
 * The register over time: compare two versions of a register.
 *
 *   const result = compareVersions({ file, rows }, { file, rows }, settings);
 *   const specs = changeSheets(result, { lang });   // 变动清单, 统计
 */
export {
  compareVersions,
  CHANGE_KINDS,
  CHANGE_KIND_LABELS,
  type ChangeEntry,
  type ChangeKind,
  type CompareOptions,
  type CompareResult,
  type RegisterVersion,
  type VersionRow,
} from './compare';
export { changeSheets, describeChange, matchLabel, newNameOf, CHANGE_SHEET_NAMES } from './sheets';
export { categoryStats, formatChange, type CategoryLine } from './stats';
export { COMPARED_FIELDS, type FieldChange } from './fields';
export { Matching, type MatchHow, type MatchedPair } from './match';
export { findMentions, mentionedKeys } from './mentions';
