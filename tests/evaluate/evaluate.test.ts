/**
 * 多方评价 core: reading returned 自评表 / 成员单位评价表 grids (aliases, titles, 合计 and footers),
 * matching to the register (exact, similar with its score, unknown with the nearest), the three
 * indicators and the total, grades and ranks, member units, findings and suggestions.
 */
import { describe, expect, it } from 'vitest';
import {
  conductScore,
  cooperationScore,
  evaluateBodies,
  makeEvaluationSettings,
  mergeReads,
  parseCount,
  parseEvaluationSettings,
  parseProposal,
  evaluationSheets,
  parseScore,
  performanceScore,
  rankBy,
  readEvaluationGrids,
  templateSheets,
  totalScore,
  type EvaluationResult,
} from '../../src/ledger/evaluate';
import { messageOf } from '../../src/ledger/findings';
import type { CellValue, Grid } from '../../src/ledger/grid';
import { memberGrid, registerGrid, selfGrid } from './grids';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';

const SETTINGS = makeSettings({ asOf: '2026-11-25' });

function register() {
  const report = validateSheet(registerGrid(), SETTINGS);
  return { file: '台账.xlsx', rows: report.rows, findings: report.findings, title: report.title };
}

function evaluate(): EvaluationResult {
  const read = mergeReads([
    readEvaluationGrids([selfGrid()], '市政府系统.xlsx'),
    readEvaluationGrids([memberGrid()], '成员单位评价表.xlsx'),
  ]);
  return evaluateBodies(register(), read, SETTINGS, makeEvaluationSettings({ year: 2025 }));
}

const body = (r: EvaluationResult, name: string) => {
  const b = r.bodies.find((x) => x.name === name);
  if (!b) throw new Error(`no body ${name}`);
  return b;
};
const codes = (r: EvaluationResult, code: string) => r.findings.filter((f) => f.finding.code === code);

describe('reading returned sheets', () => {
  it('finds the header below the title, maps aliases and never reads 合计 or the footer as a body', () => {
    const read = readEvaluationGrids(
      [selfGrid(), memberGrid(), { sheet: '填表说明', values: [['请于2026年1月20日前报送']] }],
      'x.xlsx',
    );
    expect(read.sheets.map((s) => [s.sheet, s.kind, s.headerRow, s.rows])).toEqual([
      ['自评表', 'self', 3, 9],
      ['成员单位评价', 'member', 2, 7],
    ]);
    expect(read.sheets[0]!.title).toEqual(['东营市市级议事协调机构2025年度运行情况自评表', '填报单位：市政府办公室']);
    expect(read.sheets[0]!.footer).toEqual(['填表人：王晓燕 审核人：李建国 联系电话：0546-8387654']);
    expect(read.sheets[0]!.headers).toMatchObject({
      name: '议事协调机构名称',
      meetings: '会议次数',
      documents: '发文数',
      department: '牵头部门',
      proposal: '调整意见',
    });
    expect(read.selfRows.map((r) => r.name)).not.toContain('合计');
    expect(read.selfRows.every((r) => !r.name.startsWith('填表人'))).toBe(true);
    const row = read.selfRows[0]!;
    expect([row.row, row.year, row.counts.problems, row.workRules, row.workPoints]).toEqual([4, 2025, 5, true, true]);
    expect(read.selfRows.find((r) => r.row === 10)!.counts.meetings).toBe(3); // 三次
  });

  it('reports invalid counts and scores at their cells, and keeps the rest of the row', () => {
    const read = readEvaluationGrids([selfGrid(), memberGrid()], 'x.xlsx');
    const found = read.findings.map((f) => [
      f.finding.sheet,
      f.finding.row,
      f.finding.column,
      f.finding.value,
      f.finding.params.reason,
    ]);
    expect(found).toEqual([
      ['自评表', 12, '发文数', '-1', '不能为负数'],
      ['自评表', 12, '解决问题数', '2.5', '应为整数'],
      ['成员单位评价', 8, '协调配合 （0-100分）', '105', '应在 0–100 之间'],
    ]);
    const member = read.memberRows.find((r) => r.row === 8)!;
    expect(member.scores).toEqual({ sharing: 90, tasks: 90, attendance: 90 });
    expect(member.rowScore).toBe(90);
    expect(read.memberRows.find((r) => r.row === 4)!.rowScore).toBe(47.5); // '40分' read as 40
  });

  it('parses counts, scores and proposals as people write them', () => {
    expect(['3', '3次', '三次', '无', 0, 12].map((v) => parseCount(v))).toEqual(
      [3, 3, 3, 0, 0, 12].map((value) => ({ ok: true, value })),
    );
    expect(parseCount('')).toEqual({ ok: true, value: null });
    for (const bad of ['若干', -2, 1.5, '多次', true]) expect(parseCount(bad as CellValue).ok).toBe(false);
    expect(parseScore('85分')).toEqual({ ok: true, value: 85 });
    expect(parseScore(92.5)).toEqual({ ok: true, value: 92.5 });
    for (const bad of [105, -1, '优秀']) expect(parseScore(bad).ok).toBe(false);
    expect(parseProposal('阶段性任务已完成，建议撤销')?.action).toBe('撤销');
    expect(parseProposal('建议与市河长制工作领导小组合并')?.action).toBe('合并');
    expect(parseProposal('办公室由市残联机关调整至市民政局，调整隶属关系')?.action).toBe('调整隶属关系');
    expect(parseProposal('无')).toBe(null);
  });

  it('skips template rows nobody filled in', () => {
    const [self] = templateSheets(register().rows, { year: 2025 });
    const grid: Grid = {
      sheet: self!.name,
      values: [...(self!.preamble ?? []), self!.columns.map((c) => c.header), ...self!.rows],
    };
    const read = readEvaluationGrids([grid], '自评表.xlsx');
    expect(read.sheets[0]!.kind).toBe('self');
    expect(read.selfRows).toEqual([]);
  });
});

