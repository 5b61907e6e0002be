/**
 * A byte-level scanner for the SpreadsheetML parts: tags are found with `indexOf('<')` on the
 * inflated bytes and only the text that becomes a value is decoded, so a 100,000-row sheet is
 * read without building a string or an object per tag. Namespace prefixes (`<x:c>`) are ignored;
 * a DOCTYPE (entity declarations: billion laughs, XXE) is refused, entities are never expanded
 * beyond the five predefined ones and character references.
 */

export class XmlRefused extends Error {}

const utf8 = new TextDecoder('utf-8');

/** The tag last read by `readTag`; module state so that reading a tag allocates nothing. */
export const tag = {
  start: 0,
  /** Index just past the '>'. */
  end: 0,
  /** The local name (after any prefix). */
  nameStart: 0,
  nameEnd: 0,
  /** Attributes run from here to the closing '>' (or '/>'). */
  attrStart: 0,
  closing: false,
  selfClosing: false,
  /** A comment, processing instruction or CDATA section rather than an element. */
  other: false,
  cdataStart: -1,
  cdataEnd: -1,
};

function indexOfSequence(b: Uint8Array, seq: readonly number[], from: number): number {
  const first = seq[0]!;
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    let j = 1;
    while (j < seq.length && b[i + j] === seq[j]) j++;
    if (j === seq.length) return i;
  }
  return -1;
}

const COMMENT_END = [45, 45, 62]; // -->
const PI_END = [63, 62]; // ?>
const CDATA_END = [93, 93, 62]; // ]]>

/** Reads the markup starting at `b[lt] === '<'` into `tag`. */
export function readTag(b: Uint8Array, lt: number): void {
  const n = b.length;
  let q = lt + 1;
  const first = b[q];
  tag.start = lt;
  tag.other = false;
  tag.cdataStart = -1;
  if (first === 33 /* ! */) {
    tag.other = true;
    if (b[q + 1] === 45) {
      const end = indexOfSequence(b, COMMENT_END, q + 3);
      tag.end = end < 0 ? n : end + 3;
    } else if (b[q + 1] === 91 /* [ */) {
      const end = indexOfSequence(b, CDATA_END, q + 8);
      tag.cdataStart = lt + 9;
      tag.cdataEnd = end < 0 ? n : end;
      tag.end = end < 0 ? n : end + 3;
    } else {
      throw new XmlRefused('DOCTYPE');
    }
    return;
  }
  if (first === 63 /* ? */) {
    tag.other = true;
    const end = indexOfSequence(b, PI_END, q);
    tag.end = end < 0 ? n : end + 2;
    return;
  }
  tag.closing = first === 47;
  if (tag.closing) q++;
  let local = q;
  for (; q < n; q++) {
    const ch = b[q]!;
    if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
    if (ch === 58) local = q + 1;
  }
  tag.nameStart = local;
  tag.nameEnd = q;
  tag.attrStart = q;
  for (; q < n; q++) {
    const ch = b[q]!;
    if (ch === 62) break;
    if (ch === 34 || ch === 39) {
      q = b.indexOf(ch, q + 1);
      if (q < 0) {
        q = n;
        break;
      }
    }
  }
  tag.selfClosing = b[q - 1] === 47;
  tag.end = q + 1;
}

/** True when the last tag's local name is `name` (ASCII). */
export function tagIs(b: Uint8Array, name: string): boolean {
  const length = tag.nameEnd - tag.nameStart;
  if (length !== name.length) return false;
  for (let i = 0; i < length; i++) if (b[tag.nameStart + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Where the last tag's attribute value runs, by local name; false when it has none. */
export const attr = { start: 0, end: 0 };
export function findAttr(b: Uint8Array, name: string, from = tag.attrStart, to = tag.end - 1): boolean {
  let q = from;
  while (q < to) {
    const ch = b[q]!;
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) {
      q++;
      continue;
    }
    const nameStart = q;
    let local = q;
    while (q < to && b[q] !== 61 /* = */ && b[q] !== 32) {
      if (b[q] === 58) local = q + 1;
      q++;
    }
    const nameEnd = q;
    while (q < to && b[q] !== 34 && b[q] !== 39) q++;
    const quote = b[q];
    const valueStart = q + 1;
    const valueEnd = b.indexOf(quote!, valueStart);
    if (valueEnd < 0 || valueEnd > to) return false;
    q = valueEnd + 1;
    if (nameEnd - local !== name.length) continue;
    let same = true;
    for (let i = 0; i < name.length; i++) {
      if (b[local + i] !== name.charCodeAt(i)) {
        same = false;
        break;
      }
    }
    // `r:id` and `id` both match 'id'; plain attributes are looked up unprefixed.
    if (same && (local === nameStart || name === 'id')) {
      attr.start = valueStart;
      attr.end = valueEnd;
      return true;
    }
  }
  return false;
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}

/** Text as XML gives it: entities and character references resolved, line ends normalised. */
export function unescapeXml(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
      hex ? codePoint(Number.parseInt(hex, 16)) : dec ? codePoint(Number.parseInt(dec, 10)) : NAMED[named!]!,
    );
  }
  return text;
}

/** Decodes bytes `[s, e)` as XML text, with OOXML's `_x000D_` escapes resolved. */
export function textAt(b: Uint8Array, s: number, e: number): string {
  let raw: string;
  if (e - s <= 24) {
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (b[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    raw = ascii
      ? String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[])
      : utf8.decode(b.subarray(s, e));
  } else {
    raw = utf8.decode(b.subarray(s, e));
  }
  let text = unescapeXml(raw);
  if (text.includes('_x'))
    text = text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return text;
}

/** The attribute found by `findAttr`, decoded. */
export function attrText(b: Uint8Array): string {
  return unescapeXml(utf8.decode(b.subarray(attr.start, attr.end)));
}

/** Non-negative decimal integer at `[s, e)`, or -1. */
export function intAt(b: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The number written at `[s, e)` (as `Number()` would read it); NaN when it is not one. */
export function numberAt(b: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  let end = e;
  while (end > i && (b[end - 1] === 32 || b[end - 1] === 9 || b[end - 1] === 10 || b[end - 1] === 13)) end--;
  if (i === end) return Number.NaN;
  const negative = b[i] === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let fraction = -1;
  for (let k = i; k < end; k++) {
    const ch = b[k]!;
    if (ch === 46 && fraction < 0) {
      fraction = 0;
      continue;
    }
    const d = ch - 48;
    if (d < 0 || d > 9 || digits >= 15)
      return e - s > 64 ? Number.NaN : Number(String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]));
    n = n * 10 + d;
    digits++;
    if (fraction >= 0) fraction++;
  }
  if (digits === 0) return Number.NaN;
  const value = fraction > 0 ? n / POW10[fraction]! : n;
  return negative ? -value : value;
}
