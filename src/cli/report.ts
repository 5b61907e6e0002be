/**
 * The report of a checking command, as JSON (a stable contract) and as text grouped by file, sheet
 * and row. `ledger validate` builds it; compare and reconcile can print their findings the same way.
 *
 * JSON: { files: [{ file, sheets: [{ sheet, status, headerRow, rows, findings: [...] }], error? }],
 *         summary: { error, warning, info } }
 * A skipped sheet keeps that shape (headerRow null, rows 0, no findings) and adds skipReason and
 * skipMessage; an unreadable file has no sheets and an `error` with its reason and message.
 */
import { cellAddress } from '../ledger/grid';
import {
  countBySeverity,
  toReported,
  type Finding,
  type Lang,
  type ReportedFinding,
  type Severity,
  type SeverityCounts,
} from '../ledger/findings';
import { skipMessage, type SheetReport } from '../ledger/validate';
import { displayWidth } from './terminal';

export type FileProblem =
  | 'unsupported'
  | 'old-format'
  | 'encrypted'
  | 'corrupt'
  | 'empty'
  | 'too-large'
  | 'unreadable'
  | 'no-register'
  | 'sheet-not-found';

export interface SheetOutcome {
  readonly sheet: string;
  readonly status: 'validated' | 'skipped';
  readonly skipReason?: string;
  readonly skipMessage?: string;
  readonly headerRow: number | null;
  /** Number of body rows read. */
  readonly rows: number;
  readonly findings: readonly Finding[];
  /** Body name per sheet row, for the text report's row headings. */
  readonly names?: ReadonlyMap<number, string>;
}

export interface FileOutcome {
  readonly file: string;
  readonly sheets: readonly SheetOutcome[];
  readonly error?: { readonly reason: FileProblem; readonly message: string };
}

/** A sheet in the JSON report: its outcome with findings in their reported form, without the row names. */
export interface SheetJson extends Omit<SheetOutcome, 'findings' | 'names'> {
  readonly findings: readonly ReportedFinding[];
}

export interface FileJson {
  readonly file: string;
  readonly sheets: readonly SheetJson[];
  readonly error?: { readonly reason: FileProblem; readonly message: string };
}

export interface ReportJson {
  readonly files: readonly FileJson[];
  readonly summary: SeverityCounts;
}

/** The outcome of a sheet that was not checked (empty, or no register header), with the reason in words. */
export function skippedOutcome(report: SheetReport, lang: Lang): SheetOutcome {
  const reason = report.skipReason ?? 'no-header';
  return {
    sheet: report.sheet,
    status: 'skipped',
    skipReason: reason,
    skipMessage: skipMessage(reason, lang),
    headerRow: null,
    rows: 0,
    findings: [],
  };
}

export function summarise(files: readonly FileOutcome[]): SeverityCounts {
  return countBySeverity(files.flatMap((f) => f.sheets.flatMap((s) => s.findings)));
}

export function toJson(files: readonly FileOutcome[], lang: Lang): ReportJson {
  return {
    files: files.map((f) => {
      const sheets = f.sheets.map((s): SheetJson => ({
        sheet: s.sheet,
        status: s.status,
        ...(s.skipReason !== undefined ? { skipReason: s.skipReason, skipMessage: s.skipMessage ?? '' } : {}),
        headerRow: s.headerRow,
        rows: s.rows,
        findings: s.findings.map((x) => toReported(x, lang)),
      }));
      return f.error ? { file: f.file, sheets, error: f.error } : { file: f.file, sheets };
    }),
    summary: summarise(files),
  };
}

