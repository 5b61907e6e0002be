/**
 * `ledger evaluate <台账> --self <自评表 file or folder>... [--members <成员单位评价表 file or folder>...]
 *  [--year YYYY] [--as-of D] [--settings FILE] [--departments FILE] [-o 评价结果.xlsx] [--force]
 *  [--format text|json] [--lang zh|en]`
 * `ledger evaluate <台账> --template -o 自评表.xlsx [--year YYYY]`
 *
 * 多方评价 (docs/evaluate.md). Inputs are read-only; the output is written atomically, never over an input,
 * and never over an existing file without --force.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { buildDepartmentIndex } from '../ledger/cells/department';
import {
  ACTIONS,
  ACTION_LABELS_EN,
  GRADE_LABELS_EN,
  INDICATORS,
  INDICATOR_LABELS,
  actionSummary,
  evaluateBodies,
  evaluationSheets,
  evaluationYear,
  makeEvaluationSettings,
  mergeReads,
  parseEvaluationSettings,
  ranking,
  readEvaluationGrids,
  templateSheets,
  type EvaluationInputFile,
  type EvaluationRead,
  type EvaluationResult,
  type EvaluationSettings,
  type EvaluationSettingsInput,
} from '../ledger/evaluate';
import { countBySeverity, toReported, type Finding, type Lang } from '../ledger/findings';
import type { LedgerRow } from '../ledger/row';
import type { Settings } from '../ledger/settings';
import { validateSheet } from '../ledger/validate';
import { readWorkbook } from '../read';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, REGISTER_OPTIONS, startCommand } from './args';
import { EXIT, UsageError, type CliIo } from './command';
import { expandInputs, readInputFile } from './files';
import { checkOutput, writeSheetsOutput } from './output';
import { readInputs, type ReadFile } from './registers';
import { settingsFrom } from './settings';
import { packageInfo } from './version';
import { displayWidth, padToWidth } from './terminal';

export const HELP = `用法：ledger evaluate <台账.xlsx> --self <自评表文件或文件夹> [--members <成员单位评价表文件或文件夹>] [选项]
      ledger evaluate <台账.xlsx> --template -o 自评表.xlsx [--year YYYY]

多方评价：把各机构报回的自评表和牵头部门填写的成员单位评价表与台账中的存续机构逐一对应（先按
规范化名称，再按相近名称并附相似度），计算每个机构的工作实绩性、运行规范度、协调配合度三项得分、
加权总分、等次和名次，每个成员单位的平均分和名次，并结合台账已知的情况（超期、重复或相近名称、
类别与名称不符、未制定工作规则）给出调整建议：撤销、合并、更名、调整隶属关系、督促整改或保留。
输入文件只读，不会被修改。自评表和评价表可以是 .xlsx、.xls、.et、.ods、.csv 或 Word 表格，
也可以是一个文件夹（每个部门报回一份）。

报告的问题：missing-self-evaluation（存续机构没有自评，错误）、unknown-evaluated-body（评价表中的
机构不在台账中，警告）、idle-body（年度内未开会也未发文，警告）、low-evaluation（总分不合格，警告）、
low-member-score（成员单位平均分不合格，警告）、invalid-score（分数或次数无效，错误）。

选项：
  --self 文件或文件夹     报回的自评表（可重复）
  --members 文件或文件夹  成员单位评价表（可重复）；不给时协调配合度不计，权重按另两项分配
  --year YYYY             评价年度；默认取自评表中最多的年度。其他年度的行不计入
  --as-of YYYY-MM-DD      核对日期（判断台账中的超期机构），默认今天
  --settings 文件         评价设置（JSON）：weights（权重，默认 40/30/30）、grades（好 85、较好 70、
                          一般 60）、passingGrade（合格等次，默认 一般）、targets（满分所需会议、发文、
                          解决问题数，默认 2/2/3）
  --departments 文件      部门名单（同 ledger validate），用于识别成员单位简称
  --sheet 名称            只读台账的这个工作表（可重复）
  --template              写出空白的自评表和成员单位评价表（已填好存续机构和办事机构所在部门），需 -o
  -o, --output 文件       写出评价结果（.xlsx：评价结果、成员单位评价、调整建议、问题清单、说明）；
                          已存在时需加 --force 才覆盖
  --force                 覆盖已存在的输出文件
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 有错误级问题（未报送自评、分数无效）；2 用法有误或文件无法读取

Usage: ledger evaluate <register.xlsx> --self <file or folder> [--members <file or folder>] [options]
       ledger evaluate <register.xlsx> --template -o self-evaluation.xlsx [--year YYYY]

Evaluates how each active body of the register works from the returned 自评表 (self-evaluations)
and 成员单位评价表 (member-unit scores): rows are matched by normalised name, then by a similar
name with its score; per body the three indicators (performance, conduct, cooperation), the
weighted total, grade and rank; per member unit the mean and rank; and one suggested action per
body with its reasons (abolish, merge, rename, move, urge improvement, keep), combined with what
the register knows (overdue, duplicate or similar names, category-name mismatch, no work rules).
Inputs are never changed.

Options:
  --self FILE|FOLDER      returned self-evaluations (repeatable)
  --members FILE|FOLDER   member-unit scores (repeatable); without them cooperation is left out
  --year YYYY             the year evaluated; default: the year most self-evaluation rows give
  --as-of YYYY-MM-DD      the date to check the register against; default today
  --settings FILE         evaluation settings (JSON): weights, grades, passingGrade, targets
  --departments FILE      department list (as in ledger validate), to resolve short unit names
  --sheet NAME            read only this sheet of the register (repeatable)
  --template              write the blank 自评表 and 成员单位评价表, prefilled with the active bodies (needs -o)
  -o, --output FILE       write the result (.xlsx); an existing file needs --force
  --force                 replace an existing output file
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 some finding is an error; 2 bad usage or unreadable input

Example:
  npx ledger evaluate samples/东营市市级议事协调机构管理台账.xlsx --self samples/evaluation/自评表 --members samples/evaluation/成员单位评价表.xlsx --year 2025 --as-of 2026-11-25
`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...REGISTER_OPTIONS,
  ...OUTPUT_OPTIONS,
  self: { type: 'string', multiple: true },
  members: { type: 'string', multiple: true },
  year: { type: 'string' },
  settings: { type: 'string' },
  template: { type: 'boolean' },
} as const;

function parseYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  const text = value.trim().replace(/年度?$/u, '');
  if (!/^\d{4}$/.test(text) || Number(text) < 1949 || Number(text) > 2100) {
    throw new UsageError(
      `--year 应为四位年份，如 2025（收到“${value}”）`,
      `--year must be a four-digit year such as 2025 (got “${value}”)`,
    );
  }
  return Number(text);
}

async function loadEvaluationSettings(path: string | undefined, year: number | null): Promise<EvaluationSettings> {
  let input: EvaluationSettingsInput = {};
  if (path) {
    const file = await readInputFile(path);
    if (!file.ok) throw new UsageError(file.message, file.messageEn);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, ''));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new UsageError(`${path}：不是有效的 JSON（${detail}）`, `${path}: not valid JSON (${detail})`);
    }
    const parsed = parseEvaluationSettings(json);
    if (!parsed.ok)
      throw new UsageError(
        `${path}：评价设置有误：${parsed.problems.join('；')}`,
        `${path}: bad evaluation settings: ${parsed.problems.join('; ')}`,
      );
    input = parsed.settings;
  }
  return makeEvaluationSettings(year === null ? input : { ...input, year });
}

interface RegisterRead {
  readonly file: ReadFile;
  readonly rows: LedgerRow[];
  readonly findings: Finding[];
  readonly title: string[];
}

/** The register with its own findings (the flags the suggestions rest on). */
async function loadRegisterWithFlags(
  file: ReadFile,
  settings: Settings,
  wanted: readonly string[],
): Promise<RegisterRead> {
  const book = await readWorkbook(file.bytes, file.path);
  if (!book.ok) throw new UsageError(book.message, book.messageEn);
  const norm = (name: string) => name.trim().toLowerCase();
  const grids =
    wanted.length === 0 ? book.sheets : book.sheets.filter((g) => wanted.some((w) => norm(w) === norm(g.sheet)));
  if (grids.length === 0) {
    const have = book.sheets.map((g) => g.sheet).join('、');
    throw new UsageError(
      `${file.path}：没有名为“${wanted.join('、')}”的工作表（现有：${have}）`,
      `${file.path}: no sheet named ${wanted.join(', ')} (sheets: ${have})`,
    );
  }
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const rows: LedgerRow[] = [];
  const findings: Finding[] = [];
  const title: string[] = [];
  for (const grid of grids) {
    const report = validateSheet(grid, settings, { departments });
    if (report.status === 'skipped') continue;
    rows.push(...report.rows);
    findings.push(...report.findings);
    title.push(...report.title);
  }
  if (rows.length === 0) {
    throw new UsageError(
      `${file.path}：没有可识别出台账表头（机构名称、设立时间、依据文件等）的工作表`,
      `${file.path}: no sheet with a register header (机构名称, 设立时间, 依据文件 …)`,
    );
  }
  return { file, rows, findings, title };
}

