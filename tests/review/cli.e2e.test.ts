/**
 * `ledger review` end to end through the real bin, on the committed samples (samples/review,
 * against the city sample register): every case gets its planted findings and conclusion and
 * nothing else; the .docx is read back (word/document.xml unzipped with fflate) and its text
 * checked; the 审批台账 and --apply outputs are read back; inputs are never changed and bad usage
 * writes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import { makeSettings } from '../../src/ledger/settings';
import { validateSheet } from '../../src/ledger/validate';
import { readWorkbook } from '../../src/read';
import {
  FIRST_APPLICATION_ROW,
  FORM_CASE,
  REVIEW_AS_OF,
  REVIEW_CASES,
  REVIEW_FILES,
} from '../../scripts/samples/review';
import { ledger, SAMPLES } from '../cli/run';

const REGISTER = join(SAMPLES, '东营市市级议事协调机构管理台账.xlsx');
const TABLE = join(SAMPLES, REVIEW_FILES.table);
const FORM = join(SAMPLES, REVIEW_FILES.form);
const BASE = ['review', TABLE, '--register', REGISTER, '--as-of', REVIEW_AS_OF];

interface Json {
  findings: {
    code: string;
    severity: string;
    sheet: string;
    row: number;
    column: string;
    message: string;
    related?: { row: number; value: string; score: number }[];
  }[];
  applications: {
    sheet: string;
    row: number;
    name: string;
    type: string;
    conclusion: string;
    conclusionKind: string;
    reasons: string[];
    stage: string;
    waitingDays: number | null;
    findings: string[];
  }[];
  summary: { error: number; warning: number; info: number };
  applied?: {
    added: { name: string; row: number; values: string[]; toFill: string[] }[];
    skipped: { name: string; reason: string }[];
  };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The paragraphs' text of a .docx, from word/document.xml. */
function docxParagraphs(path: string): string[] {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  const xml = strFromU8(files['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

let dir: string;
const before = { table: '', register: '' };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-review-'));
  before.table = sha(TABLE);
  before.register = sha(REGISTER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger review on the sample applications', { timeout: 180_000 }, () => {
  const run = ledger([...BASE, '--format', 'json']);
  const report = JSON.parse(run.stdout) as Json;

  it('exits 1 (a duplicate and a missing term are errors), reads the nine applications and no title or footer line', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.applications.map((a) => [a.row, a.name])).toEqual(
      REVIEW_CASES.map((c, i) => [FIRST_APPLICATION_ROW + i, c.cells.name]),
    );
  });

  it.each(REVIEW_CASES.map((c, i) => [c.cells.name, c, i] as const))(
    '%s: the planted findings and conclusion, nothing else',
    (_name, planted, i) => {
      const app = report.applications[i]!;
      expect(app.conclusionKind).toBe(planted.conclusion);
      expect([...app.findings].sort()).toEqual([...planted.findings].sort());
      expect(app.reasons.length).toBeGreaterThan(0);
      for (const f of report.findings.filter((x) => x.row === app.row)) expect(f.message).toContain(app.name);
    },
  );

  it('names the existing bodies: the duplicate, and the similar one with its score', () => {
    const dup = report.findings.find((f) => f.code === 'duplicate-of-existing')!;
    expect(dup.related).toEqual([{ sheet: '台账', row: 21, value: '市森林防灭火指挥部', score: 1 }]);
    const similar = report.findings.find((f) => f.code === 'similar-to-existing')!;
    expect(similar.related![0]).toMatchObject({ row: 24, value: '市河长制工作领导小组', score: 0.9 });
    expect(report.applications.find((a) => a.conclusionKind === 'coordinate')!.conclusion).toBe(
      '建议不单独设立，由市河长制工作领导小组统筹',
    );
  });

  it('shows where each application waits, in working days (weekends not counted)', () => {
    const late = report.applications.find((a) => a.name === '市数字政府建设领导小组')!;
    expect(late).toMatchObject({ stage: 'reviewed', waitingDays: 11 });
    expect(report.applications.find((a) => a.name === '市海洋牧场建设工作领导小组')).toMatchObject({
      stage: 'done',
      waitingDays: null,
    });
  });

  it('prints the same in text, in Chinese and in English', () => {
    const zh = ledger(BASE);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('建议：建议改设为工作专班/专项小组');
    expect(zh.stdout).toContain('合计：错误 2 个，警告 4 个，提示 1 个');
    const en = ledger([...BASE, '--lang', 'en']);
    expect(en.stdout).toContain('Suggested: Refuse (set up)');
    expect(en.stdout).toContain('review-overdue');
  });

  it('over-limit-after with --limit (42 active coordinating bodies in the register)', () => {
    const limited = JSON.parse(ledger([...BASE, '--limit', '42', '--format', 'json']).stdout) as Json;
    const flagged = limited.applications.filter((a) => a.findings.includes('over-limit-after')).map((a) => a.name);
    // Every 设立 of category 1–2 would be the 43rd; the duplicate too (the check is the count, the duplicate is refused anyway).
    expect(flagged).toContain('市低空经济发展工作领导小组');
    expect(flagged).not.toContain('市城市更新行动工作专班');
  });

  it('reads a one-application form (字段 | 内容)', () => {
    const form = ledger(['review', FORM, '--register', REGISTER, '--as-of', REVIEW_AS_OF, '--format', 'json']);
    expect(form.code).toBe(0);
    const json = JSON.parse(form.stdout) as Json;
    expect(json.applications).toHaveLength(1);
    expect(json.applications[0]).toMatchObject({
      name: FORM_CASE.cells.name,
      conclusionKind: FORM_CASE.conclusion,
      findings: [...FORM_CASE.findings],
    });
  });
});