describe('indicators', () => {
  const targets = makeEvaluationSettings().targets;
  const counts = (c: Partial<Record<'meetings' | 'documents' | 'problems' | 'keyTasks' | 'doneTasks', number>>) => ({
    meetings: null,
    documents: null,
    problems: null,
    keyTasks: null,
    doneTasks: null,
    ...c,
  });

  it('computes the documented formulas', () => {
    expect(performanceScore(counts({ keyTasks: 4, doneTasks: 3, problems: 3 }), targets)).toBe(85); // 60 × 3/4 + 40
    expect(performanceScore(counts({ keyTasks: 5, doneTasks: 1, problems: 0 }), targets)).toBe(12);
    expect(conductScore(counts({ meetings: 1, documents: 0 }), false, false, targets)).toBe(15);
    expect(conductScore(counts({ meetings: 0, documents: 3 }), true, true, targets)).toBe(70);
    expect(cooperationScore([80, 90, 95])).toBe(88.3);
    expect(cooperationScore([])).toBe(null);
    expect(totalScore({ performance: 85, conduct: 70, cooperation: 88.3 }, makeEvaluationSettings().weights)).toBe(
      81.5,
    );
    // Without member scores the weight of 配合 is spread over the other two.
    expect(totalScore({ performance: 85, conduct: 70, cooperation: null }, makeEvaluationSettings().weights)).toBe(
      78.6,
    );
  });

  it('never lowers a score when a count grows', () => {
    const keys = ['meetings', 'documents', 'problems', 'doneTasks'] as const;
    for (let seed = 0; seed < 200; seed++) {
      const base = {
        meetings: seed % 4,
        documents: (seed * 3) % 5,
        problems: (seed * 7) % 6,
        keyTasks: 1 + (seed % 5),
        doneTasks: (seed * 5) % 6,
      };
      for (const key of keys) {
        const more = { ...base, [key]: base[key] + 1 };
        expect(performanceScore(more, targets)).toBeGreaterThanOrEqual(performanceScore(base, targets));
        expect(conductScore(more, seed % 2 === 0, seed % 3 === 0, targets)).toBeGreaterThanOrEqual(
          conductScore(base, seed % 2 === 0, seed % 3 === 0, targets),
        );
      }
    }
  });

  it('ranks ties together (1, 2, 2, 4) and leaves the unscored out', () => {
    expect(rankBy([70, 90, null, 80, 80], (x) => x)).toEqual([4, 1, null, 2, 2]);
  });

  it('takes weights, grades and the passing grade from settings, never constants', () => {
    const defaults = makeEvaluationSettings();
    expect([defaults.weights, defaults.grades, defaults.passingGrade]).toEqual([
      { performance: 40, conduct: 30, cooperation: 30 },
      { good: 85, fairlyGood: 70, fair: 60 },
      '一般',
    ]);
    expect(parseEvaluationSettings({ grades: { good: 60, fairlyGood: 70 } }).ok).toBe(false);
    expect(parseEvaluationSettings({ weights: { performance: 0, conduct: 0, cooperation: 0 } }).ok).toBe(false);
    const read = mergeReads([readEvaluationGrids([selfGrid()], 's.xlsx')]);
    const strict = evaluateBodies(
      register(),
      read,
      SETTINGS,
      makeEvaluationSettings({ year: 2025, passingGrade: '好' }),
    );
    const lenient = evaluateBodies(register(), read, SETTINGS, makeEvaluationSettings({ year: 2025 }));
    expect(strict.passing).toBe(85);
    expect(strict.counts.low).toBeGreaterThan(lenient.counts.low);
  });
});

