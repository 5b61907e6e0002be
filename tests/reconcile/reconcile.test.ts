import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/ledger/grid';
import { readReferenceList, reconcile, reconcileSheets, type ReferenceList } from '../../src/ledger/reconcile';
import { body, settings, version } from '../compare/fixtures';

/** The register of the 编办: eight active bodies, one abolished, one merged. */
const REGISTER = version('台账2026.xlsx', [
  body('市安全生产委员会', { 依据文件: '潍政字〔2019〕12号' }),
  body('市食品安全委员会', { 依据文件: '潍政字〔2019〕13号' }),
  body('市河长制领导小组', { 类别: '党委议事协调机构', 依据文件: '潍办发〔2019〕25号' }),
  body('市数字潍坊建设领导小组', { 依据文件: '潍政字〔2024〕30号' }),
  body('市预制菜产业发展工作领导小组', { 依据文件: '潍政字〔2023〕7号' }),
  body('市防汛抗旱指挥部', { 依据文件: '潍政字〔2019〕15号' }),
  body('市森林防灭火指挥部', { 依据文件: '潍政字〔2019〕16号' }),
  body('市社会信用体系建设联席会议', { 类别: '部门间联席会议', 依据文件: '潍政办字〔2020〕8号' }),
  body('市扫黑除恶专项斗争领导小组', {
    类别: '党委议事协调机构',
    依据文件: '潍办发〔2019〕22号',
    状态: '已撤销',
    撤销时间: '2024年6月',
    撤销文件: '潍办字〔2024〕8号',
  }),
  body('市农村人居环境整治工作领导小组', {
    类别: '党委议事协调机构',
    依据文件: '潍办发〔2019〕23号',
    状态: '已合并',
    撤销时间: '2024年3月',
    撤销文件: '潍办发〔2024〕5号',
  }),
]);

/** The list the 市委办公室 / 市政府办公室 sent: a title, sections, ordinals, a 文号 column. */
function officeList(rows: readonly (readonly CellValue[])[]): Grid {
  return {
    sheet: 'Sheet1',
    values: [
      ['潍坊市议事协调机构名单（市委办公室、市政府办公室）'],
      [null, '日期：2026年10月'],
      ['序号', '议事协调机构名称', '设立文件文号', '备注'],
      ...rows,
    ],
  };
}

const LIST_ROWS: (readonly CellValue[])[] = [
  ['一、市委议事协调机构（3个）', null, null, null],
  [1, '市河长制工作领导小组', '潍办发〔2019〕25号', null], // 工作 inserted: a near-identical name
  [2, '市扫黑除恶专项斗争领导小组', '潍办发〔2019〕22号', null], // abolished in the register
  [3, '市全面依法治市委员会', '潍办发〔2019〕30号', null], // not in the register at all
  ['二、市政府议事协调机构（5个）', null, null, null],
  [4, '潍坊市安全生产委员会', '潍政字〔2019〕12号', null],
  [5, '市食品安全委员会', '潍政字[2019]13号', null],
  [6, '市大数据发展工作领导小组', '潍政字〔2024〕30号', '2024年更名'], // old name; the same document as 数字潍坊
  [7, '市防汛抗旱指挥部', null, null],
  [8, '市森林防灭火指挥部', null, null],
  ['注：以上为截至2026年10月的存续机构。', null, null, null],
];

function listOf(rows = LIST_ROWS, file = '对账名单.xlsx'): ReferenceList {
  const read = readReferenceList([officeList(rows)], file);
  if (!read.ok) throw new Error(read.message);
  return read.list;
}

describe('reading the reference list', () => {
  it('finds the name column under a title, skips sections and notes, reads the 文号 column', () => {
    const list = listOf();
    expect(list.sheets).toEqual([
      { sheet: 'Sheet1', headerRow: 3, nameHeader: '议事协调机构名称', docHeader: '设立文件文号', entries: 8 },
    ]);
    expect(list.entries.map((e) => e.name)).toEqual([
      '市河长制工作领导小组',
      '市扫黑除恶专项斗争领导小组',
      '市全面依法治市委员会',
      '潍坊市安全生产委员会',
      '市食品安全委员会',
      '市大数据发展工作领导小组',
      '市防汛抗旱指挥部',
      '市森林防灭火指挥部',
    ]);
    expect(list.entries[0]).toMatchObject({
      row: 5,
      column: 2,
      header: '议事协调机构名称',
      docs: ['潍办发〔2019〕25号'],
    });
    expect(list.entries[4]!.docs).toEqual(['潍政字〔2019〕13号']);
    expect(list.title).toContain('潍坊市议事协调机构名单（市委办公室、市政府办公室）');
  });

  it('reads no 合计 row or footer as a name, wherever its text starts', () => {
    const list = listOf([
      ...LIST_ROWS,
      ['合计', '共8个', null, null],
      [null, '填表人：王芳', '联系电话：0536-8231234', null],
    ]);
    expect(list.entries).toHaveLength(8);
    expect(list.entries.map((e) => e.name)).not.toContain('共8个');
  });

  it('reads a bare list: a 名称 header and numbered names in one column', () => {
    const read = readReferenceList(
      [
        {
          sheet: '名单',
          values: [['名称'], ['1.市安全生产委员会'], ['（2）市防汛抗旱指挥部'], ['3、市食品安全委员会']],
        },
      ],
      'list.csv',
    );
    expect(read.ok && read.list.entries.map((e) => [e.row, e.name, e.docText])).toEqual([
      [2, '市安全生产委员会', ''],
      [3, '市防汛抗旱指挥部', ''],
      [4, '市食品安全委员会', ''],
    ]);
  });

  it('a list without a recognisable name column is refused with a clear message', () => {
    const read = readReferenceList(
      [
        {
          sheet: 'Sheet1',
          values: [
            ['序号', '单位', '文号'],
            [1, '市安全生产委员会', '潍政字〔2019〕12号'],
          ],
        },
      ],
      '名单.xlsx',
    );
    expect(read).toMatchObject({ ok: false, reason: 'no-name-column' });
    expect(!read.ok && read.message).toBe(
      '名单.xlsx：前 20 行中未找到机构名称列。对账名单应有一列机构名称，表头写作“机构名称”“议事协调机构名称”或“名称”。',
    );
  });

  it('an empty list (a header and nothing under it) is refused', () => {
    const read = readReferenceList([officeList([['一、市委议事协调机构（0个）', null, null, null]])], '名单.xlsx');
    expect(read).toMatchObject({ ok: false, reason: 'empty-list' });
    expect(!read.ok && read.message).toContain('名单为空');
    expect(!read.ok && read.message).toContain('“Sheet1”第 3 行');
  });
});

