/**
 * `ledger evaluate` end to end through the real bin on the committed samples (samples/evaluation,
 * a folder of three returns in two formats and a member-unit sheet): every case of
 * scripts/samples/evaluation.ts gets its suggested action, the idle bodies, the near miss, the
 * differently written names, the weak member unit and the invalid scores are reported, and bad
 * usage exits 2 with nothing written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import { readWorkbook } from '../../src/read';
import {
  BAD_SCORE,
  CASES,
  EVALUATION_FILES,
  EVALUATION_YEAR,
  MEMBER_WRITTEN,
  SHORT_UNIT,
  UNKNOWN_MEMBER,
  UNKNOWN_SELF,
  WEAK_UNIT,
} from '../../scripts/samples/evaluation';
import { ledger, SAMPLES } from '../cli/run';

const REGISTER = join(SAMPLES, '东营市市级议事协调机构管理台账.xlsx');
const SELF = join(SAMPLES, EVALUATION_FILES.selfFolder);
const MEMBERS = join(SAMPLES, EVALUATION_FILES.members);
const AS_OF = ['--as-of', '2026-11-25'];

interface Body {
  name: string;
  row: number;
  rank: number | null;
  total: number | null;
  grade: string | null;
  idle: boolean;
  scores: { performance: number | null; conduct: number | null; cooperation: number | null };
  suggestion: string;
  reasons: string[];
  reasonBases: string[];
  partner: { name: string } | null;
  match: { how: string; score: number; written: string; file: string } | null;
}
interface Report {
  year: number;
  summary: { error: number; warning: number; info: number };
  counts: { active: number; evaluated: number; missing: number; idle: number; byAction: Record<string, number> };
  findings: {
    file: string;
    code: string;
    severity: string;
    sheet: string;
    row: number | null;
    column: string | null;
    value: string | null;
    message: string;
    suggestion: string | null;
  }[];
  bodies: Body[];
  members: { unit: string; bodies: number; mean: number; rank: number; low: boolean; spellings: string[] }[];
  inexact: { kind: string; written: string; body: string; score: number }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-evaluate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger evaluate on the samples', { timeout: 180_000 }, () => {
  const run = ledger([
    'evaluate',
    REGISTER,
    '--self',
    SELF,
    '--members',
    MEMBERS,
    '--year',
    String(EVALUATION_YEAR),
    ...AS_OF,
    '--format',
    'json',
  ]);
  const report = JSON.parse(run.stdout) as Report;
  const body = (name: string) => report.bodies.find((b) => b.name === name)!;

  it('exits 1 (there are errors: missing self-evaluations, an invalid count) and reads every return', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.year).toBe(EVALUATION_YEAR);
    expect(report.counts.active).toBe(report.bodies.length);
    expect(report.counts.evaluated + report.counts.missing).toBe(report.counts.active);
  });

  it('gives every planted case its action', () => {
    for (const c of CASES) expect([c.name, body(c.name).suggestion]).toEqual([c.name, c.expect]);
    expect(body('市食品安全工作委员会').partner?.name).toBe('市食品安全委员会');
    expect(body('市节约用水工作领导小组').partner?.name).toBe('市河长制工作领导小组');
  });

  it('reports the idle bodies, but not the near miss with documents and no meeting', () => {
    const idle = report.findings.filter((f) => f.code === 'idle-body').map((f) => f.value);
    expect(idle.sort()).toEqual(
      [
        '市化工园区认定工作专班',
        '市第五次全国经济普查领导小组',
        '市粮食安全责任制考核工作协调机制',
        '市食品安全工作委员会',
      ].sort(),
    );
    expect(body('市海洋经济发展联席会议').idle).toBe(false);
  });

  it('matches differently written names by similarity and says so with the score', () => {
    const telecom = CASES.find((c) => c.written)!;
    expect(body(telecom.name).match).toMatchObject({ how: 'similar', written: telecom.written });
    expect(report.inexact.map((m) => [m.kind, m.written, m.body])).toEqual([
      ['self', telecom.written, telecom.name],
      ['member', MEMBER_WRITTEN.written, MEMBER_WRITTEN.name],
    ]);
    for (const m of report.inexact) expect(m.score).toBeGreaterThanOrEqual(0.71);
  });

  it('locates every finding at its input row and names the body or unit', () => {
    const by = (code: string) => report.findings.filter((f) => f.code === code);
    expect(by('missing-self-evaluation').map((f) => f.value)).toEqual(CASES.filter((c) => c.noSelf).map((c) => c.name));
    expect(
      by('missing-self-evaluation').every(
        (f) => f.file === '东营市市级议事协调机构管理台账.xlsx' && f.sheet === '台账',
      ),
    ).toBe(true);
    expect(
      by('unknown-evaluated-body')
        .map((f) => [f.file, f.value])
        .sort(),
    ).toEqual(
      [
        ['成员单位评价表.xlsx', UNKNOWN_MEMBER.name],
        ['联席会议和工作专班.csv', UNKNOWN_SELF.name],
      ].sort(),
    );
    expect(
      by('invalid-score')
        .map((f) => [f.file, f.column, f.value])
        .sort(),
    ).toEqual(
      [
        ['成员单位评价表.xlsx', '协调配合 （0-100分）', String(BAD_SCORE.value)],
        ['市委系统.xlsx', '会议次数', '若干'],
      ].sort(),
    );
    expect(by('low-member-score').map((f) => [f.file, f.value])).toEqual([['成员单位评价表.xlsx', WEAK_UNIT]]);
    // Nothing is ever reported on the 合计 row or the footer lines.
    expect(report.findings.every((f) => f.value === null || !/^(?:合计|填表人)/.test(f.value))).toBe(true);
  });

  it('ranks bodies by total and member units by mean, short unit names resolved', () => {
    const ranked = report.bodies.filter((b) => b.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked[0]!.rank).toBe(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.total!).toBeLessThanOrEqual(ranked[i - 1]!.total!);
    const last = report.members[report.members.length - 1]!;
    expect([last.unit, last.low]).toEqual([WEAK_UNIT, true]);
    expect(report.members.filter((m) => m.low)).toHaveLength(1);
    expect(report.members.find((m) => m.unit === SHORT_UNIT.listed)!.spellings).toContain(SHORT_UNIT.written);
  });

  it('counts the suggestions per action, adding up to the active bodies', () => {
    const sum = Object.values(report.counts.byAction).reduce((a, b) => a + b, 0);
    expect(sum).toBe(report.counts.active);
    expect(report.counts.byAction.撤销).toBe(CASES.filter((c) => c.expect === '撤销').length);
  });

  it('prints the ranking, the idle bodies and the suggestion counts as text', () => {
    const text = ledger([
      'evaluate',
      REGISTER,
      '--self',
      SELF,
      '--members',
      MEMBERS,
      '--year',
      String(EVALUATION_YEAR),
      ...AS_OF,
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('排名');
    expect(text.stdout).toMatch(/^ {3}1 {2}\S+/m);
    expect(text.stdout).toContain('闲置机构（年度内未开会、未发文）：4 个');
    expect(text.stdout).toMatch(/调整建议：撤销 \d+、合并 \d+、更名 \d+、调整隶属关系 \d+、督促整改 \d+、保留 \d+/);
    const otherYear = ledger(['evaluate', REGISTER, '--self', SELF, '--year', String(EVALUATION_YEAR - 1), ...AS_OF]);
    expect(otherYear.stdout).toContain('未计入的自评表行');
    expect(otherYear.stdout).toContain(`：${EVALUATION_YEAR} 年度，不是评价年度`);
    const english = ledger([
      'evaluate',
      REGISTER,
      '--self',
      SELF,
      '--members',
      MEMBERS,
      '--year',
      String(EVALUATION_YEAR),
      ...AS_OF,
      '--lang',
      'en',
    ]);
    expect(english.stdout).toContain('Suggestions: abolish');
  });
});

describe('ledger evaluate outputs and usage', { timeout: 180_000 }, () => {
  it('writes the result workbook with the five sheets', async () => {
    const out = join(dir, '评价结果.xlsx');
    const run = ledger(['evaluate', REGISTER, '--self', SELF, '--members', MEMBERS, ...AS_OF, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`已写入 ${out}`);
    const book = await readWorkbook(new Uint8Array(readFileSync(out)), out);
    if (!book.ok) throw new Error(book.message);
    expect(book.sheets.map((g) => g.sheet)).toEqual(['评价结果', '成员单位评价', '调整建议', '问题清单', '说明']);
    const results = book.sheets[0]!.values.map((r) => r.map((v) => cellText(v)));
    expect(results[2]!.slice(0, 2)).toEqual(['名次', '机构名称']);
    expect(results[3]![0]).toBe('1');
  });

  it('refuses to overwrite an existing output, an input, or to run without --self', () => {
    const existing = join(dir, 'exists.xlsx');
    copyFileSync(MEMBERS, existing);
    const before = statSync(existing).mtimeMs;
    const overwrite = ledger(['evaluate', REGISTER, '--self', SELF, ...AS_OF, '-o', existing]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('已存在');
    expect(statSync(existing).mtimeMs).toBe(before);
    const onInput = ledger([
      'evaluate',
      REGISTER,
      '--self',
      SELF,
      '--members',
      existing,
      ...AS_OF,
      '-o',
      existing,
      '--force',
    ]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain('输出文件不能是输入文件之一');
    const noSelf = ledger(['evaluate', REGISTER, ...AS_OF]);
    expect(noSelf.code).toBe(2);
    expect(noSelf.stderr).toContain('--self');
    const registerAsSelf = ledger(['evaluate', REGISTER, '--self', REGISTER, ...AS_OF]);
    expect(registerAsSelf.code).toBe(2);
    const badYear = ledger(['evaluate', REGISTER, '--self', SELF, '--year', '25']);
    expect(badYear.code).toBe(2);
  });

  it('writes the blank template prefilled with the active bodies', async () => {
    const out = join(dir, '自评表.xlsx');
    const run = ledger(['evaluate', REGISTER, '--template', '-o', out, '--year', String(EVALUATION_YEAR), ...AS_OF]);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const book = await readWorkbook(new Uint8Array(readFileSync(out)), out);
    if (!book.ok) throw new Error(book.message);
    const self = book.sheets.find((g) => g.sheet === '自评表')!;
    const names = self.values
      .slice(3)
      .map((r) => cellText(r[1]))
      .filter((n) => n !== '');
    const json = JSON.parse(
      ledger(['evaluate', REGISTER, '--self', SELF, ...AS_OF, '--format', 'json']).stdout,
    ) as Report;
    expect(names).toEqual(json.bodies.map((b) => b.name));
    expect(book.sheets.map((g) => g.sheet)).toContain('成员单位评价表');
    // Sent back unfilled, the template evaluates nobody: every body lacks its self-evaluation.
    const back = JSON.parse(
      ledger(['evaluate', REGISTER, '--self', out, ...AS_OF, '--format', 'json']).stdout,
    ) as Report;
    expect(back.counts.missing).toBe(back.counts.active);
  });
});
