import { finding, type Finding } from '../findings';
import { buildNameIndex, MAX_CANDIDATES_PER_NAME, profileNames, searchSimilarPairs, type NameProfile } from '../names';
import type { LedgerRow } from '../row';
import { cellOf, othersIn, relatedRows, rowList } from './cells';

/** Rows that share one normalised name, with the profile of that name. */
interface NameGroup {
  readonly profile: NameProfile;
  readonly rows: readonly LedgerRow[];
}

/** Active rows grouped by normalised name (rows with no usable name are left out). */
export function groupByName(rows: readonly LedgerRow[], localNames: readonly string[]): NameGroup[] {
  const profiles = profileNames(
    rows.map((r) => r.name),
    localNames,
  );
  const groupOf = new Map<string, number>();
  const groups: { profile: NameProfile; rows: LedgerRow[] }[] = [];
  rows.forEach((row, i) => {
    const profile = profiles[i]!;
    if (profile.key === '') return;
    const g = groupOf.get(profile.key);
    if (g === undefined) {
      groupOf.set(profile.key, groups.length);
      groups.push({ profile, rows: [row] });
    } else {
      groups[g]!.rows.push(row);
    }
  });
  return groups;
}

/** duplicate-name: each row of a group that names one body more than once, pointing at the others. */
export function flagDuplicateNames(groups: readonly NameGroup[]): Finding[] {
  const out: Finding[] = [];
  for (const group of groups) {
    if (group.rows.length < 2) continue;
    for (const row of group.rows) {
      const others = othersIn(group.rows, row);
      out.push(
        finding({
          code: 'duplicate-name',
          ...cellOf(row, 'name'),
          value: row.name,
          params: { otherRows: rowList(others) },
          related: relatedRows(others),
        }),
      );
    }
  }
  return out;
}

/** Two decimals, as the score is shown to people. */
function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/**
 * similar-name: names at or above the threshold that are not the same name, searched through the
 * name index once per distinct name (never all pairs). Each row of a pair gets a finding naming
 * the other row.
 */
export function flagSimilarNames(
  groups: readonly NameGroup[],
  threshold: number,
  maxCandidates: number = MAX_CANDIDATES_PER_NAME,
): Finding[] {
  const index = buildNameIndex(groups.map((g) => g.profile));
  const out: Finding[] = [];
  // A name whose candidates passed the cap was compared with the first ones only: its findings say so.
  const { pairs, capped } = searchSimilarPairs(index, threshold, maxCandidates);
  const cap = (group: number) => (capped.has(group) ? maxCandidates : 0);
  for (const pair of pairs) {
    const a = groups[pair.a]!;
    const b = groups[pair.b]!;
    const score = roundScore(pair.score);
    for (const row of a.rows)
      for (const other of b.rows) {
        out.push(similarFinding(row, other, score, cap(pair.a)));
        out.push(similarFinding(other, row, score, cap(pair.b)));
      }
  }
  return out;
}

function similarFinding(row: LedgerRow, other: LedgerRow, score: number, candidateCap: number): Finding {
  return finding({
    code: 'similar-name',
    ...cellOf(row, 'name'),
    value: row.name,
    params: { otherRow: other.row, otherName: other.name, score, ...(candidateCap > 0 ? { candidateCap } : {}) },
    related: [{ sheet: other.sheet, row: other.row, value: other.name, score }],
  });
}
