import { toHalfWidth } from './value';

/** 联系电话: landline (区号-7/8 digits, or 7/8 digits) or an 11-digit mobile; a cell may list several. */
export interface PhoneResult {
  readonly ok: boolean;
  /** Each number found, normalised (digits and one hyphen after the area code). */
  readonly numbers: readonly string[];
}

/** Mobile: 1[3-9] and nine digits, after dropping +86 / 0086 / 86 and the spaces or hyphens inside. */
const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;
/**
 * Landline: an optional area code — (0546), 0546, or +86 546 — then a 7/8-digit local number
 * starting 2–9 (838 2378 and 8382 2378 may be split), then an optional extension after a hyphen.
 * Area codes 010 and 02x have three digits, all others four: that tells 01012345678 apart.
 */
const LANDLINE =
  /^(?:(?:\+86|0086)[ -]?\(?([12]\d|[3-9]\d{2})\)?|\(?(0(?:[12]\d|[3-9]\d{2}))\)?)?[ -]?([2-9]\d{2,3})[ -]?(\d{4})(?:-(\d{1,6}))?$/;
/** An extension written out: 转123, 分机123, ext.123, x123. */
const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$/i;
const DASHES = /[—–‐‑－]/g;
const SPACES_AND_HYPHENS = /[ -]/g;
/** Words around the numbers: 办公电话：, 手机:, (办), （手机）. */
const LABELS = /(?:办公室?电话|联系电话|办公|电话|手机|座机|固话|传真|tel\.?|phone|mobile)\s*[:：]?/gi;
const NOTE_WITHOUT_DIGITS = /\([^()\d]*\)/g;
/** Between numbers: 、 , ; / line breaks, 或. Spaces are handled token by token. */
const SEPARATORS = /[、,;/\n\r]|或/;
const WHITESPACE = /\s+/;
const HAS_WHITESPACE = /\s/;
/** A number is at most four space-separated groups: +86 138 0546 1234. */
const MAX_GROUPS = 4;
/** Longer input is no phone cell; skip the token loop rather than grind through it. */
const MAX_LENGTH = 1_000;

const PLAIN = /^[\d\s()+,;、/-]*$/;
/** Characters an extension word starts with (转, 分机, ext, x): the extension regex runs only then. */
const EXTENSION_MARK = /[转分xX]/;

const EMPTY: PhoneResult = { ok: false, numbers: [] };

/** One number, possibly written in several space-separated groups; null when it is none. */
function parseOne(candidate: string): string | null {
  const ext = EXTENSION_MARK.test(candidate) ? EXTENSION.exec(candidate) : null;
  const main = ext ? ext[1]! : candidate;
  const mobile = MOBILE.exec(main.replace(SPACES_AND_HYPHENS, ''));
  if (mobile) return ext ? null : mobile[1]!;
  const land = LANDLINE.exec(main);
  if (!land) return null;
  const [, intlArea, area, head, tail, hyphenExt] = land;
  if (ext && hyphenExt) return null;
  const areaCode = intlArea ? `0${intlArea}` : area;
  const local = `${head}${tail}`;
  const extension = ext?.[2] ?? hyphenExt;
  return `${areaCode ? `${areaCode}-` : ''}${local}${extension ? `转${extension}` : ''}`;
}

/**
 * A phone number typed into a number cell has lost its leading 0 (0546-8382366 → 5468382366). With
 * ten or eleven digits after the 0 goes back on, a landline with a 3- or 4-digit area code is the
 * only reading (no mobile starts with 0); the restored text, or null when that is not so.
 */
export function phoneFromNumberCell(value: number): string | null {
  if (!Number.isSafeInteger(value) || value <= 0) return null;
  const digits = String(value);
  if (digits.length === 11 && MOBILE.test(digits)) return digits;
  if (digits.length === 7 || digits.length === 8) return digits;
  if (digits.length !== 10 && digits.length !== 11) return null;
  const restored = parseOne(`0${digits}`);
  return restored !== null && restored.includes('-') ? restored : null;
}

/** Parses a 联系电话 cell; ok only when it holds at least one number and nothing but numbers. */
export function parsePhone(text: string): PhoneResult {
  if (typeof text !== 'string') return EMPTY;
  let half = toHalfWidth(text);
  // Most cells are plain digits and separators: skip the clean-up they do not need.
  if (!PLAIN.test(half)) half = half.replace(DASHES, '-').replace(NOTE_WITHOUT_DIGITS, ' ').replace(LABELS, ' ');
  half = half.trim();
  if (half === '') return EMPTY;
  if (half.length > MAX_LENGTH) return EMPTY;
  const numbers: string[] = [];
  let ok = true;
  for (const segment of half.split(SEPARATORS)) {
    if (!HAS_WHITESPACE.test(segment)) {
      // One group: the common case, no need for the token loop.
      if (segment === '') continue;
      const number = parseOne(segment);
      if (number === null) ok = false;
      else numbers.push(number);
      continue;
    }
    const tokens = segment.split(WHITESPACE).filter((t) => t !== '');
    let i = 0;
    while (i < tokens.length) {
      // The longest run of groups that reads as one number: 0546 8382378 is one, 8382378 8382366 two.
      let taken = 0;
      for (let n = Math.min(MAX_GROUPS, tokens.length - i); n >= 1 && taken === 0; n--) {
        const number = parseOne(tokens.slice(i, i + n).join(' '));
        if (number !== null) {
          numbers.push(number);
          taken = n;
        }
      }
      if (taken === 0) {
        ok = false;
        taken = 1;
      }
      i += taken;
    }
  }
  return { ok: ok && numbers.length > 0, numbers };
}
