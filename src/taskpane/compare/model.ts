/**
 * What the 对比/对账 tab reads: a register or a list from a sheet of this workbook or from a picked
 * file (.xlsx through the port; .csv decoded here), parsed by the same core the CLI uses.
 */
import type { CompareResult, RegisterVersion, VersionRow } from '../../ledger/compare';
import type { Lang } from '../../ledger/findings';
import type { Grid } from '../../ledger/grid';
import { readReferenceList, type ReconcileResult, type ReferenceList } from '../../ledger/reconcile';
import type { Settings } from '../../ledger/settings';
import { validateSheet } from '../../ledger/validate';
import type { PickedFile, WorkbookPort } from '../../port/workbook';
import { compareStrings } from './strings';
import { InputProblem } from '../model/inputProblem';

export type Source =
  { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'file'; readonly file: PickedFile };

export function sourceLabel(source: Source): string {
  return source.kind === 'sheet' ? source.sheet : source.file.name;
}

export function sameSource(a: Source | null, b: Source | null): boolean {
  if (!a || !b) return false;
  if (a.kind === 'sheet' && b.kind === 'sheet') return a.sheet === b.sheet;
  if (a.kind === 'file' && b.kind === 'file')
    return a.file.name === b.file.name && a.file.bytes.byteLength === b.file.bytes.byteLength;
  return false;
}

/** The grids of a source. */
export async function gridsOf(port: WorkbookPort, source: Source, lang: Lang, signal?: AbortSignal): Promise<Grid[]> {
  if (source.kind === 'sheet') return [await port.readSheet(source.sheet, signal ? { signal } : {})];
  return port.readWorkbookFile(source.file, signal ? { signal } : {});
}

/** A version read for comparing, with where each row's name sits (to select it). */
export interface LoadedVersion {
  readonly source: Source;
  readonly version: RegisterVersion;
  /** `sheet\u0000row` → 1-based column of the body's name. */
  readonly nameColumns: ReadonlyMap<string, number>;
}

/** Two versions compared: the result and the versions (to select an item's row). */
export interface Compared {
  readonly result: CompareResult;
  readonly old: LoadedVersion;
  readonly new: LoadedVersion;
}

/** A register reconciled with a list: the result, the register and the list (to select an item's row). */
export interface Reconciled {
  readonly result: ReconcileResult;
  readonly register: LoadedVersion;
  readonly list: ReferenceList;
  readonly listSource: Source;
}

const cellKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

export async function loadVersion(
  port: WorkbookPort,
  source: Source,
  settings: Settings,
  lang: Lang,
  signal?: AbortSignal,
): Promise<LoadedVersion> {
  const grids = await gridsOf(port, source, lang, signal);
  const rows = [];
  const title: string[] = [];
  const nameColumns = new Map<string, number>();
  let found = false;
  for (const grid of grids) {
    const report = validateSheet(grid, settings, { flags: false });
    if (report.status !== 'validated') continue;
    found = true;
    title.push(...report.title);
    for (const row of report.rows) {
      rows.push(row);
      if (row.cells.name) nameColumns.set(cellKey(row.sheet, row.row), row.cells.name.column);
    }
  }
  if (!found) throw new InputProblem(compareStrings(lang).notRegister(sourceLabel(source)));
  return { source, version: { file: sourceLabel(source), rows, title }, nameColumns };
}

export async function loadList(
  port: WorkbookPort,
  source: Source,
  lang: Lang,
  signal?: AbortSignal,
): Promise<ReferenceList> {
  const read = readReferenceList(await gridsOf(port, source, lang, signal), sourceLabel(source));
  if (!read.ok) throw new InputProblem(lang === 'en' ? read.messageEn : read.message);
  return read.list;
}

/** The cell to select for a row of a loaded version, or null when the row is in a file. */
export function cellOf(
  loaded: LoadedVersion,
  row: VersionRow | null,
): { sheet: string; row: number; column: number } | null {
  if (!row || loaded.source.kind !== 'sheet') return null;
  return { sheet: row.sheet, row: row.row, column: loaded.nameColumns.get(cellKey(row.sheet, row.row)) ?? 1 };
}
