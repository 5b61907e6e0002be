/**
 * The similarity of two body names behind `similar-name` (and compare / reconcile): stems only
 * (characters and bigrams, Dice), so a shared structure such as 工作领导小组 cannot make two
 * bodies look alike, and a different structure (领导小组 vs 指挥部 for the same job) lowers the
 * score only slightly (docs/flags.md).
 */
import { normaliseWith, prepareLocalNames } from './normalise';

/** A structural suffix and the kind of body it denotes; longest suffixes are tried first, ties in this order. */
const STRUCTURE_LIST: readonly (readonly [suffix: string, kind: string])[] = [
  ['领导小组办公室', 'office'],
  ['委员会办公室', 'office'],
  ['指挥部办公室', 'office'],
  ['联席会议办公室', 'office'],
  ['领导小组', 'leading-group'],
  // 委员会 before 组委会: a mistyped 委会 is far more often a committee than an organising one.
  ['委员会', 'committee'],
  ['组织委员会', 'organising-committee'],
  ['组委会', 'organising-committee'],
  ['执行委员会', 'organising-committee'],
  ['执委会', 'organising-committee'],
  ['指挥部', 'command'],
  ['联席会议制度', 'joint-meeting'],
  ['联席会议', 'joint-meeting'],
  ['专班', 'task-force'],
  ['协调小组', 'group'],
  ['推进小组', 'group'],
  ['工作小组', 'group'],
  ['工作组', 'group'],
  ['推进组', 'group'],
  ['小组', 'group'],
  ['协调机制', 'mechanism'],
  ['工作机制', 'mechanism'],
  ['办公室', 'office'],
];
const STRUCTURES = [...STRUCTURE_LIST].sort((a, b) => b[0].length - a[0].length);

/**
 * Verbs that open a stem without naming the job: 推进新型城镇化 and 新型城镇化 are the same work.
 * Stripped from the stem only (never from the key), and only while at least two characters remain.
 */
const LEADING_MODIFIERS =
  /^(?:全面推行|全面推进|深入推进|深入开展|加快推进|扎实推进|推进|推行|实施|加快|加强|全面|深化|开展|打好|打赢|优化|创建)/u;

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
      if (key.length > suffix.length && key.endsWith(suffix))
        return { stem: key.slice(0, -suffix.length), structure: kind };
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
const STRUCTURE_MISMATCH_FACTOR = 0.9;
/** Score factor when both names carry ordinals or numbers and they differ (第六次 vs 第七次 人口普查). */
export const MARK_CONFLICT_FACTOR = 0.5;

/**
 * The measure: Dice coefficient of the stems' token sets, 2|A∩B| / (|A| + |B|), times the three
 * factors above. The factors only lower the score, so the token Dice bounds it from above and
 * candidate filtering on the Dice alone loses nothing.
 */
export function scoreOf(
  overlap: number,
  sizeA: number,
  sizeB: number,
  sameStructure: boolean,
  marksConflict: boolean,
  samePlace: boolean,
): number {
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
  return scoreOf(
    overlapOf(a.tokens, b.tokens),
    a.tokens.length,
    b.tokens.length,
    a.structure === b.structure,
    marksConflict(a.marks, b.marks),
    a.place === b.place,
  );
}

/** Similarity of two body names in [0, 1] (see `profileSimilarity`). */
export function nameSimilarity(a: string, b: string, localNames?: readonly string[]): number {
  const locals = prepareLocalNames(localNames);
  return profileSimilarity(profileWith(a, locals), profileWith(b, locals));
}
