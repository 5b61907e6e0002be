import { describe, expect, it } from 'vitest';
import { isoDayNumber } from '../../../src/ledger/cells/date';
import { DEFAULT_DEPARTMENTS } from '../../../src/ledger/departments';
import { messageOf, type Finding } from '../../../src/ledger/findings';
import type { Grid } from '../../../src/ledger/grid';
import {
  applyApprovals,
  buildOpinion,
  dutySimilarity,
  officeFromTitle,
  readApplications,
  registerLocalNames,
  reviewApplications,
  workingDaysBetween,
  type ApplicationReview,
} from '../../../src/ledger/review';
import { makeSettings, type SettingsInput } from '../../../src/ledger/settings';
import { validateSheet } from '../../../src/ledger/validate';
import { applicationGrid, applicationRow, d, registerGrid } from './fixtures';

const AS_OF = '2026-11-20'; // a Friday

function register(grid: Grid = registerGrid()) {
  return validateSheet(grid, makeSettings({ asOf: AS_OF }), { flags: false });
}

function review(rows: ReturnType<typeof applicationRow>[], settings: SettingsInput = {}): ApplicationReview[] {
  const read = readApplications([applicationGrid(rows)]);
  const report = register();
  const localNames = registerLocalNames(report.title, report.rows);
  return [
    ...reviewApplications(read.applications, report.rows, makeSettings({ asOf: AS_OF, ...settings }), { localNames })
      .reviews,
  ];
}

function codes(r: ApplicationReview): string[] {
  return r.findings.map((f) => f.code);
}

const FIVE_MEMBERS = '市发展改革委、市财政局、市自然资源局、市住房城乡建管局、市交通运输局';
const CLEAN = {
  name: '市低空经济发展工作领导小组',
  category: '政府议事协调机构',
  department: '市发改委',
  members: `${FIVE_MEMBERS}、市工业和信息化局、市公安局、市应急局、市市场监管局、市科技局`,
  duties: '统筹推进低空经济发展，研究制定低空空域协同管理和通用机场建设政策，培育无人机制造和低空物流应用场景',
  duration: '长期',
  parent: '省级设有省低空经济发展工作领导小组',
  applicant: '市发展改革委',
  appliedOn: d(2026, 11, 16),
  accepted: d(2026, 11, 17),
  reviewed: d(2026, 11, 18),
};

