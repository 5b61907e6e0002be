/**
 * Body names: the normalised key that decides `duplicate-name`, and the similarity measure and
 * candidate index behind `similar-name` (reused by compare / reconcile).
 *
 * A name is read as  [中共][place][委|政府|人民政府] + stem + [工作] + structure, e.g.
 * 中共潍坊市委 + 全面深化改革 + 委员会. The key drops the level prefix, so 潍坊市安全生产委员会 and
 * 市安全生产委员会 are one body. Similarity compares stems only (characters and bigrams, Dice), so a
 * shared structure such as 工作领导小组 cannot make two bodies look alike, and a different
 * structure (领导小组 vs 指挥部 for the same job) lowers the score only slightly.
 */

/** A structural suffix and the kind of body it denotes; longest suffixes are tried first. */
const STRUCTURE_LIST: readonly (readonly [suffix: string, kind: string])[] = [
  ['领导小组办公室', 'office'], ['委员会办公室', 'office'], ['指挥部办公室', 'office'], ['联席会议办公室', 'office'],
  ['领导小组', 'leading-group'],
  ['组织委员会', 'organising-committee'], ['组委会', 'organising-committee'], ['执行委员会', 'organising-committee'], ['执委会', 'organising-committee'],
  ['委员会', 'committee'],
  ['指挥部', 'command'],
  ['联席会议制度', 'joint-meeting'], ['联席会议', 'joint-meeting'],
  ['专班', 'task-force'],
  ['协调小组', 'group'], ['推进小组', 'group'], ['工作小组', 'group'], ['工作组', 'group'], ['推进组', 'group'], ['小组', 'group'],
  ['协调机制', 'mechanism'], ['工作机制', 'mechanism'],
  ['办公室', 'office'],
];
const STRUCTURES = [...STRUCTURE_LIST].sort((a, b) => b[0].length - a[0].length);

/**
 * Verbs that open a stem without naming the job: 推进新型城镇化 and 新型城镇化 are the same work.
 * Stripped from the stem only (never from the key), and only while at least two characters remain.
 */
const LEADING_MODIFIERS = /^(?:全面推行|全面推进|深入推进|深入开展|加快推进|扎实推进|推进|推行|实施|加快|加强|全面|深化|开展|打好|打赢|优化|创建)/u;

/** Words that start with 市/县/区 and are not a level prefix: 市场监管, 县域经济, 区域协调. */
const LEVEL_LOOKALIKES = /^(?:市场|市政(?!府)|市容|市民|市域|市直|市级|县域|县城|县级|区域|区块链|区划)/u;
const GENERIC_PLACE = /^(?:本市|本县|本区|市|县|区)/u;
/** The owner after a place: 市委…, 市政府…, 潍坊市人民政府…; 委 of 委员会 is not one. */
const OWNER = /^(?:人民政府|政府|党委|委(?!员会))/u;
const CPC = /^中共/u;

/** A trailing bracketed note: an abbreviation or remark such as （市安委会）, (暂行). */
const TRAILING_NOTE = /[(\[【〔][^()[\]【】〔〕]*[)\]】〕]$/u;
/** Everything that is not a letter or a digit: spaces, punctuation, quotes, brackets, symbols. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

const CN_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三十三 → 33, 四十 → 40, 一百零五 → 105; null when the text is not a Chinese numeral. */
function chineseNumber(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      total += (digit ?? 1) * unit;
      digit = null;
    } else if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** 第三十三届 → 第33届, so the two spellings of one ordinal give one key. */
function canonicalOrdinals(text: string): string {
  return text.replace(/第([〇零一二两三四五六七八九十百]+)(届|次|批|轮|期)/gu, (whole, numeral: string, unit: string) => {
    const n = chineseNumber(numeral);
    return n === null ? whole : `第${n}${unit}`;
  });
}

