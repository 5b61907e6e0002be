/**
 * Which active body of the register a name written in a 自评表 or 成员单位评价表 means: the same
 * normalised name first (src/ledger/names.ts normaliseName: 东营市安全生产委员会 = 市安全生产委员会),
 * then the similar-name measure of the register's flags, at or above its threshold, with its
 * score — never silently: an inexact match carries `how: 'similar'` and the score, and the
 * reports show both. A name that matches nothing gets the nearest body for its finding.
 */
import { buildNameIndex, normaliseName, profileName, profileNames, searchSimilar, type NameIndex } from '../names';

export interface NameMatchResult {
  /** Index of the body matched, or null. */
  readonly body: number | null;
  readonly how: 'name' | 'similar' | null;
  /** Similarity in [0, 1]: 1 for the same name. */
  readonly score: number;
  /** For an unmatched name: the nearest body and its score (below the threshold), if any is near at all. */
  readonly nearest: { readonly body: number; readonly score: number } | null;
}

/** Below this a “nearest” body is no help and is not suggested. */
const NEAREST_FLOOR = 0.45;

const spelling = (name: string): string => name.replace(/[\s\u3000]+/g, '');
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export class BodyMatcher {
  private readonly byKey = new Map<string, number[]>();
  private index: NameIndex | null = null;
  private readonly memo = new Map<string, NameMatchResult>();

  constructor(
    private readonly names: readonly string[],
    private readonly localNames: readonly string[],
    private readonly threshold: number,
  ) {
    names.forEach((name, i) => {
      const key = normaliseName(name, localNames);
      if (key === '') return;
      const list = this.byKey.get(key);
      if (list) list.push(i);
      else this.byKey.set(key, [i]);
    });
  }

  /**
   * Matches one name. `taken` (optional) says which bodies already have a row: among bodies of
   * one normalised name (a body registered twice), the same spelling first, then a free one.
   */
  match(name: string, taken?: (body: number) => boolean): NameMatchResult {
    const key = normaliseName(name, this.localNames);
    if (key === '') return { body: null, how: null, score: 0, nearest: null };
    const same = this.byKey.get(key);
    if (same) {
      const exact = same.find((b) => spelling(this.names[b]!) === spelling(name));
      const free = taken ? same.find((b) => !taken(b)) : undefined;
      const body = exact !== undefined && !(taken?.(exact) && free !== undefined) ? exact : free ?? exact ?? same[0]!;
      return { body, how: 'name', score: 1, nearest: null };
    }
    const cached = this.memo.get(name);
    if (cached) return cached;
    this.index ??= buildNameIndex(profileNames(this.names, this.localNames));
    const query = profileName(name, this.localNames);
    const found = searchSimilar(this.index, query, Math.min(this.threshold, NEAREST_FLOOR));
    const best = found[0];
    const result: NameMatchResult = best && best.score >= this.threshold
      ? { body: best.id, how: 'similar', score: round3(best.score), nearest: null }
      : { body: null, how: null, score: 0, nearest: best ? { body: best.id, score: round3(best.score) } : null };
    this.memo.set(name, result);
    return result;
  }
}
