/**
 * `ledger review <申请 file> --register <台账> [--as-of D] [-o 审核意见.docx | -o 审批台账.xlsx]
 *  [--apply -o 新台账.xlsx] [--force] [--limit N] [--working-days N] [--departments FILE]
 *  [--format text|json] [--lang zh|en]`
 *
 * 联合审批: checks each application against the register and suggests the conclusion of its
 * 审核意见. Inputs are read-only; outputs are written atomically, never over an input, and never
 * over an existing file without --force.
 */
import { basename } from 'node:path';
import { writeOpinions } from '../docx/opinion';
import { buildDepartmentIndex } from '../ledger/cells/department';
import { countBySeverity, messageOf, toReported, type Lang } from '../ledger/findings';
import type { CellValue, Grid } from '../ledger/grid';
import {
  addedCellText,
  applyApprovals,
  approvalSheet,
  buildOpinion,
  officeFromTitle,
  readApplications,
  registerLocalNames,
  reviewApplications,
  typeLabelEn,
  type ApplicationReview,
  type ApplyResult,
  type ReviewResult,
} from '../ledger/review';
import type { LedgerRow } from '../ledger/row';
import type { Settings } from '../ledger/settings';
import type { SheetSpec } from '../ledger/sheetSpec';
import { validateSheet, type SheetReport } from '../ledger/validate';
import { writeWorkbook } from '../xlsx/write';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, startCommand } from './args';
import { EXIT, UsageError, type CliIo } from './command';
import { checkOutput, writeOutput } from './output';
import { settingsFrom } from './settings';
import { isSameFile, readInputWorkbook, type InputWorkbook } from './files';
import { cutReporter } from './outputCuts';

export const HELP = `用法：ledger review <申请文件> --register <台账文件> [-o 审核意见.docx 或 审批台账.xlsx] [选项]

联合审批：逐件对照台账审核设立（调整、更名、撤销、合并、调整隶属关系）申请，列出问题并给出建议
结论——同意设立；不同意设立（已有同名机构）；建议不单独设立，由现有机构统筹（名称或主要职责相近）；
建议改设为工作专班/专项小组（任务单一、有明确时限）；需补充材料（未明确存续期限、上级未设置且未说明
理由等）。还列出每件申请所处环节（受理、编办审核、组织部审核、发文）和已等待的工作日。

申请文件可以是一个“申请”工作表（每行一件申请，表头上方可有标题，下方的合计、填表人、注等行不算申请），
也可以是一件申请的表单（“字段 | 内容”两列，或每行两组）；格式可为 .xlsx、.xls、.et、.ods、.csv、.docx。
输入文件只读，不会被修改。

选项：
  --register 文件         台账（必填）
  -o, --output 文件       .docx：每件申请一份审核意见（代拟稿）；.xlsx：审批台账（每件一行，各环节日期、
                          等待工作日、建议结论）；已存在时需加 --force 才覆盖
  --apply                 把已发文（填有发文字号）的设立申请作为新行追加到台账，写入 -o 指定的新 .xlsx；
                          台账原文件不变，其他行原样保留
  --force                 覆盖已存在的输出文件
  --as-of YYYY-MM-DD      核对日期（计算等待工作日），默认今天
  --limit N               存续议事协调机构（第 1–2 类）限额，用于 over-limit-after
  --working-days N        每个环节的办理时限（工作日，默认 5，周末不计）
  --departments 文件      部门名单（同 ledger validate）
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 有错误（如已有同名机构、未明确存续期限）；2 用法有误或文件无法读取

Usage: ledger review <applications file> --register <register file> [-o opinions.docx | log.xlsx] [options]

Joint approval: checks each application (set up, adjust, rename, abolish, merge, move a body)
against the register, lists the problems and suggests a conclusion: approve; refuse (the body
exists); do not set up separately, let an existing body coordinate (similar name or duties); set
up a task force instead (one time-bound task); more material needed (no end date, no counterpart
above and no reason). Also shows where each application waits in the joint chain, in working days.
The applications are a sheet with one per row, or one application as a form (label | value).

Options:
  --register FILE         the register (required)
  -o, --output FILE       .docx: one review opinion (draft) per application; .xlsx: the 审批台账 log;
                          an existing file needs --force
  --apply                 append issued 设立 applications (with a 发文字号) to the register, written to
                          the new .xlsx named by -o; the register file itself is never changed
  --force                 replace an existing output file
  --as-of YYYY-MM-DD      the date to count working days to; default today
  --limit N               the limit of active coordinating bodies (categories 1–2)
  --working-days N        working days allowed per stage (default 5; weekends do not count)
  --departments FILE      department list (as in ledger validate)
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 some finding is an error; 2 bad usage or unreadable input

Examples:
  npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx --as-of 2026-11-20
  npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx -o 审核意见.docx
  npx ledger review samples/review/设立申请.xlsx --register samples/东营市市级议事协调机构管理台账.xlsx --apply -o 新台账.xlsx
`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...OUTPUT_OPTIONS,
  register: { type: 'string' },
  apply: { type: 'boolean' },
  'as-of': { type: 'string' },
  limit: { type: 'string' },
  'working-days': { type: 'string' },
  departments: { type: 'string' },
} as const;

