/**
 * `ledger reconcile <register.xlsx> --against <list.xlsx|list.csv> [-o result.xlsx] [--force]
 *  [--sheet NAME] [--as-of D] [--departments FILE] [--format text|json] [--lang zh|en]`
 *
 * 对账: the register's active bodies against the list a general office sent. Inputs are read-only;
 * the result workbook is written atomically and never over an existing file without --force.
 */
import { matchLabel } from '../ledger/compare';
import type { Lang } from '../ledger/findings';
import type { Grid } from '../ledger/grid';
import {
  readReferenceList,
  reconcile,
  reconcileSheets,
  type ReconcileResult,
  type ReferenceList,
} from '../ledger/reconcile';
import { readWorkbook } from '../read';
import { COMMON_OPTIONS, OUTPUT_OPTIONS, REGISTER_OPTIONS, startCommand } from './args';
import { EXIT, UsageError, type CliIo } from './command';
import { isSameFile } from './files';
import { checkOutput, writeSheetsOutput } from './output';
import {
  loadRegister,
  readInputs,
  refuseSameFile,
  withFindings,
  type LoadedRegister,
  type ReadFile,
} from './registers';
import { settingsFrom } from './settings';
import { summarise, toJson, type FileOutcome, type SheetOutcome } from './report';

export const HELP = `用法：ledger reconcile <台账.xlsx> --against <对账名单.xlsx 或 .csv> [-o 对账结果.xlsx] [选项]

与党委、政府办公室的名单对账：台账中存续的机构与名单逐一对应，分为三组——已对上（名称相同；
名称相近或依据文件相同的附相似度，请人工确认）、台账有名单无（not-in-reference，警告）、名单有
台账无（missing-from-register，错误）。已撤销、合并、更名的行不算对上。输入文件只读，不会被修改。

对账名单可以是 .xlsx 或 .csv（UTF-8 或 GB18030 编码）：有一列机构名称，表头写作“机构名称”
“议事协调机构名称”或“名称”等，可另有“发文字号/文号”列，表头上方可有标题行。

选项：
  --against 文件          对账名单（必填）
  -o, --output 文件       写出对账结果（.xlsx：对账汇总、已对上、台账有名单无、名单有台账无）；
                          已存在时需加 --force 才覆盖
  --force                 覆盖已存在的输出文件
  --sheet 名称            只读台账的这个工作表（可重复）
  --as-of YYYY-MM-DD      核对日期，默认今天
  --departments 文件      部门名单（同 ledger validate）
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 名单中有台账没有的机构；2 用法有误或文件无法读取

Usage: ledger reconcile <register.xlsx> --against <list.xlsx or .csv> [-o result.xlsx] [options]

Reconciles the register with a general office's list: matched (same name; a similar name or a
shared document with its score, to confirm), in the register only (not-in-reference, warning), on
the list only (missing-from-register, error). Abolished, merged and renamed rows never match.
The list may be .xlsx or .csv (UTF-8 or GB18030) with a name column headed 机构名称, 议事协调机构名称
or 名称, optionally a 发文字号/文号 column and a title above. Inputs are never changed.

Options:
  --against FILE          the reference list (required)
  -o, --output FILE       write the result (.xlsx); an existing file needs --force
  --force                 replace an existing output file
  --sheet NAME            read only this sheet of the register (repeatable)
  --as-of YYYY-MM-DD      the date to check against; default today
  --departments FILE      department list (as in ledger validate)
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 the list names bodies the register lacks; 2 bad usage or unreadable input

Example:
  npx ledger reconcile samples/versions/东营市市级台账-2026.xlsx --against samples/reconcile/两办名单.csv
`;

const OPTIONS = { ...COMMON_OPTIONS, ...REGISTER_OPTIONS, ...OUTPUT_OPTIONS, against: { type: 'string' } } as const;

/** The list's grids, from any format the reading layer takes (a CSV from the general office, a workbook, a Word table). */
async function listGrids(file: ReadFile): Promise<Grid[]> {
  const book = await readWorkbook(file.bytes, file.path);
  if (!book.ok) throw new UsageError(book.message, book.messageEn);
  return book.sheets;
}

function loadList(file: ReadFile, grids: readonly Grid[]): ReferenceList {
  const read = readReferenceList(grids, file.name);
  if (!read.ok) throw new UsageError(read.message, read.messageEn);
  return read.list;
}

function listSheets(list: ReferenceList): SheetOutcome[] {
  return list.sheets.map((s) => ({
    sheet: s.sheet,
    status: 'validated',
    headerRow: s.headerRow,
    rows: s.entries,
    findings: [],
    names: new Map(list.entries.filter((e) => e.sheet === s.sheet).map((e) => [e.row, e.name])),
  }));
}