/** Strips one 中共 + place + owner prefix; returns the text unchanged when none is there. */
function stripLevelOnce(text: string, localNames: readonly string[]): string {
  let t = text.replace(CPC, '');
  let place = localNames.find((n) => t.startsWith(n));
  if (place === undefined && !LEVEL_LOOKALIKES.test(t)) place = GENERIC_PLACE.exec(t)?.[0];
  if (place === undefined) return text;
  t = t.slice(place.length);
  const owner = OWNER.exec(t);
  if (owner) t = t.slice(owner[0].length);
  // Never strip a name down to nothing: 市政府 alone stays itself.
  return t === '' ? text : t;
}

/** Local names cleaned the same way as names, longest first (潍坊市 before 潍坊). */
function prepareLocalNames(localNames: readonly string[] | undefined): readonly string[] {
  if (!localNames || localNames.length === 0) return [];
  const cleaned = localNames.map((n) => n.normalize('NFKC').replace(NOT_WORD, '')).filter((n) => n.length >= 2);
  return [...new Set(cleaned)].sort((a, b) => b.length - a.length);
}

function normaliseWith(name: string, locals: readonly string[]): string {
  let t = name.normalize('NFKC').trim();
  for (let i = 0; i < 3 && TRAILING_NOTE.test(t); i++) {
    const stripped = t.replace(TRAILING_NOTE, '').trim();
    if (stripped === '') break;
    t = stripped;
  }
  t = t.replace(NOT_WORD, '').toLowerCase();
  t = canonicalOrdinals(t);
  // 市委、市政府… and 县委县政府… carry two prefixes; strip until none is left.
  for (let i = 0; i < 4; i++) {
    const next = stripLevelOnce(t, locals);
    if (next === t) break;
    t = next;
  }
  return t;
}

/**
 * The key two rows share when they name the same body: full-width folded, spaces, punctuation
 * and quotes dropped, a trailing bracketed note (an abbreviation such as （市安委会）) dropped,
 * ordinals written in digits, and the level prefix stripped — 中共, the register's own place
 * (`localNames`, e.g. 潍坊市 or 广饶县) or a generic 市/县/区/本市, then 委/政府/人民政府.
 * 中共潍坊市委全面深化改革委员会 → 全面深化改革委员会.
 */
export function normaliseName(name: string, localNames?: readonly string[]): string {
  return normaliseWith(name, prepareLocalNames(localNames));
}

/** A name taken apart for comparison. */
export interface NameProfile {
  /** The name as given. */
  readonly name: string;
  /** `normaliseName` of it: equal keys mean the same body. */
  readonly key: string;
  /** What the body is about, with structure, a trailing 工作 and leading verbs removed: 河长制. */
  readonly stem: string;
  /** The kind of body its suffix denotes (leading-group, committee, command, …), or '' for none. */
  readonly structure: string;
  /** Ordinals and numbers in the name (第7次, 2023): different ones mean different bodies. */
  readonly marks: string;
  /**
   * A place still leading the key after the register's own level prefix was stripped: 高新区,
   * 寿光市. Such a body belongs to that place, not to the register's level.
   */
  readonly place: string;
  /** Distinct characters and character bigrams of the stem. */
  readonly tokens: readonly string[];
}

/** One character wrong or missing: 领导小祖 or 委会 for 领导小组 or 委员会. */
function isNearSuffix(tail: string, suffix: string): boolean {
  if (tail.length === suffix.length) {
    let diff = 0;
    for (let i = 0; i < tail.length; i++) if (tail[i] !== suffix[i]) diff++;
    return diff === 1;
  }
  if (tail.length !== suffix.length - 1) return false;
  for (let skip = 0; skip < suffix.length; skip++) {
    if (suffix.slice(0, skip) + suffix.slice(skip + 1) === tail) return true;
  }
  return false;
}

function splitStructure(key: string): { stem: string; structure: string } {
  for (const [suffix, kind] of STRUCTURES) {
    if (key.endsWith(suffix) && key.length > suffix.length) return { stem: key.slice(0, -suffix.length), structure: kind };
  }
  // A mistyped structure still names the kind of body and must not pollute the stem. Of several
  // readings (委会: 委员会 less 员, or 组委会 with 全 for 组?) the one that takes fewest characters wins.
  let best: { stem: string; structure: string } | null = null;
  for (const [suffix, kind] of STRUCTURES) {
    if (suffix.length < 3) continue;
    for (const len of [suffix.length - 1, suffix.length]) {
      if (key.length <= len || !isNearSuffix(key.slice(-len), suffix)) continue;
      if (best === null || key.length - len > best.stem.length) best = { stem: key.slice(0, -len), structure: kind };
    }
  }
  return best ?? { stem: key, structure: '' };
}