function positiveInteger(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(
      `${option} 应为不小于 ${min} 的整数（收到“${value}”）`,
      `${option} must be a whole number of at least ${min} (got “${value}”)`,
    );
  }
  return n;
}

/** -o: .docx or .xlsx (only .xlsx with --apply); the shared checks of every command's output. */
async function checkOutputPath(output: string, force: boolean, apply: boolean): Promise<'docx' | 'xlsx'> {
  if (apply && !/\.xlsx$/i.test(output))
    throw new UsageError(
      `--apply 写出新的台账，输出文件应以 .xlsx 结尾（收到“${output}”）`,
      `--apply writes a new register: the output must end in .xlsx (got “${output}”)`,
    );
  await checkOutput(output, force, ['.docx', '.xlsx']);
  return /\.docx$/i.test(output) ? 'docx' : 'xlsx';
}

function readOrThrow(book: InputWorkbook): Extract<InputWorkbook, { ok: true }> {
  if (!book.ok) throw new UsageError(book.message, book.messageEn);
  return book;
}

interface LoadedRegister {
  readonly file: string;
  readonly grids: readonly Grid[];
  readonly reports: readonly SheetReport[];
  readonly rows: readonly LedgerRow[];
  readonly title: readonly string[];
}

function loadRegister(book: Extract<InputWorkbook, { ok: true }>, settings: Settings): LoadedRegister {
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const reports = book.sheets.map((g) => validateSheet(g, settings, { flags: false, departments }));
  const validated = reports.filter((r) => r.status === 'validated');
  if (validated.length === 0) {
    throw new UsageError(
      `${book.path}：没有可识别出台账表头（机构名称、设立时间、依据文件等）的工作表`,
      `${book.path}: no sheet with a register header (机构名称, 设立时间, 依据文件 …)`,
    );
  }
  return {
    file: basename(book.path),
    grids: book.sheets,
    reports,
    rows: validated.flatMap((r) => r.rows),
    title: validated.flatMap((r) => r.title),
  };
}

/** The register workbook written back: every sheet's cells as they were, the applied sheet with its new rows. */
function registerSpecs(
  register: LoadedRegister,
  sheet: string,
  values: readonly (readonly CellValue[])[],
): SheetSpec[] {
  return register.grids.map((g) => {
    const rows = g.sheet === sheet ? values : g.values;
    const padTop: CellValue[][] = Array.from({ length: (g.firstRow ?? 1) - 1 }, () => []);
    const padLeft = (g.firstColumn ?? 1) - 1;
    const preamble = [
      ...padTop,
      ...rows.map((r) => (padLeft > 0 ? [...new Array<CellValue>(padLeft).fill(null), ...r] : [...r])),
    ];
    return { name: g.sheet, preamble, columns: [], rows: [], table: false, freezeHeader: false };
  });
}