const WORDS = {
  zh: {
    title: (a: string, b: string) => `对账：${a} ↔ ${b}`,
    counts: (r: ReconcileResult['counts']) =>
      `台账存续 ${r.registerActive} 个，名单 ${r.reference} 个；已对上 ${r.matched} 个（名称相同 ${r.byName}，名称相近 ${r.similar}，依据文件相同 ${r.document}）`,
    confirm: '已对上，请人工确认',
    notIn: '台账有、名单无（警告）',
    missing: '名单有、台账无（错误）',
    pair: (a: string, b: string, how: string, score: number) =>
      `  ${a} ↔ ${b}（${how}，${score >= 0.995 ? '高度相近，名称不完全相同' : `相似度 ${score.toFixed(2)}`}）`,
    at: (sheet: string, row: number) => `${sheet} 第${row}行`,
    retired: (names: string) => `    台账中为非存续记录：${names}`,
    summary: (e: number, w: number) => `合计：错误 ${e} 个，警告 ${w} 个`,
    written: (output: string) => `已写入 ${output}（对账汇总、已对上、台账有名单无、名单有台账无）`,
  },
  en: {
    title: (a: string, b: string) => `Reconcile: ${a} ↔ ${b}`,
    counts: (r: ReconcileResult['counts']) =>
      `Active in the register ${r.registerActive}, on the list ${r.reference}; matched ${r.matched} (same name ${r.byName}, similar name ${r.similar}, same document ${r.document})`,
    confirm: 'Matched, to confirm',
    notIn: 'In the register only (warning)',
    missing: 'On the list only (error)',
    pair: (a: string, b: string, how: string, score: number) =>
      `  ${a} ↔ ${b} (${how}, ${score >= 0.995 ? 'very close, not the same name' : `similarity ${score.toFixed(2)}`})`,
    at: (sheet: string, row: number) => `${sheet} row ${row}`,
    retired: (names: string) => `    inactive in the register: ${names}`,
    summary: (e: number, w: number) => `Total: ${e} errors, ${w} warnings`,
    written: (output: string) => `Written to ${output} (对账汇总, 已对上, 台账有名单无, 名单有台账无)`,
  },
} as const;

export function reconcileText(
  result: ReconcileResult,
  register: LoadedRegister,
  list: ReferenceList,
  options: { lang: Lang; output?: string },
): string {
  const lang = options.lang;
  const W = WORDS[lang];
  const lines = [W.title(register.version.file, list.file), W.counts(result.counts)];
  const fuzzy = result.matched.filter((m) => m.how !== 'name');
  if (fuzzy.length > 0) {
    lines.push('', W.confirm);
    for (const m of fuzzy) lines.push(W.pair(m.register.name, m.reference.name, matchLabel(m.how, lang), m.score));
  }
  if (result.notInReference.length > 0) {
    lines.push('', W.notIn);
    for (const r of result.notInReference) lines.push(`  ${r.name}  ${W.at(r.sheet, r.row)}`);
  }
  if (result.missingFromRegister.length > 0) {
    lines.push('', W.missing);
    for (const m of result.missingFromRegister) {
      lines.push(`  ${m.reference.name}  ${W.at(m.reference.sheet, m.reference.row)}`);
      if (m.retired.length > 0)
        lines.push(W.retired(m.retired.map((r) => `${r.name}（${W.at(r.sheet, r.row)}）`).join('、')));
    }
  }
  const all = [...result.findings.register, ...result.findings.reference];
  lines.push(
    '',
    W.summary(all.filter((f) => f.severity === 'error').length, all.filter((f) => f.severity === 'warning').length),
  );
  if (options.output) lines.push(W.written(options.output));
  return `${lines.join('\n')}\n`;
}

export function reconcileJson(
  result: ReconcileResult,
  files: readonly FileOutcome[],
  lang: Lang,
  output: string | null,
) {
  return {
    ...toJson(files, lang),
    output,
    counts: result.counts,
    matched: result.matched.map((m) => ({ ...m, howLabel: matchLabel(m.how, lang) })),
    notInReference: result.notInReference,
    missingFromRegister: result.missingFromRegister,
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = startCommand(argv, OPTIONS, HELP, io);
  if (!command) return EXIT.ok;
  const { values, positionals, lang, format, asOf } = command;
  if (positionals.length !== 1) {
    throw new UsageError(
      `请指定一个台账文件（收到 ${positionals.length} 个）`,
      `name one register file (got ${positionals.length})`,
    );
  }
  if (!values.against)
    throw new UsageError(
      '请用 --against 指定对账名单，如 --against 两办名单.xlsx',
      'name the reference list with --against, e.g. --against list.xlsx',
    );
  const output = values.output ?? null;
  const force = values.force === true;
  if (output) await checkOutput(output, force);
  const settings = await settingsFrom(asOf, values.departments);
  const [registerRead, listRead] = (await readInputs([positionals[0]!, values.against])) as [ReadFile, ReadFile];
  refuseSameFile(
    registerRead,
    listRead,
    '请用 --against 指定党委、政府办公室的名单',
    'pass the general office’s list with --against',
  );
  if (output && ((await isSameFile(output, registerRead.path)) || (await isSameFile(output, listRead.path)))) {
    throw new UsageError('输出文件不能是输入文件之一', 'the output file cannot be one of the inputs');
  }
  const register = await loadRegister(registerRead, settings, values.sheet ?? [], lang);
  const list = loadList(listRead, await listGrids(listRead));

  const result = reconcile(register.version, list, settings);
  const files: FileOutcome[] = [
    { file: register.version.file, sheets: withFindings(register.sheets, result.findings.register) },
    { file: list.file, sheets: withFindings(listSheets(list), result.findings.reference) },
  ];
  if (output) {
    const sheets = reconcileSheets(result, { lang, registerFile: register.version.file, listFile: list.file });
    if (!(await writeSheetsOutput(output, sheets, force, io, lang))) return EXIT.usage;
  }
  if (format === 'json') io.out(`${JSON.stringify(reconcileJson(result, files, lang, output), null, 2)}\n`);
  else io.out(reconcileText(result, register, list, { lang, ...(output ? { output } : {}) }));
  return summarise(files).error > 0 ? EXIT.findings : EXIT.ok;
}
