/**
 * Synthetic registers for the bench and for tests of the name index: a province-wide
 * consolidation in which every county-level place (寿光市, 临朐县, 奎文区 …) lists its own bodies
 * under its own name, with planted duplicates — the same body written twice (中共 / 人民政府 /
 * spaces / a bracketed abbreviation) and near-duplicates (工作 added or dropped, another structure
 * for the same job) — plus overdue and task-bound bodies. Deterministic for a given seed.
 */
import type { CellValue, Grid } from '../src/ledger/grid';

/** A small, fast PRNG (mulberry32): the same seed gives the same register. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** What county-level bodies are about (the 潍坊 practice and common registers). */
export const TOPICS: readonly string[] = [
  '安全生产',
  '食品安全',
  '防汛抗旱',
  '森林防火',
  '河长制',
  '林长制',
  '湾长制',
  '乡村振兴',
  '优化营商环境',
  '招商引资',
  '重点项目建设',
  '预制菜产业发展',
  '蔬菜产业发展',
  '畜牧产业发展',
  '现代农业发展',
  '海洋经济发展',
  '数字经济发展',
  '民营经济发展',
  '县域经济发展',
  '新旧动能转换',
  '新型城镇化',
  '城乡环卫一体化',
  '城乡供水一体化',
  '农村人居环境整治',
  '老旧小区改造',
  '棚户区改造',
  '城市更新',
  '全国文明城市创建',
  '国家卫生城市创建',
  '国家园林城市创建',
  '国家森林城市创建',
  '爱国卫生运动',
  '全民健身',
  '国防动员',
  '国防教育',
  '双拥',
  '征兵',
  '退役军人',
  '老龄',
  '妇女儿童',
  '残疾人',
  '关心下一代',
  '禁毒',
  '信访',
  '扫黑除恶专项斗争',
  '平安建设',
  '社会治安综合治理',
  '法治政府建设',
  '普法',
  '人民调解',
  '生态环境保护',
  '大气污染防治',
  '水污染防治',
  '土壤污染防治',
  '碳达峰碳中和',
  '节能减排',
  '节约用水',
  '耕地保护',
  '湿地保护',
  '自然资源保护',
  '黄河流域生态保护',
  '地质灾害防治',
  '抗震救灾',
  '防灾减灾',
  '气象灾害防御',
  '应急救援',
  '消防安全',
  '道路交通安全',
  '校园安全',
  '危险化学品安全',
  '建筑施工安全',
  '燃气安全',
  '特种设备安全',
  '药品安全',
  '疫情防控',
  '艾滋病防治',
  '地方病防治',
  '职业病防治',
  '精神卫生',
  '医疗保障',
  '深化医药卫生体制改革',
  '义务教育均衡发展',
  '学前教育',
  '职业教育',
  '教育督导',
  '人才',
  '科技创新',
  '知识产权',
  '质量强县',
  '品牌建设',
  '标准化',
  '统计',
  '第五次全国经济普查',
  '第七次全国人口普查',
  '第三次全国国土调查',
  '第二次全国污染源普查',
  '全面深化改革',
  '全面依法治县',
  '财经',
  '审计',
  '机构编制',
  '外事',
  '国家安全',
  '保密',
  '网络安全和信息化',
  '意识形态',
  '宣传思想文化',
  '统战',
  '民族宗教',
  '对台',
  '侨务',
  '党的建设',
  '巡察',
  '老干部',
  '档案',
  '地方志',
  '政务公开',
  '数字政府建设',
  '智慧城市建设',
  '大数据发展',
  '社会信用体系建设',
  '公共资源交易管理',
  '政府采购',
  '国有企业改革',
  '金融风险防范处置',
  '防范和处置非法集资',
  '打击走私',
  '打击传销',
  '电信网络诈骗防范',
  '清理拖欠工程款',
  '根治拖欠农民工工资',
  '稳外贸稳外资',
  '现代物流发展',
  '文化旅游产业发展',
  '体育产业发展',
  '生物医药产业发展',
  '高端装备产业发展',
  '新能源汽车产业发展',
  '氢能产业发展',
  '工业互联网发展',
  '半导体产业发展',
  '海洋强县建设',
  '港口建设',
  '高速公路建设',
  '铁路建设',
  '机场迁建',
  '南水北调工程建设',
  '黄河滩区迁建',
  '东西部协作',
  '对口支援',
  '乡村旅游发展',
  '全域旅游',
  '粮食安全',
  '农产品质量安全',
  '动物疫病防控',
  '农业综合执法',
  '交通运输综合执法',
  '城市管理综合执法',
  '文化市场综合执法',
  '殡葬改革',
  '户籍制度改革',
  '住房制度改革',
  '住房公积金管理',
  '社会救助',
  '慈善',
  '养老服务体系建设',
  '托育服务',
  '人口发展',
  '就业',
  '根治欠薪',
  '残疾人就业',
  '安全饮水',
  '农村公路建设',
  '四好农村路建设',
];

