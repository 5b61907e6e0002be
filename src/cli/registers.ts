/**
 * Registers given on the command line as whole files, for the commands that compare one register
 * with another file (compare, reconcile): read once, refused when two are the same file, parsed
 * sheet by sheet into the rows the core compares.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { buildDepartmentIndex } from '../ledger/cells/department';
import type { RegisterVersion } from '../ledger/compare';
import type { Finding, Lang } from '../ledger/findings';
import type { LedgerRow } from '../ledger/row';
import type { Settings } from '../ledger/settings';
import { validateSheet } from '../ledger/validate';
import { readWorkbook } from '../read';
import { UsageError } from './command';
import { readInputFile } from './files';
import { skippedOutcome, type SheetOutcome } from './report';

export interface ReadFile {
  readonly path: string;
  /** The name shown in reports and related refs: the file name, or the path when two inputs share it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Reads the inputs; an unreadable one is a UsageError naming it. */
export async function readInputs(paths: readonly string[]): Promise<ReadFile[]> {
  const out: ReadFile[] = [];
  const sameName = new Set(paths.map((p) => basename(p))).size < paths.length;
  for (const path of paths) {
    const file = await readInputFile(path);
    if (!file.ok) throw new UsageError(file.message, file.messageEn);
    out.push({ path, name: sameName ? path.split('\\').join('/') : basename(path), bytes: file.bytes });
  }
  return out;
}

/** Refuses two inputs that are the same file: the same path, or the same bytes under two names. */
export function refuseSameFile(a: ReadFile, b: ReadFile, zhWhat: string, enWhat: string): void {
  const samePath = resolve(a.path) === resolve(b.path);
  const sameBytes = !samePath && a.bytes.length === b.bytes.length && sha256(a.bytes) === sha256(b.bytes);
  if (samePath || sameBytes) {
    const how = samePath ? '' : '（内容完全相同）';
    const howEn = samePath ? '' : ' (identical content)';
    throw new UsageError(
      `${a.path} 与 ${b.path} 是同一个文件${how}，${zhWhat}`,
      `${a.path} and ${b.path} are the same file${howEn}; ${enWhat}`,
    );
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface LoadedRegister {
  readonly version: RegisterVersion;
  /** Per sheet: what was read (for the JSON / text report). */
  readonly sheets: SheetOutcome[];
}

/** Reads a register workbook: every sheet with a register header (or the --sheet ones). */
export async function loadRegister(
  file: ReadFile,
  settings: Settings,
  wanted: readonly string[],
  lang: Lang,
): Promise<LoadedRegister> {
  const book = await readWorkbook(file.bytes, file.path);
  if (!book.ok) throw new UsageError(book.message, book.messageEn);
  let grids = book.sheets;
  if (wanted.length > 0) {
    const norm = (s: string) => s.trim().toLowerCase();
    grids = book.sheets.filter((g) => wanted.some((w) => norm(w) === norm(g.sheet)));
    if (grids.length === 0) {
      const have = book.sheets.map((g) => g.sheet).join(lang === 'en' ? ', ' : '、');
      throw new UsageError(
        `${file.path}：没有名为“${wanted.join('、')}”的工作表（现有：${have}）`,
        `${file.path}: no sheet named ${wanted.join(', ')} (sheets: ${have})`,
      );
    }
  }
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const rows: LedgerRow[] = [];
  const title: string[] = [];
  const sheets: SheetOutcome[] = [];
  for (const grid of grids) {
    const report = validateSheet(grid, settings, { flags: false, departments });
    if (report.status === 'skipped') {
      sheets.push(skippedOutcome(report, lang));
      continue;
    }
    // One at a time: spreading 150,000 rows into push() overflows the call stack.
    for (const row of report.rows) rows.push(row);
    for (const line of report.title) title.push(line);
    sheets.push({
      sheet: report.sheet,
      status: 'validated',
      headerRow: report.headerRow,
      rows: report.rows.length,
      findings: [],
      names: new Map(report.rows.map((r) => [r.row, r.name])),
    });
  }
  if (!sheets.some((s) => s.status === 'validated')) {
    throw new UsageError(
      `${file.path}：没有可识别出台账表头（机构名称、设立时间、依据文件等）的工作表`,
      `${file.path}: no sheet with a register header (机构名称, 设立时间, 依据文件 …)`,
    );
  }
  return { version: { file: file.name, rows, title }, sheets };
}

/** Puts findings on the sheets they belong to (the report's files → sheets → findings shape). */
export function withFindings(sheets: readonly SheetOutcome[], findings: readonly Finding[]): SheetOutcome[] {
  return sheets.map((s) => ({ ...s, findings: findings.filter((f) => f.sheet === s.sheet) }));
}
