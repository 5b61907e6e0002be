import type { CellValue } from '../grid';

/** A cell reduced to one of the shapes the parsers understand. */
export type Scalar =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly date: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string };

const EMPTY: Scalar = { kind: 'empty' };
const EXCEL_ERROR =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * Reduces whatever a host put in a cell to a scalar. Formula cells count as their cached result
 * (the workbook's own last computed value); rich text and hyperlinks count as their visible text.
 * Never throws, whatever the input.
 */
export function toScalar(value: CellValue | unknown, depth = 0): Scalar {
  if (value === null || value === undefined) return EMPTY;
  switch (typeof value) {
    case 'string': {
      if (value.trim() === '') return EMPTY;
      if (EXCEL_ERROR.test(value.trim())) return { kind: 'error', text: value.trim() };
      return { kind: 'text', text: value };
    }
    case 'number':
      return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: String(value) };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'object':
      break;
    default:
      return EMPTY;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: 'error', text: 'Invalid Date' } : { kind: 'date', date: value };
  }
  if (depth > 3 || Array.isArray(value)) return EMPTY;
  const obj = value as Record<string, unknown>;
  if (typeof obj.error === 'string') return { kind: 'error', text: obj.error };
  if (Array.isArray(obj.richText)) {
    const text = obj.richText
      .map((run) =>
        run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string'
          ? (run as { text: string }).text
          : '',
      )
      .join('');
    return toScalar(text, depth + 1);
  }
  if ('formula' in obj || 'sharedFormula' in obj) return toScalar(obj.result, depth + 1);
  if ('text' in obj) return toScalar(obj.text, depth + 1);
  if ('result' in obj) return toScalar(obj.result, depth + 1);
  return EMPTY;
}

/** The text a user sees for a scalar, trimmed; dates as ISO dates. */
export function scalarText(scalar: Scalar): string {
  switch (scalar.kind) {
    case 'empty':
      return '';
    case 'text':
      return scalar.text.trim();
    case 'number':
      return String(scalar.value);
    case 'boolean':
      return scalar.value ? 'TRUE' : 'FALSE';
    case 'error':
      return scalar.text;
    case 'date':
      return scalar.date.toISOString().slice(0, 10);
  }
}

/** True for the text of an Excel error value (#N/A, #REF! …), as `cellText` renders one. */
export function isErrorText(text: string): boolean {
  return text.charCodeAt(0) === 35 && EXCEL_ERROR.test(text);
}

/** Shorthand: the visible text of a raw cell value. */
export function cellText(value: CellValue | unknown): string {
  return scalarText(toScalar(value));
}

/**
 * Folds full-width ASCII (ＡＢＣ１２３（）) to half-width and the ideographic space to a space.
 * Chinese punctuation that has no ASCII twin, such as 〔〕 and 《》, is left alone.
 */
export function toHalfWidth(text: string): string {
  return FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_ALL, foldChar) : text;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_ALL = /[\uff01-\uff5e\u3000]/g;
const foldChar = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const WHITESPACE_ONLY = /^[\s\u3000]*$/;
const HAS_SPACE = /[\s\u3000]/;

/** Values that people type to mean "nothing here" in a required cell. */
const PLACEHOLDERS = new Set([
  '无',
  '暂无',
  '/',
  '-',
  '--',
  '—',
  '——',
  'null',
  'n/a',
  'na',
  '空',
  '待定',
  '待补充',
  '？',
  '?',
]);

/**
 * Answers that mean “none” and are real values where a field asks whether something exists: in
 * 上级机构设置情况, 无 says the level above has no such body (docs/domain.md).
 */
const NONE_ANSWERS = new Set([
  '无',
  '暂无',
  '上级未设置',
  '省级未设置',
  '市级未设置',
  '上级无',
  '未设置',
  '无对应机构',
  '上级未设立',
  '省级未设立',
  '市级未设立',
]);

/** True for a 上级机构设置情况 answer that says the level above has none. */
export function isNoneAnswer(text: string): boolean {
  return text.length <= 12 && NONE_ANSWERS.has(toHalfWidth(text).replace(/\s+/g, ''));
}

/** True when a required cell holds no real value: empty, only spaces, or a placeholder like 无. */
export function isBlankOrPlaceholder(text: string): boolean {
  if (text.length > 16) return WHITESPACE_ONLY.test(text); // every placeholder is short
  if (text.length > 4 && !HAS_SPACE.test(text)) return false; // so is every one without spaces
  const t = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  return t === '' || PLACEHOLDERS.has(t);
}