describe('evaluateBodies', () => {
  const result = evaluate();

  it('matches the same name exactly and a differently written one by similarity, with its score', () => {
    expect(body(result, '市委全面依法治市委员会').self).toMatchObject({ how: 'name', score: 1, row: 4 });
    const similar = body(result, '市打击治理电信网络新型违法犯罪联席会议').self!;
    expect(similar.how).toBe('similar');
    expect(similar.written).toBe('市打击治理电信网络诈骗违法犯罪联席会议');
    expect(similar.score).toBeGreaterThan(0.71);
    expect(similar.score).toBeLessThan(1);
    expect(result.inexact.map((m) => [m.kind, m.written, m.body])).toEqual([
      ['self', '市打击治理电信网络诈骗违法犯罪联席会议', '市打击治理电信网络新型违法犯罪联席会议'],
      ['member', '市防范处置金融风险联席会议', '市金融风险防范处置联席会议'],
    ]);
  });

  it('reports rows naming no active body, saying when the register has abolished it', () => {
    const found = codes(result, 'unknown-evaluated-body').map((f) => [f.file, f.finding.row, f.finding.value]);
    expect(found).toEqual([
      ['市政府系统.xlsx', 11, '市第七次全国人口普查领导小组'],
      ['市政府系统.xlsx', 12, '市招商引资工作领导小组'],
    ]);
    expect(messageOf(codes(result, 'unknown-evaluated-body')[0]!.finding)).toContain('台账第 13 行状态为已撤销');
  });

  it('reports the active bodies without a self-evaluation at their register row', () => {
    expect(
      codes(result, 'missing-self-evaluation').map((f) => [f.file, f.finding.sheet, f.finding.row, f.finding.value]),
    ).toEqual([
      ['台账.xlsx', '台账', 11, '市海上搜救中心'],
      ['台账.xlsx', '台账', 12, '市金融风险防范处置联席会议'],
    ]);
    const missing = body(result, '市海上搜救中心');
    expect([missing.total, missing.grade, missing.rank, missing.suggestion]).toEqual([null, null, null, '督促整改']);
  });

  it('flags idle bodies, but not a body with documents and no meeting', () => {
    expect(codes(result, 'idle-body').map((f) => f.finding.row)).toEqual([6, 7]);
    expect(body(result, '市海洋经济发展联席会议').idle).toBe(false);
    expect(body(result, '市第五次全国经济普查领导小组').idle).toBe(true); // 无 counts as 0
  });

  it('scores, grades and ranks every evaluated body', () => {
    const b = body(result, '市委全面依法治市委员会');
    // 实绩 60 + 40; 规范 30 + 20 + 30 + 20; 配合 the mean of 市公安局 (92+90+95+94)/4 and 市统计局 (50+52+48+40)/4
    expect(b.scores).toEqual({ performance: 100, conduct: 100, cooperation: 70.2 }); // (92.8 + 47.5) / 2
    expect(b.total).toBe(91.1); // (40 × 100 + 30 × 100 + 30 × 70.2) / 100
    expect(b.grade).toBe('好');
    const ranked = result.bodies.filter((x) => x.rank !== null).sort((x, y) => x.rank! - y.rank!);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.total!).toBeLessThanOrEqual(ranked[i - 1]!.total!);
    expect(codes(result, 'low-evaluation').map((f) => f.finding.value)).toEqual([
      '市食品安全工作委员会',
      '市第五次全国经济普查领导小组',
    ]);
  });

  it('ranks member units by their mean, resolving short names, and flags the weak one', () => {
    expect(result.members.map((m) => [m.rank, m.unit, m.bodies])).toEqual([
      [1, '市公安局', 2],
      [2, '市财政局', 1],
      [3, '市发展改革委', 2],
      [4, '市统计局', 2],
    ]);
    const weak = result.members.find((m) => m.unit === '市统计局')!;
    expect(weak.mean).toBe(50.7); // (47.5 + 53.8) / 2: its two bodies, each the mean of its row
    expect(weak.low).toBe(true);
    expect(result.members.find((m) => m.unit === '市发展改革委')!.spellings).toEqual(['市发改委', '市发展改革委']);
    const f = codes(result, 'low-member-score');
    expect(f.map((x) => [x.file, x.finding.row, x.finding.column, x.finding.value])).toEqual([
      ['成员单位评价表.xlsx', 4, '成员单位', '市统计局'],
    ]);
  });

  it('suggests one action per body from the evaluation and what the register knows', () => {
    const s = (name: string) => [body(result, name).suggestion, body(result, name).partner?.name ?? null];
    expect(s('市第五次全国经济普查领导小组')).toEqual(['撤销', null]); // overdue and idle
    expect(body(result, '市第五次全国经济普查领导小组').reasons.map((r) => r.basis)).toEqual([
      'overdue',
      'idle-body',
      'low-evaluation',
    ]);
    expect(s('市食品安全工作委员会')).toEqual(['合并', '市食品安全委员会']); // idle, similar-name partner
    expect(s('市城乡环境综合整治工作领导小组')).toEqual(['更名', null]); // category-name-mismatch
    expect(body(result, '市城乡环境综合整治工作领导小组').reasons.map((r) => r.basis)).toContain('missing-work-rules');
    expect(s('市委全面依法治市委员会')).toEqual(['保留', null]);
    expect(s('市海洋经济发展联席会议')).toEqual(['保留', null]);
    expect(result.counts.byAction).toEqual({ 撤销: 1, 合并: 1, 更名: 1, 调整隶属关系: 0, 督促整改: 2, 保留: 4 });
  });

  it('follows the office’s own proposal and names a merge partner from its text', () => {
    const grid = selfGrid();
    const values = grid.values.map((r) => [...r]);
    values[4]![12] = '建议与市食品安全工作委员会合并';
    values[3]![12] = '调整隶属关系：办公室调整至市委政法委';
    const read = readEvaluationGrids([{ ...grid, values }], 's.xlsx');
    const r = evaluateBodies(register(), read, SETTINGS, makeEvaluationSettings({ year: 2025 }));
    expect([body(r, '市食品安全委员会').suggestion, body(r, '市食品安全委员会').partner?.name]).toEqual([
      '合并',
      '市食品安全工作委员会',
    ]);
    expect(body(r, '市委全面依法治市委员会').suggestion).toBe('调整隶属关系');
  });

  it('leaves rows of another year out, and says so', () => {
    const grid = selfGrid();
    const values = grid.values.map((r) => [...r]);
    values[4]![2] = 2024;
    const r = evaluateBodies(
      register(),
      readEvaluationGrids([{ ...grid, values }], 's.xlsx'),
      SETTINGS,
      makeEvaluationSettings({ year: 2025 }),
    );
    expect(r.ignored.filter((i) => i.reason === 'other-year').map((i) => i.name)).toEqual(['市食品安全委员会']);
    expect(body(r, '市食品安全委员会').self).toBe(null);
  });
});

