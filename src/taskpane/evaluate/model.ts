/** What the 评价 tab reads and shows: where the returns come from, reading them, and an evaluation's result. */
import { readEvaluationGrids, type EvaluationRead, type EvaluationResult } from '../../ledger/evaluate';
import type { Grid } from '../../ledger/grid';
import type { LedgerRow } from '../../ledger/row';
import type { PickedFile, WorkbookPort } from '../../port/workbook';
import { InputProblem } from '../model/inputProblem';
import type { EvaluateStrings } from './strings';

/** Returns come from one sheet of this workbook, or from picked files. */
export type Returns =
  | { readonly kind: 'sheet'; readonly sheet: string }
  | { readonly kind: 'files'; readonly files: readonly PickedFile[] }
  | { readonly kind: 'none' };

export interface Evaluated {
  readonly result: EvaluationResult;
  readonly rows: readonly LedgerRow[];
  /** The register's sheet (bodies' rows are selectable there). */
  readonly registerSheet: string;
}

/** Reads the returns of one picker; each must hold at least one sheet of the wanted kind. */
export async function readReturns(
  port: WorkbookPort,
  returns: Returns,
  kind: 'self' | 'member',
  s: EvaluateStrings,
  signal: AbortSignal,
): Promise<EvaluationRead[]> {
  const sources: { name: string; grids: Grid[] }[] = [];
  if (returns.kind === 'sheet')
    sources.push({ name: returns.sheet, grids: [await port.readSheet(returns.sheet, { signal })] });
  if (returns.kind === 'files')
    for (const file of returns.files)
      sources.push({ name: file.name, grids: await port.readWorkbookFile(file, { signal }) });
  return sources.map(({ name, grids }) => {
    const read = readEvaluationGrids(grids, name);
    if (!read.sheets.some((x) => x.kind === kind))
      throw new InputProblem(kind === 'self' ? s.noSelf(name) : s.noMembers(name));
    return read;
  });
}
