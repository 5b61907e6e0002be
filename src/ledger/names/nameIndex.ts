/**
 * The candidate index behind `similar-name`: which pairs of many names score at or above a
 * threshold, without comparing every name with every other (docs/performance.md).
 */
import {
  MARK_CONFLICT_FACTOR,
  PLACE_CONFLICT_FACTOR,
  profileSimilarity,
  scoreOf,
  type NameProfile,
} from './similarity';

/**
 * One block of the index: the profiles that may match each other, with their tokens ranked by
 * how rare they are in the block and an inverted list per rank. Everything is kept in flat typed
 * arrays (CSR form), so a block of 100,000 names is a handful of allocations.
 */
interface Block {
  /** Block entry → profile id; entries are ordered by token count. */
  readonly entries: Int32Array;
  /** Entry e's token ranks are ranks[rankStart[e] .. rankStart[e+1]), ascending (rarest first). */
  readonly rankStart: Int32Array;
  readonly ranks: Int32Array;
  /** Rank → the index's token id. */
  readonly tokenOfRank: Int32Array;
  /** Entries holding rank k are postings[offsets[k] .. offsets[k+1]), ascending. */
  readonly offsets: Int32Array;
  readonly postings: Int32Array;
}

/**
 * An inverted index of profiles' tokens for threshold search. Token ids are ranked rarest
 * first, so the first few tokens of a name (its prefix) are the rare, selective ones: two names
 * with Dice ≥ t must share a token within the prefix (prefix filtering, as in AllPairs/PPJoin),
 * and only names of compatible length are checked (length filtering). Entries are ordered by
 * token count, so the length window is a contiguous slice of every posting list.
 *
 * Names are blocked by place: names of two places score at most PLACE_CONFLICT_FACTOR, so above
 * that threshold only names of one place are compared. A search at or below it uses one open
 * block of every name, built on first use.
 */
export interface NameIndex {
  readonly profiles: readonly NameProfile[];
  /** Place ('' for the register's own level) → its block. */
  readonly blocks: ReadonlyMap<string, Block>;
  /** Token (see `tokensOf`) → token id, over every indexed name. */
  readonly tokenIds: ReadonlyMap<number, number>;
  /** Profile p's token ids are tokens[tokenStart[p] .. tokenStart[p+1]). */
  readonly tokenStart: Int32Array;
  readonly tokens: Int32Array;
  /** Per profile, small integer ids of its structure, marks and place (equal ids, equal values). */
  readonly structureId: Int32Array;
  readonly marksId: Int32Array;
  readonly placeId: Int32Array;
  /** 1 when the profile's name carries marks (numbers, ordinals). */
  readonly marked: Uint8Array;
}

const openBlocks = new WeakMap<NameIndex, Block>();
const rankMaps = new WeakMap<Block, Map<number, number>>();

/** Small integer ids for the distinct values of one string field of the profiles. */
function idsOf(profiles: readonly NameProfile[], field: (p: NameProfile) => string): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) {
    const value = field(profiles[i]!);
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    out[i] = id;
  }
  return out;
}

const TWO_32 = 4294967296;

