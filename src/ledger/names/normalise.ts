/**
 * The normalised key of a body name, the one that decides `duplicate-name`.
 *
 * A name is read as  [中共][place][委|政府|人民政府] + stem + [工作] + structure, e.g.
 * 中共潍坊市委 + 全面深化改革 + 委员会. The key drops the level prefix, so 潍坊市安全生产委员会 and
 * 市安全生产委员会 are one body (docs/flags.md).
 */
import { chineseNumber } from '../cells/chineseNumerals';

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

/** 第三十三届 → 第33届, so the two spellings of one ordinal give one key. */
function canonicalOrdinals(text: string): string {
  return text.replace(
    /第([〇零一二两三四五六七八九十百]+)(届|次|批|轮|期)/gu,
    (whole, numeral: string, unit: string) => {
      const n = chineseNumber(numeral);
      return n === null ? whole : `第${n}${unit}`;
    },
  );
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
const NOT_A_PLACE =
  /(?:强市|强县|强区|城市|治市|治县|治区|社区|园区|景区|城区|片区|范区|能区|护区|验区|行区|滩区|矿区|山区|库区|老区|湖区|林区|牧区|贸区|灾区|校区|街区|小区|户区|辖区|市区|郊区|港区)$/u;
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
export function prepareLocalNames(localNames: readonly string[] | undefined): readonly string[] {
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
export interface KeyAndPlace {
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

export function normaliseWith(name: string, locals: readonly string[]): KeyAndPlace {
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
  return {
    key: other.place + (owner && rest.length > owner[0].length ? rest.slice(owner[0].length) : rest),
    place: other.place,
  };
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
