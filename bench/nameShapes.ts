/**
 * Body names in the shapes that real registers take and that stress the similar-name search
 * (docs/performance.md): a numbered series that shares everything but a number, the same topics in 140
 * counties with qualifiers, and names that share nothing. Deterministic.
 */
import { placeNames, randomSource, TOPICS } from './synthetic';

export type NameShape = 'numbered' | 'counties' | 'distinct';
export const NAME_SHAPES: readonly NameShape[] = ['numbered', 'counties', 'distinct'];

const QUALIFIERS = [
  '督查',
  '改革',
  '推进',
  '考核',
  '专项整治',
  '攻坚',
  '督导',
  '协调',
  '应急',
  '评估',
  '规划',
  '监管',
  '执法',
  '宣传',
  '保障',
  '试点',
  '示范',
  '提升',
  '治理',
  '服务',
];
const STRUCTURES = ['领导小组', '工作领导小组', '委员会', '指挥部', '工作专班'];
const STEM_CHARS =
  '安保北兵财产城诚春慈丹德登鼎东方丰福富港广桂海航和河恒红虹宏华欢黄惠吉佳嘉建江金锦京景静聚凯康科宽昆兰蓝乐磊黎立利林临龙鲁路伦罗茂美民敏明宁农鹏平齐启谦琴青清庆秋泉荣瑞润森山善尚盛石舒顺松泰涛天田通同万旺威文武西希贤祥新信星兴秀旭轩雅岩阳耀怡义益银英永勇优友雨玉元园远悦越云泽展章长振正志中忠舟洲竹卓子宗';

/** `count` distinct names of one shape. */
export function namesOfShape(shape: NameShape, count: number, seed = 15): string[] {
  const out: string[] = [];
  if (shape === 'numbered') {
    // 东营市安全生产第3领导小组, 东营市安全生产第4领导小组 … over a handful of topics.
    for (let i = 0; i < count; i++) out.push(`东营市${TOPICS[i % 5]}第${Math.floor(i / 5) + 1}${STRUCTURES[0]}`);
    return out;
  }
  if (shape === 'counties') {
    // 东营区安全生产督查领导小组, 东营区安全生产改革领导小组 … in 140 counties.
    const places = placeNames(140);
    const perPlace = Math.ceil(count / places.length);
    for (const place of places) {
      for (let k = 0; k < perPlace && out.length < count; k++) {
        const topic = TOPICS[k % TOPICS.length]!;
        const qualifier = QUALIFIERS[Math.floor(k / TOPICS.length) % QUALIFIERS.length]!;
        const structure = STRUCTURES[Math.floor(k / (TOPICS.length * QUALIFIERS.length)) % STRUCTURES.length]!;
        out.push(`${place}${topic}${qualifier}${structure}`);
      }
    }
    return out;
  }
  const random = randomSource(seed);
  const seen = new Set<string>();
  while (out.length < count) {
    let stem = '';
    for (let i = 0; i < 8; i++) stem += STEM_CHARS[Math.floor(random() * STEM_CHARS.length)];
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push(`市${stem}${STRUCTURES[out.length % STRUCTURES.length]}`);
  }
  return out;
}