/** Builds the block of the given profiles; `count` and `rank` are zeroed scratch arrays over token ids. */
function buildBlock(index: NameIndex, members: readonly number[], count: Int32Array, rank: Int32Array): Block {
  const { tokenStart, tokens } = index;
  const n = members.length;
  // Entries by token count (then id), with one numeric sort of composite keys.
  const byLength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = members[i]!;
    byLength[i] = (tokenStart[id + 1]! - tokenStart[id]!) * TWO_32 + id;
  }
  byLength.sort();
  const entries = new Int32Array(n);
  const rankStart = new Int32Array(n + 1);
  for (let e = 0; e < n; e++) {
    const id = byLength[e]! % TWO_32;
    entries[e] = id;
    rankStart[e + 1] = rankStart[e]! + tokenStart[id + 1]! - tokenStart[id]!;
  }

  // The block's tokens, rarest first (then by id).
  const distinct: number[] = [];
  for (let e = 0; e < n; e++) {
    const id = entries[e]!;
    for (let j = tokenStart[id]!; j < tokenStart[id + 1]!; j++) {
      const t = tokens[j]!;
      if (count[t] === 0) distinct.push(t);
      count[t]! += 1;
    }
  }
  const byRarity = new Float64Array(distinct.length);
  for (let i = 0; i < distinct.length; i++) byRarity[i] = count[distinct[i]!]! * TWO_32 + distinct[i]!;
  byRarity.sort();
  const tokenOfRank = new Int32Array(distinct.length);
  for (let r = 0; r < distinct.length; r++) {
    const t = byRarity[r]! % TWO_32;
    tokenOfRank[r] = t;
    rank[t] = r;
    count[t] = 0;
  }

  const ranks = new Int32Array(rankStart[n]!);
  const offsets = new Int32Array(distinct.length + 1);
  for (let e = 0; e < n; e++) {
    const id = entries[e]!;
    // Insertion sort: a name has a few dozen tokens at most.
    const first = rankStart[e]!;
    let k = first;
    for (let j = tokenStart[id]!; j < tokenStart[id + 1]!; j++) {
      const r = rank[tokens[j]!]!;
      let i = k++;
      while (i > first && ranks[i - 1]! > r) {
        ranks[i] = ranks[i - 1]!;
        i--;
      }
      ranks[i] = r;
      offsets[r + 1]! += 1;
    }
  }
  for (let r = 0; r < distinct.length; r++) offsets[r + 1]! += offsets[r]!;
  const fill = offsets.slice(0, distinct.length);
  const postings = new Int32Array(ranks.length);
  for (let e = 0; e < n; e++) {
    for (let j = rankStart[e]!; j < rankStart[e + 1]!; j++) postings[fill[ranks[j]!]!++] = e;
  }
  return { entries, rankStart, ranks, tokenOfRank, offsets, postings };
}

export function buildNameIndex(profiles: readonly NameProfile[]): NameIndex {
  const tokenIds = new Map<number, number>();
  const tokenStart = new Int32Array(profiles.length + 1);
  profiles.forEach((p, id) => {
    tokenStart[id + 1] = tokenStart[id]! + p.tokens.length;
  });
  const tokens = new Int32Array(tokenStart[profiles.length]!);
  profiles.forEach((p, id) => {
    let j = tokenStart[id]!;
    for (const t of p.tokens) {
      let tid = tokenIds.get(t);
      if (tid === undefined) tokenIds.set(t, (tid = tokenIds.size));
      tokens[j++] = tid;
    }
  });
  const byPlace = new Map<string, number[]>();
  const placeId = new Int32Array(profiles.length);
  const placeIds = new Map<string, number>();
  profiles.forEach((p, id) => {
    let list = byPlace.get(p.place);
    if (!list) {
      byPlace.set(p.place, (list = []));
      placeIds.set(p.place, placeIds.size);
    }
    list.push(id);
    placeId[id] = placeIds.get(p.place)!;
  });
  const blocks = new Map<string, Block>();
  const index: NameIndex = {
    profiles,
    blocks,
    tokenIds,
    tokenStart,
    tokens,
    placeId,
    structureId: idsOf(profiles, (p) => p.structure),
    marksId: idsOf(profiles, (p) => p.marks),
    marked: Uint8Array.from(profiles, (p) => (p.marks === '' ? 0 : 1)),
  };
  const count = new Int32Array(tokenIds.size);
  const rank = new Int32Array(tokenIds.size);
  for (const [place, members] of byPlace) blocks.set(place, buildBlock(index, members, count, rank));
  return index;
}

/** The blocks a threshold needs: one per place above PLACE_CONFLICT_FACTOR, one open block at or below. */
function blocksFor(index: NameIndex, threshold: number): Block[] {
  if (threshold > PLACE_CONFLICT_FACTOR) return [...index.blocks.values()];
  let open = openBlocks.get(index);
  if (!open) {
    open = buildBlock(
      index,
      [...index.profiles.keys()],
      new Int32Array(index.tokenIds.size),
      new Int32Array(index.tokenIds.size),
    );
    openBlocks.set(index, open);
  }
  return [open];
}

