import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferLocalNames, nameSimilarity, normaliseName, profileName } from '../../src/ledger/names';
import { makeSettings } from '../../src/ledger/settings';

const threshold = makeSettings().similarNameThreshold;
const WEIFANG = ['潍坊市'];

describe('normaliseName', () => {
  it('strips the level prefix: 潍坊市 / 市 / 本市 name one body', () => {
    const key = normaliseName('市安全生产委员会', WEIFANG);
    expect(key).toBe('安全生产委员会');
    expect(normaliseName('潍坊市安全生产委员会', WEIFANG)).toBe(key);
    expect(normaliseName('本市安全生产委员会', WEIFANG)).toBe(key);
    expect(normaliseName('潍坊市人民政府安全生产委员会', WEIFANG)).toBe(key);
    expect(normaliseName('市政府安全生产委员会', WEIFANG)).toBe(key);
  });

  it('strips 中共 and the owner 委 of a Party body, but not the 委 of 委员会', () => {
    expect(normaliseName('中共潍坊市委全面深化改革委员会', WEIFANG)).toBe('全面深化改革委员会');
    expect(normaliseName('市委全面深化改革委员会', WEIFANG)).toBe('全面深化改革委员会');
    expect(normaliseName('市委员会', WEIFANG)).toBe('委员会');
    expect(normaliseName('市委、市政府信访工作联席会议', WEIFANG)).toBe('信访工作联席会议');
  });

  it('strips a county’s own name when it is the register’s place, and generic 县/区', () => {
    expect(normaliseName('广饶县河长制工作领导小组', ['广饶县'])).toBe('河长制工作领导小组');
    expect(normaliseName('中共广饶县委机构编制委员会', ['广饶县'])).toBe('机构编制委员会');
    expect(normaliseName('县河长制工作领导小组', ['广饶县'])).toBe('河长制工作领导小组');
    expect(normaliseName('区河长制工作领导小组')).toBe('河长制工作领导小组');
  });

  it('keeps another place’s name (a county-level city’s body is not the city’s), dropping only its owner', () => {
    expect(normaliseName('寿光市安全生产委员会', WEIFANG)).toBe('寿光市安全生产委员会');
    expect(normaliseName('寿光市人民政府安全生产委员会', WEIFANG)).toBe('寿光市安全生产委员会');
    expect(normaliseName('中共寿光市委财经委员会', WEIFANG)).toBe('寿光市财经委员会');
    expect(normaliseName('潍坊市安全生产委员会')).toBe('潍坊市安全生产委员会');
  });

  it('folds width, drops spaces, punctuation, quotes and a trailing bracketed note', () => {
    expect(normaliseName('市５Ｇ产业发展工作专班')).toBe('5g产业发展工作专班');
    expect(normaliseName(' 市 食品安全　委员会 ')).toBe('食品安全委员会');
    expect(normaliseName('市“十四五”规划编制工作领导小组')).toBe('十四五规划编制工作领导小组');
    expect(normaliseName('市安全生产委员会（市安委会）')).toBe('安全生产委员会');
    expect(normaliseName('市生态环境保护委员会(暂行)')).toBe('生态环境保护委员会');
    expect(normaliseName('市推进政府职能转变和“放管服”改革协调小组')).toBe('推进政府职能转变和放管服改革协调小组');
  });

  it('writes ordinals in digits: 第三十三届 and 第33届 are one festival', () => {
    expect(normaliseName('第三十三届潍坊国际风筝会组委会')).toBe('第33届潍坊国际风筝会组委会');
    expect(normaliseName('市第七次全国人口普查领导小组')).toBe(normaliseName('市第7次全国人口普查领导小组'));
    expect(normaliseName('市第一百零五次会议筹备小组')).toBe('第105次会议筹备小组');
  });

  it('does not mistake 市场 / 县域 / 区域 for a level prefix', () => {
    expect(normaliseName('市场主体培育工作专班')).toBe('市场主体培育工作专班');
    expect(normaliseName('市市场主体培育工作专班')).toBe('市场主体培育工作专班');
    expect(normaliseName('县域经济发展领导小组')).toBe('县域经济发展领导小组');
    expect(normaliseName('区域协调发展领导小组')).toBe('区域协调发展领导小组');
    expect(normaliseName('市政府办公室')).toBe('办公室');
  });

  it('never strips a name down to nothing', () => {
    expect(normaliseName('市政府')).toBe('市政府');
    expect(normaliseName('（）')).toBe('');
  });

  it('is idempotent on generated names', () => {
    const part = (items: string[]) => fc.constantFrom(...items);
    const name = fc
      .tuple(
        part(['', '市', '本市', '潍坊市', '中共潍坊市委', '潍坊市人民政府', '市委、市政府', '寿光市', '县', '高新区']),
        part([
          '安全生产',
          '食品安全',
          '河长制',
          '乡村振兴',
          '市场监管',
          '第七次全国人口普查',
          '“双招双引”',
          '5G产业发展',
        ]),
        part(['', '工作']),
        part(['委员会', '领导小组', '指挥部', '联席会议', '工作专班', '委员会（暂行）']),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(name, (n) => normaliseName(normaliseName(n, WEIFANG), WEIFANG) === normaliseName(n, WEIFANG)),
    );
  });
});

