import type { Settings } from '../settings';
import type { ConsolidateOptions, ConsolidatedReturn, Submission, Tally } from './types';

const ZERO: Tally = {
  rows: 0, activeByCategory: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, activeUncategorised: 0, activeCoordinating: 0,
  abolishedOrMerged: 0, errors: 0, warnings: 0, duplicates: 0, overdue: 0, expiring: 0,
};

/** SKELETON: the full implementation follows; the shape of the result is final. */
export function consolidate(submissions: readonly Submission[], settings: Settings, options: ConsolidateOptions = {}): ConsolidatedReturn {
  void submissions;
  return {
    asOf: settings.asOf, settings, counties: [], total: ZERO, missing: [...settings.expectedCounties],
    registers: [], unreadable: options.unreadable ?? [], rows: [], findings: [], summary: { error: 0, warning: 0, info: 0 },
  };
}