/** A pair of profile ids (a < b) and their similarity. */
export interface SimilarPair {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

/** |A ∩ B| of two ascending runs of one array. */
function overlapIn(values: Int32Array, a: number, aEnd: number, b: number, bEnd: number): number {
  let n = 0;
  while (a < aEnd && b < bEnd) {
    const x = values[a]!;
    const y = values[b]!;
    if (x === y) {
      n++;
      a++;
      b++;
    } else if (x < y) a++;
    else b++;
  }
  return n;
}

/** The score of two block entries: the measure of `profileSimilarity`, on integers. */
function entryScore(index: NameIndex, block: Block, e: number, f: number): number {
  // Equal keys need no check of their own: they have equal profiles, and the measure gives them 1.
  const p = block.entries[e]!;
  const q = block.entries[f]!;
  const { rankStart, ranks } = block;
  const overlap = overlapIn(ranks, rankStart[e]!, rankStart[e + 1]!, rankStart[f]!, rankStart[f + 1]!);
  const conflict = index.marked[p] === 1 && index.marked[q] === 1 && index.marksId[p] !== index.marksId[q];
  return scoreOf(
    overlap,
    rankStart[e + 1]! - rankStart[e]!,
    rankStart[f + 1]! - rankStart[f]!,
    index.structureId[p] === index.structureId[q],
    conflict,
    index.placeId[p] === index.placeId[q],
  );
}

function pushPair(out: SimilarPair[], block: Block, e: number, f: number, score: number): void {
  const pa = block.entries[e]!;
  const pb = block.entries[f]!;
  out.push(pa < pb ? { a: pa, b: pb, score } : { a: pb, b: pa, score });
}

/** First position in postings[lo, hi) whose entry is > `entry` (postings are ascending). */
function firstAfter(postings: Int32Array, lo: number, hi: number, entry: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid]! <= entry) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EPS = 1e-9;

/**
 * Candidates scored per name at most (in one search). A name of an ordinary register meets a few
 * dozen; only a block of thousands of names that share all their rarest tokens reaches this,
 * and then the search stops for that name and says so (see `PairSearch.capped`) instead of
 * growing with the square of the block.
 */
export const MAX_CANDIDATES_PER_NAME = 2000;

/** Tokens probed beyond the prefix: a partner must then share `EXTRA_PREFIX + 1` of them. */
const EXTRA_PREFIX = 2;

/**
 * The self-join of one block through its postings. Each entry probes its prefix and up to
 * EXTRA_PREFIX more of its rarest tokens; a partner with Dice ≥ t must share at least one token
 * per extra one plus one, so most entries met in the lists are ruled out by that count alone,
 * before any of their tokens is read.
 */
function joinBlock(
  index: NameIndex,
  block: Block,
  threshold: number,
  out: SimilarPair[],
  cap: number,
  capped: Set<number>,
  unmarked?: { offsets: Int32Array; postings: Int32Array },
): void {
  const { rankStart, ranks } = block;
  const n = block.entries.length;
  // Per entry f: (e + 1) · 2^20 + how many of e's probed tokens f holds, for the e being joined.
  const mark = new Float64Array(n);
  const touched: number[] = [];
  for (let e = 0; e < n; e++) {
    const start = rankStart[e]!;
    const size = rankStart[e + 1]! - start;
    if (size === 0) continue;
    // Partners come later, so they are at least as long: Dice ≥ t needs overlap ≥ t·size.
    const minOverlap = Math.max(1, Math.ceil(threshold * size - EPS));
    const prefix = size - minOverlap + 1;
    const extra = Math.min(EXTRA_PREFIX, size - prefix);
    const maxSize = Math.floor(((2 - threshold) * size) / threshold + EPS);
    const stamp = (e + 1) * 1_048_576;
    touched.length = 0;
    let complete = true;
    // A marked entry (a number in its name) meets only unmarked partners here; those with its own
    // number are joined in their own small block (see joinPlace).
    const lists = unmarked && index.marked[block.entries[e]!] === 1 ? unmarked : block;
    const { offsets, postings } = lists;
    probe: for (let p = 0; p < prefix + extra; p++) {
      const k = ranks[start + p]!;
      const end = offsets[k + 1]!;
      for (let q = firstAfter(postings, offsets[k]!, end, e); q < end; q++) {
        const f = postings[q]!;
        if (rankStart[f + 1]! - rankStart[f]! > maxSize) break;
        const m = mark[f]!;
        if (m >= stamp) {
          mark[f] = m + 1;
        } else if (p < prefix) {
          // A partner's first shared token lies within the prefix; one met only later is none.
          mark[f] = stamp + 1;
          touched.push(f);
          if (touched.length > cap) {
            complete = false;
            break probe;
          }
        }
      }
    }
    if (!complete) capped.add(block.entries[e]!);
    for (const f of touched) {
      const shared = mark[f]! - stamp;
      // With `extra` more tokens probed, a partner holds at least extra + 1 of them (unless the
      // lists stopped at the cap).
      if (complete && shared < extra + 1) continue;
      const sizeF = rankStart[f + 1]! - rankStart[f]!;
      const overlap = overlapIn(ranks, start, start + size, rankStart[f]!, rankStart[f + 1]!);
      // The factors only lower the score: the Dice of the ranks alone rules most out.
      if ((2 * overlap) / (size + sizeF) < threshold - EPS) continue;
      const score = entryScore(index, block, e, f);
      if (score >= threshold) pushPair(out, block, e, f, score);
    }
  }
}