const WORDS = {
  zh: {
    head: (apps: string, n: number, reg: string, active: number, coord: number, asOf: string) =>
      `联合审批：${apps}（${n} 件申请）对照 ${reg}（存续机构 ${active} 个，其中议事协调机构 ${coord} 个），核对日期 ${asOf}`,
    at: (sheet: string, row: number) => `${sheet} 第${row}行`,
    advice: '建议',
    stage: '环节',
    none: '未发现问题',
    waiting: (label: string, days: number | null, since: string) =>
      days === null ? `${label}${since ? `（自 ${since}）` : ''}` : `${label}，自 ${since} 起已等待 ${days} 个工作日`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    summary: (e: number, w: number, i: number) => `合计：错误 ${e} 个，警告 ${w} 个，提示 ${i} 个`,
    conclusions: (parts: string) => `建议结论：${parts}`,
    docx: (o: string, n: number) => `已写入 ${o}（${n} 份审核意见，代拟稿）`,
    xlsx: (o: string) => `已写入 ${o}（审批台账）`,
    applied: (o: string, n: number) => `已写入 ${o}：台账追加 ${n} 个新设机构，其他行原样保留`,
    added: (name: string, row: number, toFill: readonly string[]) =>
      `  + ${name}（第 ${row} 行）${toFill.length > 0 ? `；${toFill.join('、')}待补充` : ''}`,
    skipped: (name: string, why: string) => `  未追加 ${name}：${why}`,
    noneIssued: '没有已发文（填有发文字号）的设立申请，台账未追加新行',
  },
  en: {
    head: (apps: string, n: number, reg: string, active: number, coord: number, asOf: string) =>
      `Joint approval: ${apps} (${n} application${n === 1 ? '' : 's'}) against ${reg} (${active} active bodies, ${coord} coordinating bodies), as of ${asOf}`,
    at: (sheet: string, row: number) => `${sheet} row ${row}`,
    advice: 'Suggested',
    stage: 'Stage',
    none: 'no problems found',
    waiting: (label: string, days: number | null, since: string) =>
      days === null
        ? `${label}${since ? ` (since ${since})` : ''}`
        : `${label}, waiting ${days} working day${days === 1 ? '' : 's'} since ${since}`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    summary: (e: number, w: number, i: number) => `Total: ${e} errors, ${w} warnings, ${i} info`,
    conclusions: (parts: string) => `Conclusions: ${parts}`,
    docx: (o: string, n: number) => `Written to ${o} (${n} review opinions, drafts)`,
    xlsx: (o: string) => `Written to ${o} (审批台账)`,
    applied: (o: string, n: number) =>
      `Written to ${o}: ${n} new bodies appended to the register, every other row as it was`,
    added: (name: string, row: number, toFill: readonly string[]) =>
      `  + ${name} (row ${row})${toFill.length > 0 ? `; still to fill in: ${toFill.join(', ')}` : ''}`,
    skipped: (name: string, why: string) => `  not appended ${name}: ${why}`,
    noneIssued: 'No issued 设立 application (with a 发文字号): nothing appended',
  },
} as const;

function conclusionTally(reviews: readonly ApplicationReview[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const r of reviews) {
    const label =
      r.conclusion.kind === 'coordinate'
        ? lang === 'en'
          ? 'let an existing body coordinate'
          : '建议由现有机构统筹'
        : lang === 'en'
          ? r.conclusion.en
          : r.conclusion.zh;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, n]) => (lang === 'en' ? `${label} ${n}` : `${label} ${n} 件`))
    .join(lang === 'en' ? ', ' : '，');
}