describe('written sheets', () => {
  const part = (zip: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(zip[name]!);

  it('gives the template number ranges and dropdowns, and colours grades in the result', async () => {
    const { unzipSync } = await import('fflate');
    const { writeWorkbook } = await import('../../src/xlsx/write');
    const template = unzipSync(
      await writeWorkbook(templateSheets(register().rows, { year: 2025, departments: SETTINGS.departments })),
    );
    const self = part(template, 'xl/worksheets/sheet1.xml');
    // 召开会议次数 … 完成任务数 (E–I): whole numbers ≥ 0; 工作规则 (J) a dropdown.
    expect(self).toMatch(
      /<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="E4:E22"><formula1>0<\/formula1><\/dataValidation>/,
    );
    expect(self).toMatch(
      /<dataValidation type="list"[^>]*sqref="J4:J22"><formula1>&quot;已制定,未制定&quot;<\/formula1>/,
    );
    const members = part(template, 'xl/worksheets/sheet2.xml');
    expect(members).toMatch(
      /<dataValidation type="decimal" operator="between"[^>]*sqref="D4:D\d+"><formula1>0<\/formula1><formula2>100<\/formula2>/,
    );

    const result = unzipSync(await writeWorkbook(evaluationSheets(evaluate(), { settings: makeEvaluationSettings() })));
    const styles = part(result, 'xl/styles.xml');
    for (const colour of ['FFC6EFCE', 'FFFFC7CE']) expect(styles).toContain(`<fgColor rgb="${colour}"/>`);
  });
});