/** Token id → rank in a block, built once per block. */
function rankMapOf(block: Block): Map<number, number> {
  let rankOf = rankMaps.get(block);
  if (!rankOf) {
    rankOf = new Map<number, number>();
    block.tokenOfRank.forEach((t, r) => rankOf!.set(t, r));
    rankMaps.set(block, rankOf);
  }
  return rankOf;
}

/**
 * Above MARK_CONFLICT_FACTOR two names whose numbers differ (第3 / 第4) cannot match. So in a
 * place's block a marked name probes only the postings of unmarked names, and the names of each
 * number are joined in a small block of their own: a numbered series of 100,000 names is then
 * many small joins, not one quadratic one. Prefix filtering stays exact: a pair's shorter name
 * shares a token of its prefix with the other, whichever lists are scanned for it.
 */
function joinPlace(
  index: NameIndex,
  block: Block,
  threshold: number,
  out: SimilarPair[],
  cap: number,
  capped: Set<number>,
): void {
  const { entries } = block;
  let marked = 0;
  for (let e = 0; e < entries.length; e++) marked += index.marked[entries[e]!]!;
  if (marked === 0 || threshold <= MARK_CONFLICT_FACTOR) {
    joinBlock(index, block, threshold, out, cap, capped);
    return;
  }
  // The postings of unmarked entries only, per rank.
  const ranksCount = block.offsets.length - 1;
  const offsets = new Int32Array(ranksCount + 1);
  for (let k = 0; k < ranksCount; k++) {
    let n = 0;
    for (let q = block.offsets[k]!; q < block.offsets[k + 1]!; q++)
      if (index.marked[entries[block.postings[q]!]!] === 0) n++;
    offsets[k + 1] = offsets[k]! + n;
  }
  const postings = new Int32Array(offsets[ranksCount]!);
  for (let k = 0, w = 0; k < ranksCount; k++) {
    for (let q = block.offsets[k]!; q < block.offsets[k + 1]!; q++) {
      const f = block.postings[q]!;
      if (index.marked[entries[f]!] === 0) postings[w++] = f;
    }
  }
  joinBlock(index, block, threshold, out, cap, capped, { offsets, postings });
  const byMarks = new Map<number, number[]>();
  for (let e = 0; e < entries.length; e++) {
    const id = entries[e]!;
    if (index.marked[id] === 0) continue;
    let list = byMarks.get(index.marksId[id]!);
    if (!list) byMarks.set(index.marksId[id]!, (list = []));
    list.push(id);
  }
  const count = new Int32Array(index.tokenIds.size);
  const rank = new Int32Array(index.tokenIds.size);
  for (const members of byMarks.values()) {
    if (members.length > 1) joinBlock(index, buildBlock(index, members, count, rank), threshold, out, cap, capped);
  }
}

