/**
 * `ledger consolidate <files or folders>... -o return.xlsx [--expect 东营区,河口区] [--expect-file F]
 *  [--as-of YYYY-MM-DD] [--departments FILE] [--format text|json] [--lang zh|en] [--force]`
 *
 * Turns the registers the counties sent into one city return (汇总, 明细, 问题清单, 说明). Inputs are
 * opened read-only; the return is written to a temporary file in the output folder and renamed, so
 * a crash never leaves half a return; an existing output is replaced only with --force.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import {
  consolidate,
  EVERY_RETURN_HAS,
  returnSheets,
  type ConsolidatedReturn,
  type Submission,
  type UnreadableInput,
} from '../ledger/consolidate';
import { toReported, type Lang } from '../ledger/findings';
import { makeSettings, type Settings } from '../ledger/settings';
import { readWorkbook } from '../read';
import { COMMON_OPTIONS, parseAsOf, parseCommandArgs, parseFormat, parseLang } from './args';
import { EXIT, UsageError, type CliIo } from './command';
import { decodeText } from './departmentsFile';
import { expandInputs, isSameFile, readInputFile } from './files';
import { progressReporter } from './consolidateProgress';
import { consolidateText } from './consolidateReport';
import { checkOutput, writeSheetsOutput } from './output';
import { settingsInputFrom } from './settings';
import { packageInfo } from './version';

export const HELP = `用法：ledger consolidate <台账文件或文件夹>... -o 汇总.xlsx [选项]

把各县区报送的议事协调机构管理台账汇总为一个工作簿：汇总（每县区一行，按五类统计）、明细（每条
机构及来源）、问题清单、说明（输入文件的大小与 SHA-256）。输入文件只读，不会被修改。

县区依次取：县区/填报单位列 → 表头上方的标题 → 文件名；都无法确定的台账列出但不计入汇总。

选项：
  -o, --output 文件       汇总表写到这里（.xlsx，必填）；已存在时需加 --force 才覆盖
  --expect 县区,县区      应报县区（逗号或顿号分隔，可重复）；未报送的报 missing-submission
  --expect-file 文件      应报县区名单：每行一个（# 开头为注释）
  --as-of YYYY-MM-DD      核对日期（判断超期、将到期），默认今天
  --departments 文件      部门名单（同 ledger validate）
  --force                 覆盖已存在的输出文件
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 有错误级问题（含未报送、重复报送、无法确定县区）；2 用法有误或有文件无法读取

Usage: ledger consolidate <register file or folder>... -o return.xlsx [options]

Consolidates the registers the counties sent into one workbook: 汇总 (one line per county, by
category), 明细 (every body with its source), 问题清单 (findings), 说明 (input sizes and SHA-256).
Input files are opened read-only and never changed.

The county comes from the 县区/填报单位 column, else the title above the header, else the file name;
a register none of them names is listed but left out of the totals.

Options:
  -o, --output FILE       where to write the return (.xlsx, required); an existing file needs --force
  --expect A,B            expected counties (comma-separated, repeatable); each missing one is reported
  --expect-file FILE      expected counties, one per line (# starts a comment)
  --as-of YYYY-MM-DD      the date to check against (overdue, expiring); default today
  --departments FILE      department list (as in ledger validate)
  --force                 replace an existing output file
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 some finding is an error (including missing or duplicate submissions and
registers whose county is unknown); 2 bad usage or an input could not be read

Example:
  npx ledger consolidate samples/counties -o /tmp/return.xlsx --expect 东营区,河口区,垦利区,利津县,广饶县
`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  output: { type: 'string', short: 'o' },
  expect: { type: 'string', multiple: true },
  'expect-file': { type: 'string' },
  'as-of': { type: 'string' },
  departments: { type: 'string' },
  force: { type: 'boolean' },
} as const;

/** Progress is shown from this many input files on; a handful is read before anyone notices. */
const PROGRESS_FROM_FILES = 10;

