import { DEFAULT_DEPARTMENTS } from '../departments';
import { toHalfWidth } from './value';

/** Resolves 办事机构所在部门 against a department list with aliases. */
export interface DepartmentIndex {
  readonly size: number;
}

export interface DepartmentMatch {
  /** True when the text names a listed department (directly or through an alias). */
  readonly known: boolean;
  /** The listed name, when known. */
  readonly canonical: string | null;
}

/** A listed department reachable from a shortened name, with the level its listed name has. */
interface BodyEntry {
  readonly canonical: string;
  /** 市, 县 or 区; null for names without a level prefix (团市委机关). */
  readonly level: string | null;
  /** From a listed name itself (wins over one derived from an alias). */
  readonly primary: boolean;
}

/** Level prefixes of department names: 市应急局, 县应急局, 区应急局. */
const LEVELS = '市县区';
/** A 市委/县委 department also goes by its bare name (组织部), except bare names that say nothing. */
const TOO_GENERIC = new Set(['办公室', '机关', '办']);
const BRACKETED_NOTE = /\([^()]*\)|【[^】]*】|\[[^\]]*\]|〔[^〕]*〕/g;
/** An unclosed note at the end: 市应急局(市安委办 */
const OPEN_NOTE = /[(【[〔].*$/;
const HAS_BRACKET = /[()【】[\]〔〕]/;
const WHITESPACE = /\s+/g;
const HAS_WHITESPACE = /\s/;
const SEPARATORS = /[、,;/\\|]+/;
const SEPARATORS_OR_WHITESPACE = /[、,;/\\|\s]+/;
/** A place name: ideographs, none of which ends a department's name (应急局市公安局 is no place). */
const PLACE_NAME = /^[\u4e00-\u9fff]+$/;
const NOT_IN_PLACE_NAMES = /[局委办部厅院室会处队站所]/;
/** 山东省东营市应急局: the province in front of the city. */
const PROVINCE = /^[\u4e00-\u9fff]{2,3}省/;
const MEMO_LIMIT = 20_000;
/** Long texts are rare and would make the memo hold megabytes. */
const MEMO_MAX_KEY = 200;
const UNKNOWN: DepartmentMatch = { known: false, canonical: null };

/**
 * Names county units use for a city department's function, by the city name's body: 县发展和改革局
 * does the work of 市发展改革委, 县水利局 that of 市水务局 (docs/domain.md, “Departments”).
 */
const COUNTY_BODY_ALIASES: Readonly<Record<string, string>> = {
  发展和改革局: '发展改革委',
  发展改革局: '发展改革委',
  发改局: '发展改革委',
  卫生健康局: '卫生健康委',
  卫生和健康局: '卫生健康委',
  卫健局: '卫生健康委',
  科学技术局: '科技局',
  水利局: '水务局',
  自然资源和规划局: '自然资源局',
  国有资产监督管理局: '国资委',
  国资局: '国资委',
  住房和城乡建设局: '住房城乡建管局',
  住房城乡建设局: '住房城乡建管局',
  住建局: '住房城乡建管局',
  教育和体育局: '教育局',
  教体局: '教育局',
};
/** The standard name of a unit at county level, by the city name's body, where it differs: 县发展改革局, not 县发展改革委. */
const COUNTY_BODY_NAMES: Readonly<Record<string, string>> = {
  发展改革委: '发展改革局',
  卫生健康委: '卫生健康局',
  国资委: '国资局',
  住房城乡建管局: '住房城乡建设局',
  水务局: '水利局',
};

function isDefaultList(departments: readonly string[]): boolean {
  return departments.length === DEFAULT_DEPARTMENTS.length && departments.every((d, i) => d === DEFAULT_DEPARTMENTS[i]);
}

class Index implements DepartmentIndex {
  readonly size: number;
  /** Normalised listed names and aliases → listed name. */
  readonly exact = new Map<string, string>();
  /** Name without place and level (应急局, 发改委, 组织部) → the departments it may stand for. */
  readonly bodies = new Map<string, BodyEntry[]>();
  /** Cells repeat the same few departments over thousands of rows. */
  readonly memo = new Map<string, DepartmentMatch>();
  /**
   * With no list of the user's own (the built-in city list), units of another level are known by
   * their function: 区应急管理局 is the district's 应急局. A loaded list is taken as it is.
   */
  readonly levelAgnostic: boolean;

  constructor(departments: readonly string[], aliases: Readonly<Record<string, string>>) {
    this.levelAgnostic = isDefaultList(departments);
    const listed: string[] = [];
    for (const raw of departments) {
      const name = normalizeName(String(raw ?? ''));
      if (name === '' || this.exact.has(name)) continue;
      // The name as listed is canonical, but written without spaces and notes.
      const canonical = String(raw).trim();
      listed.push(canonical);
      this.exact.set(name, canonical);
      const { level, body } = splitLevel(name);
      this.addBody(body, { canonical, level, primary: true });
      if (level !== null && body.startsWith('委')) this.addBody(body.slice(1), { canonical, level, primary: false });
    }
    this.size = listed.length;

    for (const [rawKey, rawTarget] of Object.entries(aliases)) {
      const key = normalizeName(rawKey);
      const target = this.targetOf(normalizeName(String(rawTarget ?? '')));
      if (key === '' || target === null) continue;
      const keyParts = splitLevel(key);
      // 市发改委 names the city's department; it may only stand for a county's one without its 市.
      if (!this.exact.has(key) && (keyParts.level === null || keyParts.level === target.level))
        this.exact.set(key, target.canonical);
      this.addBody(keyParts.body, { ...target, primary: false });
      if (keyParts.level !== null && keyParts.body.startsWith('委'))
        this.addBody(keyParts.body.slice(1), { ...target, primary: false });
    }
  }

  private addBody(body: string, entry: BodyEntry): void {
    if (body.length < 2 || TOO_GENERIC.has(body)) return;
    const entries = this.bodies.get(body);
    if (!entries) this.bodies.set(body, [entry]);
    else if (!entries.some((e) => e.canonical === entry.canonical)) entries.push(entry);
  }

  /** The listed department an alias points at: by its exact name, or by its body (a county list). */
  private targetOf(name: string): { canonical: string; level: string | null } | null {
    const canonical = this.exact.get(name);
    if (canonical !== undefined) return { canonical, level: splitLevel(name).level };
    const primaries = (this.bodies.get(splitLevel(name).body) ?? []).filter((e) => e.primary);
    return primaries.length === 1 ? primaries[0]! : null;
  }

  /** One department name, already normalised. */
  resolvePart(part: string): string | null {
    const exact = this.exact.get(part);
    if (exact !== undefined) return exact;
    let rest = part.replace(PROVINCE, '');
    if (rest !== part) {
      const afterProvince = this.exact.get(rest);
      if (afterProvince !== undefined) return afterProvince;
    }
    // The bare name (应急局), then without one or two place-and-level prefixes (东营市应急局, 东营市广饶县应急局).
    let found = this.byBody(rest, null);
    for (let depth = 0; found === null && depth < 2; depth++) {
      const stripped = stripPlace(rest);
      if (stripped === null) break;
      rest = stripped.body;
      found = this.byBody(rest, stripped.level) ?? this.atCountyLevel(stripped.level, rest);
      // Only a place can be followed by another (东营市广饶县); after a bare 市 comes the department.
      if (!stripped.place) break;
    }
    return found;
  }

  /**
   * A county or district unit named after a listed city department (区委办公室, 广饶县发展和改革局),
   * under its standard name at that level, without the place: 区委办公室, 县发展改革局. Only with
   * the built-in list: a user's own list says exactly which units exist.
   */
  private atCountyLevel(level: string, body: string): string | null {
    if (!this.levelAgnostic || level === '市') return null;
    const entries = this.bodies.get(body) ?? this.bodies.get(COUNTY_BODY_ALIASES[body] ?? '');
    const city = entries ? (unique(entries, null, true) ?? unique(entries, null, false)) : null;
    if (city === null || !city.startsWith('市')) return null;
    const cityBody = city.slice(1);
    return level + (COUNTY_BODY_NAMES[cityBody] ?? cityBody);
  }

  /** The one department a body stands for at that level; a listed name's body wins over an alias's. */
  private byBody(body: string, level: string | null): string | null {
    const entries = this.bodies.get(body);
    if (!entries) return null;
    return unique(entries, level, true) ?? unique(entries, level, false);
  }
}

/** The single canonical among entries of the given kind and level; null for none or several (ambiguous). */
function unique(entries: readonly BodyEntry[], level: string | null, primary: boolean): string | null {
  let found: string | null = null;
  for (const e of entries) {
    if (e.primary !== primary || (level !== null && e.level !== null && e.level !== level)) continue;
    if (found !== null && found !== e.canonical) return null;
    found = e.canonical;
  }
  return found;
}

/** Half-width, 人民政府 → 政府, no 中共, no notes in brackets, no spaces or line breaks. */
function normalizeName(text: string): string {
  return normalizeHalf(dropNotes(toHalfWidth(text)));
}

/** normalizeName for a text already half-width and without notes. */
function normalizeHalf(text: string): string {
  let s = HAS_WHITESPACE.test(text) ? text.replace(WHITESPACE, '') : text;
  if (s.startsWith('中共')) s = s.slice(2);
  return s.includes('人民政府') ? s.replace('人民政府', '政府') : s;
}

function dropNotes(text: string): string {
  return HAS_BRACKET.test(text) ? text.replace(BRACKETED_NOTE, '').replace(OPEN_NOTE, '') : text;
}

/** 市应急局 → 市 + 应急局; 广饶县应急局 → 县 + 应急局; 团市委机关 → no level. */
function splitLevel(name: string): { level: string | null; body: string } {
  if (name.length > 1 && LEVELS.includes(name[0]!)) return { level: name[0]!, body: name.slice(1) };
  const placed = stripPlace(name);
  return placed ?? { level: null, body: name };
}

/** Removes a leading level (市) or a 2–4-character place and its level (东营市, 广饶县). */
function stripPlace(name: string): { level: string; body: string; place: boolean } | null {
  if (name.length > 2 && LEVELS.includes(name[0]!)) return { level: name[0]!, body: name.slice(1), place: false };
  for (let place = 2; place <= 4 && place < name.length - 2; place++) {
    if (LEVELS.includes(name[place]!)) {
      return PLACE_NAME.test(name.slice(0, place)) && !NOT_IN_PLACE_NAMES.test(name.slice(0, place))
        ? { level: name[place]!, body: name.slice(place + 1), place: true }
        : null;
    }
  }
  return null;
}

/** Builds the lookup tables once per department list. */
export function buildDepartmentIndex(
  departments: readonly string[],
  aliases: Readonly<Record<string, string>>,
): DepartmentIndex {
  return new Index(departments, aliases);
}

/**
 * Resolves a 办事机构所在部门 cell: the listed name, an alias, the name without its level (应急局) or
 * with the city's name (东营市应急局), with notes in brackets ignored. A cell naming several
 * departments (、 , ; / or line breaks between them) is known only when each of them is.
 */
export function resolveDepartment(text: string, index: DepartmentIndex): DepartmentMatch {
  if (!(index instanceof Index) || typeof text !== 'string') return UNKNOWN;
  const cached = index.memo.get(text);
  if (cached) return cached;
  const result = resolveUncached(text, index);
  if (text.length <= MEMO_MAX_KEY) {
    if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
    index.memo.set(text, result);
  }
  return result;
}

function resolveUncached(text: string, index: Index): DepartmentMatch {
  const half = dropNotes(toHalfWidth(text));
  const whole = normalizeHalf(half);
  if (whole === '') return UNKNOWN;
  const single = index.resolvePart(whole);
  if (single !== null) return { known: true, canonical: single };
  if (SEPARATORS.test(half)) {
    const bySeparators = resolveParts(half.split(SEPARATORS), index);
    if (bySeparators) return bySeparators;
  }
  return HAS_WHITESPACE.test(half.trim())
    ? (resolveParts(half.split(SEPARATORS_OR_WHITESPACE), index) ?? UNKNOWN)
    : UNKNOWN;
}

function resolveParts(pieces: readonly string[], index: Index): DepartmentMatch | null {
  const names: string[] = [];
  for (const piece of pieces) {
    const part = normalizeHalf(piece);
    if (part === '') continue;
    const name = index.resolvePart(part);
    if (name === null) return null;
    if (!names.includes(name)) names.push(name);
  }
  return names.length > 0 ? { known: true, canonical: names.join('、') } : null;
}