describe('profileName', () => {
  it('splits the structure, a trailing 工作 and a leading verb from the stem', () => {
    expect(profileName('市推进新型城镇化工作领导小组')).toMatchObject({
      stem: '新型城镇化',
      structure: 'leading-group',
      marks: '',
      place: '',
    });
    expect(profileName('市河长制联席会议制度')).toMatchObject({ stem: '河长制', structure: 'joint-meeting' });
    expect(profileName('市营商环境建设工作专班')).toMatchObject({ stem: '营商环境', structure: 'task-force' });
    expect(profileName('第40届潍坊国际风筝会组委会')).toMatchObject({ structure: 'organising-committee', marks: '40' });
    expect(profileName('高新区安全生产委员会', WEIFANG)).toMatchObject({ place: '高新区', stem: '安全生产' });
  });

  it('still reads a structure typed with one character wrong or missing', () => {
    expect(profileName('市扫黑除恶专项斗争领导小祖')).toMatchObject({
      stem: '扫黑除恶专项斗争',
      structure: 'leading-group',
    });
    expect(profileName('市食品安全委会')).toMatchObject({ stem: '食品安全', structure: 'committee' });
  });
});

describe('nameSimilarity', () => {
  const sim = (a: string, b: string) => nameSimilarity(a, b, WEIFANG);

  it('is 1 for one body written twice, and symmetric', () => {
    expect(sim('潍坊市安全生产委员会', '市安全生产委员会')).toBe(1);
    expect(sim('市食品安全工作委员会', '市食品安全委员会')).toBe(sim('市食品安全委员会', '市食品安全工作委员会'));
  });

  it('reaches the default threshold for the issue’s near-identical names', () => {
    expect(sim('市食品安全委员会', '市食品安全工作委员会')).toBeGreaterThanOrEqual(threshold);
    expect(sim('市河长制工作领导小组', '市河长制领导小组')).toBeGreaterThanOrEqual(threshold);
  });

  it('stays below it for different bodies', () => {
    expect(sim('市安全生产委员会', '市食品安全委员会')).toBeLessThan(threshold);
    expect(sim('市河长制工作领导小组', '市湖长制工作领导小组')).toBeLessThan(threshold);
    expect(sim('市国防动员委员会', '市国防教育委员会')).toBeLessThan(threshold);
  });

  it('does not let a shared structure create a match', () => {
    expect(sim('市人才工作领导小组', '市老龄工作领导小组')).toBe(0);
    expect(sim('市双拥工作领导小组', '市征兵工作领导小组')).toBe(0);
  });

  it('does not let a different structure hide the same job, only lower it', () => {
    expect(sim('市扫黑除恶专项斗争领导小组', '市扫黑除恶专项斗争指挥部')).toBeCloseTo(0.9, 10);
    expect(sim('市预制菜产业发展工作领导小组', '市预制菜产业发展工作专班')).toBeCloseTo(0.9, 10);
  });

  it('halves the score when ordinals differ or the body belongs to another place', () => {
    expect(sim('市第六次全国人口普查领导小组', '市第七次全国人口普查领导小组')).toBeLessThanOrEqual(0.5);
    expect(sim('第三十九届潍坊国际风筝会组委会', '第四十届潍坊国际风筝会组委会')).toBeLessThanOrEqual(0.5);
    expect(sim('高新区安全生产委员会', '市安全生产委员会')).toBe(0.5);
    expect(sim('寿光市安全生产委员会', '青州市安全生产委员会')).toBe(0.5);
  });

  it('tolerates a one-character typo in a long name', () => {
    expect(sim('市精神文明建设委员会', '市精神文明建没委员会')).toBeGreaterThanOrEqual(threshold);
  });
});

describe('inferLocalNames', () => {
  it('takes the place most names start with', () => {
    expect(
      inferLocalNames([
        '潍坊市安全生产委员会',
        '潍坊市食品安全委员会',
        '市河长制领导小组',
        '寿光市蔬菜产业发展工作领导小组',
      ]),
    ).toEqual(['潍坊市']);
    expect(inferLocalNames(['中共广饶县委全面深化改革委员会', '广饶县河长制工作领导小组', '县老龄工作委员会'])).toEqual(
      ['广饶县'],
    );
  });

  it('needs at least two names and never takes a generic prefix or a goal for a place', () => {
    expect(inferLocalNames(['潍坊市安全生产委员会', '市食品安全委员会'])).toEqual([]);
    expect(inferLocalNames(['市安全生产委员会', '市食品安全委员会', '县河长制领导小组'])).toEqual([]);
    expect(inferLocalNames(['市海洋强市建设领导小组', '海洋强市建设工作专班', '海洋强市发展联席会议'])).toEqual([]);
  });
});
