/**
 * Body names mentioned in a 历史沿革 text (“2024年由市食品安全委员会更名为市食品安全工作委员会”,
 * “由市A和市B合并组建”), resolved against the names of a register. Linear in the text: each
 * structural suffix (委员会, 领导小组 …) ends a mention, and only the starts that follow a
 * boundary (a verb such as 由/更名为/并入, a conjunction, a level prefix) are tried.
 */
import { normaliseName } from '../names';

const SUFFIX =
  /(?:领导小组|委员会|指挥部|联席会议制度|联席会议|工作专班|专班|工作组|协调小组|推进小组|工作小组|小组|协调机制|工作机制|组委会|执委会)/gu;
/** Characters a name is made of (CJK, letters, digits inside names such as 第七次, brackets). */
const NAME_CHAR = /[\u3400-\u9fff\uf900-\ufaff（）()A-Za-z0-9]/u;
/** Words after which a name may start. */
const BOUNDARY_WORDS = [
  '由',
  '原名',
  '原',
  '名称',
  '更名为',
  '更名',
  '改名为',
  '改为',
  '改称',
  '调整为',
  '变更为',
  '恢复为',
  '并入',
  '合并为',
  '合并至',
  '合并到',
  '整合为',
  '纳入',
  '组建',
  '设立',
  '成立',
  '撤销',
  '将',
  '和',
  '与',
  '及',
  '同',
  '为',
  '称',
  '即',
];
/** Characters a body's name often begins with: a level prefix. */
const LEVEL_START = /^(?:中共|省|市|县|区|本市)/u;

/** One mention: candidate spellings, longest first (all end at the same suffix). */
export interface Mention {
  readonly candidates: readonly string[];
}

/** Extracts the mentions of a text. */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  if (!text) return out;
  let runStart = 0;
  SUFFIX.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = SUFFIX.exec(text)) !== null) {
    const end = m.index + m[0].length;
    // The run of name characters before the suffix, not reaching back past the previous mention.
    let start = m.index;
    while (start > lastEnd && NAME_CHAR.test(text[start - 1]!)) start--;
    runStart = start;
    const run = text.slice(runStart, m.index);
    const starts = new Set<number>([0]);
    for (const word of BOUNDARY_WORDS) {
      for (let at = run.indexOf(word); at !== -1; at = run.indexOf(word, at + 1)) starts.add(at + word.length);
    }
    for (let i = 0; i < run.length; i++) if (LEVEL_START.test(run.slice(i))) starts.add(i);
    const candidates = [...starts]
      .filter((s) => m!.index - (runStart + s) >= 2)
      .sort((a, b) => a - b)
      .map((s) => text.slice(runStart + s, end));
    if (candidates.length > 0) out.push({ candidates });
    lastEnd = end;
  }
  return out;
}

/**
 * The keys (normaliseName) of the known names a text mentions, in order, without repeats.
 * `known` maps a key to anything; the longest candidate that is known wins.
 */
export function mentionedKeys(
  text: string,
  known: ReadonlyMap<string, unknown> | ReadonlySet<string>,
  localNames?: readonly string[],
): string[] {
  const out: string[] = [];
  for (const mention of findMentions(text)) {
    for (const candidate of mention.candidates) {
      const key = normaliseName(candidate, localNames);
      if (key !== '' && known.has(key)) {
        if (!out.includes(key)) out.push(key);
        break;
      }
    }
  }
  return out;
}
