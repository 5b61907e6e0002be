/** Groups a sheet's findings for the list: by problem (code) or by row. */
import {
  FINDING_CODES,
  SEVERITY_RANK,
  worstSeverity,
  type Finding,
  type FindingCode,
  type Severity,
} from '../../ledger/findings';

/** How the list groups findings: by problem (code) or by row. */
export type GroupMode = 'code' | 'row';

export interface FindingGroup {
  /** Stable key: the code, or `row:<n>` / `sheet` for findings about the whole sheet. */
  readonly key: string;
  readonly code?: FindingCode;
  /** The sheet row the group is about (by-row grouping); null for whole-sheet findings. */
  readonly row?: number | null;
  /** The worst severity in the group. */
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

const CODE_ORDER = new Map(FINDING_CODES.map((code, i) => [code, i]));

/** One group per code; errors first, then warnings, then info, each in the code table's order. */
export function groupByCode(findings: readonly Finding[]): FindingGroup[] {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const f of findings) {
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  return [...byCode]
    .map(([code, list]) => ({ key: code, code, severity: worstSeverity(list) ?? 'info', findings: list }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0),
    );
}

/** One group per sheet row, in row order; findings about the whole sheet come first. */
export function groupByRow(findings: readonly Finding[]): FindingGroup[] {
  const byRow = new Map<number | null, Finding[]>();
  for (const f of findings) {
    const list = byRow.get(f.row);
    if (list) list.push(f);
    else byRow.set(f.row, [f]);
  }
  return [...byRow]
    .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
    .map(([row, list]) => ({
      key: row === null ? 'sheet' : `row:${row}`,
      row,
      severity: worstSeverity(list) ?? 'info',
      findings: list,
    }));
}
