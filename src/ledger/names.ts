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

/** A structural suffix and the kind of body it denotes; longest suffixes are tried first, ties in this order. */
const STRUCTURE_LIST: readonly (readonly [suffix: string, kind: string])[] = [
  ['领导小组办公室', 'office'], ['委员会办公室', 'office'], ['指挥部办公室', 'office'], ['联席会议办公室', 'office'],
  ['领导小组', 'leading-group'],
  // 委员会 before 组委会: a mistyped 委会 is far more often a committee than an organising one.
  ['委员会', 'committee'],
  ['组织委员会', 'organising-committee'], ['组委会', 'organising-committee'], ['执行委员会', 'organising-committee'], ['执委会', 'organising-committee'],
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
/** First characters of a generic level prefix (市, 县, 区, 本市 …): a cheap test before the regex. */
const LEVEL_START = new Set(['市', '县', '区', '本']);

/** A trailing bracketed note: an abbreviation or remark such as （市安委会）, (暂行). */
const TRAILING_NOTE = /[([【〔][^()[\]【】〔〕]*[)\]】〕]$/u;
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
  let t = text.startsWith('中共') ? text.slice(2) : text;
  let place = localNames.find((n) => t.startsWith(n));
  if (place === undefined && LEVEL_START.has(t[0]!) && !LEVEL_LOOKALIKES.test(t)) place = GENERIC_PLACE.exec(t)?.[0];
  if (place === undefined) return text;
  t = t.slice(place.length);
  const owner = OWNER.exec(t);
  if (owner) t = t.slice(owner[0].length);
  // Never strip a name down to nothing: 市政府 alone stays itself.
  return t === '' ? text : t;
}

/**
 * A place name at the start of a cleaned name: a county-level name of 2–3 characters and 市/县/区/旗
 * (潍坊市, 广饶县, 高新区), or a zone ending in 开发区/新区/自治县. Words that look like one but name a
 * goal or an area type (海洋强市, 森林城市, 依法治市, 示范区, 社区, 老城区) are not places.
 */