/** Connectives that vary freely between spellings of one name: 人口和计划生育 / 人口与计划生育. */
const CONNECTIVES = /[和与及]/gu;

/**
 * Words that close a stem with the mode of the work, not its subject: 营商环境建设 and 营商环境,
 * 知识产权战略实施 and 知识产权 are the same job. Stripped from the stem only, keeping two characters.
 */
const TRAILING_GENERICS = /(?:工作|建设|发展|创建|战略实施|战略|行动计划|重大工程)$/u;

function coreOfStem(stem: string): string {
  const joined = stem.replace(CONNECTIVES, '');
  let core = joined.length >= 2 ? joined : stem;
  for (let i = 0; i < 3; i++) {
    const m = TRAILING_GENERICS.exec(core);
    if (!m || core.length - m[0].length < 2) break;
    core = core.slice(0, -m[0].length);
  }
  for (let i = 0; i < 3; i++) {
    const m = LEADING_MODIFIERS.exec(core);
    if (!m || core.length - m[0].length < 2) break;
    core = core.slice(m[0].length);
  }
  return core;
}

/**
 * The stem's distinct characters and character bigrams, as CJK search analysers index Chinese:
 * bigrams carry the words and their order, single characters keep a typo (防汛抗早) or an
 * abbreviation (节水 for 节约用水) from wiping out the overlap.
 */
function tokensOf(text: string): string[] {
  const chars = Array.from(text);
  const out = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

function profileWith(name: string, locals: readonly string[]): NameProfile {
  const key = normaliseWith(name, locals);
  const { stem, structure } = splitStructure(key);
  const core = coreOfStem(stem);
  const marks = (core.match(/\d+/gu) ?? []).join('/');
  return { name, key, stem: core, structure, marks, place: placeAtStartOf(key) ?? '', tokens: tokensOf(core) };
}

/** Takes a name apart for comparison (see `NameProfile`). */
export function profileName(name: string, localNames?: readonly string[]): NameProfile {
  return profileWith(name, prepareLocalNames(localNames));
}

/** Profiles of many names sharing one set of local names. */
export function profileNames(names: readonly string[], localNames?: readonly string[]): NameProfile[] {
  const locals = prepareLocalNames(localNames);
  return names.map((n) => profileWith(n, locals));
}

/** Score factor when one body belongs to another place than the other (高新区安全生产委员会 vs 市安全生产委员会). */
export const PLACE_CONFLICT_FACTOR = 0.5;
/** Score factor when the two bodies have different structures (领导小组 vs 指挥部): the same job, probably. */
export const STRUCTURE_MISMATCH_FACTOR = 0.9;
/** Score factor when both names carry ordinals or numbers and they differ (第六次 vs 第七次 人口普查). */
export const MARK_CONFLICT_FACTOR = 0.5;

/**
 * The measure: Dice coefficient of the stems' token sets, 2|A∩B| / (|A| + |B|), times the two
 * factors above. Both factors only lower the score, so the token Dice bounds it from above and
 * candidate filtering on the Dice alone loses nothing.
 */
function combine(overlap: number, sizeA: number, sizeB: number, a: NameProfile, b: NameProfile): number {
  if (sizeA + sizeB === 0) return 0;
  let score = (2 * overlap) / (sizeA + sizeB);
  if (a.structure !== b.structure) score *= STRUCTURE_MISMATCH_FACTOR;
  if (a.marks !== '' && b.marks !== '' && a.marks !== b.marks) score *= MARK_CONFLICT_FACTOR;
  if (a.place !== b.place) score *= PLACE_CONFLICT_FACTOR;
  return score;
}

/** Similarity of two profiles in [0, 1]; 1 for equal keys. */
export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.key === b.key) return a.key === '' ? 0 : 1;
  const inB = new Set(b.tokens);
  let overlap = 0;
  for (const t of a.tokens) if (inB.has(t)) overlap += 1;
  return combine(overlap, a.tokens.length, b.tokens.length, a, b);
}

