/**
 * One-to-one matching of two lists of body names (two versions of a register, or a register and a
 * reference list), in passes of falling certainty: the same normalised name, a near-identical
 * name (the flags' similarity measure and index, with its score), a shared 发文字号. Each pass
 * only sees what earlier passes left unmatched, and no pass compares all pairs.
 */
import { buildNameIndex, profileSimilarity, searchSimilar, type NameProfile } from '../names';

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

const spelling = (p: NameProfile): string => p.name.replace(/[\s\u3000]+/g, '');

/** Candidates kept per name in the similarity pass: enough to resolve contention, bounded. */
const MAX_CANDIDATES = 8;

export class Matching {
  /** right index matched to each left, or -1. */
  readonly rightOf: Int32Array;
  /** left index matched to each right, or -1. */
  readonly leftOf: Int32Array;
  readonly pairs: MatchedPair[] = [];

  constructor(
    readonly left: readonly NameProfile[],
    readonly right: readonly NameProfile[],
  ) {
    this.rightOf = new Int32Array(left.length).fill(-1);
    this.leftOf = new Int32Array(right.length).fill(-1);
  }

  link(left: number, right: number, how: MatchHow, score: number): void {
    this.rightOf[left] = right;
    this.leftOf[right] = left;
    this.pairs.push({ left, right, how, score });
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
    const rightByKey = new Map<string, number[]>();
    for (const r of this.freeRight()) {
      const key = this.right[r]!.key;
      if (key === '') continue;
      const list = rightByKey.get(key);
      if (list) list.push(r);
      else rightByKey.set(key, [r]);
    }
    const leftByKey = new Map<string, number[]>();
    for (const l of this.freeLeft()) {
      const key = this.left[l]!.key;
      if (!rightByKey.has(key)) continue;
      const list = leftByKey.get(key);
      if (list) list.push(l);
      else leftByKey.set(key, [l]);
    }
    for (const [key, lefts] of leftByKey) {
      const rights = rightByKey.get(key)!;
      if (lefts.length === 1 && rights.length === 1) {
        if (tier(lefts[0]!, rights[0]!) >= 0) this.link(lefts[0]!, rights[0]!, 'name', 1);
        continue;
      }
      // Several rows of one name: the same spelling (东营市… with 东营市…) pairs first within a tier.
      const edges: [number, number, number, number][] = [];
      for (const l of lefts) for (const r of rights) {
        const t = tier(l, r);
        if (t >= 0) edges.push([t, spelling(this.left[l]!) === spelling(this.right[r]!) ? 0 : 1, l, r]);
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
    const rights = this.freeRight().filter((r) => this.right[r]!.key !== '');
    const lefts = this.freeLeft().filter((l) => this.left[l]!.key !== '');
    if (rights.length === 0 || lefts.length === 0) return;
    const index = buildNameIndex(rights.map((r) => this.right[r]!));
    const edges: { l: number; r: number; score: number; tier: number }[] = [];
    for (const l of lefts) {
      const found = searchSimilar(index, this.left[l]!, threshold);
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
  byDocument(leftDocs: readonly (readonly string[])[], rightDocs: readonly (readonly string[])[], tier: PairTier = ANY): void {
    const collect = (free: number[], docs: readonly (readonly string[])[]) => {
      const byDoc = new Map<string, number[]>();
      for (const i of free) {
        for (const d of new Set(docs[i] ?? [])) {
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
      this.link(l, r, 'document', profileSimilarity(this.left[l]!, this.right[r]!));
    }
  }
}