describe('outputs', { timeout: 180_000 }, () => {
  it('-o 审核意见.docx: one opinion per application, read back from word/document.xml', () => {
    const out = join(dir, '审核意见.docx');
    const run = ledger([...BASE, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`已写入 ${out}（9 份审核意见，代拟稿）`);
    const paragraphs = docxParagraphs(out);
    const titles = paragraphs.filter((p) => p.endsWith('的审核意见（代拟稿）'));
    expect(titles).toEqual(REVIEW_CASES.map((c) => `关于设立${c.cells.name}的审核意见（代拟稿）`));
    expect(paragraphs).toContain('市委办公室、市政府办公室：');
    expect(paragraphs).toContain('建议：不同意设立。');
    expect(paragraphs).toContain('建议：建议不单独设立，由市河长制工作领导小组统筹。');
    expect(paragraphs).toContain('（一）台账中已有存续机构“市森林防灭火指挥部”（第 21 行），不应重复设置');
    expect(paragraphs.filter((p) => p === '中共东营市委机构编制委员会办公室')).toHaveLength(9);
    expect(paragraphs.filter((p) => p === '2026年11月25日')).toHaveLength(9);
    // The checks table: every item, with its result.
    for (const item of [
      '与现有机构是否重名',
      '与现有机构名称、职责是否相近',
      '存续期限',
      '成员单位数量',
      '总量控制',
      '单位名称',
      '类别与名称',
      '办理时限',
    ]) {
      expect(paragraphs.filter((p) => p === item)).toHaveLength(9);
    }
    expect(paragraphs.some((p) => p.includes('在“编办审核”环节已等待 11 个工作日'))).toBe(true);
  });

  it('-o 审批台账.xlsx: one row per application with stage dates and days waiting', async () => {
    const out = join(dir, '审批台账.xlsx');
    expect(ledger([...BASE, '-o', out]).code).toBe(1);
    const book = await readWorkbook(new Uint8Array(readFileSync(out)), out);
    if (!book.ok) throw new Error(book.message);
    const rows = book.sheets[0]!.values.map((r) => r.map((v) => cellText(v)));
    expect(book.sheets[0]!.sheet).toBe('审批台账');
    const header = rows[2]!;
    expect(header.slice(0, 3)).toEqual(['序号', '申请类型', '拟设机构名称']);
    const at = (name: string, col: string) => rows.find((r) => r[2] === name)![header.indexOf(col)];
    expect(rows.length).toBe(3 + REVIEW_CASES.length);
    expect(at('市数字政府建设领导小组', '等待工作日')).toBe('11');
    expect(at('市数字政府建设领导小组', '当前环节')).toBe('编办审核');
    expect(at('市海洋牧场建设工作领导小组', '发文字号')).toBe('东政办字〔2026〕38号');
    expect(at('东营市森林防灭火指挥部', '建议结论')).toBe('不同意设立');
  });

  it('--apply -o 新台账.xlsx: the issued 设立 appended as a correct row, every other cell as it was, the inputs untouched', async () => {
    const out = join(dir, '新台账.xlsx');
    const run = ledger([...BASE, '--apply', '-o', out, '--format', 'json']);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.applied!.added.map((a) => [a.name, a.row])).toEqual([['市海洋牧场建设工作领导小组', 69]]);
    expect(json.applied!.added[0]!.toFill).toEqual(['工作规则', '联络人', '联系电话']);
    const read = async (path: string) => {
      const book = await readWorkbook(new Uint8Array(readFileSync(path)), path);
      if (!book.ok) throw new Error(book.message);
      return book.sheets;
    };
    const [oldSheets, newSheets] = [await read(REGISTER), await read(out)];
    expect(newSheets.map((g) => g.sheet)).toEqual(oldSheets.map((g) => g.sheet));
    const text = (rows: readonly (readonly unknown[])[]) => rows.map((r) => r.map((v) => cellText(v)));
    const oldRows = text(oldSheets[0]!.values);
    const newRows = text(newSheets[0]!.values);
    expect(newRows.slice(0, 68)).toEqual(oldRows.slice(0, 68));
    expect(newRows.slice(69)).toEqual(oldRows.slice(68));
    expect(newRows[68]!.slice(0, 10)).toEqual([
      '66',
      '市海洋牧场建设工作领导小组',
      '政府议事协调机构',
      '2026-10-20',
      '东政办字〔2026〕38号',
      '市海洋发展和渔业局',
      '长期',
      '2026年设立',
      '省级设有省海洋牧场建设工作领导小组',
      '存续',
    ]);
    expect(text(newSheets[1]!.values)).toEqual(text(oldSheets[1]!.values));
    // The new row passes the register's own checks but for what staff still fill in.
    const report = validateSheet(newSheets[0]!, makeSettings({ asOf: REVIEW_AS_OF }));
    expect(
      report.findings
        .filter((f) => f.row === 69)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['missing-contact', 'missing-work-rules']);
    expect(sha(TABLE)).toBe(before.table);
    expect(sha(REGISTER)).toBe(before.register);
  });
});

describe('usage', { timeout: 120_000 }, () => {
  it('refuses an existing output without --force, an output that is an input, --apply without .xlsx, a missing --register', () => {
    const existing = join(dir, '已有.docx');
    writeFileSync(existing, 'keep me');
    const cases: [string[], string][] = [
      [[...BASE, '-o', existing], '已存在，未覆盖'],
      [[...BASE, '-o', REGISTER, '--apply', '--force'], '输出文件不能是输入文件之一'],
      [[...BASE, '--apply', '-o', join(dir, 'x.docx')], '--apply 写出新的台账'],
      [[...BASE, '--apply'], '--apply 需要用 -o'],
      [['review', TABLE], '请用 --register 指定台账'],
      [[...BASE, '-o', join(dir, 'x.pdf')], '应以 .docx 或 .xlsx 结尾'],
      [['review', REGISTER, '--register', REGISTER], '是同一个文件'],
      [['review', REGISTER, '--register', TABLE, '--as-of', REVIEW_AS_OF], '未读到申请'],
    ];
    for (const [args, message] of cases) {
      const run = ledger(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
    expect(sha(REGISTER)).toBe(before.register);
  });
});
