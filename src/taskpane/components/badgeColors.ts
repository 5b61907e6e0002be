import type { Severity } from '../../ledger/findings';

/** Fluent Badge colours per severity, the same wherever the pane counts findings. */
export const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const satisfies Record<
  Severity,
  string
>;
