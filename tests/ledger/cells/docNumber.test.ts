import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDocNumbers, type DocNumber } from '../../../src/ledger/cells/docNumber';

function only(text: string): DocNumber {
  const found = findDocNumbers(text);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** issuer, year, seq of every number found, as one compact string per number. */
function brief(text: string): string[] {
  return findDocNumbers(text).map((d) => `${d.issuer}|${d.year}|${d.seq}`);
}

describe('findDocNumbers: standard GB/T 9704 numbers', () => {
  it.each([
    ['东编办发〔2020〕21号', '东编办发', 2020, 21],
    ['潍办发〔2019〕12号', '潍办发', 2019, 12],
    ['国发〔2018〕6号', '国发', 2018, 6],
    ['鲁政办字〔2021〕30号', '鲁政办字', 2021, 30],
    ['潍政办发〔2022〕3号', '潍政办发', 2022, 3],
    ['潍政字〔2022〕5号', '潍政字', 2022, 5],
    ['国办发〔2018〕105号', '国办发', 2018, 105],
    ['中办发〔2019〕41号', '中办发', 2019, 41],
    ['鲁政办函〔2020〕88号', '鲁政办函', 2020, 88],
    ['发改投资〔2019〕1234号', '发改投资', 2019, 1234],
    ['鲁文旅发〔2021〕3号', '鲁文旅发', 2021, 3],
    ['鲁经信字〔2018〕15号', '鲁经信字', 2018, 15],
    ['交规划发〔2018〕10号', '交规划发', 2018, 10],
    ['日政发〔2019〕8号', '日政发', 2019, 8],
    ['东编〔2023〕1号', '东编', 2023, 1],
  ])('%s', (text, issuer, year, seq) => {
    const doc = only(text);
    expect(doc).toEqual({ issuer, year, seq, found: text, standard: text, isStandard: true, issues: [], issuesEn: [] });
  });
});

describe('findDocNumbers: numbers inside longer texts', () => {
  it('finds the number in brackets after a title', () => {
    const doc = only('《关于成立潍坊市预制菜产业发展工作领导小组的通知》（潍政字〔2022〕5号）');
    expect(doc.issuer).toBe('潍政字');
    expect(doc.found).toBe('潍政字〔2022〕5号');
    expect(doc.isStandard).toBe(true);
  });

  it.each([
    ['根据潍办发〔2019〕12号文件', '潍办发|2019|12'],
    ['依据鲁文旅发〔2021〕3号', '鲁文旅发|2021|3'],
    ['按照交规划发〔2018〕10号要求', '交规划发|2018|10'],
    ['依照国发〔2018〕6号精神设立', '国发|2018|6'],
    ['参照鲁政办字〔2021〕30号', '鲁政办字|2021|30'],
    ['见潍政办发〔2022〕3号', '潍政办发|2022|3'],
    ['关于印发潍坊市安全生产委员会工作规则的通知潍安发〔2020〕1号', '潍安发|2020|1'],
    ['关于调整市防汛抗旱指挥部组成人员的通知 潍政办字〔2021〕45号', '潍政办字|2021|45'],
    ['潍坊市人民政府潍政发〔2019〕7号', '潍政发|2019|7'],
    ['中共潍坊市委办公室潍坊市人民政府办公室潍办发〔2019〕12号', '潍办发|2019|12'],
    ['国务院国发〔2018〕6号', '国发|2018|6'],
    ['市委市政府潍发〔2019〕3号', '潍发|2019|3'],
    ['转发鲁政办字〔2021〕30号的通知', '鲁政办字|2021|30'],
    ['2019年潍办发〔2019〕12号', '潍办发|2019|12'],
    ['（潍政字〔2022〕5号）', '潍政字|2022|5'],
    ['"潍政字〔2022〕5号"', '潍政字|2022|5'],
    ['《关于成立…的通知》潍政字〔2022〕5号', '潍政字|2022|5'],
    ['东营市机构编制委员会办公室东编办发〔2020〕21号', '东编办发|2020|21'],
    ['东编办发〔2020〕21号文', '东编办发|2020|21'],
    // County issuers: the county's character, and 区委/县委 inside the 代字 itself.
    ['东区委发〔2019〕5号', '东区委发|2019|5'],
    ['东营区委办发〔2019〕8号', '东营区委办发|2019|8'],
    ['垦区办发〔2020〕3号', '垦区办发|2020|3'],
    ['河政办字〔2018〕12号', '河政办字|2018|12'],
    ['利政发〔2021〕7号', '利政发|2021|7'],
    ['广发〔2019〕2号', '广发|2019|2'],
    ['中共广饶县委广发〔2019〕2号', '广发|2019|2'],
    ['区委东区委发〔2019〕5号', '东区委发|2019|5'],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual([expected]);
  });

  it('finds several numbers in one cell', () => {
    expect(brief('东编办发〔2020〕21号、东编办发〔2020〕22号')).toEqual(['东编办发|2020|21', '东编办发|2020|22']);
    expect(brief('潍政发〔2019〕5号;东编办发〔2020〕22号')).toEqual(['潍政发|2019|5', '东编办发|2020|22']);
    // Glued together: the 号 of the first number is not part of the second issuer.
    expect(brief('潍政发〔2019〕5号东编办发〔2020〕22号')).toEqual(['潍政发|2019|5', '东编办发|2020|22']);
    expect(brief('《关于成立A的通知》（潍政字〔2022〕5号）和《关于调整A的通知》（潍政办字〔2023〕8号）')).toEqual([
      '潍政字|2022|5',
      '潍政办字|2023|8',
    ]);
  });

  it('keeps the found text exactly as written in the cell', () => {
    const [doc] = findDocNumbers('依据东编办发（２０２０）０２１号文件');
    expect(doc?.found).toBe('东编办发（２０２０）０２１号');
    expect(doc?.standard).toBe('东编办发〔2020〕21号');
  });
});

describe('findDocNumbers: non-standard forms get issues and the standard form', () => {
  it.each([
    ['东编办发[2020]21号', '年份应使用六角括号〔〕，不应使用[]'],
    ['东编办发(2020)21号', '年份应使用六角括号〔〕，不应使用()'],
    ['东编办发（2020）21号', '年份应使用六角括号〔〕，不应使用（）'],
    ['东编办发【2020】21号', '年份应使用六角括号〔〕，不应使用【】'],
    ['东编办发［2020］21号', '年份应使用六角括号〔〕，不应使用［］'],
    ['东编办发〈2020〉21号', '年份应使用六角括号〔〕，不应使用〈〉'],
    ['东编办发﹝2020﹞21号', '年份应使用六角括号〔〕，不应使用﹝﹞'],
    ['东编办发〖2020〗21号', '年份应使用六角括号〔〕，不应使用〖〗'],
    ['东编办发〔2020年〕21号', '六角括号内只写年份，不加“年”'],
    ['东编办发〔2020〕021号', '序号不应有前导零（021 → 21）'],
    ['东编办发〔2020〕第21号', '序号前不加“第”'],
    ['东编办发 〔2020〕 21 号', '发文字号中不应有空格或换行'],
    ['东编办发〔2020〕21', '序号后缺少“号”字'],
    ['东编办发〔２０２０〕２１号', '数字和字母应使用半角'],
  ])('%s', (text, issue) => {
    const doc = only(text);
    expect(doc.found).toBe(text);
    expect(doc.standard).toBe('东编办发〔2020〕21号');
    expect(doc.isStandard).toBe(false);
    expect(doc.issues).toEqual([issue]);
    expect(doc.issuesEn).toHaveLength(1);
    expect(doc.issuesEn[0]).toMatch(/^[a-z]/);
  });

  it('lists every problem of a number with several', () => {
    const doc = only('潍政办发【2022年】第003号');
    expect(doc.standard).toBe('潍政办发〔2022〕3号');
    expect(doc.issues).toEqual([
      '年份应使用六角括号〔〕，不应使用【】',
      '六角括号内只写年份，不加“年”',
      '序号前不加“第”',
      '序号不应有前导零（003 → 3）',
    ]);
    expect(doc.issuesEn).toHaveLength(4);
  });

  it('accepts a missing 号 only where the number visibly ends', () => {
    expect(brief('东编办发〔2020〕21、东编办发〔2020〕22号')).toEqual(['东编办发|2020|21', '东编办发|2020|22']);
    expect(only('（潍政字〔2022〕5）').issues).toEqual(['序号后缺少“号”字']);
    expect(findDocNumbers('东编办发〔2020〕21条')).toEqual([]);
  });
});

describe('findDocNumbers: not a document number', () => {
  it.each([
    ['中办发〔2019〕号', 'no sequence number'],
    ['东编办发〔2020〕', 'no sequence number'],
    ['东编办发〔1948〕1号', 'year before 1949'],
    ['东编办发〔2101〕1号', 'year after 2100'],
    ['东编办发〔20〕1号', 'two-digit year'],
    ['东编办发〔2020〕0号', 'sequence number 0'],
    ['东编办发〔2020〕1234567号', 'sequence number too long'],
    ['〔2020〕21号', 'no issuer'],
    ['根据〔2020〕21号文件', 'only a lead-in before the bracket'],
    ['东编办发2020年21号', 'no brackets'],
    ['关于成立潍坊市安全生产委员会的通知', 'a title only'],
    ['市委常委会议研究决定', 'no number'],
    ['潍坊市2020年度工作方案（2020）', 'a year in brackets with nothing after'],
    ['', 'empty'],
    ['无', 'placeholder'],
    ['#N/A', 'error value'],
    ['😀〔2020〕1号', 'emoji as issuer'],
  ])('%s (%s)', (text) => {
    expect(findDocNumbers(text)).toEqual([]);
  });

  it('survives a huge string and still finds a number at its end', () => {
    const huge = `${'关于加强议事协调机构管理的通知'.repeat(20_000)}（潍政字〔2022〕5号）`;
    expect(brief(huge)).toEqual(['潍政字|2022|5']);
    expect(findDocNumbers('〔2020〕'.repeat(50_000))).toEqual([]);
  });

  it('does not fail on non-string input from a careless caller', () => {
    expect(findDocNumbers(undefined as unknown as string)).toEqual([]);
    expect(findDocNumbers(123 as unknown as string)).toEqual([]);
  });
});

describe('findDocNumbers: properties', () => {
  const STANDARD = /〔\d{4}〕[1-9]\d*号$/;

  function wellFormed(doc: DocNumber, text: string): boolean {
    return (
      STANDARD.test(doc.standard) &&
      doc.standard === `${doc.issuer}〔${doc.year}〕${doc.seq}号` &&
      doc.issuer.length >= 2 &&
      doc.year >= 1949 &&
      doc.year <= 2100 &&
      Number.isInteger(doc.seq) &&
      doc.seq >= 1 &&
      text.includes(doc.found) &&
      doc.isStandard === (doc.issues.length === 0) &&
      doc.issues.length === doc.issuesEn.length &&
      (!doc.isStandard || doc.found === doc.standard)
    );
  }

  const fragment = fc.constantFrom(
    '东编办发',
    '潍政字',
    '根据',
    '《关于成立…的通知》',
    '（',
    '）',
    '〔',
    '〕',
    '[',
    ']',
    '【',
    '】',
    '(',
    ')',
    '2020',
    '2019年',
    '第',
    '021',
    '21',
    '号',
    '、',
    ' ',
    '\n',
    '文件',
    '😀',
  );
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join('')),
  );

  it('never throws; every number found is well-formed', () => {
    fc.assert(
      fc.property(text, (t) => findDocNumbers(t).every((doc) => wellFormed(doc, t))),
      { numRuns: 5_000 },
    );
  });

  it('a generated standard number is found exactly, also after a lead-in and inside a title', () => {
    const issuer = fc.constantFrom('东编办发', '潍办发', '国发', '鲁政办字', '潍政办发', '中办发', '鲁文旅发');
    const lead = fc.constantFrom(
      '',
      '根据',
      '依据',
      '按照',
      '《关于成立某某工作领导小组的通知》（',
      '关于印发工作规则的通知',
      '、',
    );
    fc.assert(
      fc.property(
        issuer,
        fc.integer({ min: 1949, max: 2100 }),
        fc.integer({ min: 1, max: 99_999 }),
        lead,
        (iss, year, seq, before) => {
          const number = `${iss}〔${year}〕${seq}号`;
          const found = findDocNumbers(`${before}${number}`);
          expect(found).toEqual([
            { issuer: iss, year, seq, found: number, standard: number, isStandard: true, issues: [], issuesEn: [] },
          ]);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