const ZONE_AT_START = /^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:开发区|新区|自治县))(?=[\u4e00-\u9fff0-9a-z]{2})/u;
const NOT_A_PLACE = /(?:强市|强县|强区|城市|治市|治县|治区|社区|园区|景区|城区|片区|范区|能区|护区|验区|行区|滩区|矿区|山区|库区|老区|湖区|林区|牧区|贸区|灾区|校区|街区|小区|户区|辖区|市区|郊区|港区)$/u;
const LEVEL_CHARS = '市县区旗';
/** What may not follow a level character for it to close a place: 文化市场, 县域经济, 区域协调. */
const NOT_AFTER: Readonly<Record<string, string>> = { 市: '场', 县: '域城', 区: '域划块', 旗: '' };

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const isWordChar = (c: number): boolean => isHan(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/**
 * 2–3 ideographs (none of them 市/县/区/旗) and a level character, followed by at least two more
 * word characters: the county-level form of PLACE_AT_START, checked by hand because it runs for
 * every name. Returns the place's length or 0.
 */
function countyAt(t: string, from: number): number {
  for (let len = 3; len >= 2; len--) {
    const end = from + len;
    const level = t[end];
    if (level === undefined || !LEVEL_CHARS.includes(level)) continue;
    let ok = true;
    for (let i = from; i < end && ok; i++) ok = isHan(t.charCodeAt(i)) && !LEVEL_CHARS.includes(t[i]!);
    if (!ok) continue;
    const next = t[end + 1];
    if (next !== undefined && NOT_AFTER[level]!.includes(next)) continue;
    if (end + 2 < t.length && isWordChar(t.charCodeAt(end + 1)) && isWordChar(t.charCodeAt(end + 2))) return len + 1;
  }
  return 0;
}

/** The place a cleaned name starts with and how many characters it takes (with 中共), or null. */
function placeAtStartOf(cleaned: string): { place: string; length: number } | null {
  const from = cleaned.startsWith('中共') ? 2 : 0;
  let place: string;
  let length: number;
  const county = countyAt(cleaned, from);
  if (county > 0) {
    place = cleaned.slice(from, from + county);
    length = from + county;
  } else {
    const head = cleaned.slice(0, 14);
    if (!head.includes('区') && !head.includes('自治县')) return null;
    const m = ZONE_AT_START.exec(cleaned);
    if (!m) return null;
    place = m[1]!;
    length = m[0].length;
  }
  if ('市县区本全'.includes(place[0]!) || LEVEL_LOOKALIKES.test(place) || NOT_A_PLACE.test(place)) return null;
  return { place, length };
}

/** Local names cleaned the same way as names, longest first (潍坊市 before 潍坊). */
function prepareLocalNames(localNames: readonly string[] | undefined): readonly string[] {
  if (!localNames || localNames.length === 0) return [];
  const cleaned = localNames.map((n) => n.normalize('NFKC').replace(NOT_WORD, '')).filter((n) => n.length >= 2);
  return [...new Set(cleaned)].sort((a, b) => b.length - a.length);
}

/** True when every character is a CJK ideograph or an ASCII letter or digit (most names): nothing to drop. */
function isPlainWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/** A name's key and the place (another than the register's own) that it starts with. */
interface KeyAndPlace {
  readonly key: string;
  readonly place: string;
}

/** Folding and clean-up before the prefix is read; most names are plain ideographs and skip it all. */
function cleaned(name: string): string {
  if (isPlainWord(name)) return name;
  let t = name.normalize('NFKC').trim();
  for (let i = 0; i < 3 && TRAILING_NOTE.test(t); i++) {
    const stripped = t.replace(TRAILING_NOTE, '').trim();
    if (stripped === '') break;
    t = stripped;
  }
  t = t.toLowerCase();
  return isPlainWord(t) ? t : t.replace(NOT_WORD, '');
}

function normaliseWith(name: string, locals: readonly string[]): KeyAndPlace {
  let t = cleaned(name);
  if (t.includes('第')) t = canonicalOrdinals(t);
  // 市委、市政府… and 县委县政府… carry two prefixes; strip until none is left.
  for (let i = 0; i < 4; i++) {
    const next = stripLevelOnce(t, locals);
    if (next === t) break;
    t = next;
  }
  // Another place's body (寿光市人民政府安全生产委员会 in a city register) keeps its place, not the owner.
  const other = placeAtStartOf(t);
  if (!other) return { key: t, place: '' };
  const rest = t.slice(other.length);
  const owner = OWNER.exec(rest);
  return { key: other.place + (owner && rest.length > owner[0].length ? rest.slice(owner[0].length) : rest), place: other.place };
}

/**
 * The key two rows share when they name the same body: full-width folded, spaces, punctuation
 * and quotes dropped, a trailing bracketed note (an abbreviation such as （市安委会）) dropped,
 * ordinals written in digits, and the level prefix stripped — 中共, the register's own place
 * (`localNames`, e.g. 潍坊市 or 广饶县) or a generic 市/县/区/本市, then 委/政府/人民政府.
 * 中共潍坊市委全面深化改革委员会 → 全面深化改革委员会.
 */
export function normaliseName(name: string, localNames?: readonly string[]): string {
  return normaliseWith(name, prepareLocalNames(localNames)).key;
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
   * 寿光市. Such a body belongs to that place, not to the register's level; the stem leaves it out.
   */
  readonly place: string;
  /** Distinct characters and character bigrams of the stem, as sorted numbers (see `tokensOf`; equal within one run). */
  readonly tokens: readonly number[];
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

/** Last characters of the structures: a key ending in none of them has no exact structure. */
const STRUCTURE_ENDINGS = new Set(STRUCTURES.map(([suffix]) => suffix[suffix.length - 1]!));

function splitStructure(key: string): { stem: string; structure: string } {
  if (STRUCTURE_ENDINGS.has(key[key.length - 1]!)) {
    for (let i = 0; i < STRUCTURES.length; i++) {
      const [suffix, kind] = STRUCTURES[i]!;
      if (key.length > suffix.length && key.endsWith(suffix)) return { stem: key.slice(0, -suffix.length), structure: kind };
    }
  }
  // A mistyped structure still names the kind of body and must not pollute the stem. Of several
  // readings (委会: 委员会 less 员, or 组委会 less 组) the one that takes fewest characters wins.
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
const CONNECTIVES = /[和与及]/u;

/**
 * Words that close a stem with the mode of the work, not its subject: 营商环境建设 and 营商环境,
 * 知识产权战略实施 and 知识产权 are the same job. Stripped from the stem only, keeping two characters.
 */
const TRAILING_GENERICS = ['战略实施', '行动计划', '重大工程', '工作', '建设', '发展', '创建', '战略'];

function coreOfStem(stem: string): string {
  const joined = CONNECTIVES.test(stem) ? stem.replace(/[和与及]/gu, '') : stem;
  let core = joined.length >= 2 ? joined : stem;
  for (let i = 0; i < 3; i++) {
    let word = '';
    for (const w of TRAILING_GENERICS) {
      if (core.endsWith(w)) {
        word = w;
        break;
      }
    }
    if (word === '' || core.length - word.length < 2) break;
    core = core.slice(0, -word.length);
  }
  for (let i = 0; i < 3; i++) {
    const m = LEADING_MODIFIERS.exec(core);
    if (!m || core.length - m[0].length < 2) break;
    core = core.slice(m[0].length);
  }
  return core;
}

/**
 * Dense ids for the characters seen in names, so a bigram's number stays a small integer: names
 * use a few thousand distinct characters. A cache, not state that changes any result: a token's
 * number only has to be the same for the same token within one run.
 */
const charIds = new Int32Array(65536).fill(-1);
let nextCharId = 0;
const DENSE_CHARS = 16384;

function charId(code: number): number {
  let id = charIds[code]!;
  if (id < 0) charIds[code] = id = nextCharId++;
  return id;
}

/** A bigram's number: above every character code, and below 2^30 (a small integer) while ids are dense. */
function bigramToken(a: number, b: number): number {
  const x = charId(a);
  const y = charId(b);
  return x < DENSE_CHARS && y < DENSE_CHARS ? 65536 + x * DENSE_CHARS + y : 1073741824 + a * 65536 + b;
}

let tokenBuffer = new Float64Array(64);

/**
 * The stem's distinct characters and character bigrams, as CJK search analysers index Chinese:
 * bigrams carry the words and their order, single characters keep a typo (防汛抗早) or an
 * abbreviation (节水 for 节约用水) from wiping out the overlap. Each token is a number — a
 * character's UTF-16 code, or a larger number for a bigram — and the list is sorted ascending.
 */
function tokensOf(text: string): number[] {
  const n = text.length;
  const size = n > 1 ? 2 * n - 1 : n;
  if (tokenBuffer.length < size) tokenBuffer = new Float64Array(2 * size);
  const all = tokenBuffer.subarray(0, size);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    all[i] = c;
    if (i > 0) all[n + i - 1] = bigramToken(text.charCodeAt(i - 1), c);
  }
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
  return out;
}

/** |A ∩ B| of two ascending arrays of distinct numbers. */
function overlapOf(a: ArrayLike<number>, b: ArrayLike<number>): number {
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

function profileWith(name: string, locals: readonly string[]): NameProfile {
  const { key, place } = normaliseWith(name, locals);
  const { stem, structure } = splitStructure(key.slice(place.length));
  const core = coreOfStem(stem);
  const marks = /[0-9]/.test(core) ? (core.match(/[0-9]+/g) ?? []).join('/') : '';
  return { name, key, stem: core, structure, marks, place, tokens: tokensOf(core) };
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
 * The measure: Dice coefficient of the stems' token sets, 2|A∩B| / (|A| + |B|), times the three
 * factors above. The factors only lower the score, so the token Dice bounds it from above and
 * candidate filtering on the Dice alone loses nothing.
 */
function scoreOf(overlap: number, sizeA: number, sizeB: number, sameStructure: boolean, marksConflict: boolean, samePlace: boolean): number {
  if (sizeA + sizeB === 0) return 0;
  let score = (2 * overlap) / (sizeA + sizeB);
  if (!sameStructure) score *= STRUCTURE_MISMATCH_FACTOR;
  if (marksConflict) score *= MARK_CONFLICT_FACTOR;
  if (!samePlace) score *= PLACE_CONFLICT_FACTOR;
  return score;
}

const marksConflict = (a: string, b: string): boolean => a !== '' && b !== '' && a !== b;

/** Similarity of two profiles in [0, 1]; 1 for equal keys. */
export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.key === b.key) return a.key === '' ? 0 : 1;
  return scoreOf(overlapOf(a.tokens, b.tokens), a.tokens.length, b.tokens.length, a.structure === b.structure, marksConflict(a.marks, b.marks), a.place === b.place);
}

/** Similarity of two body names in [0, 1] (see `profileSimilarity`). */
export function nameSimilarity(a: string, b: string, localNames?: readonly string[]): number {
  const locals = prepareLocalNames(localNames);
  return profileSimilarity(profileWith(a, locals), profileWith(b, locals));
}

/**
 * The register's own place when no one said it: the place (潍坊市, 广饶县) that most names start
 * with, if at least two do. Generic 市/县/区 never count.
 */
export function inferLocalNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    const place = placeAtStartOf(cleaned(name))?.place;
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
    profiles, blocks, tokenIds, tokenStart, tokens, placeId,
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
    open = buildBlock(index, [...index.profiles.keys()], new Int32Array(index.tokenIds.size), new Int32Array(index.tokenIds.size));
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
  return scoreOf(overlap, rankStart[e + 1]! - rankStart[e]!, rankStart[f + 1]! - rankStart[f]!, index.structureId[p] === index.structureId[q], conflict, index.placeId[p] === index.placeId[q]);
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
function joinBlock(index: NameIndex, block: Block, threshold: number, out: SimilarPair[], cap: number, capped: Set<number>, unmarked?: { offsets: Int32Array; postings: Int32Array }): void {
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
function joinPlace(index: NameIndex, block: Block, threshold: number, out: SimilarPair[], cap: number, capped: Set<number>): void {
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
    for (let q = block.offsets[k]!; q < block.offsets[k + 1]!; q++) if (index.marked[entries[block.postings[q]!]!] === 0) n++;
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
export function searchSimilarPairs(index: NameIndex, threshold: number, maxCandidates: number = MAX_CANDIDATES_PER_NAME): PairSearch {
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
