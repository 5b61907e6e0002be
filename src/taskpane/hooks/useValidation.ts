/** Checking one sheet: read it, validate it, mark the offending cells. Shared by the 校验 and 标记 tabs. */
import { useCallback, useState } from 'react';
import type { Settings } from '../../ledger/settings';
import { validateSheet, type SheetReport } from '../../ledger/validate';
import type { WorkbookPort } from '../../port/workbook';
import { distinctCells, marksFor } from '../model/cells';
import { nextFrame, useTask } from './useTask';

export interface Validation {
  readonly report: SheetReport;
  /** Cells marked after the check (0 when marking was off or nothing pointed at a cell). */
  readonly marked: number;
  /**
   * Why the cells could not be marked (protected sheet, read-only workbook, a cell being edited…),
   * or null. The check itself stands: its findings are shown either way.
   */
  readonly markError: unknown;
  /** The as-of date the check used (deadlines and future dates are judged against it). */
  readonly asOf: string;
  /** Increases with every check, to reset lists that belong to an older report. */
  readonly id: number;
}

export function useValidation(port: WorkbookPort, settings: Settings) {
  const task = useTask();
  const run = task.run;
  const [validation, setValidation] = useState<Validation | null>(null);

  const validate = useCallback(
    (sheet: string, mark: boolean) =>
      run(async (signal, progress) => {
        progress(0);
        const grid = await port.readSheet(sheet, { signal, onProgress: (f) => progress(f * 0.6) });
        progress(0.6);
        await nextFrame();
        if (signal.aborted) return null;
        const report = validateSheet(grid, settings);
        progress(0.85);
        let marked = 0;
        let markError: unknown = null;
        if (mark && report.status === 'validated') {
          const marks = marksFor(report.findings);
          // A failure to mark must not throw the check away: it is kept and shown beside the findings.
          try {
            // addMarks replaces a sheet's earlier marks; with nothing to mark, the old ones must still go.
            if (marks.length > 0) await port.addMarks(marks);
            else await port.clearMarks(sheet);
            marked = distinctCells(marks);
          } catch (error) {
            if (signal.aborted) return null;
            markError = error;
            // Some marks were added even so (old ones Excel would not delete): say how many.
            if ((error as { code?: unknown } | null)?.code === 'MarksNotRemoved') marked = distinctCells(marks);
          }
        }
        progress(1);
        if (signal.aborted) return null;
        // Show the sheet just checked (the marks are there); a host that cannot is no reason to fail.
        await port.activateSheet?.(sheet).catch(() => undefined);
        setValidation((previous) => ({ report, marked, markError, asOf: settings.asOf, id: (previous?.id ?? 0) + 1 }));
        return report;
      }),
    [port, settings, run],
  );

  return { task, validation, validate, setValidation };
}
