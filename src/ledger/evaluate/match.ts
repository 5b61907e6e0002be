/**
 * Which active body of the register a name written in a 自评表 or 成员单位评价表 means: the same
 * normalised name first (src/ledger/names/normalise.ts normaliseName: 东营市安全生产委员会 = 市安全生产委员会),
 * then the similar-name measure of the register's flags, at or above its threshold, with its
 * score — never silently: an inexact match carries `how: 'similar'` and the score, and the
 * reports show both. A name that matches nothing gets the nearest body for its finding.
 *
 * The similar-name search first looks among the bodies that no 自评表 row has named exactly (the
 * ones a misspelt row most likely means: a small index, cheap at 10,000 bodies), and only when
 * that finds nothing among all bodies (an index built once, on first need).
 */
import {
  buildNameIndex,
  normaliseName,
  profileName,
  profileNames,
  searchSimilar,
  type NameIndex,
  type NameProfile,
} from '../names';

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
const NONE: NameMatchResult = { body: null, how: null, score: 0, nearest: null };

const spelling = (name: string): string => name.replace(/[\s\u3000]+/g, '');
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

interface SubIndex {
  readonly index: NameIndex;
  /** Body number of each indexed entry. */
  readonly bodies: readonly number[];
}

export class BodyMatcher {
  private readonly byKey = new Map<string, number[]>();
  /** Normalised key per name as written: returned sheets repeat the register's names. */
  private readonly keys = new Map<string, string>();
  private profiles: NameProfile[] | null = null;
  private all: SubIndex | null = null;
  private free: SubIndex | null = null;
  private freeBodies: readonly number[] | null = null;
  private readonly memo = new Map<string, NameMatchResult>();

  constructor(
    private readonly names: readonly string[],
    private readonly localNames: readonly string[],
    private readonly threshold: number,
  ) {
    names.forEach((name, i) => {
      const key = this.keyOf(name);
      if (key === '') return;
      const list = this.byKey.get(key);
      if (list) list.push(i);
      else this.byKey.set(key, [i]);
    });
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = normaliseName(name, this.localNames);
      this.keys.set(name, key);
    }
    return key;
  }

  /**
   * The same normalised name. `taken` (optional) says which bodies already have a row: among
   * bodies of one normalised name (a body registered twice), the same spelling first, then a free one.
   */
  exact(name: string, taken?: (body: number) => boolean): NameMatchResult | null {
    const key = this.keyOf(name);
    if (key === '') return NONE;
    const same = this.byKey.get(key);
    if (!same) return null;
    if (same.length === 1) return { body: same[0]!, how: 'name', score: 1, nearest: null };
    const exact = same.find((b) => spelling(this.names[b]!) === spelling(name));
    const free = taken ? same.find((b) => !taken(b)) : undefined;
    const body = exact !== undefined && !(taken?.(exact) && free !== undefined) ? exact : (free ?? exact ?? same[0]!);
    return { body, how: 'name', score: 1, nearest: null };
  }

  /** Says which bodies no row has named exactly: the similar-name search looks among them first. */
  setFree(bodies: readonly number[]): void {
    this.freeBodies = bodies;
    this.free = null;
  }

  private profileOf(body: number): NameProfile {
    this.profiles ??= new Array<NameProfile>(this.names.length);
    let p = this.profiles[body];
    if (!p) {
      p = profileName(this.names[body]!, this.localNames);
      this.profiles[body] = p;
    }
    return p;
  }

  private sub(which: 'free' | 'all'): SubIndex | null {
    if (which === 'free') {
      if (this.freeBodies === null || this.freeBodies.length === 0) return null;
      this.free ??= { index: buildNameIndex(this.freeBodies.map((b) => this.profileOf(b))), bodies: this.freeBodies };
      return this.free;
    }
    if (!this.all) {
      const profiles = profileNames(this.names, this.localNames);
      this.profiles = profiles;
      this.all = { index: buildNameIndex(profiles), bodies: profiles.map((_, i) => i) };
    }
    return this.all;
  }

  /**
   * A similar name at or above the threshold, else no body with the nearest one. `scope` 'free'
   * looks only among the bodies no row named exactly (a 自评表 row: one row per body); 'any'
   * looks there first, then among all bodies (a 成员单位评价表 row may name any body).
   */
  similar(name: string, scope: 'free' | 'any' = 'any'): NameMatchResult {
    const memoKey = `${scope}\u0000${name}`;
    const cached = this.memo.get(memoKey);
    if (cached) return cached;
    if (this.keyOf(name) === '') return NONE;
    const query = profileName(name, this.localNames);
    const scopes = scope === 'free' ? (['free'] as const) : (['free', 'all'] as const);
    let result: NameMatchResult | null = null;
    for (const which of scopes) {
      const sub = this.sub(which);
      const best = sub ? searchSimilar(sub.index, query, this.threshold)[0] : undefined;
      if (sub && best) {
        result = { body: sub.bodies[best.id]!, how: 'similar', score: round3(best.score), nearest: null };
        break;
      }
    }
    if (!result) {
      // Only a name that matches nothing pays for the wider search for its nearest body.
      const sub = this.sub(scope === 'free' ? 'free' : 'all');
      const near = sub ? searchSimilar(sub.index, query, Math.min(this.threshold, NEAREST_FLOOR))[0] : undefined;
      result = sub && near ? { ...NONE, nearest: { body: sub.bodies[near.id]!, score: round3(near.score) } } : NONE;
    }
    this.memo.set(memoKey, result);
    return result;
  }

  /** Exact, else similar. */
  match(name: string, taken?: (body: number) => boolean): NameMatchResult {
    return this.exact(name, taken) ?? this.similar(name);
  }
}
