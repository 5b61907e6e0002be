/**
 * `ledger compare <old.xlsx> <new.xlsx> [-o changes.xlsx] [--force] [--sheet NAME] [--as-of D]
 *  [--departments FILE] [--format text|json] [--lang zh|en]`
 *
 * The change list between two versions of a register (调整清单). Inputs are read-only; the output
 * workbook (变动清单, 统计) is written atomically and never over an existing file without --force.
 * Also the shared input handling of `ledger reconcile`.
 */
import {
  changeSheets,
  compareVersions,
  describeChange,
  formatChange,
  matchLabel,
  newNameOf,
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  type ChangeEntry,
  type CompareResult,
} from '../ledger/compare';
import { messageOf, type Lang } from '../ledger/findings';
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
import { summarise, toJson, type FileOutcome, type SheetOutcome } from './report';
import { settingsFrom } from './settings';

export const HELP = `用法：ledger compare <旧版.xlsx> <新版.xlsx> [-o 调整清单.xlsx] [选项]

对比同一台账的两个版本（如定期调整前后），逐个机构列出：新设、撤销、更名、合并、调整（列出
变动的指标）、未变，以及旧版有、新版整行删除的机构。机构先按规范化名称对应，再按历史沿革中的
记载、相近名称（附相似度）和相同的依据文件对应。输入文件只读，不会被修改。

报告的问题：vanished-row（旧版存续的机构在新版中没有任何记录，错误）、undocumented-change
（更名、合并、撤销或调整办事机构，历史沿革未记载，警告）、missing-abolition-document（撤销或
合并但没有撤销文件或文号，警告）。

选项：
  -o, --output 文件       写出调整清单（.xlsx：变动清单、统计）；已存在时需加 --force 才覆盖
  --force                 覆盖已存在的输出文件
  --sheet 名称            只读这个工作表（两个版本都适用，可重复）；默认读每个能识别出台账表头的工作表
  --as-of YYYY-MM-DD      核对日期，默认今天
  --departments 文件      部门名单（同 ledger validate），用于识别部门简称
  --format text|json      输出格式，默认 text
  --lang zh|en            信息语言，默认 zh（中文）
  -h, --help              显示本帮助

退出码：0 没有错误；1 有错误级问题（vanished-row）；2 用法有误或文件无法读取

Usage: ledger compare <old.xlsx> <new.xlsx> [-o changes.xlsx] [options]

Compares two versions of a register (before and after a review) body by body: new, abolished,
renamed, merged, adjusted (with the fields that changed), unchanged, and rows deleted outright.
Bodies are matched by normalised name, then by what 历史沿革 records, a similar name (with its
score) and a shared basis document. Input files are opened read-only and never changed.

Findings: vanished-row (error), undocumented-change (warning), missing-abolition-document (warning).

Options:
  -o, --output FILE       write the change list (.xlsx: 变动清单, 统计); an existing file needs --force
  --force                 replace an existing output file
  --sheet NAME            read only this sheet of both versions (repeatable)
  --as-of YYYY-MM-DD      the date to check against; default today
  --departments FILE      department list (as in ledger validate), to resolve short names
  --format text|json      output format (default text)
  --lang zh|en            message language (default zh)
  -h, --help              show this help

Exit codes: 0 no errors; 1 some finding is an error (vanished-row); 2 bad usage or unreadable input

Example:
  npx ledger compare samples/versions/东营市市级台账-2023.xlsx samples/versions/东营市市级台账-2026.xlsx --as-of 2026-11-25
`;

const OPTIONS = { ...COMMON_OPTIONS, ...REGISTER_OPTIONS, ...OUTPUT_OPTIONS } as const;