describe('reading applications', () => {
  it('reads one application per row under the header, never the title, 合计, 填表人 or 注 lines', () => {
    const read = readApplications([
      applicationGrid([
        applicationRow(1, CLEAN),
        applicationRow(2, {
          name: '市城市更新行动工作专班',
          category: '工作专班',
          department: '市住建局',
          members: '市财政局，市自然资源局；市住房城乡建管局\n市城管局（配合）等',
          duration: '长期',
        }),
      ]),
    ]);
    expect(read.applications.map((a) => [a.row, a.name])).toEqual([
      [4, '市低空经济发展工作领导小组'],
      [5, '市城市更新行动工作专班'],
    ]);
    expect(read.sheets[0]).toMatchObject({
      sheet: '申请',
      layout: 'table',
      headerRow: 3,
      title: ['2026年议事协调机构设立（调整）申请汇总表', '报送单位：市委办公室、市政府办公室', '2026年11月'],
    });
    const [clean, taskForce] = read.applications;
    expect(clean!.members).toHaveLength(10);
    expect(clean!.upper).toBe('yes');
    expect(clean!.appliedOn).toEqual({ year: 2026, month: 11, day: 16 });
    expect(clean!.stages.reviewed).toEqual({ year: 2026, month: 11, day: 18 });
    expect(taskForce!.members).toEqual(['市财政局', '市自然资源局', '市住房城乡建管局', '市城管局']);
    expect(taskForce!.category).toBe(4);
    expect(taskForce!.cells.department?.header).toBe('牵头部门');
  });

  it('reads a two-column form (字段 | 内容) as one application, and a printed form with two pairs per row', () => {
    const form: Grid = {
      sheet: '申请表',
      values: [
        ['议事协调机构设立申请表'],
        ['字段', '内容'],
        ['申请类型', '设立'],
        ['拟设机构名称', '市海洋牧场建设工作领导小组'],
        ['类别', '政府议事协调机构'],
        ['办事机构所在部门', '市海洋发展和渔业局'],
        ['成员单位', '市发展改革委、市财政局、市自然资源局'],
        ['存续时间', '至2028年12月31日'],
        ['上级机构设置情况', '上级未设置'],
        ['申请日期', 46339], // an Excel serial: 2026-11-13
        ['申请单位（盖章）：市海洋发展和渔业局'],
      ],
    };
    const printed: Grid = {
      sheet: 'Sheet1',
      values: [
        ['议事协调机构设立申请表'],
        ['申请单位', '市教育局', '申请日期', '2026年11月16日'],
        ['拟设机构名称', '市职业教育改革领导小组', '类别', '政府议事协调机构'],
        ['牵头部门', '市教育局', '存续期限', '长期'],
        ['成员单位', '市人社局、市财政局', '上级设置情况', '省级设有'],
      ],
    };
    const read = readApplications([form, printed]);
    expect(read.sheets.map((s) => s.layout)).toEqual(['form', 'form']);
    const [a, b] = read.applications;
    expect(a).toMatchObject({
      layout: 'form',
      row: 4,
      name: '市海洋牧场建设工作领导小组',
      upper: 'no',
      department: '市海洋发展和渔业局',
    });
    expect(a!.appliedOn).toEqual({ year: 2026, month: 11, day: 13 });
    expect(a!.duration).toEqual({ kind: 'until', end: { year: 2028, month: 12, day: 31 } });
    expect(b).toMatchObject({
      row: 3,
      name: '市职业教育改革领导小组',
      applicant: '市教育局',
      durationText: '长期',
      members: ['市人社局', '市财政局'],
    });
  });

  it('never takes a register (设立时间, 依据文件, 历史沿革 and no application column) for applications', () => {
    const read = readApplications([registerGrid()]);
    expect(read.applications).toEqual([]);
    expect(read.sheets[0]!.layout).toBe('skipped');
  });

  it('skips a sheet that is neither', () => {
    const read = readApplications([{ sheet: '说明', values: [['填表说明'], ['一、每件申请一行。']] }]);
    expect(read.applications).toEqual([]);
    expect(read.sheets[0]!.layout).toBe('skipped');
  });
});

