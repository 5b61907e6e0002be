/**
 * Which county (县区) a register belongs to. The rules are tried in a fixed order and nothing is
 * guessed: the 县区/填报单位 column, then the title lines above the header, then the file name.
 */
import { toHalfWidth } from '../cells/value';
import type { CountyBasis } from './types';

/** County-level units: 东营区, 广饶县, 寿光市 (a county-level city), 鄂托克旗, 峨边彝族自治县. */
const PLACE_AT_START = /^([\u4e00-\u9fa5]{1,8}?自治[县旗]|[\u4e00-\u9fa5]{1,4}?[县区市旗省])/u;
/** Words that end like a place but name none, or name a whole level (全市, 本区, 各县). */
const NOT_A_PLACE = /^(?:[全本各我该]|市级$|县级$|区级$|市区$|城区$|辖区$|社区$|园区$|景区$)/u;

function compact(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/** Drops what precedes a place name in titles, unit lines and file names. */
function stripLead(text: string): string {
  return text
    .replace(/^.*?(?:填报|报送|编制)?单位[:：]/u, '')
    .replace(/^[-_.()（）【】[\]《》“”"'、，,]*\d{4}\s*年度?/u, '')
    .replace(/^[\d\-_.()（）【】[\]《》“”"'、，,]+/u, '')
    .replace(/^中共/u, '');
}

/**
 * The county a text starts with. Consecutive places are read through to the last one, so
 * 山东省东营市河口区… gives 河口区 and 东营市市级… gives 东营市. Null when the text starts with none.
 */
export function placeAtStartOf(text: string): string | null {
  let rest = stripLead(compact(text));
  let place: string | null = null;
  for (;;) {
    const m = PLACE_AT_START.exec(rest);
    if (!m) break;
    const found = m[1]!;
    if (found.length < 2 || NOT_A_PLACE.test(found)) break;
    if (!found.endsWith('省')) place = found;
    rest = rest.slice(found.length);
  }
  return place;
}

/**
 * The county a text names: an expected county anywhere in it (longest name first, so 东营区 is not
 * taken for 东营), else the place it starts with.
 */
export function countyInText(text: string, expected: readonly string[]): string | null {
  const t = compact(text);
  if (t === '') return null;
  const byLength = [...expected].map(compact).sort((a, b) => b.length - a.length);
  const named = byLength.find((name) => name !== '' && t.includes(name));
  return named ?? placeAtStartOf(t);
}

/** The file name without folders or extension: 广饶县-2026台账.xlsx → 广饶县-2026台账. */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(?:xlsx|xlsm|xls|csv)$/iu, '');
}

export type CountyResolution =
  | { readonly kind: 'resolved'; readonly county: string; readonly basis: CountyBasis }
  | { readonly kind: 'mixed'; readonly candidates: readonly { readonly county: string; readonly rows: number }[] }
  | { readonly kind: 'none' };

export interface CountyEvidence {
  /** The 县区/填报单位 cell of each body row ('' when empty); absent when the sheet has no such column. */
  readonly columnValues?: readonly string[];
  /** Non-empty texts above the header row. */
  readonly title: readonly string[];
  readonly file: string;
}

/**
 * Resolves a register's county. A county column wins when its filled cells agree (empty cells do
 * not disagree); when they name several counties the register is `mixed` and the title and file
 * name are not consulted, since the column itself says the rows belong to different counties.
 */
export function resolveCounty(evidence: CountyEvidence, expected: readonly string[]): CountyResolution {
  const counts = new Map<string, number>();
  for (const value of evidence.columnValues ?? []) {
    if (compact(value) === '') continue;
    const county = countyInText(value, expected) ?? compact(value);
    counts.set(county, (counts.get(county) ?? 0) + 1);
  }
  if (counts.size === 1) return { kind: 'resolved', county: [...counts.keys()][0]!, basis: 'column' };
  if (counts.size > 1) {
    const candidates = [...counts].map(([county, rows]) => ({ county, rows })).sort((a, b) => b.rows - a.rows);
    return { kind: 'mixed', candidates };
  }
  for (const line of evidence.title) {
    const county = countyInText(line, expected);
    if (county) return { kind: 'resolved', county, basis: 'title' };
  }
  const fromFile = countyInText(baseName(evidence.file), expected);
  if (fromFile) return { kind: 'resolved', county: fromFile, basis: 'file-name' };
  return { kind: 'none' };
}
