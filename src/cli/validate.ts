/**
 * `ledger validate <file.xlsx>... [--sheet NAME] [--as-of YYYY-MM-DD] [--departments FILE]
 *  [--format text|json] [--lang zh|en]`
 *
 * Checks every register sheet of every file. Exit 0 when no finding is an error, 1 when some are,
 * 2 for bad usage or when a file could not be checked (unreadable, or no register sheet in it);
 * the other files are still checked.
 */
import { buildDepartmentIndex } from '../ledger/cells/department';
import { IsoDateSchema, type Settings } from '../ledger/settings';
import { validateSheet } from '../ledger/validate';
import type { Grid } from '../ledger/grid';
import type { Lang } from '../ledger/findings';
import type { LedgerRow } from '../ledger/row';
import { submissionLines, submissionSummary, type SubmissionSummary } from '../ledger/workRules';
import { readWorkbook } from '../read';
import { COMMON_OPTIONS, REGISTER_OPTIONS, startCommand } from './args';
import { EXIT, UsageError, type CliIo } from './command';
import { expandInputs, readInputFile } from './files';
import { skippedOutcome, summarise, toJson, toText, type FileOutcome, type SheetOutcome } from './report';
import { settingsFrom } from './settings';

export const HELP = `用法：ledger validate <台账文件或文件夹>... [选项]

逐行检查议事协调机构管理台账：7 项指标是否齐全，日期、发文字号、部门、存续时间、类别、状态、
联系电话是否规范，以及重复、相近名称和到期的机构。输入文件只读，不会被修改。

台账文件可以是 .xlsx、.xls、WPS .et、.ods、.csv/.txt（UTF-8 或 GB18030）或 Word 表格（.docx）；
文件夹展开为其中的这些文件（.txt 除外）。

选项：
  --sheet 名称            只检查这个工作表（可重复）；默认检查每个能识别出台账表头的工作表
  --as-of YYYY-MM-DD      核对日期（判断超期、将到期和未来日期），默认今天
  --deadline YYYY-MM-DD   工作规则和联络人的报送期限：过期后缺少的报为错误（并输出报送情况）
  --departments 文件      部门名单：每行一个部门（或 .xlsx/.csv 的第一列），# 开头为注释，
                          “别名=名称” 一行表示简称，如 区发改局=东营区发展和改革局
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 有错误级问题；2 用法有误或有文件无法检查

Usage: ledger validate <register file or folder>... [options]

Checks every row of a register of coordinating bodies: the 7 fields, dates, document numbers,
departments, durations, categories, statuses and phone numbers, plus duplicate, similar and
expiring bodies. Input files are opened read-only and never changed.

A register file may be .xlsx, .xls, WPS .et, .ods, .csv/.txt (UTF-8 or GB18030) or a Word table
(.docx); a folder expands to those files (but .txt).

Options:
  --sheet NAME            check only this sheet (repeatable); default: every sheet with a register header
  --as-of YYYY-MM-DD      the date to check against (overdue, expiring, future dates); default today
  --deadline YYYY-MM-DD   deadline for work rules and contact persons: past it, missing ones are errors
  --departments FILE      department list: one per line (or the first column of an .xlsx/.csv),
                          # starts a comment, "alias=name" adds a short form
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 some finding is an error; 2 bad usage or a file could not be checked

Examples:
  npx ledger validate samples/*.xlsx --as-of 2026-11-25
  npx ledger validate 台账.xlsx --sheet 台账 --format json --lang en
`;

const OPTIONS = { ...COMMON_OPTIONS, ...REGISTER_OPTIONS, deadline: { type: 'string' } } as const;

function matchSheets(grids: readonly Grid[], wanted: readonly string[]): { grids: Grid[]; missing: string[] } {
  const norm = (s: string) => s.trim().toLowerCase();
  const picked: Grid[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const grid = grids.find((g) => g.sheet === name) ?? grids.find((g) => norm(g.sheet) === norm(name));
    if (grid) {
      if (!picked.includes(grid)) picked.push(grid);
    } else missing.push(name);
  }
  return { grids: picked, missing };
}

