import { CATEGORIES, isCoordinatingBody, type CategoryId } from '../categories';
import { finding, type Finding } from '../findings';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';

/**
 * over-limit (sheet level): more active 议事协调机构 proper (categories 1–2: Party committee and
 * government bodies) than `activeBodyLimit`. Joint meetings, task forces and mechanisms do not
 * count, nor do rows whose category is unknown. No limit is set by default.
 */
export function flagOverLimit(rows: readonly LedgerRow[], settings: Settings): Finding[] {
  const limit = settings.activeBodyLimit;
  const first = rows[0];
  if (limit === null || !first) return [];
  const counts = new Map<CategoryId, number>();
  for (const row of rows) {
    if (row.category !== null && isCoordinatingBody(row.category))
      counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
  }
  const count = [...counts.values()].reduce((a, b) => a + b, 0);
  if (count <= limit) return [];
  const parts = CATEGORIES.filter((c) => counts.has(c.id));
  const breakdown = parts.map((c) => `${c.label} ${counts.get(c.id)} 个`).join('，');
  const breakdownEn = parts
    .map((c) => {
      const n = counts.get(c.id)!;
      return `${n} ${c.labelEn.toLowerCase().replace(/body$/u, n === 1 ? 'body' : 'bodies')}`;
    })
    .join(', ');
  const categoryHeader = rows.find((r) => r.cells.category)?.cells.category?.header ?? null;
  return [
    finding({
      code: 'over-limit',
      sheet: first.sheet,
      row: null,
      column: categoryHeader,
      value: String(count),
      params: { count, limit, breakdown, breakdownEn },
    }),
  ];
}
