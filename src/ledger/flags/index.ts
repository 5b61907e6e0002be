import { compareFindings, type Finding } from '../findings';
import { inferLocalNames } from '../names';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import { flagDeadlines } from './deadlines';
import { flagDuplicateNames, flagSimilarNames, groupByName } from './duplicates';
import { flagOverLimit } from './limit';
import { flagSharedBasis } from './sharedBasis';

/** Register-level context for the flags: names of the register's own locality for level-prefix stripping. */
export interface FlagScope {
  /**
   * The register's own place names, e.g. ['潍坊市'] or ['广饶县']; generic 市/县/区/本市 prefixes are
   * always stripped. When absent, the place most names start with is used (see `inferLocalNames`).
   */
  readonly localNames?: readonly string[];
}

/**
 * Register-wide flags, run after the row rules on one register (one sheet, or one county's rows):
 * duplicate-name, similar-name, shared-basis-document, overdue, expiring-soon, review-due,
 * over-limit. Only active rows (状态 存续 or empty) are looked at: an abolished, merged or renamed
 * body keeps its row for the record and is never flagged. Findings come sorted (`compareFindings`).
 */
export function flagRegister(rows: readonly LedgerRow[], settings: Settings, scope: FlagScope = {}): Finding[] {
  const active = rows.filter((r) => r.active);
  const localNames = scope.localNames ?? inferLocalNames(active.map((r) => r.name));
  const groups = groupByName(active, localNames);
  const findings = [
    ...flagDuplicateNames(groups),
    ...flagSimilarNames(groups, settings.similarNameThreshold),
    ...flagSharedBasis(active),
    ...flagDeadlines(active, settings),
    ...flagOverLimit(active, settings),
  ];
  return findings.sort(compareFindings);
}
