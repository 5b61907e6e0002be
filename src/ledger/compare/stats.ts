/**
 * 统计: active bodies per category before and after, with the change and its percentage — the
 * figures of a review campaign such as the 潍坊 practice's 292 → 133 (−54%).
 */
import { CATEGORIES, type CategoryId } from '../categories';
import type { LedgerRow } from '../row';

export interface CategoryLine {
  /** A category, 'coordinating' (categories 1–2, the 议事协调机构 proper), 'uncategorised' or 'total'. */
  readonly key: CategoryId | 'coordinating' | 'uncategorised' | 'total';
  readonly label: string;
  readonly labelEn: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
  /** change / before, e.g. −0.545; null when there was nothing before. */
  readonly ratio: number | null;
}

function line(key: CategoryLine['key'], label: string, labelEn: string, before: number, after: number): CategoryLine {
  return {
    key,
    label,
    labelEn,
    before,
    after,
    change: after - before,
    ratio: before === 0 ? null : (after - before) / before,
  };
}

function countActive(rows: readonly LedgerRow[]): { byCategory: number[]; uncategorised: number; total: number } {
  const byCategory = [0, 0, 0, 0, 0];
  let uncategorised = 0;
  let total = 0;
  for (const row of rows) {
    if (!row.active) continue;
    total += 1;
    if (row.category === null) uncategorised += 1;
    else byCategory[row.category - 1]! += 1;
  }
  return { byCategory, uncategorised, total };
}

/** One line per category, then 议事协调机构 (1–2), 未分类 (only when some row has no category) and 合计. */
export function categoryStats(oldRows: readonly LedgerRow[], newRows: readonly LedgerRow[]): CategoryLine[] {
  const a = countActive(oldRows);
  const b = countActive(newRows);
  const lines = CATEGORIES.map((c, i) => line(c.id, c.label, c.labelEn, a.byCategory[i]!, b.byCategory[i]!));
  lines.push(
    line(
      'coordinating',
      '其中：议事协调机构（第 1–2 类）',
      'Of which coordinating bodies (categories 1–2)',
      a.byCategory[0]! + a.byCategory[1]!,
      b.byCategory[0]! + b.byCategory[1]!,
    ),
  );
  if (a.uncategorised + b.uncategorised > 0)
    lines.push(line('uncategorised', '未填写类别', 'No category', a.uncategorised, b.uncategorised));
  lines.push(line('total', '存续机构合计', 'Active bodies in total', a.total, b.total));
  return lines;
}

/** “292 → 133（−54.5%）” / “292 → 133 (−54.5%)”. */
export function formatChange(l: Pick<CategoryLine, 'before' | 'after' | 'ratio'>, lang: 'zh' | 'en' = 'zh'): string {
  const pct =
    l.ratio === null ? '' : `${l.ratio > 0 ? '+' : l.ratio < 0 ? '−' : '±'}${Math.abs(l.ratio * 100).toFixed(1)}%`;
  if (pct === '') return `${l.before} → ${l.after}`;
  return lang === 'zh' ? `${l.before} → ${l.after}（${pct}）` : `${l.before} → ${l.after} (${pct})`;
}