async function checkFile(
  path: string,
  settings: Settings,
  sheets: readonly string[],
  lang: Lang,
  departments: ReturnType<typeof buildDepartmentIndex>,
  collect?: (rows: readonly LedgerRow[]) => void,
): Promise<FileOutcome> {
  const file = await readInputFile(path);
  if (!file.ok)
    return {
      file: path,
      sheets: [],
      error: { reason: 'unreadable', message: lang === 'en' ? file.messageEn : file.message },
    };
  const book = await readWorkbook(file.bytes, path);
  if (!book.ok)
    return {
      file: path,
      sheets: [],
      error: { reason: book.reason, message: lang === 'en' ? book.messageEn : book.message },
    };

  let grids = book.sheets;
  if (sheets.length > 0) {
    const picked = matchSheets(grids, sheets);
    if (picked.missing.length > 0) {
      const have = book.sheets.map((g) => g.sheet).join(lang === 'en' ? ', ' : '、');
      const names = picked.missing.join(lang === 'en' ? ', ' : '、');
      return {
        file: path,
        sheets: [],
        error: {
          reason: 'sheet-not-found',
          message:
            lang === 'en'
              ? `${path}: no sheet named ${names} (sheets: ${have})`
              : `${path}：没有名为“${names}”的工作表（现有：${have}）`,
        },
      };
    }
    grids = picked.grids;
  }

  const outcomes: SheetOutcome[] = grids.map((grid) => {
    const report = validateSheet(grid, settings, { departments });
    collect?.(report.rows);
    if (report.status === 'skipped') return skippedOutcome(report, lang);
    return {
      sheet: report.sheet,
      status: 'validated',
      headerRow: report.headerRow,
      rows: report.rows.length,
      findings: report.findings,
      names: new Map(report.rows.map((r) => [r.row, r.name])),
    };
  });
  if (!outcomes.some((o) => o.status === 'validated')) {
    return {
      file: path,
      sheets: outcomes,
      error: {
        reason: 'no-register',
        message:
          lang === 'en'
            ? `${path}: no sheet with a register header (机构名称, 设立时间, 依据文件 …); nothing was checked`
            : `${path}：没有可识别出台账表头（机构名称、设立时间、依据文件等）的工作表，未作检查`,
      },
    };
  }
  return { file: path, sheets: outcomes };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = startCommand(argv, OPTIONS, HELP, io);
  if (!command) return EXIT.ok;
  const { values, positionals, lang, format, asOf } = command;
  if (positionals.length === 0)
    throw new UsageError('请指定要检查的台账文件或文件夹', 'name the register files or folders to check');
  const deadline = values.deadline?.trim();
  if (deadline !== undefined && !IsoDateSchema.safeParse(deadline).success) {
    throw new UsageError(
      `--deadline 应为 YYYY-MM-DD 格式的有效日期，如 2026-05-20（收到“${values.deadline}”）`,
      `--deadline must be a real date written YYYY-MM-DD, e.g. 2026-05-20 (got “${values.deadline}”)`,
    );
  }
  const settings = {
    ...(await settingsFrom(asOf, values.departments)),
    ...(deadline ? { submissionDeadline: deadline } : {}),
  };
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);

  const inputs = await expandInputs(positionals);
  const files: FileOutcome[] = inputs.problems.map((p) => ({
    file: p.path,
    sheets: [],
    error: { reason: 'unreadable', message: lang === 'en' ? p.messageEn : p.message },
  }));
  // 报送情况 (work rules and contact persons per department), for registers that have those columns.
  const submission: { file: string; summary: SubmissionSummary }[] = [];
  for (const path of inputs.files) {
    const rows: LedgerRow[] = [];
    files.push(
      await checkFile(path, settings, values.sheet ?? [], lang, departments, (r) => {
        for (const row of r) rows.push(row);
      }),
    );
    const summary = submissionSummary(rows, settings);
    if (summary.hasRulesColumn || summary.hasContactColumn) submission.push({ file: path, summary });
  }

  if (format === 'json') {
    io.out(
      `${JSON.stringify({ ...toJson(files, lang), ...(submission.length > 0 ? { submission: submission.map((x) => ({ file: x.file, ...x.summary })) } : {}) }, null, 2)}\n`,
    );
    // Problems with inputs also go to stderr, so they are seen when stdout is piped to a file.
    for (const f of files) if (f.error) io.err(`ledger: ${f.error.message}\n`);
  } else {
    const text = toText(files, { lang, colour: io.isTTY && !process.env.NO_COLOR });
    // The 报送情况 block goes above the closing summary line, which stays last.
    const last = text.lastIndexOf('\n', text.length - 2) + 1;
    const block = submission
      .flatMap((x) => [...(submission.length > 1 ? [x.file] : []), ...submissionLines(x.summary, lang), ''])
      .join('\n');
    io.out(block === '' ? text : `${text.slice(0, last)}${block}\n${text.slice(last)}`);
  }
  if (files.some((f) => f.error)) return EXIT.usage;
  return summarise(files).error > 0 ? EXIT.findings : EXIT.ok;
}