function sortPairs(pairs: SimilarPair[]): SimilarPair[] {
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Every pair of indexed names with similarity ≥ threshold, found through the index: each entry
 * probes only its prefix tokens and only longer-or-equal entries after it, within its place.
 * Identical in result to `similarPairsNaive`. A threshold ≤ 0 admits pairs that share nothing,
 * so it falls back to it.
 */
export function similarPairs(index: NameIndex, threshold: number): SimilarPair[] {
  return searchSimilarPairs(index, threshold, Infinity).pairs;
}

/** The pairs, and the profiles whose search stopped at `maxCandidates` (their list may be short). */
export interface PairSearch {
  readonly pairs: SimilarPair[];
  readonly capped: ReadonlySet<number>;
}

/** `similarPairs` with the candidates per name capped (`MAX_CANDIDATES_PER_NAME` by default). */
export function searchSimilarPairs(
  index: NameIndex,
  threshold: number,
  maxCandidates: number = MAX_CANDIDATES_PER_NAME,
): PairSearch {
  if (threshold <= 0) return { pairs: similarPairsNaive(index, threshold), capped: new Set() };
  const out: SimilarPair[] = [];
  const capped = new Set<number>();
  for (const block of blocksFor(index, threshold)) {
    if (threshold > PLACE_CONFLICT_FACTOR) joinPlace(index, block, threshold, out, maxCandidates, capped);
    else joinBlock(index, block, threshold, out, maxCandidates, capped);
  }
  return { pairs: sortPairs(out), capped };
}

/**
 * Every pair with similarity ≥ threshold by scoring all n(n−1)/2 pairs with the same measure in
 * one open block (no blocking, no filtering): the reference for tests and the bench.
 */
export function similarPairsNaive(index: NameIndex, threshold: number): SimilarPair[] {
  const block = blocksFor(index, 0)[0]!;
  const out: SimilarPair[] = [];
  const n = block.entries.length;
  for (let e = 0; e < n; e++) {
    for (let f = e + 1; f < n; f++) {
      const score = entryScore(index, block, e, f);
      if (score >= threshold) pushPair(out, block, e, f, score);
    }
  }
  return sortPairs(out);
}

/** A match of one outside name against an index: the profile id and the score. */
export interface NameMatch {
  readonly id: number;
  readonly score: number;
}

/**
 * The indexed names similar to one name that is not in the index (compare, reconcile), best
 * first. Tokens the index has never seen rank rarest of all and match nothing.
 */
export function searchSimilar(index: NameIndex, query: NameProfile, threshold: number): NameMatch[] {
  const out: NameMatch[] = [];
  if (threshold <= 0) {
    for (const [id, profile] of index.profiles.entries()) {
      const score = profileSimilarity(query, profile);
      if (score >= threshold) out.push({ id, score });
    }
    return out.sort((x, y) => y.score - x.score || x.id - y.id);
  }
  const block = threshold > PLACE_CONFLICT_FACTOR ? index.blocks.get(query.place) : blocksFor(index, threshold)[0];
  if (!block) return out;
  const rankOf = rankMapOf(block);
  const known: number[] = [];
  for (const t of query.tokens) {
    const id = index.tokenIds.get(t);
    const rank = id === undefined ? undefined : rankOf.get(id);
    if (rank !== undefined) known.push(rank);
  }
  known.sort((x, y) => x - y);
  const size = query.tokens.length;
  const unknown = size - known.length;
  // Partners may be shorter here: Dice ≥ t needs overlap ≥ t·size / (2 − t).
  const minOverlap = Math.max(1, Math.ceil((threshold * size) / (2 - threshold) - EPS));
  const prefix = size - minOverlap + 1;
  const minSize = Math.ceil((threshold * size) / (2 - threshold) - EPS);
  const maxSize = Math.floor(((2 - threshold) * size) / threshold + EPS);
  const seen = new Set<number>();
  for (let p = 0; p < prefix - unknown && p < known.length; p++) {
    const k = known[p]!;
    for (let q = block.offsets[k]!; q < block.offsets[k + 1]!; q++) {
      const e = block.postings[q]!;
      const s = block.rankStart[e + 1]! - block.rankStart[e]!;
      if (s < minSize) continue;
      if (s > maxSize) break;
      if (seen.has(e)) continue;
      seen.add(e);
      const id = block.entries[e]!;
      const score = profileSimilarity(query, index.profiles[id]!);
      if (score >= threshold) out.push({ id, score });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.id - y.id);
}
