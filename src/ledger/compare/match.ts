/**
 * One-to-one matching of two lists of body names (two versions of a register, or a register and a
 * reference list), in passes of falling certainty: the same normalised name, a near-identical
 * name (the flags' similarity measure and index, with its score), a shared 发文字号. Each pass
 * only sees what earlier passes left unmatched, and no pass compares all pairs.
 */
import {
  buildNameIndex,
  normaliseName,
  profileNames,
  profileSimilarity,
  searchSimilar,
  type NameProfile,
} from '../names';

/**
 * The names of one side with their normalised keys. Only the keys are computed up front (the name
 * pass needs nothing else); the full profiles the similarity measure needs are built on demand,
 * for the few names left unmatched.
 */
export class NameList {
  readonly keys: readonly string[];
  private readonly profiles: (NameProfile | undefined)[];

  constructor(
    readonly names: readonly string[],
    readonly localNames: readonly string[],
  ) {
    this.keys = names.map((n) => normaliseName(n, localNames));
    this.profiles = new Array<NameProfile | undefined>(names.length);
  }

  get length(): number {
    return this.names.length;
  }

  profile(i: number): NameProfile {
    return this.profilesOf([i])[0]!;
  }

  profilesOf(ids: readonly number[]): NameProfile[] {
    const missing = ids.filter((i) => this.profiles[i] === undefined);
    if (missing.length > 0)
      profileNames(
        missing.map((i) => this.names[i]!),
        this.localNames,
      ).forEach((p, k) => {
        this.profiles[missing[k]!] = p;
      });
    return ids.map((i) => this.profiles[i]!);
  }

  /** The name without spaces, to tell 东营市… from 市… within one key. */
  spelling(i: number): string {
    return this.names[i]!.replace(/[\s\u3000]+/g, '');
  }
}

/** How a pair was found: same name, a history entry naming the other, a near-identical name, a shared document. */
export type MatchHow = 'name' | 'history' | 'similar' | 'document';

export interface MatchedPair {
  readonly left: number;
  readonly right: number;
  readonly how: MatchHow;
  /** Name similarity in [0, 1] (1 for the same name). */
  readonly score: number;
}

/**
 * Which pairs a pass may make, and in which order: a tier number (lower first), or -1 for never.
 * Lets compare pair an active body with an active one before an abolished row of the same name.
 */
export type PairTier = (left: number, right: number) => number;

const ANY: PairTier = () => 0;

/** Candidates kept per name in the similarity pass: enough to resolve contention, bounded. */
const MAX_CANDIDATES = 8;

export class Matching {
  /** right index matched to each left, or -1. */
  readonly rightOf: Int32Array;
  /** left index matched to each right, or -1. */
  readonly leftOf: Int32Array;
  readonly pairs: MatchedPair[] = [];

  constructor(
    readonly left: NameList,
    readonly right: NameList,
  ) {
    this.rightOf = new Int32Array(left.length).fill(-1);
    this.leftOf = new Int32Array(right.length).fill(-1);
  }

  link(left: number, right: number, how: MatchHow, score: number): void {
    this.rightOf[left] = right;
    this.leftOf[right] = left;
    this.pairs.push({ left, right, how, score });
  }

  /** Undoes the last links of a pair (only while the name pass regroups a repeated name). */
  private unlink(left: number, right: number): void {
    this.rightOf[left] = -1;
    this.leftOf[right] = -1;
    for (let i = this.pairs.length - 1; i >= 0; i--) {
      const p = this.pairs[i]!;
      if (p.left === left && p.right === right) {
        this.pairs.splice(i, 1);
        return;
      }
    }
  }

  isLeftFree(left: number): boolean {
    return this.rightOf[left] === -1;
  }

  isRightFree(right: number): boolean {
    return this.leftOf[right] === -1;
  }

