/**
 * Sheet names Excel accepts and that never collide with an existing sheet: 汇总 → 汇总 (2).
 * Pure functions.
 */

export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * A name Excel accepts: none of : \ / ? * [ ], no apostrophe at either end, 31 characters at most,
 * not blank, and not "History" (reserved by Excel).
 */
export function sanitizeSheetName(wanted: string): string {
  let name = wanted
    .replace(/[:\\/?*[\]]/g, '_')
    .replace(/[\u0000-\u001f]/g, ' ')
    .trim();
  name = name.replace(/^'+|'+$/g, '').trim();
  name = [...name].slice(0, MAX_SHEET_NAME_LENGTH).join('').trim();
  if (name === '') name = 'Sheet';
  if (name.toLowerCase() === 'history') name = 'History_';
  return name;
}

/**
 * A name for a new sheet that no sheet in `taken` has (Excel compares names case-insensitively).
 * The suffix “ (n)” replaces the end of a long name so that the whole stays within 31 characters.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const stem = [...base]
      .slice(0, MAX_SHEET_NAME_LENGTH - suffix.length)
      .join('')
      .trimEnd();
    const candidate = `${stem}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