export function reviewText(
  result: ReviewResult,
  ctx: {
    lang: Lang;
    appsFile: string;
    register: LoadedRegister;
    settings: Settings;
    written: string[];
    applied?: ApplyResult | null;
  },
): string {
  const { lang } = ctx;
  const W = WORDS[lang];
  const active = ctx.register.rows.filter((r) => r.active).length;
  const lines = [
    W.head(
      ctx.appsFile,
      result.reviews.length,
      ctx.register.file,
      active,
      result.activeCoordinating,
      ctx.settings.asOf,
    ),
    '',
  ];
  result.reviews.forEach((r, i) => {
    const a = r.application;
    const [open, close, colon] = lang === 'en' ? ['(', ')', ': '] : ['（', '）', '：'];
    lines.push(
      `${i + 1}. ${lang === 'en' ? typeLabelEn(a.type) : a.type}  ${a.name || '—'}  ${open}${W.at(a.sheet, a.row)}${close}`,
    );
    lines.push(`   ${W.advice}${colon}${lang === 'en' ? r.conclusion.en : r.conclusion.zh}`);
    for (const reason of r.conclusion.reasons) lines.push(`     · ${lang === 'en' ? reason.en : reason.zh}`);
    const since = r.stage.since ? formatLedger(r.stage.since) : '';
    lines.push(
      `   ${W.stage}${colon}${W.waiting(lang === 'en' ? r.stage.labelEn : r.stage.label, r.stage.waitingDays, since)}`,
    );
    if (r.findings.length === 0) lines.push(`   ${W.none}`);
    for (const f of r.findings) lines.push(`   ${W.severity[f.severity]}  ${f.code}  ${messageOf(f, lang)}`);
    lines.push('');
  });
  const c = countBySeverity(result.findings);
  lines.push(W.summary(c.error, c.warning, c.info));
  lines.push(W.conclusions(conclusionTally(result.reviews, lang)));
  if (ctx.applied) {
    if (ctx.applied.added.length === 0 && ctx.applied.skipped.length === 0) lines.push(W.noneIssued);
    for (const s of ctx.applied.skipped) lines.push(W.skipped(s.application.name, lang === 'en' ? s.en : s.zh));
  }
  for (const w of ctx.written) lines.push(w);
  if (ctx.applied) for (const a of ctx.applied.added) lines.push(W.added(a.application.name, a.row, a.toFill));
  return `${lines.join('\n')}\n`;
}