  freeLeft(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.rightOf.length; i++) if (this.rightOf[i] === -1) out.push(i);
    return out;
  }

  freeRight(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.leftOf.length; i++) if (this.leftOf[i] === -1) out.push(i);
    return out;
  }

  /**
   * Same normalised name. Within one name, pairs are made tier by tier in list order, so two
   * rows of one name on both sides pair up in order and a better-suited row goes first.
   */
  byName(tier: PairTier = ANY): void {
    // Most names occur once on each side: a key maps to its row, and only repeated keys get a list.
    const rightByKey = new Map<string, number | number[]>();
    for (let r = 0; r < this.right.length; r++) {
      if (!this.isRightFree(r)) continue;
      const key = this.right.keys[r]!;
      if (key === '') continue;
      const seen = rightByKey.get(key);
      if (seen === undefined) rightByKey.set(key, r);
      else if (typeof seen === 'number') rightByKey.set(key, [seen, r]);
      else seen.push(r);
    }
    const repeated = new Map<string, number[]>();
    for (let l = 0; l < this.left.length; l++) {
      if (!this.isLeftFree(l)) continue;
      const key = this.left.keys[l]!;
      const rights = rightByKey.get(key);
      if (rights === undefined) continue;
      if (typeof rights === 'number' && !repeated.has(key)) {
        // Tentatively the one pair; a second left row of this key turns it into a group below.
        if (this.isRightFree(rights)) {
          if (tier(l, rights) >= 0) this.link(l, rights, 'name', 1);
          continue;
        }
        const first = this.leftOf[rights]!;
        this.unlink(first, rights);
        repeated.set(key, [first, l]);
        continue;
      }
      const group = repeated.get(key);
      if (group) group.push(l);
      else repeated.set(key, [l]);
    }
    for (const [key, lefts] of repeated) {
      const found = rightByKey.get(key)!;
      const rights = typeof found === 'number' ? [found] : found;
      // Several rows of one name: the same spelling (东营市… with 东营市…) pairs first within a tier.
      const edges: [number, number, number, number][] = [];
      for (const l of lefts)
        for (const r of rights) {
          const t = tier(l, r);
          if (t >= 0) edges.push([t, this.left.spelling(l) === this.right.spelling(r) ? 0 : 1, l, r]);
        }
      edges.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
      for (const [, , l, r] of edges) if (this.isLeftFree(l) && this.isRightFree(r)) this.link(l, r, 'name', 1);
    }
  }

  /**
   * Near-identical names, at or above `threshold`: the free right names are indexed and each
   * free left name searched; pairs are taken best score first.
   */
  bySimilarity(threshold: number, tier: PairTier = ANY): void {
    const rights = this.freeRight().filter((r) => this.right.keys[r] !== '');
    const lefts = this.freeLeft().filter((l) => this.left.keys[l] !== '');
    if (rights.length === 0 || lefts.length === 0) return;
    const index = buildNameIndex(this.right.profilesOf(rights));
    const queries = this.left.profilesOf(lefts);
    const edges: { l: number; r: number; score: number; tier: number }[] = [];
    for (const [k, l] of lefts.entries()) {
      const found = searchSimilar(index, queries[k]!, threshold);
      let kept = 0;
      for (const m of found) {
        const r = rights[m.id]!;
        const t = tier(l, r);
        if (t < 0) continue;
        edges.push({ l, r, score: m.score, tier: t });
        if (++kept >= MAX_CANDIDATES) break;
      }
    }
    edges.sort((a, b) => a.tier - b.tier || b.score - a.score || a.l - b.l || a.r - b.r);
    for (const e of edges) if (this.isLeftFree(e.l) && this.isRightFree(e.r)) this.link(e.l, e.r, 'similar', e.score);
  }

  /**
   * A 发文字号 that exactly one free left and exactly one free right name cite. A document that
   * set up several bodies (shared-basis-document) is ambiguous and pairs nothing.
   */
  byDocument(
    leftDocs: (left: number) => readonly string[],
    rightDocs: (right: number) => readonly string[],
    tier: PairTier = ANY,
  ): void {
    const collect = (free: number[], docs: (i: number) => readonly string[]) => {
      const byDoc = new Map<string, number[]>();
      for (const i of free) {
        for (const d of new Set(docs(i))) {
          const list = byDoc.get(d);
          if (list) list.push(i);
          else byDoc.set(d, [i]);
        }
      }
      return byDoc;
    };
    const lefts = collect(this.freeLeft(), leftDocs);
    const rights = collect(this.freeRight(), rightDocs);
    for (const [doc, ls] of lefts) {
      const rs = rights.get(doc);
      if (!rs || ls.length !== 1 || rs.length !== 1) continue;
      const l = ls[0]!;
      const r = rs[0]!;
      if (!this.isLeftFree(l) || !this.isRightFree(r) || tier(l, r) < 0) continue;
      this.link(l, r, 'document', profileSimilarity(this.left.profile(l), this.right.profile(r)));
    }
  }
}