describe('reconcile', () => {
  const result = reconcile(REGISTER, listOf(), settings);

  it('matches by name (city prefix and document brackets aside), by near-identical name and by document', () => {
    expect(result.matched.map((x) => [x.register.name, x.reference.name, x.how])).toEqual([
      ['市安全生产委员会', '潍坊市安全生产委员会', 'name'],
      ['市食品安全委员会', '市食品安全委员会', 'name'],
      ['市河长制领导小组', '市河长制工作领导小组', 'similar'],
      ['市数字潍坊建设领导小组', '市大数据发展工作领导小组', 'document'],
      ['市防汛抗旱指挥部', '市防汛抗旱指挥部', 'name'],
      ['市森林防灭火指挥部', '市森林防灭火指挥部', 'name'],
    ]);
    const fuzzy = result.matched.find((x) => x.how === 'similar')!;
    expect(fuzzy.score).toBeGreaterThanOrEqual(settings.similarNameThreshold);
    expect(fuzzy.reference).toEqual({ file: '对账名单.xlsx', sheet: 'Sheet1', row: 5, name: '市河长制工作领导小组' });
    expect(result.matched.find((x) => x.how === 'document')!.score).toBeLessThan(settings.similarNameThreshold);
  });

  it('not-in-reference: active in the register, absent from the list (warnings on the register)', () => {
    expect(result.notInReference.map((x) => x.name)).toEqual([
      '市预制菜产业发展工作领导小组',
      '市社会信用体系建设联席会议',
    ]);
    expect(result.findings.register.map((f) => [f.code, f.severity, f.row, f.column])).toEqual([
      ['not-in-reference', 'warning', 7, '机构名称'],
      ['not-in-reference', 'warning', 10, '机构名称'],
    ]);
  });

  it('missing-from-register: on the list, not active in the register; an abolished row never counts as matched', () => {
    expect(result.missingFromRegister.map((x) => [x.reference.name, x.retired.map((r) => r.row)])).toEqual([
      ['市扫黑除恶专项斗争领导小组', [11]],
      ['市全面依法治市委员会', []],
    ]);
    const [abolished, absent] = result.findings.reference;
    expect(abolished).toMatchObject({
      code: 'missing-from-register',
      severity: 'error',
      sheet: 'Sheet1',
      row: 6,
      column: '议事协调机构名称',
      columnIndex: 2,
      params: { name: '市扫黑除恶专项斗争领导小组' },
    });
    expect(abolished!.related).toEqual([
      { file: '台账2026.xlsx', sheet: '市级', row: 11, value: '市扫黑除恶专项斗争领导小组' },
    ]);
    expect(absent!.related).toBeUndefined();
  });

  it('counts the groups and writes the four sheets', () => {
    expect(result.counts).toEqual({
      registerActive: 8,
      reference: 8,
      matched: 6,
      byName: 4,
      similar: 1,
      document: 1,
      notInReference: 2,
      missingFromRegister: 2,
    });
    const sheets = reconcileSheets(result, { registerFile: '台账2026.xlsx', listFile: '对账名单.xlsx' });
    expect(sheets.map((s) => s.name)).toEqual(['对账汇总', '已对上', '台账有名单无', '名单有台账无']);
    expect(sheets[0]!.rows).toEqual([
      ['台账中存续机构', 8],
      ['对账名单中机构', 8],
      ['已对上', 6],
      ['　其中名称相同', 4],
      ['　其中名称相近（请人工确认）', 1],
      ['　其中依据文件相同（请人工确认）', 1],
      ['台账有、名单无', 2],
      ['名单有、台账无', 2],
    ]);
    expect(sheets[3]!.rows[0]).toEqual([
      1,
      '市扫黑除恶专项斗争领导小组',
      '潍办发〔2019〕22号',
      'Sheet1 第6行',
      '市扫黑除恶专项斗争领导小组（市级 第11行）',
    ]);
    expect(reconcileSheets(result, { lang: 'en' })[1]!.rows[2]).toEqual([
      3,
      '市河长制领导小组',
      '市河长制工作领导小组',
      'Similar name',
      expect.any(Number),
      '市级 row 5',
      'Sheet1 row 5',
    ]);
  });

  it('a list that repeats a body matches it once; the repeat is missing-from-register', () => {
    const twice = reconcile(
      REGISTER,
      listOf([
        [1, '市防汛抗旱指挥部', null, null],
        [2, '市防汛抗旱指挥部', null, null],
      ]),
      settings,
    );
    expect(twice.matched.map((x) => x.reference.row)).toEqual([4]);
    expect(twice.missingFromRegister.map((x) => x.reference.row)).toEqual([5]);
  });
});