const LABELS = {
  zh: {
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    sheet: (name: string) => `工作表“${name}”`,
    header: (row: number, rows: number) => `表头在第 ${row} 行，共 ${rows} 条记录`,
    skipped: (why: string) => `已跳过：${why}`,
    clean: '未发现问题',
    row: (row: number) => `第 ${row} 行`,
    wholeSheet: '整表',
    value: '值：',
    suggestion: '建议：',
    unreadable: '无法检查：',
    summary: (c: SeverityCounts, files: number, sheets: number, skipped: number, failed: number) =>
      `合计：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个（文件 ${files} 个${failed ? `，其中 ${failed} 个无法检查` : ''}；已检查工作表 ${sheets} 个${skipped ? `，跳过 ${skipped} 个` : ''}）`,
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    sheet: (name: string) => `Sheet “${name}”`,
    header: (row: number, rows: number) => `header on row ${row}, ${rows} rows`,
    skipped: (why: string) => `skipped: ${why}`,
    clean: 'no problems found',
    row: (row: number) => `Row ${row}`,
    wholeSheet: 'Whole sheet',
    value: 'value: ',
    suggestion: 'suggestion: ',
    unreadable: 'not checked: ',
    summary: (c: SeverityCounts, files: number, sheets: number, skipped: number, failed: number) =>
      `Total: ${c.error} errors, ${c.warning} warnings, ${c.info} info (${files} files${failed ? `, ${failed} not checked` : ''}; ${sheets} sheets checked${skipped ? `, ${skipped} skipped` : ''})`,
  },
} as const;

const COLOURS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

export interface TextOptions {
  readonly lang: Lang;
  readonly colour: boolean;
}

/** Findings grouped by file, sheet and row, one block per row with the body's name. */
export function toText(files: readonly FileOutcome[], options: TextOptions): string {
  const L = LABELS[options.lang];
  const paint = (code: string, text: string) => (options.colour ? `${code}${text}${RESET}` : text);
  const width = Math.max(...Object.values(L.severity).map((s) => displayWidth(s)));
  const lines: string[] = [];
  let checked = 0;
  let skipped = 0;
  let failed = 0;
  for (const file of files) {
    lines.push(paint(BOLD, file.file));
    if (file.error) {
      failed += 1;
      lines.push(`  ${paint(COLOURS.error, L.unreadable)}${file.error.message}`);
    }
    for (const sheet of file.sheets) {
      if (sheet.status === 'skipped') {
        skipped += 1;
        lines.push(`  ${L.sheet(sheet.sheet)}  ${L.skipped(sheet.skipMessage ?? sheet.skipReason ?? '')}`);
        continue;
      }
      checked += 1;
      lines.push(`  ${L.sheet(sheet.sheet)}  ${L.header(sheet.headerRow ?? 0, sheet.rows)}`);
      if (sheet.findings.length === 0) lines.push(`    ${L.clean}`);
      let currentRow: number | null | undefined;
      for (const f of sheet.findings) {
        if (f.row !== currentRow) {
          currentRow = f.row;
          const name = f.row !== null ? sheet.names?.get(f.row) : undefined;
          lines.push(`    ${f.row === null ? L.wholeSheet : L.row(f.row)}${name ? `  ${name}` : ''}`);
        }
        const reported = toReported(f, options.lang);
        const where = [
          f.row !== null && f.columnIndex !== undefined ? cellAddress(f.row, f.columnIndex) : '',
          f.column ?? '',
        ]
          .filter(Boolean)
          .join(' ');
        const label = L.severity[f.severity];
        lines.push(
          `      ${paint(COLOURS[f.severity], label)}${' '.repeat(width - displayWidth(label) + 2)}${where ? `${where}  ` : ''}${reported.message}`,
        );
        const indent = ' '.repeat(6 + width + 2);
        if (f.value !== null && f.value !== '' && !reported.message.includes(f.value))
          lines.push(`${indent}${L.value}${oneLine(f.value)}`);
        if (reported.suggestion) lines.push(`${indent}${L.suggestion}${reported.suggestion}`);
      }
    }
  }
  lines.push('');
  lines.push(L.summary(summarise(files), files.length, checked, skipped, failed));
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}