describe('checks against the register', () => {
  it('the register: 合计 and a footer over several cells are not bodies', () => {
    expect(register().rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it('a clean application: no findings, 同意设立 with its reasons', () => {
    const [r] = review([applicationRow(1, CLEAN)]);
    expect(r!.findings).toEqual([]);
    expect(r!.conclusion.zh).toBe('同意设立');
    expect(r!.conclusion.reasons.map((x) => x.zh)).toEqual([
      '上级设有对应机构（省级设有省低空经济发展工作领导小组）',
      '台账中没有名称或职责相近的存续机构',
    ]);
    expect(r!.stage).toMatchObject({ key: 'checked', label: '组织部审核', waitingDays: 2 });
  });

  it('duplicate-of-existing: the same body after normalisation (东营市… = 市…) → 不同意设立', () => {
    const [r] = review([applicationRow(1, { ...CLEAN, name: '东营市安全生产委员会', duties: '' })]);
    const f = r!.findings.find((x) => x.code === 'duplicate-of-existing')!;
    expect(f).toMatchObject({
      severity: 'error',
      sheet: '申请',
      row: 4,
      column: '拟设机构名称',
      value: '东营市安全生产委员会',
    });
    expect(f.related).toEqual([{ sheet: '台账', row: 4, value: '市安全生产委员会', score: 1 }]);
    expect(f.params.application).toBe('东营市安全生产委员会');
    expect(r!.conclusion).toMatchObject({ kind: 'reject', zh: '不同意设立' });
  });

  it('similar-to-existing by name, with the body and its score → 建议不单独设立，由 X 统筹', () => {
    const [r] = review([applicationRow(1, { ...CLEAN, name: '市食品安全工作委员会', duties: '' })]);
    const f = r!.findings.find((x) => x.code === 'similar-to-existing')!;
    expect(f.related![0]).toMatchObject({ sheet: '台账', row: 5, value: '市食品安全委员会' });
    expect(f.related![0]!.score).toBeGreaterThanOrEqual(0.71);
    expect(r!.conclusion.zh).toBe('建议不单独设立，由市食品安全委员会统筹');
  });

  it('similar-to-existing by 主要职责 when the names differ', () => {
    const duties = '组织领导全市河湖管理保护工作，协调解决河湖水污染防治、河道清障和岸线管理中的问题';
    expect(
      dutySimilarity(
        duties,
        '组织领导全市河湖管理保护工作，协调解决河湖水污染防治、水环境治理、河道清障和岸线管理中的重大问题',
      ),
    ).toBeGreaterThan(0.7);
    const [r] = review([applicationRow(1, { ...CLEAN, name: '市河湖保护管理委员会', duties })]);
    const f = r!.findings.find((x) => x.code === 'similar-to-existing')!;
    expect(f).toMatchObject({ column: '主要职责', related: [{ row: 6, value: '市河长制工作领导小组' }] });
    expect(messageOf(f)).toContain('主要职责相近');
    expect(r!.conclusion.zh).toBe('建议不单独设立，由市河长制工作领导小组统筹');
    // Boilerplate alone (统筹协调、研究解决重大问题、完成…交办的其他事项) is no overlap.
    expect(
      dutySimilarity(
        '统筹协调全市有关工作，研究解决重大问题，完成市委市政府交办的其他事项',
        '统筹协调全市相关工作，研究解决重大问题，完成市委市政府交办的其他事项',
      ),
    ).toBeLessThan(0.5);
  });

  it('an abolished body is not an existing one', () => {
    const [r] = review([
      applicationRow(1, { ...CLEAN, name: '市第七次全国人口普查领导小组', duties: '', duration: '任务完成后撤销' }),
    ]);
    expect(codes(r!)).not.toContain('duplicate-of-existing');
  });

  it('missing-term: a 工作专班 that is 长期 or has no term → 需补充材料', () => {
    const [longTerm, empty, withEnd] = review([
      applicationRow(1, {
        ...CLEAN,
        name: '市城市更新行动工作专班',
        category: '工作专班',
        duration: '长期',
        duties: '',
      }),
      applicationRow(2, { ...CLEAN, name: '市第一次全国自然灾害综合风险普查领导小组', duration: '', duties: '' }),
      applicationRow(3, {
        ...CLEAN,
        name: '市城市更新行动工作专班',
        category: '工作专班',
        duration: '至2027年12月31日',
        duties: '',
      }),
    ]);
    expect(longTerm!.findings.find((f) => f.code === 'missing-term')).toMatchObject({
      severity: 'error',
      column: '存续期限',
      value: '长期',
    });
    expect(longTerm!.conclusion.zh).toBe('需补充材料');
    expect(codes(empty!)).toContain('missing-term');
    expect(codes(withEnd!)).not.toContain('missing-term');
  });

  it('narrow, time-bound work with few members → 建议改设为工作专班/专项小组', () => {
    const [r] = review([
      applicationRow(1, {
        ...CLEAN,
        name: '市第二届全省青年运动会筹备工作领导小组',
        members: FIVE_MEMBERS,
        duration: '至2027年10月31日',
        duties: '负责全省青年运动会场馆改造、赛事保障和接待工作',
      }),
    ]);
    expect(r!.findings).toEqual([]);
    expect(r!.conclusion).toMatchObject({ kind: 'task-force', zh: '建议改设为工作专班/专项小组' });
    expect(r!.conclusion.reasons[0]!.zh).toContain('存续时间“至2027年10月31日”');
  });

  it('no-upper-counterpart: info; without a 设立理由 → 需补充材料, with one → 同意设立', () => {
    const [bare, argued] = review([
      applicationRow(1, { ...CLEAN, parent: '上级未设置' }),
      applicationRow(2, {
        ...CLEAN,
        name: '市盐碱地综合利用工作领导小组',
        duties: '统筹盐碱地综合利用试点',
        parent: '无',
        reason: '涉及农业、水利、自然资源等多个部门，需市政府领导经常协调',
      }),
    ]);
    expect(bare!.findings.map((f) => [f.code, f.severity, f.column])).toEqual([
      ['no-upper-counterpart', 'info', '上级设置情况'],
    ]);
    expect(bare!.conclusion.zh).toBe('需补充材料');
    expect(codes(argued!)).toEqual(['no-upper-counterpart']);
    expect(argued!.conclusion.zh).toBe('同意设立');
  });

  it('too-many-members: above the maximum, or ≥ 80% of the department list', () => {
    const nearlyAll = DEFAULT_DEPARTMENTS.slice(0, 40).join('、'); // 40 of 49 = 82%, also above 30
    const [many, share] = review(
      [
        applicationRow(1, { ...CLEAN, members: nearlyAll }),
        applicationRow(2, {
          ...CLEAN,
          name: '市海洋经济高质量发展领导小组',
          duties: '统筹海洋经济高质量发展',
          members: DEFAULT_DEPARTMENTS.slice(0, 40).join('、'),
        }),
      ],
      { maxMemberUnits: 45 },
    );
    // With a maximum of 45, 40 members are still ≥ 80% of the list.
    expect(many!.findings.find((f) => f.code === 'too-many-members')!.params.why).toBe(
      '覆盖部门名单 49 个部门中的 40 个（82%）',
    );
    expect(share!.conclusion.reasons.map((x) => x.zh)).toContain('成员单位 40 个，建议精简为与工作直接相关的部门');
    const [over] = review([applicationRow(1, { ...CLEAN, members: DEFAULT_DEPARTMENTS.slice(0, 31).join('、') })]);
    expect(over!.findings.find((f) => f.code === 'too-many-members')).toMatchObject({
      severity: 'warning',
      value: '31',
      column: '成员单位',
    });
    const [fine] = review([applicationRow(1, CLEAN)]);
    expect(codes(fine!)).not.toContain('too-many-members');
  });

  it('over-limit-after: uses activeBodyLimit (5 active categories 1–2 in the register)', () => {
    expect(codes(review([applicationRow(1, CLEAN)], { activeBodyLimit: 5 })[0]!)).toEqual(['over-limit-after']);
    expect(codes(review([applicationRow(1, CLEAN)], { activeBodyLimit: 6 })[0]!)).toEqual([]);
    expect(codes(review([applicationRow(1, CLEAN)])[0]!)).toEqual([]); // no limit by default
    // A joint meeting does not count.
    expect(
      codes(
        review([applicationRow(1, { ...CLEAN, name: '市低空经济发展联席会议', category: '部门间联席会议' })], {
          activeBodyLimit: 5,
        })[0]!,
      ),
    ).toEqual([]);
  });

  it('review-overdue: working days since the last stage, weekends not counted', () => {
    expect(workingDaysBetween(isoDayNumber('2026-11-13'), isoDayNumber('2026-11-16'))).toBe(1); // Friday → Monday
    expect(workingDaysBetween(isoDayNumber('2026-11-10'), isoDayNumber('2026-11-20'))).toBe(8);
    expect(
      workingDaysBetween(isoDayNumber('2026-11-10'), isoDayNumber('2026-11-20'), new Set([isoDayNumber('2026-11-11')])),
    ).toBe(7);
    const [late, onTime] = review([
      applicationRow(1, { ...CLEAN, appliedOn: d(2026, 11, 9), accepted: d(2026, 11, 10), reviewed: null }),
      applicationRow(2, {
        ...CLEAN,
        name: '市数字乡村建设工作领导小组',
        duties: '',
        appliedOn: d(2026, 11, 13),
        accepted: null,
        reviewed: null,
      }),
    ]);
    const f = late!.findings.find((x) => x.code === 'review-overdue')!;
    expect(f).toMatchObject({
      column: '编办审核日期',
      row: 4,
      params: { stage: '编办审核', since: '2026-11-10', days: 8, limit: 5 },
    });
    expect(late!.stage).toMatchObject({ key: 'reviewed', waitingDays: 8 });
    expect(onTime!.stage).toMatchObject({ key: 'accepted', waitingDays: 5 });
    expect(codes(onTime!)).not.toContain('review-overdue');
    expect(
      codes(
        review([applicationRow(2, { ...CLEAN, appliedOn: d(2026, 11, 13), accepted: null, reviewed: null })], {
          reviewWorkingDays: 4,
        })[0]!,
      ),
    ).toContain('review-overdue');
  });

  it('unknown-department for the host and for each member unit', () => {
    const [r] = review([
      applicationRow(1, { ...CLEAN, department: '市大数据局', members: `${FIVE_MEMBERS}、市城投集团` }),
    ]);
    expect(r!.findings.filter((f) => f.code === 'unknown-department').map((f) => [f.column, f.value])).toEqual([
      ['牵头部门', '市大数据局'],
      ['成员单位', '市城投集团'],
    ]);
    expect(r!.conclusion.reasons.map((x) => x.zh)).toContain('核实单位名称：市大数据局、市城投集团');
  });

  it('category-name-mismatch, only when 类别 was given', () => {
    const [given, inferred] = review([
      applicationRow(1, { ...CLEAN, category: '部门间联席会议' }),
      applicationRow(2, { ...CLEAN, name: '市低空经济发展联席会议', category: '' }),
    ]);
    expect(given!.findings.find((f) => f.code === 'category-name-mismatch')).toMatchObject({
      column: '拟设机构名称',
      params: { category: '部门间联席会议' },
    });
    expect(inferred!.application.category).toBe(3);
    expect(codes(inferred!)).not.toContain('category-name-mismatch');
  });

  it('every finding names its application (row and params.application), in zh and en', () => {
    const reviews = review([
      applicationRow(1, { ...CLEAN, name: '东营市安全生产委员会' }),
      applicationRow(2, {
        ...CLEAN,
        name: '市城市更新行动工作专班',
        category: '工作专班',
        parent: '上级未设置',
        appliedOn: d(2026, 11, 2),
        accepted: null,
        reviewed: null,
      }),
    ]);
    const all: Finding[] = reviews.flatMap((r) => [...r.findings]);
    expect(all.length).toBeGreaterThan(3);
    for (const r of reviews)
      for (const f of r.findings) {
        expect(f.row).toBe(r.application.row);
        expect(f.params.application).toBe(r.application.name);
        expect(messageOf(f, 'zh')).toContain(r.application.name);
        expect(messageOf(f, 'en')).toContain(r.application.name);
      }
  });

  it('a rename to an existing name is refused; abolishing a body not on the register needs material', () => {
    const [rename, abolish] = review([
      applicationRow(1, { type: '更名', name: '市食品安全委员会' }),
      applicationRow(2, { type: '撤销', name: '市城市品质提升工作领导小组' }),
    ]);
    expect(rename!.conclusion.zh).toBe('不同意更名');
    expect(abolish!.conclusion.zh).toBe('需补充材料');
    expect(abolish!.conclusion.reasons[0]!.zh).toContain('台账中未找到');
  });
});

describe('applying an issued 设立 to the register', () => {
  it('appends one correct row after the last body, keeps every other row, and skips duplicates', () => {
    const grid = registerGrid();
    const settings = makeSettings({ asOf: AS_OF });
    const report = validateSheet(grid, settings, { flags: false });
    const read = readApplications([
      applicationGrid([
        applicationRow(1, { ...CLEAN, checked: d(2026, 11, 19), issued: d(2026, 11, 20), doc: '东政字[2026]031号' }),
        applicationRow(2, {
          ...CLEAN,
          name: '东营市安全生产委员会',
          issued: d(2026, 11, 20),
          doc: '东政字〔2026〕32号',
        }),
        applicationRow(3, { ...CLEAN, name: '市数字乡村建设工作领导小组' }), // not issued yet
      ]),
    ]);
    const reviews = reviewApplications(read.applications, report.rows, settings, {
      localNames: registerLocalNames(report.title, report.rows),
    }).reviews;
    const result = applyApprovals(grid, report, reviews, settings);
    expect(result.added.map((a) => [a.application.name, a.row])).toEqual([['市低空经济发展工作领导小组', 11]]);
    expect(result.skipped.map((s) => [s.application.name, s.zh])).toEqual([
      ['东营市安全生产委员会', '台账中已有同名存续机构，未重复添加'],
    ]);
    expect(result.values).toHaveLength(grid.values.length + 1);
    expect(result.values.slice(0, 10)).toEqual(grid.values.slice(0, 10));
    expect(result.values.slice(11)).toEqual(grid.values.slice(10));
    expect(result.values[10]).toEqual([
      8,
      '市低空经济发展工作领导小组',
      '政府议事协调机构',
      d(2026, 11, 20),
      '东政字〔2026〕31号',
      '市发展改革委',
      '长期',
      '2026年设立',
      '省级设有省低空经济发展工作领导小组',
      '存续',
      CLEAN.duties,
      null,
      null,
    ]);
    const after = validateSheet({ ...grid, values: result.values }, settings);
    expect(after.rows).toHaveLength(8);
    // Only the contact person is left to fill in (the application names none).
    expect(after.findings.filter((f) => f.row === 11).map((f) => f.code)).toEqual(['missing-contact']);
  });
});

describe('the 审核意见 content', () => {
  it('has the title, the application, every check with its result, the conclusion with numbered reasons, the office and the date', () => {
    const [r] = review([
      applicationRow(1, {
        ...CLEAN,
        name: '市城市更新行动工作专班',
        category: '工作专班',
        duties: '',
        members: FIVE_MEMBERS,
      }),
    ]);
    const o = buildOpinion(r!, makeSettings({ asOf: AS_OF }), {
      office: officeFromTitle(register().title),
      dutiesCompared: true,
      activeCoordinating: 5,
    });
    expect(o.title).toBe('关于设立市城市更新行动工作专班的审核意见（代拟稿）');
    expect(o.opening).toBe(
      '市发展改革委于2026年11月16日报送的关于设立市城市更新行动工作专班的申请收悉。经对照议事协调机构管理台账审核，现提出审核意见如下：',
    );
    expect(o.application).toContainEqual(['成员单位（5个）', FIVE_MEMBERS]);
    expect(o.checks.map((c) => [c.item, c.resultText])).toEqual([
      ['与现有机构是否重名', '符合'],
      ['与现有机构名称、职责是否相近', '符合'],
      ['存续期限', '存在问题'],
      ['上级机构设置情况', '符合'],
      ['成员单位数量', '符合'],
      ['总量控制', '符合'],
      ['单位名称', '符合'],
      ['类别与名称', '符合'],
      ['办理时限', '符合'],
    ]);
    expect(o.checks[4]!.detail).toBe('成员单位 5 个（上限 30 个）');
    expect(o.conclusion).toBe('需补充材料');
    expect(o.reasons).toEqual([
      '（一）工作专班或阶段性任务应明确存续期限（如“至2027年12月31日”或“任务完成后撤销”）',
      '（二）未填写主要职责',
    ]);
    expect(o.office).toBe('中共东营市委机构编制委员会办公室');
    expect(o.date).toBe('2026年11月20日');
    const en = buildOpinion(r!, makeSettings({ asOf: AS_OF }), { lang: 'en' });
    expect(en.title).toBe('Review opinion on the application to 设立 市城市更新行动工作专班 (draft)');
    expect(en.conclusion).toBe('More material needed');
    expect(en.checks.find((c) => c.item === 'Term')!.resultText).toBe('Problem');
  });
});