/* ---------------------------------------------------------------------------------------------- */
/* Reports                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

const WORDS = {
  zh: {
    title: (a: string, b: string) => `对比：${a} → ${b}`,
    read: (which: string, sheets: readonly SheetOutcome[]) =>
      `  ${which}：${sheets
        .filter((s) => s.status === 'validated')
        .map((s) => `工作表“${s.sheet}”（${s.rows} 条）`)
        .join('，')}`,
    old: '旧版',
    new: '新版',
    active: (total: string, coord: string) => `存续机构：${total}；其中议事协调机构（第 1–2 类）${coord}`,
    counts: (parts: string) => `变动：${parts}`,
    count: (label: string, n: number) => `${label} ${n} 个`,
    at: (which: string, sheet: string, row: number) => `${which} ${sheet} 第${row}行`,
    how: (label: string, score: number | null) =>
      `（${label}${score === null ? '' : score >= 0.995 ? '，高度相近，名称不完全相同' : `，相似度 ${score.toFixed(2)}`}）`,
    severity: { error: '错误', warning: '警告', info: '提示' },
    summary: (e: number, w: number, i: number) => `合计：错误 ${e} 个，警告 ${w} 个，提示 ${i} 个`,
    written: (output: string) => `已写入 ${output}（变动清单、统计）`,
    sep: '，',
    list: '、',
  },
  en: {
    title: (a: string, b: string) => `Compare: ${a} → ${b}`,
    read: (which: string, sheets: readonly SheetOutcome[]) =>
      `  ${which}: ${sheets
        .filter((s) => s.status === 'validated')
        .map((s) => `sheet “${s.sheet}”, ${s.rows} rows`)
        .join('; ')}`,
    old: 'Old',
    new: 'New',
    active: (total: string, coord: string) => `Active bodies: ${total}; coordinating bodies (categories 1–2) ${coord}`,
    counts: (parts: string) => `Changes: ${parts}`,
    count: (label: string, n: number) => `${label} ${n}`,
    at: (which: string, sheet: string, row: number) => `${which} ${sheet} row ${row}`,
    how: (label: string, score: number | null) =>
      ` (${label}${score === null ? '' : score >= 0.995 ? ', very close, not the same name' : `, similarity ${score.toFixed(2)}`})`,
    severity: { error: 'error', warning: 'warning', info: 'info' },
    summary: (e: number, w: number, i: number) => `Total: ${e} errors, ${w} warnings, ${i} info`,
    written: (output: string) => `Written to ${output} (变动清单, 统计)`,
    sep: ', ',
    list: ', ',
  },
} as const;

function entryLines(e: ChangeEntry, lang: Lang): string[] {
  const W = WORDS[lang];
  const newName = newNameOf(e);
  const name = e.old && newName && e.old.name !== newName ? `${e.old.name} → ${newName}` : (e.old?.name ?? newName);
  const how = e.how && e.how !== 'name' ? W.how(matchLabel(e.how, lang), e.score) : '';
  const where = e.new ? W.at(W.new, e.new.sheet, e.new.row) : e.old ? W.at(W.old, e.old.sheet, e.old.row) : '';
  const lines = [`  ${name}${how}  ${where}`];
  const what = describeChange(e, lang);
  if (what !== '') lines.push(`    ${what}`);
  for (const f of e.findings) lines.push(`    ${W.severity[f.severity]}  ${messageOf(f, lang)}`);
  return lines;
}

export function compareText(
  result: CompareResult,
  oldFile: LoadedRegister,
  newFile: LoadedRegister,
  options: { lang: Lang; output?: string },
): string {
  const W = WORDS[options.lang];
  const lang = options.lang;
  const total = result.stats.find((l) => l.key === 'total')!;
  const coord = result.stats.find((l) => l.key === 'coordinating')!;
  const lines = [
    W.title(oldFile.version.file, newFile.version.file),
    W.read(W.old, oldFile.sheets),
    W.read(W.new, newFile.sheets),
    W.active(formatChange(total, lang), formatChange(coord, lang)),
    W.counts(CHANGE_KINDS.map((k) => W.count(CHANGE_KIND_LABELS[k][lang], result.counts[k])).join(W.sep)),
  ];
  for (const kind of CHANGE_KINDS) {
    if (kind === 'unchanged' || result.counts[kind] === 0) continue;
    lines.push('', CHANGE_KIND_LABELS[kind][lang]);
    for (const e of result.entries) if (e.kind === kind) lines.push(...entryLines(e, lang));
  }
  const c = summariseFindings(result);
  lines.push('', W.summary(c.error, c.warning, c.info));
  if (options.output) lines.push(W.written(options.output));
  return `${lines.join('\n')}\n`;
}

function summariseFindings(result: CompareResult) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of [...result.findings.old, ...result.findings.new]) counts[f.severity] += 1;
  return counts;
}

/** The JSON report: files → sheets → findings and summary, as `ledger validate`, plus the change list. */
export function compareJson(result: CompareResult, files: readonly FileOutcome[], lang: Lang, output: string | null) {
  return {
    ...toJson(files, lang),
    output,
    counts: result.counts,
    stats: result.stats,
    changes: result.entries.map((e) => ({
      kind: e.kind,
      kindLabel: CHANGE_KIND_LABELS[e.kind][lang],
      old: e.old,
      new: e.new,
      target: e.target,
      how: e.how,
      score: e.score,
      moved: e.moved,
      fields: e.fields.map((f) => ({
        field: f.field,
        label: lang === 'en' ? f.labelEn : f.label,
        old: f.old,
        new: f.new,
      })),
      findings: e.findings.map((f) => f.code),
    })),
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const command = startCommand(argv, OPTIONS, HELP, io);
  if (!command) return EXIT.ok;
  const { values, positionals, lang, format, asOf } = command;
  if (positionals.length !== 2) {
    throw new UsageError(
      `请指定两个版本：旧版.xlsx 新版.xlsx（收到 ${positionals.length} 个文件）`,
      `name the two versions: old.xlsx new.xlsx (got ${positionals.length} files)`,
    );
  }
  const output = values.output ?? null;
  const force = values.force === true;
  if (output) await checkOutput(output, force);
  const settings = await settingsFrom(asOf, values.departments);
  const [oldRead, newRead] = (await readInputs(positionals)) as [ReadFile, ReadFile];
  refuseSameFile(oldRead, newRead, '请指定两个不同的版本', 'name two different versions');
  if (output && ((await isSameFile(output, oldRead.path)) || (await isSameFile(output, newRead.path)))) {
    throw new UsageError('输出文件不能是输入文件之一', 'the output file cannot be one of the inputs');
  }
  const oldFile = await loadRegister(oldRead, settings, values.sheet ?? [], lang);
  const newFile = await loadRegister(newRead, settings, values.sheet ?? [], lang);

  const result = compareVersions(oldFile.version, newFile.version, settings);
  const files: FileOutcome[] = [
    { file: oldFile.version.file, sheets: withFindings(oldFile.sheets, result.findings.old) },
    { file: newFile.version.file, sheets: withFindings(newFile.sheets, result.findings.new) },
  ];
  if (output) {
    const sheets = changeSheets(result, { lang, oldFile: oldFile.version.file, newFile: newFile.version.file });
    if (!(await writeSheetsOutput(output, sheets, force, io, lang))) return EXIT.usage;
  }
  if (format === 'json') io.out(`${JSON.stringify(compareJson(result, files, lang, output), null, 2)}\n`);
  else io.out(compareText(result, oldFile, newFile, { lang, ...(output ? { output } : {}) }));
  return summarise(files).error > 0 ? EXIT.findings : EXIT.ok;
}
