import type { LedgerDate } from './date';

/** 存续时间 as the register states it. */
export type Duration =
  | { readonly kind: 'permanent' }
  | { readonly kind: 'until'; readonly end: LedgerDate }
  | { readonly kind: 'years'; readonly years: number }
  | { readonly kind: 'task' };

/** Parses a 存续时间 cell; null when it cannot be read. IMPLEMENTED BY THE PARSER MODULE TASK. */
export function parseDuration(text: string): Duration | null {
  void text;
  throw new Error('not implemented');
}

/** The end of a temporary body's term, or null for permanent / task-bound bodies (or no start date). IMPLEMENTED BY THE PARSER MODULE TASK. */
export function durationEnd(duration: Duration, established: LedgerDate | null): LedgerDate | null {
  void duration;
  void established;
  throw new Error('not implemented');
}