function formatLedger(d: { year: number; month?: number; day?: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return d.month === undefined
    ? String(d.year)
    : d.day === undefined
      ? `${d.year}-${pad(d.month)}`
      : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function reviewJson(
  result: ReviewResult,
  ctx: {
    lang: Lang;
    appsFile: string;
    register: LoadedRegister;
    settings: Settings;
    output: string | null;
    applied?: ApplyResult | null;
  },
) {
  const { lang } = ctx;
  return {
    applicationsFile: ctx.appsFile,
    register: ctx.register.file,
    asOf: ctx.settings.asOf,
    activeCoordinating: result.activeCoordinating,
    dutiesCompared: result.dutiesCompared,
    findings: result.findings.map((f) => toReported(f, lang)),
    applications: result.reviews.map((r) => ({
      sheet: r.application.sheet,
      row: r.application.row,
      name: r.application.name,
      type: r.application.type,
      category: r.application.category,
      conclusion: lang === 'en' ? r.conclusion.en : r.conclusion.zh,
      conclusionKind: r.conclusion.kind,
      reasons: r.conclusion.reasons.map((x) => (lang === 'en' ? x.en : x.zh)),
      ...(r.conclusion.body ? { body: r.conclusion.body } : {}),
      stage: r.stage.key,
      stageLabel: lang === 'en' ? r.stage.labelEn : r.stage.label,
      waitingDays: r.stage.waitingDays,
      findings: r.findings.map((f) => f.code),
    })),
    summary: countBySeverity(result.findings),
    output: ctx.output,
    ...(ctx.applied
      ? {
          applied: {
            added: ctx.applied.added.map((a) => ({
              name: a.application.name,
              row: a.row,
              values: a.values.map(addedCellText),
              toFill: a.toFill,
            })),
            skipped: ctx.applied.skipped.map((s) => ({
              name: s.application.name,
              reason: lang === 'en' ? s.en : s.zh,
            })),
          },
        }
      : {}),
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const started = startCommand(argv, OPTIONS, HELP, io);
  if (!started) return EXIT.ok;
  const { values, positionals, lang, format, asOf } = started;
  if (positionals.length !== 1)
    throw new UsageError(
      `请指定一个申请文件（收到 ${positionals.length} 个）`,
      `name one applications file (got ${positionals.length})`,
    );
  if (!values.register)
    throw new UsageError(
      '请用 --register 指定台账，如 --register 台账.xlsx',
      'name the register with --register, e.g. --register register.xlsx',
    );
  const apply = values.apply === true;
  const output = values.output ?? null;
  const force = values.force === true;
  if (apply && !output)
    throw new UsageError(
      '--apply 需要用 -o 指定新台账文件，如 -o 新台账.xlsx（原台账不会被修改）',
      '--apply needs -o with a new register file, e.g. -o new-register.xlsx (the register itself is never changed)',
    );
  const limit = positiveInteger(values.limit, '--limit', 1);
  const workingDays = positiveInteger(values['working-days'], '--working-days', 0);
  const appsPath = positionals[0]!;
  const kind = output ? await checkOutputPath(output, force, apply) : null;
  // Compared as the file system sees them (a symlinked folder, a hard link): never overwrite an input.
  if (output && ((await isSameFile(output, appsPath)) || (await isSameFile(output, values.register)))) {
    throw new UsageError('输出文件不能是输入文件之一', 'the output file cannot be one of the inputs');
  }
  if (await isSameFile(appsPath, values.register)) {
    throw new UsageError(
      `${appsPath} 与 --register 是同一个文件，请分别指定申请文件和台账`,
      `${appsPath} is also the --register file; name the applications and the register separately`,
    );
  }
  const base = await settingsFrom(asOf, values.departments);
  const settings: Settings = {
    ...base,
    ...(limit !== undefined ? { activeBodyLimit: limit } : {}),
    ...(workingDays !== undefined ? { reviewWorkingDays: workingDays } : {}),
  };

  const registerBook = readOrThrow(await readInputWorkbook(values.register));
  const appsBook = readOrThrow(await readInputWorkbook(appsPath));
  const register = loadRegister(registerBook, settings);
  const read = readApplications(appsBook.sheets);
  if (read.applications.length === 0) {
    throw new UsageError(
      `${appsPath}：未读到申请（需要含“拟设机构名称”及申请类型、类别、牵头部门、成员单位等至少 3 项的表头，或“字段 | 内容”表单）`,
      `${appsPath}: no application found (a header with 拟设机构名称 and at least 3 of 申请类型, 类别, 牵头部门, 成员单位 …, or a 字段 | 内容 form)`,
    );
  }
  const localNames = registerLocalNames(register.title, register.rows);
  const result = reviewApplications(read.applications, register.rows, settings, { localNames });
  const W = WORDS[lang];
  const written: string[] = [];
  let applied: ApplyResult | null = null;

  if (output && kind) {
    const cuts = cutReporter(io, output, lang);
    let bytes: Uint8Array;
    if (apply) {
      const index = register.reports.findIndex((r) => r.status === 'validated');
      const report = register.reports[index]!;
      const grid = register.grids[index]!;
      applied = applyApprovals(grid, report, result.reviews, settings);
      bytes = await writeWorkbook(registerSpecs(register, grid.sheet, applied.values), { onCut: cuts.onCut });
      written.push(W.applied(output, applied.added.length));
    } else if (kind === 'docx') {
      const office = officeFromTitle(register.title);
      const opinions = result.reviews.map((r) =>
        buildOpinion(r, settings, {
          office,
          lang,
          activeCoordinating: result.activeCoordinating,
          dutiesCompared: result.dutiesCompared,
        }),
      );
      bytes = await writeOpinions(opinions, { lang });
      written.push(W.docx(output, opinions.length));
    } else {
      bytes = await writeWorkbook(
        [approvalSheet(result.reviews, { asOf: settings.asOf, lang, source: basename(appsPath) })],
        { onCut: cuts.onCut },
      );
      written.push(W.xlsx(output));
    }
    if (!(await writeOutput(output, bytes, force, io, lang))) return EXIT.usage;
    cuts.report();
  }

  const ctx = { lang, appsFile: basename(appsPath), register, settings };
  if (format === 'json') io.out(`${JSON.stringify(reviewJson(result, { ...ctx, output, applied }), null, 2)}\n`);
  else io.out(reviewText(result, { ...ctx, written, applied }));
  return countBySeverity(result.findings).error > 0 ? EXIT.findings : EXIT.ok;
}