/** Similarity of two body names in [0, 1] (see `profileSimilarity`). */
export function nameSimilarity(a: string, b: string, localNames?: readonly string[]): number {
  const locals = prepareLocalNames(localNames);
  return profileSimilarity(profileWith(a, locals), profileWith(b, locals));
}

/**
 * A place name at the start of a cleaned name: a county-level name of 2–3 characters and 市/县/区/旗
 * (潍坊市, 广饶县, 高新区), or a zone ending in 开发区/新区/自治县. Words that look like one but name a
 * goal or an area type (海洋强市, 森林城市, 依法治市, 示范区, 社区, 老城区) are not places.
 */
const PLACE_AT_START = /^(?:中共)?([\u4e00-\u9fff]{2,3}(?:市|县|区|旗)|[\u4e00-\u9fff]{2,8}?(?:开发区|新区|自治县))(?=[\u4e00-\u9fff]{2})/u;
const NOT_A_PLACE = /(?:强市|强县|强区|城市|治市|治县|治区|社区|园区|景区|城区|片区|范区|能区|护区|验区|行区|滩区|矿区|山区|库区|老区|湖区|林区|牧区|贸区|灾区|校区|街区|小区)$/u;

function placeAtStartOf(cleaned: string): string | null {
  const place = PLACE_AT_START.exec(cleaned)?.[1];
  if (!place || /^[市县区本全]/u.test(place) || LEVEL_LOOKALIKES.test(place) || NOT_A_PLACE.test(place)) return null;
  return place;
}

/**
 * The register's own place when no one said it: the place (潍坊市, 广饶县) that most names start
 * with, if at least two do. Generic 市/县/区 never count.
 */
export function inferLocalNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    const place = placeAtStartOf(name.normalize('NFKC').replace(NOT_WORD, ''));
    if (place) counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 1;
  for (const [place, count] of counts) {
    if (count > bestCount) {
      best = place;
      bestCount = count;
    }
  }
  return best === null ? [] : [best];
}

/* ------------------------------------------------------------------------------------------ */
/* Candidate search                                                                             */
/* ------------------------------------------------------------------------------------------ */

/**
 * An inverted index of profiles' tokens for threshold search. Token ids are ranked rarest
 * first, so the first few tokens of a name (its prefix) are the rare, selective ones: two names
 * with Dice ≥ t must share a token within the prefix (prefix filtering, as in AllPairs/PPJoin),
 * and only names of compatible length are checked (length filtering). Entries are ordered by
 * token count, so the length window is a contiguous slice of every posting list.
 */
export interface NameIndex {
  readonly profiles: readonly NameProfile[];
  /** Entry order (by token count) → profile id. */
  readonly order: Int32Array;
  /** Per entry, its token ids sorted ascending (rarest first). */
  readonly tokenIds: readonly Int32Array[];
  readonly tokenRank: ReadonlyMap<string, number>;
  /** Postings in CSR form: entries holding token k are postings[offsets[k] .. offsets[k+1]). */
  readonly offsets: Int32Array;
  readonly postings: Int32Array;
}