/** 东营区,河口区 / 东营区、河口区 / 东营区 河口区 → names. */
export function splitCounties(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

async function expectedFromFile(path: string): Promise<string[]> {
  const file = await readInputFile(path);
  if (!file.ok) throw new UsageError(`应报县区名单 ${file.message}`, `expected-county list ${file.messageEn}`);
  const names = decodeText(file.bytes)
    .split(/\r\n|\r|\n/)
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap(splitCounties);
  if (names.length === 0)
    throw new UsageError(
      `应报县区名单 ${path} 中没有县区（每行一个）`,
      `the expected-county list ${path} names no county (one per line)`,
    );
  return names;
}

/** --as-of and --departments as every command reads them, plus the expected counties. */
async function settingsWithCounties(values: {
  'as-of'?: string;
  departments?: string;
  expect?: string[];
  'expect-file'?: string;
}): Promise<Settings> {
  const input = await settingsInputFrom(parseAsOf(values['as-of']), values.departments);
  const expected = [
    ...(values.expect ?? []).flatMap(splitCounties),
    ...(values['expect-file'] ? await expectedFromFile(values['expect-file']) : []),
  ];
  input.expectedCounties = [...new Set(expected)];
  return makeSettings(input);
}

interface InputRecord {
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * The names files go by in the return: the file name alone (广饶县-2026台账.xlsx), or the path as
 * given when two inputs share a file name (2025/东营区.xlsx and 2026/东营区.xlsx).
 */
export function displayNames(paths: readonly string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of paths) count.set(basename(p), (count.get(basename(p)) ?? 0) + 1);
  return new Map(paths.map((p) => [p, count.get(basename(p))! > 1 ? p.split('\\').join('/') : basename(p)]));
}

export interface ConsolidateRunOptions {
  /** Whether stderr is a terminal (a progress bar instead of lines); default: process.stderr.isTTY. */
  readonly stderrIsTTY?: boolean;
}

export async function run(argv: readonly string[], io: CliIo, options: ConsolidateRunOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const lang: Lang = parseLang(values.lang);
  const format = parseFormat(values.format);
  if (positionals.length === 0)
    throw new UsageError(
      '请指定各县区报送的台账文件或所在文件夹',
      'name the counties’ register files or the folder that holds them',
    );
  if (!values.output)
    throw new UsageError(
      '请用 -o 指定汇总表的输出文件，如 -o 汇总.xlsx',
      'name the output file with -o, e.g. -o return.xlsx',
    );
  const output = values.output;
  const force = values.force === true;
  await checkOutput(output, force);
  const settings = await settingsWithCounties(values);

  const expanded = await expandInputs(positionals);
  // The return itself is never read back as a county's register (a second run into the same folder),
  // and a county's register is never overwritten by the return.
  // Compared as the file system sees them: a symlinked folder or a hard link is the same file.
  const clashes: string[] = [];
  for (const f of expanded.files) if (await isSameFile(f, output)) clashes.push(f);
  for (const clash of clashes) {
    if (!(await isEarlierReturn(clash))) {
      throw new UsageError(
        `输出文件 ${output} 是输入的台账之一，不能覆盖；请换一个输出文件名`,
        `the output ${output} is one of the input registers and will not be overwritten; choose another output name`,
      );
    }
  }
  const files = expanded.files.filter((f) => !clashes.includes(f));
  if (files.length === 0) {
    const why = expanded.problems.map((p) => (lang === 'en' ? p.messageEn : p.message)).join('\n');
    throw new UsageError(why || '没有可汇总的 .xlsx 文件', why || 'no .xlsx file to consolidate');
  }

  const progress = progressReporter(io, {
    total: files.length,
    enabled: files.length >= PROGRESS_FROM_FILES,
    tty: options.stderrIsTTY ?? Boolean(process.stderr.isTTY),
    lang,
  });
  const submissions: Submission[] = [];
  const names = displayNames([...expanded.problems.map((p) => p.path), ...files]);
  const unreadable: UnreadableInput[] = expanded.problems.map((p) => ({
    file: names.get(p.path)!,
    message: p.message,
    messageEn: p.messageEn,
  }));
  const inputs: InputRecord[] = [];
  for (const [i, path] of files.entries()) {
    progress.step(i, path);
    const name = names.get(path)!;
    const file = await readInputFile(path);
    if (!file.ok) {
      unreadable.push({ file: name, message: file.message, messageEn: file.messageEn });
      continue;
    }
    inputs.push({ file: name, size: file.size, sha256: createHash('sha256').update(file.bytes).digest('hex') });
    const book = await readWorkbook(file.bytes, name);
    if (!book.ok) {
      unreadable.push({ file: name, message: book.message, messageEn: book.messageEn });
      continue;
    }
    for (const grid of book.sheets) submissions.push({ file: name, grid });
  }
  progress.done();

  const ret = consolidate(submissions, settings, { unreadable });
  const sheets = returnSheets(ret, { toolVersion: (await packageInfo()).version, inputs, lang });
  // The output is checked again: someone may have created it while the inputs were read.
  if (!(await writeSheetsOutput(output, sheets, force, io, lang))) return EXIT.usage;

  if (format === 'json') io.out(`${JSON.stringify(toJson(ret, output, lang), null, 2)}\n`);
  else io.out(consolidateText(ret, { output, lang }));
  for (const u of unreadable) io.err(`ledger: ${lang === 'en' ? u.messageEn : u.message}\n`);

  if (unreadable.length > 0) return EXIT.usage;
  const unassigned = ret.registers.some((r) => r.status === 'unassigned');
  return ret.summary.error > 0 || unassigned ? EXIT.findings : EXIT.ok;
}

/** The JSON report: the return's figures and every finding with its county and file. */
export function toJson(ret: ConsolidatedReturn, output: string, lang: Lang) {
  return {
    output,
    asOf: ret.asOf,
    expected: ret.settings.expectedCounties,
    missing: ret.missing,
    counties: ret.counties,
    total: ret.total,
    registers: ret.registers,
    unreadable: ret.unreadable.map((u) => ({ file: u.file, message: lang === 'en' ? u.messageEn : u.message })),
    findings: ret.findings.map((f) => ({ county: f.county, file: f.file, ...toReported(f.finding, lang) })),
    summary: ret.summary,
  };
}

/**
 * True for a workbook this command wrote, which a re-run may replace: it has the sheets every
 * version of the return has had (汇总, 明细, 问题清单, 说明); 报送情况 came later, so a return of an
 * earlier version is recognised too.
 */
async function isEarlierReturn(path: string): Promise<boolean> {
  const file = await readInputFile(path);
  if (!file.ok) return false;
  const book = await readWorkbook(file.bytes, path);
  return book.ok && EVERY_RETURN_HAS.every((name) => book.sheets.some((g) => g.sheet === name));
}
