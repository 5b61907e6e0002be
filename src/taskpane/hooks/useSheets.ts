/**
 * The workbook's sheets, re-read whenever `revision` changes (the pane added a sheet or the user
 * switched tabs), on refresh, and when the pane gets the focus back from the workbook (where the
 * user may have added or renamed a sheet).
 */
import { useCallback, useEffect, useState } from 'react';
import type { SheetInfo, WorkbookPort } from '../../port/workbook';

export function useSheets(port: WorkbookPort, revision: number) {
  const [sheets, setSheets] = useState<SheetInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    port.listSheets().then(
      (list) => {
        if (!current) return;
        setSheets(list);
        setError(null);
      },
      (e: unknown) => {
        if (current) setError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [port, revision, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);
  return { sheets, error, refresh };
}

/** Keeps the user's choice while it still exists; otherwise the active sheet, else the first. */
export function pickSheet(sheets: readonly SheetInfo[], chosen: string | null): string | null {
  if (chosen !== null && sheets.some((s) => s.name === chosen)) return chosen;
  return (sheets.find((s) => s.active) ?? sheets.find((s) => s.visible) ?? sheets[0])?.name ?? null;
}
