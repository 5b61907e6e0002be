import type { Finding } from '../findings';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';

/** Register-level context for the flags: names of the register's own locality for level-prefix stripping. */
export interface FlagScope {
  /** The register's own place names, e.g. ['潍坊市'] or ['广饶县']; generic 市/县/区/本市 prefixes are always stripped. */
  readonly localNames?: readonly string[];
}

/**
 * Register-wide flags, run after the row rules on one register (one sheet, or one county's rows):
 * duplicate-name, similar-name, shared-basis-document, overdue, expiring-soon, review-due,
 * over-limit. IMPLEMENTED BY THE FLAGS TASK (issue 3).
 */
export function flagRegister(rows: readonly LedgerRow[], settings: Settings, scope: FlagScope = {}): Finding[] {
  void rows;
  void settings;
  void scope;
  return [];
}
