/**
 * How much two 主要职责 texts overlap: the Dice coefficient of their sets of character bigrams,
 * after the phrases every body's duties share (统筹协调, 研究解决重大问题, 贯彻落实…决策部署,
 * 完成…交办的其他事项) and punctuation are taken out, so what is left is what the body is about.
 */

/** Boilerplate of duty texts; removed before comparing (longest first). */
const BOILERPLATE = [
  '完成市委市政府交办的其他事项',
  '完成市委交办的其他事项',
  '完成市政府交办的其他事项',
  '完成上级交办的其他事项',
  '交办的其他事项',
  '交办的其他任务',
  '贯彻落实党中央国务院',
  '贯彻落实党中央',
  '省委省政府',
  '市委市政府',
  '县委县政府',
  '区委区政府',
  '决策部署',
  '贯彻落实',
  '工作部署',
  '统筹协调',
  '研究解决',
  '重大问题',
  '重要问题',
  '协调解决',
  '督促检查',
  '督促落实',
  '指导推动',
  '推动落实',
  '组织实施',
  '研究制定',
  '有关工作',
  '相关工作',
  '工作中的',
  '全市',
  '全县',
  '全区',
  '本市',
  '本地区',
  '负责',
  '指导',
  '协调',
  '研究',
  '工作',
  '推进',
  '加强',
  '做好',
].sort((a, b) => b.length - a.length);

const NOT_TEXT = /[^\u4e00-\u9fffA-Za-z0-9]+/gu;

/** The distinct character bigrams of a duty text, boilerplate removed (a lone character counts as one). */
export function dutyBigrams(text: string): Set<string> {
  let t = text;
  for (const phrase of BOILERPLATE) if (t.includes(phrase)) t = t.split(phrase).join('|');
  const out = new Set<string>();
  for (const run of t.split(NOT_TEXT)) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** Dice of two bigram sets in [0, 1]; 0 when either is empty. */
export function bigramDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let overlap = 0;
  for (const g of small) if (large.has(g)) overlap++;
  return (2 * overlap) / (a.size + b.size);
}

/** Similarity of two 主要职责 texts (see `dutyBigrams`). */
export function dutySimilarity(a: string, b: string): number {
  return bigramDice(dutyBigrams(a), dutyBigrams(b));
}
