/**
 * Long work in the pane: one task at a time, with progress, cancellation (AbortController) and the
 * error kept for a MessageBar. Nothing a task throws is swallowed: it ends up in `error`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { WorkbookError } from '../../port/workbook';

export type Progress = (fraction: number) => void;

export interface TaskState {
  readonly running: boolean;
  /** In [0, 1]; undefined while the amount of work is unknown. */
  readonly progress: number | undefined;
  readonly error: unknown;
  /** The last run was cancelled by the user. */
  readonly cancelled: boolean;
}

export type TaskOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const IDLE: TaskState = { running: false, progress: undefined, error: null, cancelled: false };

export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  return error instanceof WorkbookError
    ? error.kind === 'cancelled'
    : (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** Lets the browser paint (progress bar, spinner) between synchronous steps of a task. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useTask() {
  const [state, setState] = useState<TaskState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(
    async <T>(work: (signal: AbortSignal, progress: Progress) => Promise<T>): Promise<TaskOutcome<T>> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      setState({ running: true, progress: undefined, error: null, cancelled: false });
      const progress: Progress = (fraction) => {
        if (mounted.current && controller.current === own) {
          setState((s) => ({ ...s, progress: Math.max(0, Math.min(1, fraction)) }));
        }
      };
      try {
        const value = await work(own.signal, progress);
        if (own.signal.aborted) throw new WorkbookError('cancelled', 'cancelled');
        if (mounted.current && controller.current === own) setState(IDLE);
        return { ok: true, value };
      } catch (error) {
        if (mounted.current && controller.current === own) {
          const cancelled = isCancellation(error, own.signal);
          setState({ running: false, progress: undefined, error: cancelled ? null : error, cancelled });
        }
        return { ok: false };
      } finally {
        if (controller.current === own) controller.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => setState(IDLE), []);
  /** Shows an error that happened outside `run` (e.g. a file that could not be read). */
  const fail = useCallback((error: unknown) => setState({ ...IDLE, error }), []);

  return { ...state, run, cancel, dismiss, fail };
}