interface ReturnedFile {
  readonly path: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly read: EvaluationRead;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads every returned file under the given paths (folders expanded), each once. */
async function loadReturns(paths: readonly string[], seen: Map<string, ReturnedFile>): Promise<ReturnedFile[]> {
  const expanded = await expandInputs(paths);
  const problem = expanded.problems[0];
  if (problem)
    throw new UsageError(
      problem.message.replace('台账文件', '评价表文件'),
      problem.messageEn.replace('register file', 'evaluation file'),
    );
  const out: ReturnedFile[] = [];
  for (const path of expanded.files) {
    const key = resolve(path);
    const had = seen.get(key);
    if (had) {
      out.push(had);
      continue;
    }
    const file = await readInputFile(path);
    if (!file.ok) throw new UsageError(file.message, file.messageEn);
    const book = await readWorkbook(file.bytes, path);
    if (!book.ok) throw new UsageError(book.message, book.messageEn);
    const returned: ReturnedFile = {
      path,
      name: path,
      bytes: file.bytes,
      read: readEvaluationGrids(book.sheets, path),
    };
    seen.set(key, returned);
    out.push(returned);
  }
  return out;
}

/** Short names for reports: the file name, or the path where two files share a name. */
function displayNames(files: readonly ReturnedFile[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(basename(f.path), (count.get(basename(f.path)) ?? 0) + 1);
  return new Map(
    files.map((f) => [f.path, count.get(basename(f.path))! > 1 ? f.path.split('\\').join('/') : basename(f.path)]),
  );
}

function renamed(read: EvaluationRead, name: string): EvaluationRead {
  return {
    sheets: read.sheets.map((s) => ({ ...s, file: name })),
    selfRows: read.selfRows.map((r) => ({ ...r, file: name })),
    memberRows: read.memberRows.map((r) => ({ ...r, file: name })),
    findings: read.findings.map((f) => ({ ...f, file: name })),
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Reports                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

/** Columns a string takes in a terminal: CJK characters take two. */
const pad = (text: string, to: number): string => padToWidth(text, to);
const padStart = (text: string, to: number): string => padToWidth(text, to, true);
const fixed = (n: number | null): string => (n === null ? '—' : n.toFixed(1));

const WORDS = {
  zh: {
    title: (file: string, year: number, asOf: string) => `多方评价：${file}，${year} 年度（核对日期 ${asOf}）`,
    read: (kind: string, files: number, rows: number) => `  ${kind}：${files} 个文件，${rows} 行`,
    self: '自评表',
    memberSheets: '成员单位评价表',
    none: '未提供',
    bodies: (c: EvaluationResult['counts']) =>
      `  存续机构 ${c.active} 个：已评价 ${c.evaluated} 个，未报送自评表 ${c.missing} 个；等次：好 ${c.byGrade.好}、较好 ${c.byGrade.较好}、一般 ${c.byGrade.一般}、差 ${c.byGrade.差}`,
    ranking: '排名',
    notEvaluated: '未评价',
    total: '总分',
    grade: (g: string | null) => g ?? '',
    idle: (n: number) => `闲置机构（年度内未开会、未发文）：${n} 个`,
    inexact: '按相近名称对应（请确认）',
    ignored: '未计入的自评表行',
    otherYear: (y: string) => `：${y} 年度，不是评价年度`,
    duplicate: '：该机构已有自评表行，只计第一行',
    inexactLine: (written: string, where: string, body: string, score: number) =>
      `  ${written}（${where}）→ ${body}（相似度 ${score.toFixed(2)}）`,
    at: (file: string, sheet: string, row: number) => `${file} ${sheet} 第${row}行`,
    members: '成员单位排名',
    memberLine: (bodies: number, mean: number) => `${bodies} 个机构  平均 ${mean.toFixed(1)}`,
    low: '偏低',
    suggestions: (summary: string) => `调整建议：${summary}`,
    action: (a: string, n: number) => `  ${a}（${n} 个）`,
    partner: (name: string) => `（合并对象：${name}）`,
    findings: '问题',
    severity: { error: '错误', warning: '警告', info: '提示' },
    summary: (e: number, w: number) => `合计：错误 ${e} 个，警告 ${w} 个`,
    written: (output: string) => `已写入 ${output}（评价结果、成员单位评价、调整建议、问题清单、说明）`,
    template: (output: string, n: number) => `已写入 ${output}（自评表、成员单位评价表，已填入 ${n} 个存续机构）`,
    action_: (a: (typeof ACTIONS)[number]) => a,
  },
  en: {
    title: (file: string, year: number, asOf: string) => `Evaluation: ${file}, ${year} (as of ${asOf})`,
    read: (kind: string, files: number, rows: number) =>
      `  ${kind}: ${files} ${files === 1 ? 'file' : 'files'}, ${rows} rows`,
    self: 'Self-evaluations',
    memberSheets: 'Member-unit scores',
    none: 'none given',
    bodies: (c: EvaluationResult['counts']) =>
      `  Active bodies ${c.active}: evaluated ${c.evaluated}, no self-evaluation ${c.missing}; grades: good ${c.byGrade.好}, fairly good ${c.byGrade.较好}, fair ${c.byGrade.一般}, poor ${c.byGrade.差}`,
    ranking: 'Ranking',
    notEvaluated: 'not evaluated',
    total: 'total',
    grade: (g: string | null) => (g ? GRADE_LABELS_EN[g as keyof typeof GRADE_LABELS_EN] : ''),
    idle: (n: number) => `Idle bodies (no meeting, no document in the year): ${n}`,
    inexact: 'Matched by a similar name (to confirm)',
    ignored: 'Self-evaluation rows left out',
    otherYear: (y: string) => `: year ${y}, not the year evaluated`,
    duplicate: ': the body already has a self-evaluation row; only the first counts',
    inexactLine: (written: string, where: string, body: string, score: number) =>
      `  ${written} (${where}) → ${body} (similarity ${score.toFixed(2)})`,
    at: (file: string, sheet: string, row: number) => `${file} ${sheet} row ${row}`,
    members: 'Member units',
    memberLine: (bodies: number, mean: number) => `${bodies} bodies  mean ${mean.toFixed(1)}`,
    low: 'low',
    suggestions: (summary: string) => `Suggestions: ${summary}`,
    action: (a: string, n: number) => `  ${a} (${n})`,
    partner: (name: string) => ` (merge with ${name})`,
    findings: 'Findings',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    summary: (e: number, w: number) => `Total: ${e} errors, ${w} warnings`,
    written: (output: string) => `Written to ${output} (评价结果, 成员单位评价, 调整建议, 问题清单, 说明)`,
    template: (output: string, n: number) =>
      `Written to ${output} (自评表, 成员单位评价表, prefilled with ${n} active bodies)`,
    action_: (a: (typeof ACTIONS)[number]) => ACTION_LABELS_EN[a],
  },
} as const;

export function evaluationText(
  result: EvaluationResult,
  context: { register: string; asOf: string; selfFiles: number; memberFiles: number; lang: Lang; output?: string },
): string {
  const { lang } = context;
  const W = WORDS[lang];
  const c = result.counts;
  const lines = [
    W.title(context.register, result.year, context.asOf),
    W.read(W.self, context.selfFiles, c.selfRows),
    context.memberFiles > 0
      ? W.read(W.memberSheets, context.memberFiles, c.memberRows)
      : `  ${W.memberSheets}${lang === 'en' ? ': ' : '：'}${W.none}`,
    W.bodies(c),
    '',
    W.ranking,
  ];
  const ranked = ranking(result);
  const nameWidth = Math.min(44, Math.max(...ranked.map((b) => displayWidth(b.name)))) + 2;
  const label = (k: (typeof INDICATORS)[number]) =>
    lang === 'en' ? INDICATOR_LABELS[k].en.slice(0, 4) : INDICATOR_LABELS[k].short;
  for (const b of ranked) {
    const rank = padStart(b.rank === null ? '—' : String(b.rank), 4);
    const action = W.action_(b.suggestion);
    if (b.total === null) {
      lines.push(`${rank}  ${pad(b.name, nameWidth)}${pad(W.notEvaluated, 52)}${action}`);
      continue;
    }
    const scores = INDICATORS.map((k) => `${label(k)} ${padStart(fixed(b.scores[k]), 5)}`).join('  ');
    lines.push(
      `${rank}  ${pad(b.name, nameWidth)}${scores}  ${W.total} ${padStart(fixed(b.total), 5)}  ${pad(W.grade(b.grade), lang === 'en' ? 12 : 5)}${action}`,
    );
  }
  const idle = result.bodies.filter((b) => b.idle);
  lines.push('', W.idle(idle.length));
  for (const b of idle)
    lines.push(`  ${pad(b.name, nameWidth)}→ ${W.action_(b.suggestion)}${b.partner ? W.partner(b.partner.name) : ''}`);
  const otherYear = result.ignored.filter((r) => r.reason === 'other-year');
  const duplicates = result.ignored.filter((r) => r.reason === 'duplicate');
  if (otherYear.length > 0 || duplicates.length > 0) {
    lines.push('', W.ignored);
    for (const r of otherYear) lines.push(`  ${r.name}（${W.at(r.file, r.sheet, r.row)}）${W.otherYear(r.detail)}`);
    for (const r of duplicates) lines.push(`  ${r.name}（${W.at(r.file, r.sheet, r.row)}）${W.duplicate}`);
  }
  if (result.inexact.length > 0) {
    lines.push('', W.inexact);
    for (const m of result.inexact) lines.push(W.inexactLine(m.written, W.at(m.file, m.sheet, m.row), m.body, m.score));
  }
  if (result.members.length > 0) {
    lines.push('', W.members);
    const unitWidth = Math.max(...result.members.map((m) => displayWidth(m.unit))) + 2;
    for (const m of result.members)
      lines.push(
        `${padStart(String(m.rank), 4)}  ${pad(m.unit, unitWidth)}${W.memberLine(m.bodies, m.mean)}${m.low ? `  ${W.low}` : ''}`,
      );
  }
  lines.push('', W.suggestions(actionSummary(c.byAction, lang)));
  for (const action of ACTIONS) {
    if (action === '保留' || c.byAction[action] === 0) continue;
    lines.push(W.action(W.action_(action), c.byAction[action]));
    for (const b of result.bodies) {
      if (b.suggestion !== action) continue;
      const reasons = b.reasons.map((r) => (lang === 'en' ? r.en : r.zh)).join(lang === 'en' ? '; ' : '；');
      lines.push(
        `    ${b.name}${b.partner ? W.partner(b.partner.name) : ''}：${reasons}`.replace(
          '：',
          lang === 'en' ? ': ' : '：',
        ),
      );
    }
  }
  if (result.findings.length > 0) {
    lines.push('', W.findings);
    for (const { file, finding: f } of result.findings) {
      const r = toReported(f, lang);
      lines.push(
        `  ${pad(W.severity[f.severity], lang === 'en' ? 8 : 5)}${pad(f.code, 26)}${W.at(file, f.sheet, f.row ?? 0)}  ${r.message}${r.suggestion && !r.message.includes(r.suggestion) ? `（${r.suggestion}）` : ''}`,
      );
    }
  }
  const counts = countBySeverity(result.findings.map((f) => f.finding));
  lines.push('', W.summary(counts.error, counts.warning));
  if (context.output) lines.push(W.written(context.output));
  return `${lines.join('\n')}\n`;
}

export function evaluationJson(
  result: EvaluationResult,
  context: { register: string; asOf: string; lang: Lang; output: string | null; settings: EvaluationSettings },
) {
  const { lang } = context;
  return {
    register: context.register,
    year: result.year,
    asOf: context.asOf,
    output: context.output,
    settings: context.settings,
    passing: result.passing,
    summary: countBySeverity(result.findings.map((f) => f.finding)),
    counts: result.counts,
    findings: result.findings.map(({ file, finding }) => ({ file, ...toReported(finding, lang) })),
    bodies: result.bodies.map((b) => ({
      name: b.name,
      sheet: b.sheet,
      row: b.row,
      department: b.department,
      scores: b.scores,
      total: b.total,
      grade: b.grade,
      rank: b.rank,
      idle: b.idle,
      suggestion: b.suggestion,
      suggestionLabel: lang === 'en' ? ACTION_LABELS_EN[b.suggestion] : b.suggestion,
      reasons: b.reasons.map((r) => (lang === 'en' ? r.en : r.zh)),
      reasonBases: b.reasons.map((r) => r.basis),
      partner: b.partner,
      match: b.self,
      counts: b.counts,
      workRules: b.workRules,
      workPoints: b.workPoints,
    })),
    members: result.members.map((m) => ({
      unit: m.unit,
      bodies: m.bodies,
      rows: m.rows,
      mean: m.mean,
      rank: m.rank,
      low: m.low,
      spellings: m.spellings,
    })),
    inexact: result.inexact,
    ignored: result.ignored,
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = startCommand(argv, OPTIONS, HELP, io);
  if (!command) return EXIT.ok;
  const { values, positionals, lang, format, asOf } = command;
  if (positionals.length !== 1) {
    throw new UsageError(
      `请指定一个台账文件（收到 ${positionals.length} 个）；自评表用 --self 指定`,
      `name one register file (got ${positionals.length}); pass the self-evaluations with --self`,
    );
  }
  const year = parseYear(values.year);
  const output = values.output ?? null;
  const force = values.force === true;
  const template = values.template === true;
  if (template && !output)
    throw new UsageError(
      '--template 需要用 -o 指定输出文件，如 -o 自评表.xlsx',
      '--template needs an output file: -o self-evaluation.xlsx',
    );
  if (template && (values.self || values.members))
    throw new UsageError(
      '--template 只写空白表，不能同时给 --self 或 --members',
      '--template writes blank sheets; it takes no --self or --members',
    );
  if (!template && !values.self)
    throw new UsageError(
      '请用 --self 指定报回的自评表（文件或文件夹）',
      'name the returned self-evaluations with --self (a file or a folder)',
    );
  if (output) await checkOutput(output, force);
  const settings = await settingsFrom(asOf, values.departments);
  const evaluation = await loadEvaluationSettings(values.settings, year);
  const [registerFile] = (await readInputs([positionals[0]!])) as [ReadFile];
  if (output && resolve(output) === resolve(registerFile.path))
    throw new UsageError('输出文件不能是输入文件之一', 'the output file cannot be one of the inputs');
  const register = await loadRegisterWithFlags(registerFile, settings, values.sheet ?? []);

  if (template) {
    const sheets = templateSheets(register.rows, {
      year: evaluationYear([], evaluation, settings.asOf),
      departments: settings.departments,
    });
    if (!(await writeSheetsOutput(output!, sheets, force, io, lang))) return EXIT.usage;
    const n = register.rows.filter((r) => r.active && r.name !== '').length;
    if (format === 'json')
      io.out(
        `${JSON.stringify({ register: registerFile.name, output, bodies: n, sheets: sheets.map((s) => s.name) }, null, 2)}\n`,
      );
    else io.out(`${WORDS[lang].template(output!, n)}\n`);
    return EXIT.ok;
  }

  const seen = new Map<string, ReturnedFile>();
  const selfFiles = await loadReturns(values.self ?? [], seen);
  const memberFiles = await loadReturns(values.members ?? [], seen);
  const all = [...seen.values()];
  const registerHash = sha256(registerFile.bytes);
  for (const f of all) {
    if (
      resolve(f.path) === resolve(registerFile.path) ||
      (f.bytes.length === registerFile.bytes.length && sha256(f.bytes) === registerHash)
    ) {
      throw new UsageError(
        `${f.path} 是台账本身，不是评价表`,
        `${f.path} is the register itself, not an evaluation return`,
      );
    }
    if (output && resolve(output) === resolve(f.path))
      throw new UsageError('输出文件不能是输入文件之一', 'the output file cannot be one of the inputs');
  }
  const names = displayNames(all);
  for (const f of selfFiles) {
    if (!f.read.sheets.some((s) => s.kind === 'self')) {
      throw new UsageError(
        `${f.path}：没有找到自评表表头（机构名称，以及召开会议次数、印发文件数、完成任务数等至少两列），表头应在前 20 行`,
        `${f.path}: no self-evaluation header (机构名称 and at least two of 召开会议次数, 印发文件数, 完成任务数 …) in the first 20 rows`,
      );
    }
  }
  for (const f of memberFiles) {
    if (!f.read.sheets.some((s) => s.kind === 'member')) {
      throw new UsageError(
        `${f.path}：没有找到成员单位评价表表头（机构名称、成员单位，以及协调配合、信息共享、任务落实、参会情况或得分），表头应在前 20 行`,
        `${f.path}: no member-unit header (机构名称, 成员单位 and a score such as 协调配合 or 得分) in the first 20 rows`,
      );
    }
  }
  const read = mergeReads(all.map((f) => renamed(f.read, names.get(f.path)!)));
  const result = evaluateBodies(
    { file: registerFile.name, rows: register.rows, findings: register.findings, title: register.title },
    read,
    settings,
    evaluation,
  );

  if (output) {
    const inputs: EvaluationInputFile[] = [
      { file: registerFile.name, role: 'register', size: registerFile.bytes.length, sha256: registerHash },
      ...all.map((f) => ({
        file: names.get(f.path)!,
        role: (memberFiles.includes(f) && !selfFiles.includes(f) ? 'members' : 'self') as EvaluationInputFile['role'],
        size: f.bytes.length,
        sha256: sha256(f.bytes),
      })),
    ];
    const sheets = evaluationSheets(result, {
      lang,
      registerFile: registerFile.name,
      asOf: settings.asOf,
      settings: evaluation,
      inputs,
      toolVersion: (await packageInfo()).version,
    });
    if (!(await writeSheetsOutput(output, sheets, force, io, lang))) return EXIT.usage;
  }
  if (format === 'json')
    io.out(
      `${JSON.stringify(evaluationJson(result, { register: registerFile.name, asOf: settings.asOf, lang, output, settings: evaluation }), null, 2)}\n`,
    );
  else
    io.out(
      evaluationText(result, {
        register: registerFile.name,
        asOf: settings.asOf,
        selfFiles: selfFiles.length,
        memberFiles: memberFiles.length,
        lang,
        ...(output ? { output } : {}),
      }),
    );
  return result.findings.some((f) => f.finding.severity === 'error') ? EXIT.findings : EXIT.ok;
}