/** A pair of profile ids (a < b) and their similarity. */
export interface SimilarPair {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

export function buildNameIndex(profiles: readonly NameProfile[]): NameIndex {
  const df = new Map<string, number>();
  for (const p of profiles) for (const t of p.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const ranked = [...df.keys()].sort((x, y) => df.get(x)! - df.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const tokenRank = new Map<string, number>();
  ranked.forEach((t, i) => tokenRank.set(t, i));

  const order = Int32Array.from(profiles.keys()).sort((x, y) => profiles[x]!.tokens.length - profiles[y]!.tokens.length || x - y);
  const tokenIds = Array.from(order, (id) => Int32Array.from(profiles[id]!.tokens, (t) => tokenRank.get(t)!).sort());

  const offsets = new Int32Array(ranked.length + 1);
  for (const ids of tokenIds) for (const k of ids) offsets[k + 1]! += 1;
  for (let k = 0; k < ranked.length; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, ranked.length);
  const postings = new Int32Array(offsets[ranked.length]!);
  tokenIds.forEach((ids, entry) => {
    for (const k of ids) postings[fill[k]!++] = entry;
  });
  return { profiles, order, tokenIds, tokenRank, offsets, postings };
}

/** |A ∩ B| of two ascending id arrays. */
function overlapOf(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function pairScore(index: NameIndex, e: number, f: number): number {
  const a = index.profiles[index.order[e]!]!;
  const b = index.profiles[index.order[f]!]!;
  if (a.key === b.key) return a.key === '' ? 0 : 1;
  const ta = index.tokenIds[e]!;
  const tb = index.tokenIds[f]!;
  return combine(overlapOf(ta, tb), ta.length, tb.length, a, b);
}

function sortPairs(pairs: SimilarPair[]): SimilarPair[] {
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

function pushPair(out: SimilarPair[], index: NameIndex, e: number, f: number, score: number): void {
  const pa = index.order[e]!;
  const pb = index.order[f]!;
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
 * Every pair of indexed names with similarity ≥ threshold, found through the index: each entry
 * probes only its prefix tokens and only longer-or-equal entries after it. Identical in result
 * to `similarPairsNaive`. A threshold ≤ 0 admits pairs that share nothing, so it falls back to it.
 */
export function similarPairs(index: NameIndex, threshold: number): SimilarPair[] {
  if (threshold <= 0) return similarPairsNaive(index, threshold);
  const n = index.order.length;
  const seen = new Int32Array(n).fill(-1);
  const out: SimilarPair[] = [];
  const sizes = Int32Array.from(index.tokenIds, (ids) => ids.length);
  for (let e = 0; e < n; e++) {
    const ids = index.tokenIds[e]!;
    const size = ids.length;
    if (size === 0) continue;
    // Partners come later, so they are at least as long: Dice ≥ t needs overlap ≥ t·size.
    const minOverlap = Math.max(1, Math.ceil(threshold * size - EPS));
    const prefix = size - minOverlap + 1;
    const maxSize = Math.floor(((2 - threshold) * size) / threshold + EPS);
    for (let p = 0; p < prefix; p++) {
      const k = ids[p]!;
      const end = index.offsets[k + 1]!;
      for (let q = firstAfter(index.postings, index.offsets[k]!, end, e); q < end; q++) {
        const f = index.postings[q]!;
        if (sizes[f]! > maxSize) break;
        if (seen[f] === e) continue;
        seen[f] = e;
        const score = pairScore(index, e, f);
        if (score >= threshold) pushPair(out, index, e, f, score);
      }
    }
  }
  return sortPairs(out);
}

/** Every pair with similarity ≥ threshold by comparing all pairs: the reference for tests and the bench. */
export function similarPairsNaive(index: NameIndex, threshold: number): SimilarPair[] {
  const n = index.order.length;
  const out: SimilarPair[] = [];
  for (let e = 0; e < n; e++) {
    for (let f = e + 1; f < n; f++) {
      const score = pairScore(index, e, f);
      if (score >= threshold) pushPair(out, index, e, f, score);
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
  const n = index.order.length;
  if (threshold <= 0) {
    for (let e = 0; e < n; e++) out.push({ id: index.order[e]!, score: profileSimilarity(query, index.profiles[index.order[e]!]!) });
    return out.filter((m) => m.score >= threshold).sort((x, y) => y.score - x.score || x.id - y.id);
  }
  const known: number[] = [];
  for (const t of query.tokens) {
    const rank = index.tokenRank.get(t);
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
    for (let q = index.offsets[k]!; q < index.offsets[k + 1]!; q++) {
      const e = index.postings[q]!;
      const s = index.tokenIds[e]!.length;
      if (s < minSize) continue;
      if (s > maxSize) break;
      if (seen.has(e)) continue;
      seen.add(e);
      const profile = index.profiles[index.order[e]!]!;
      const score = profileSimilarity(query, profile);
      if (score >= threshold) out.push({ id: index.order[e]!, score });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.id - y.id);
}
