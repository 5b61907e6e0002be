/** The text report of `ledger consolidate`: the 汇总 figures per county and what needs attention. */
import { RETURN_SHEET_NAMES, type ConsolidatedReturn } from '../ledger/consolidate';
import type { Lang } from '../ledger/findings';
import { displayWidth, padToWidth } from './terminal';

const WORDS = {
  zh: {
    title: (asOf: string) => `议事协调机构管理台账汇总（核对日期 ${asOf}）`,
    headers: ['县区', '报送情况', '条数', '议事协调机构', '撤销/合并', '错误', '警告'],
    states: { submitted: '已报送', missing: '未报送', duplicate: '重复报送' },
    total: '合计',
    missing: (names: string) => `未报送：${names}`,
    duplicate: (county: string, files: string) => `重复报送：${county}（${files}），各份均已计入，请核实后保留一份`,
    unassigned: (where: string, rows: number) => `未计入汇总：${where}（${rows} 条），无法确定所属县区`,
    mixed: (where: string, names: string) => `未计入汇总：${where}，县区列包含多个县区（${names}）`,
    unreadable: (message: string) => `无法读取：${message}`,
    written: (output: string) => `已写入 ${output}（${RETURN_SHEET_NAMES.join('、')}）`,
    summary: (e: number, w: number, i: number) => `问题：错误 ${e} 个，警告 ${w} 个，提示 ${i} 个，详见“问题清单”`,
    sep: '、',
  },
  en: {
    title: (asOf: string) => `Consolidated register of coordinating bodies (as of ${asOf})`,
    headers: ['County', 'Submission', 'Rows', 'Coord. bodies', 'Abolished', 'Errors', 'Warnings'],
    states: { submitted: 'submitted', missing: 'missing', duplicate: 'sent twice' },
    total: 'Total',
    missing: (names: string) => `Sent nothing: ${names}`,
    duplicate: (county: string, files: string) => `Sent twice: ${county} (${files}); all are counted: keep one`,
    unassigned: (where: string, rows: number) => `Not in the totals: ${where} (${rows} rows), county unknown`,
    mixed: (where: string, names: string) =>
      `Not in the totals: ${where}, the 县区 column names several counties (${names})`,
    unreadable: (message: string) => `Unreadable: ${message}`,
    written: (output: string) => `Written to ${output} (${RETURN_SHEET_NAMES.join(', ')})`,
    summary: (e: number, w: number, i: number) => `Findings: ${e} errors, ${w} warnings, ${i} info; see 问题清单`,
    sep: ', ',
  },
} as const;

export function consolidateText(
  ret: ConsolidatedReturn,
  options: { readonly output: string; readonly lang: Lang },
): string {
  const W = WORDS[options.lang];
  const rows: string[][] = ret.counties.map((c) =>
    c.state === 'missing'
      ? [c.county, W.states.missing, '', '', '', String(c.errors), '']
      : [
          c.county,
          W.states[c.state],
          String(c.rows),
          String(c.activeCoordinating),
          String(c.abolishedOrMerged),
          String(c.errors),
          String(c.warnings),
        ],
  );
  const t = ret.total;
  rows.push([
    W.total,
    '',
    String(t.rows),
    String(t.activeCoordinating),
    String(t.abolishedOrMerged),
    String(t.errors),
    String(t.warnings),
  ]);
  const table = [[...W.headers], ...rows];
  const widths = W.headers.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i] ?? ''))));
  const lines = [W.title(ret.asOf), ''];
  for (const r of table)
    lines.push(
      r
        .map((cell, i) => padToWidth(cell, widths[i]!, i >= 2))
        .join('  ')
        .trimEnd(),
    );
  lines.push('');
  if (ret.missing.length > 0) lines.push(W.missing(ret.missing.join(W.sep)));
  for (const c of ret.counties) if (c.state === 'duplicate') lines.push(W.duplicate(c.county, c.files.join(W.sep)));
  for (const r of ret.registers) {
    if (r.status !== 'unassigned') continue;
    const where = `${r.file} › ${r.sheet}`;
    lines.push(
      r.reason === 'mixed-county'
        ? W.mixed(where, r.candidates.map((c) => `${c.county}×${c.rows}`).join(W.sep))
        : W.unassigned(where, r.rowCount),
    );
  }
  for (const u of ret.unreadable) lines.push(W.unreadable(options.lang === 'en' ? u.messageEn : u.message));
  lines.push(W.summary(ret.summary.error, ret.summary.warning, ret.summary.info));
  lines.push(W.written(options.output));
  return `${lines.join('\n')}\n`;
}