/** Structures with the category they usually carry (1 党委, 2 政府, 3 联席会议, 4 专班, 5 机制). */
const STRUCTURES: readonly (readonly [structure: string, category: 1 | 2 | 3 | 4 | 5])[] = [
  ['领导小组', 2],
  ['工作领导小组', 1],
  ['委员会', 1],
  ['工作委员会', 2],
  ['指挥部', 2],
  ['工作联席会议', 3],
  ['联席会议', 3],
  ['工作专班', 4],
  ['协调机制', 5],
];

const CATEGORY_TEXT = [
  '',
  '党委议事协调机构',
  '政府议事协调机构',
  '部门间联席会议',
  '工作专班',
  '协调机制（不纳入议事协调机构管理）',
] as const;

/** Two-character place names built from common place characters: 东营, 寿光, 临朐 … */
const PLACE_FIRST = '东寿青诸安昌高临沂兰罗郯费平莒蒙滨惠阳博邹沾利垦广奎潍坊寒河莱招龙蓬栖海乳荣文威环芝牟福';
const PLACE_SECOND = '营光州丘乐密朐陵庄泽宁阴原川水信台成化兴定邑津饶口亭德岛远阳平霞莱远海港源';
const PLACE_SUFFIX = ['市', '县', '区'];

/** `count` distinct county-level place names, e.g. 东营区, 寿光市, 临朐县. */
export function placeNames(count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < count; i++) {
    const first = PLACE_FIRST[i % PLACE_FIRST.length]!;
    const second = PLACE_SECOND[Math.floor(i / PLACE_FIRST.length) % PLACE_SECOND.length]!;
    const suffix = PLACE_SUFFIX[Math.floor(i / (PLACE_FIRST.length * PLACE_SECOND.length)) % PLACE_SUFFIX.length]!;
    const name = `${first}${second}${suffix}`;
    if (i > PLACE_FIRST.length * PLACE_SECOND.length * PLACE_SUFFIX.length)
      throw new Error(`at most ${seen.size} place names`);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/** One body of a synthetic register. */
export interface SyntheticBody {
  readonly place: string;
  readonly name: string;
  readonly category: 1 | 2 | 3 | 4 | 5;
  /** Present on planted rows: the row index (0-based) of the body it duplicates, and how. */
  readonly planted?: { readonly of: number; readonly kind: 'same-name' | 'similar-name' };
}

/** How many bodies a place lists: county registers hold 100–300 (the 潍坊 practice: 159 at city level). */
const BODIES_PER_PLACE = 150;

function shuffled<T>(rand: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A same-body rewrite: another way of writing exactly the same name. */
function sameNameVariant(rand: () => number, place: string, body: string, category: number): string {
  switch (Math.floor(rand() * 4)) {
    case 0:
      return category === 1 ? `中共${place}委${body}` : `${place}人民政府${body}`;
    case 1:
      return `${place} ${body.slice(0, 2)} ${body.slice(2)}`;
    case 2:
      return `${place}${body}（暂行）`;
    default:
      return `“${place}”${body}`;
  }
}

/** A near-duplicate: 工作 added or dropped, or the same job under another structure. */
function similarNameVariant(rand: () => number, topic: string, structure: string): string {
  if (structure.startsWith('工作')) return `${topic}${structure.slice(2)}`;
  if (rand() < 0.5) return `${topic}工作${structure}`;
  const other = pick(
    rand,
    ['领导小组', '指挥部', '工作专班', '委员会'].filter((s) => s !== structure),
  );
  return `${topic}${other}`;
}

/**
 * `n` bodies spread over places of BODIES_PER_PLACE each, about 1% of them planted exact
 * duplicates and 1% near-duplicates of an earlier body of the same place.
 */
export function syntheticBodies(n: number, seed = 20261125): SyntheticBody[] {
  const rand = randomSource(seed);
  const places = placeNames(Math.max(1, Math.ceil(n / BODIES_PER_PLACE)));
  const out: SyntheticBody[] = [];
  for (let p = 0; p < places.length && out.length < n; p++) {
    const place = places[p]!;
    const start = out.length;
    const topics = shuffled(rand, TOPICS);
    const count = Math.min(BODIES_PER_PLACE, n - out.length);
    while (out.length - start < count) {
      const planted = out.length - start > 10 ? rand() : 1;
      if (planted < 0.02) {
        const of = start + Math.floor(rand() * (out.length - start));
        const original = out[of]!;
        if (original.planted) continue; // keep plants one step from an original
        const body = original.name.slice(place.length);
        const topic = TOPICS.find((t) => body.startsWith(t)) ?? body.slice(0, 4);
        const structure = body.slice(topic.length);
        const name =
          planted < 0.01
            ? sameNameVariant(rand, place, body, original.category)
            : `${place}${similarNameVariant(rand, topic, structure)}`;
        out.push({
          place,
          name,
          category: original.category,
          planted: { of, kind: planted < 0.01 ? 'same-name' : 'similar-name' },
        });
        continue;
      }
      // A fresh body: a topic the place has no body for yet.
      const topic = topics[out.length - start]!;
      const [structure, category] = pick(rand, STRUCTURES);
      out.push({ place, name: `${place}${topic}${structure}`, category });
    }
  }
  return out;
}

/** Names only, for tests of the name index. */
export function syntheticNames(n: number, seed?: number): string[] {
  return syntheticBodies(n, seed).map((b) => b.name);
}

const DEPARTMENTS = [
  '市应急局',
  '市发展改革委',
  '市农业农村局',
  '市水务局',
  '市市场监管局',
  '市委宣传部',
  '市委办公室',
  '市政府办公室',
  '市卫生健康委',
  '市公安局',
  '市生态环境局',
  '市教育局',
];
const ISSUERS = ['办发', '政发', '政字', '编办发', '办字'];

/** Excel's serial number of a calendar date (days since 1899-12-30). */
function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const REGISTER_HEADER = [
  '序号',
  '机构名称',
  '类别',
  '设立时间',
  '依据文件',
  '办事机构所在部门',
  '存续时间',
  '历史沿革',
  '上级机构设置情况',
  '状态',
  '县区',
] as const;

/**
 * A whole register as a Grid, the way a host hands it to `validateSheet`: a title row, the
 * header, then one row per body with dates as Excel serials or text, 发文字号 (some shared, some
 * in non-standard brackets), durations (long-term, until a date — some already past — N years,
 * task-bound) and about 8% abolished rows.
 */
export function syntheticRegister(n: number, seed = 20261125): Grid {
  const rand = randomSource(seed ^ 0x5bd1e995);
  const bodies = syntheticBodies(n, seed);
  const values: CellValue[][] = [['山东省议事协调机构管理台账（汇总）'], [...REGISTER_HEADER]];
  bodies.forEach((body, i) => {
    const year = 2012 + Math.floor(rand() * 14);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const established: CellValue =
      rand() < 0.6
        ? excelSerial(year, month, day)
        : rand() < 0.5
          ? `${year}年${month}月`
          : `${year}.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}`;
    // Each county's documents carry its own short name (寿光 → 寿政发), so numbers are shared only within a county.
    const issuer = `${body.place.slice(0, 2)}${pick(rand, ISSUERS)}`;
    const seq = 1 + Math.floor(rand() * 60);
    const basis = rand() < 0.1 ? `${issuer}[${year}]${seq}号` : `${issuer}〔${year}〕${seq}号`;
    const r = rand();
    const duration =
      r < 0.6
        ? '长期'
        : r < 0.75
          ? '任务完成后撤销'
          : r < 0.9
            ? `至${year + 1 + Math.floor(rand() * 8)}年12月31日`
            : `${1 + Math.floor(rand() * 5)}年`;
    values.push([
      i + 1,
      body.name,
      CATEGORY_TEXT[body.category],
      established,
      basis,
      pick(rand, DEPARTMENTS),
      duration,
      `${year}年设立`,
      rand() < 0.5 ? '省级设有对应机构' : '上级未设置',
      rand() < 0.08 ? '已撤销' : '存续',
      body.place,
    ]);
  });
  return { sheet: '汇总台账', values };
}
