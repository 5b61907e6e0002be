/**
 * `ledger compare` and `ledger reconcile` end to end through the real bin, on the committed
 * samples: every planted change and list case is found, nothing else is reported, outputs are
 * written only where asked, and bad input gets a message and exit code 2 with nothing written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ledger/cells/value';
import { readWorkbook } from '../../src/read';
import { writeWorkbook } from '../../src/xlsx/write';
import {
  LIST_CASES,
  LIST_FILES,
  RULES_CASES,
  RULES_DEADLINE,
  VERSION_CHANGES,
  VERSION_FILES,
} from '../../scripts/samples/versions';
import { ledger, SAMPLES } from '../cli/run';

const OLD = join(SAMPLES, VERSION_FILES.before);
const NEW = join(SAMPLES, VERSION_FILES.after);
const LIST_XLSX = join(SAMPLES, LIST_FILES.xlsx);
const LIST_CSV = join(SAMPLES, LIST_FILES.csv);
const AS_OF = ['--as-of', '2026-11-25'];

interface Change {
  kind: string;
  old: { name: string } | null;
  new: { name: string } | null;
  target: { name: string } | null;
  how: string | null;
  findings: string[];
}
interface Finding {
  code: string;
  severity: string;
  row: number | null;
  value: string | null;
  message: string;
}
interface Report {
  files: { file: string; sheets: { sheet: string; findings: Finding[] }[] }[];
  summary: { error: number; warning: number; info: number };
  output: string | null;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const findingsOf = (report: Report, file: number) => report.files[file]!.sheets.flatMap((s) => s.findings);

async function sheetRows(path: string, sheet: string): Promise<string[][]> {
  const book = await readWorkbook(new Uint8Array(readFileSync(path)), path);
  if (!book.ok) throw new Error(book.message);
  const grid = book.sheets.find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`no sheet ${sheet} in ${path}: ${book.sheets.map((g) => g.sheet).join(', ')}`);
  return grid.values.map((r) => r.map((v) => cellText(v)));
}

// Each case starts the real bin (tsx) a few times: seconds each on a busy machine.
describe('ledger compare on the sample versions', { timeout: 180_000 }, () => {
  const run = ledger(['compare', OLD, NEW, ...AS_OF, '--format', 'json']);
  const report = JSON.parse(run.stdout) as Report & { changes: Change[]; counts: Record<string, number> };

  it('exits 1: a row was deleted outright (vanished-row is an error)', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual(['东营市市级台账-2023.xlsx', '东营市市级台账-2026.xlsx']);
  });

  it.each(VERSION_CHANGES.map((c) => [`${c.kind} ${c.oldName ?? ''} → ${c.newName ?? ''}`, c]))(
    'finds the planted change: %s',
    (_label, planted) => {
      const found = report.changes.filter(
        (c) =>
          (c.old?.name ?? null) === planted.oldName &&
          (c.kind === 'renamed' && c.target ? c.target.name : (c.new?.name ?? null)) === planted.newName,
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: planted.kind, how: planted.how });
      expect([...found[0]!.findings].sort()).toEqual([...planted.findings].sort());
    },
  );

  it('everything else is unchanged, and no finding is reported beyond the planted ones', () => {
    const plantedKinds = VERSION_CHANGES.reduce<Record<string, number>>(
      (acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }),
      {},
    );
    const { unchanged, ...changed } = report.counts;
    expect(changed).toEqual({ vanished: 0, new: 0, abolished: 0, merged: 0, renamed: 0, adjusted: 0, ...plantedKinds });
    expect(unchanged).toBeGreaterThan(40);
    const planted = VERSION_CHANGES.flatMap((c) => c.findings).sort();
    const reported = [...findingsOf(report, 0), ...findingsOf(report, 1)].map((f) => f.code).sort();
    expect(reported).toEqual(planted);
    expect(findingsOf(report, 0)).toEqual([
      expect.objectContaining({ code: 'vanished-row', severity: 'error', value: '市第三次全国国土调查领导小组' }),
    ]);
    expect(report.summary).toEqual({ error: 1, warning: 4, info: 0 });
  });

  it('the text report lists the changes by kind with the before → after totals', () => {
    const text = ledger(['compare', OLD, NEW, ...AS_OF]);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('对比：东营市市级台账-2023.xlsx → 东营市市级台账-2026.xlsx');
    expect(text.stdout).toMatch(/^存续机构：\d+ → \d+（[−+±][\d.]+%）；其中议事协调机构（第 1–2 类）/m);
    expect(text.stdout).toContain('  市城乡规划委员会 → 市国土空间规划委员会（依据文件相同，相似度 0.33）');
    expect(text.stdout).toContain('    警告  办事机构由“市自然资源局”调整至“市应急局”未在历史沿革中记载');
    expect(lines.at(-2)).toBe('合计：错误 1 个，警告 4 个，提示 0 个');
    const en = ledger(['compare', OLD, NEW, ...AS_OF, '--lang', 'en']);
    expect(en.stdout).toContain('The move of its office from “市自然资源局” to “市应急局” is not recorded in 历史沿革');
  });

  it('-o writes 变动清单 and 统计, and never replaces a file without --force', async () => {
    const out = join(dir, '调整清单.xlsx');
    const first = ledger(['compare', OLD, NEW, ...AS_OF, '-o', out]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`已写入 ${out}（变动清单、统计）`);
    const changes = await sheetRows(out, '变动清单');
    expect(changes[0]).toEqual([
      '序号',
      '变动类型',
      '旧版名称',
      '新版名称',
      '变动内容',
      '匹配依据',
      '相似度',
      '旧版位置',
      '新版位置',
      '问题',
    ]);
    expect(changes.length - 1).toBe(Object.values(report.counts).reduce((a, b) => a + b, 0));
    expect(changes[1]!.slice(1, 4)).toEqual(['删除（无记录）', '市第三次全国国土调查领导小组', '']);
    const stats = await sheetRows(out, '统计');
    expect(stats.find((r) => r[0] === '存续机构合计')).toBeDefined();

    const before = statSync(out).mtimeMs;
    const again = ledger(['compare', OLD, NEW, ...AS_OF, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在，未覆盖；如需覆盖请加 --force');
    expect(statSync(out).mtimeMs).toBe(before);
    expect(ledger(['compare', OLD, NEW, ...AS_OF, '-o', out, '--force']).code).toBe(1);
  });

  it('a version with a different column order gives the same change list', async () => {
    const book = await readWorkbook(new Uint8Array(readFileSync(NEW)), NEW);
    if (!book.ok) throw new Error(book.message);
    const grid = book.sheets[0]!;
    const header = grid.values[2]!.map((v) => cellText(v));
    const order = header.map((_, i) => i).reverse();
    const shuffled = join(dir, '2026-列顺序不同.xlsx');
    writeFileSync(
      shuffled,
      await writeWorkbook([
        {
          name: '台账',
          preamble: [['东营市市级议事协调机构管理台账']],
          table: false,
          columns: order.map((i) => ({ header: header[i]! })),
          rows: grid.values.slice(3).map((r) => order.map((i) => r[i] ?? null)),
        },
      ]),
    );
    const result = JSON.parse(ledger(['compare', OLD, shuffled, ...AS_OF, '--format', 'json']).stdout) as typeof report;
    const strip = (r: typeof report) =>
      r.changes.map((c) => [c.kind, c.old?.name ?? null, c.new?.name ?? null, c.how, c.findings]);
    expect(strip(result)).toEqual(strip(report));
  });
});

describe('ledger compare refuses bad input with a message and writes nothing', { timeout: 180_000 }, () => {
  it('the same file twice, by path or under another name', () => {
    const out = join(dir, 'never.xlsx');
    const same = ledger(['compare', NEW, NEW, '-o', out]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('是同一个文件，请指定两个不同的版本');
    const copy = join(dir, '副本.xlsx');
    copyFileSync(NEW, copy);
    const twin = ledger(['compare', NEW, copy, '-o', out]);
    expect(twin.code).toBe(2);
    expect(twin.stderr).toContain('是同一个文件（内容完全相同）');
    expect(existsSync(out)).toBe(false);
  });

  it('one version, a missing file, a PDF named .xlsx, a workbook without a register', async () => {
    expect(ledger(['compare', OLD]).stderr).toContain('请指定两个版本：旧版.xlsx 新版.xlsx（收到 1 个文件）');
    const missing = ledger(['compare', OLD, join(dir, '没有这个文件.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    const text = join(dir, '扫描件.xlsx');
    writeFileSync(text, '%PDF-1.7\n1 0 obj\n');
    const notXlsx = ledger(['compare', OLD, text]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain('扫描件.xlsx：这是 PDF 文件');
    const noRegister = join(dir, '名单.xlsx');
    writeFileSync(
      noRegister,
      await writeWorkbook([{ name: '名单', columns: [{ header: '单位' }], rows: [['市应急局']] }]),
    );
    const none = ledger(['compare', OLD, noRegister]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有可识别出台账表头');
    for (const r of [missing, notXlsx, none]) expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('ledger reconcile on the sample list', { timeout: 180_000 }, () => {
  const expectedGroups = (group: string) =>
    LIST_CASES.filter((c) => c.group === group)
      .map((c) => c.name)
      .sort();

  it.each([
    ['xlsx', LIST_XLSX],
    ['GB18030 csv', LIST_CSV],
  ])('the %s list: the three groups as planted', (_label, list) => {
    const run = ledger(['reconcile', NEW, '--against', list, ...AS_OF, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report & {
      matched: { register: { name: string }; reference: { name: string }; how: string; score: number }[];
      notInReference: { name: string }[];
      missingFromRegister: { reference: { name: string }; retired: unknown[] }[];
    };
    expect(report.notInReference.map((r) => r.name).sort()).toEqual(expectedGroups('not-in-reference'));
    expect(report.missingFromRegister.map((r) => r.reference.name).sort()).toEqual(
      expectedGroups('missing-from-register'),
    );
    for (const c of LIST_CASES.filter((x) => x.group === 'matched')) {
      expect(report.matched.find((m) => m.reference.name === c.name)?.how).toBe(c.how);
    }
    expect(findingsOf(report, 0).every((f) => f.code === 'not-in-reference' && f.severity === 'warning')).toBe(true);
    expect(findingsOf(report, 1).map((f) => f.code)).toEqual(
      Array(expectedGroups('missing-from-register').length).fill('missing-from-register'),
    );
  });

  it('the CSV sample really is GB18030 (not valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(LIST_CSV))).toThrow();
  });

  it('-o writes the four result sheets', async () => {
    const out = join(dir, '对账结果.xlsx');
    const run = ledger(['reconcile', NEW, '--against', LIST_CSV, ...AS_OF, '-o', out]);
    expect(run.code).toBe(1);
    const missing = await sheetRows(out, '名单有台账无');
    expect(
      missing
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(expectedGroups('missing-from-register'));
    expect(missing.find((r) => r[1] === '市重点项目推进工作专班')![4]).toMatch(
      /^市重点项目推进工作专班（台账 第\d+行）$/,
    );
  });

  it('refuses a list without a name column, an empty list and the register itself, writing nothing', async () => {
    const out = join(dir, 'never-reconcile.xlsx');
    const noName = join(dir, '无名称列.csv');
    writeFileSync(noName, '序号,单位,文号\r\n1,市应急局,东政字〔2019〕21号\r\n');
    const a = ledger(['reconcile', NEW, '--against', noName, '-o', out]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('未找到机构名称列');
    const empty = join(dir, '空名单.csv');
    writeFileSync(empty, '\uFEFF东营市议事协调机构名单\r\n序号,机构名称\r\n');
    const b = ledger(['reconcile', NEW, '--against', empty, '-o', out]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('名单为空');
    const c = ledger(['reconcile', NEW, '--against', NEW, '-o', out]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('是同一个文件');
    const d = ledger(['reconcile', NEW]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--against');
    expect(existsSync(out)).toBe(false);
  });
});

describe('ledger validate on the 2026 version: work rules and contact persons', { timeout: 180_000 }, () => {
  it('reports exactly the planted missing rules and contacts, as errors past the deadline, with the 报送情况 summary', () => {
    const run = ledger(['validate', NEW, ...AS_OF, '--deadline', RULES_DEADLINE, '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report & {
      submission: { deadlinePassed: boolean; total: { missingRules: string[]; missingContact: string[] } }[];
    };
    const found = findingsOf(report, 0).filter((f) => f.code === 'missing-work-rules' || f.code === 'missing-contact');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found.map((f) => f.code).sort()).toEqual(RULES_CASES.flatMap((c) => c.codes).sort());
    expect(report.submission[0]!.deadlinePassed).toBe(true);
    expect([...report.submission[0]!.total.missingRules].sort()).toEqual(
      RULES_CASES.filter((c) => c.codes.includes('missing-work-rules'))
        .map((c) => c.name)
        .sort(),
    );
    expect([...report.submission[0]!.total.missingContact].sort()).toEqual(
      RULES_CASES.filter((c) => c.codes.includes('missing-contact'))
        .map((c) => c.name)
        .sort(),
    );
    const text = ledger(['validate', NEW, ...AS_OF]);
    expect(text.stdout).toContain(`报送情况 · 工作规则及联络人报送情况（报送期限：未设置）`);
    expect(text.stdout).toContain('    未明确联络人的机构：市油地融合发展工作专班');
  });
});
