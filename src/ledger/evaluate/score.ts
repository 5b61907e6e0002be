/**
 * The three indicators of the 潍坊 practice (docs/domain.md) (工作实绩性、运行规范度、协调配合度), each 0–100, and the total.
 * Every formula is a weighted sum of capped ratios, so it is simple to explain to a department and
 * monotone: one more meeting, document, problem solved, task completed or point from a member unit
 * never lowers a score. The targets (full marks) and the weights are settings.
 *
 *   实绩 (performance) = 60 × 任务完成率 + 40 × min(1, 协调解决问题数 / targets.problems)
 *        任务完成率 = min(1, 完成任务数 / 重点任务数); with no key tasks, 1 if it completed any, else 0
 *   规范 (conduct)     = 30 × min(1, 召开会议次数 / targets.meetings)
 *                      + 20 × min(1, 印发文件数 / targets.documents)
 *                      + 30 if 工作规则 已制定 (the 自评表's answer, else the register's 工作规则 column)
 *                      + 20 if 年度工作要点 已印发
 *   配合 (cooperation) = the mean, over the body's 成员单位评价表 rows, of each row's score
 *        (its 得分 when given, else the mean of 协调配合 / 信息共享 / 任务落实 / 参会情况); none: no value
 *   总分 (total)       = Σ weight × indicator / Σ weight, over the indicators that have a value
 *        (without member scores, 配合's weight is spread over the other two in proportion)
 *
 * An empty count counts as 0 (nothing reported, nothing earned); an unknown 工作规则 or 工作要点
 * earns nothing. Scores are rounded to one decimal.
 */
import type { SelfCountField } from './fields';
import type { EvaluationSettings } from './settings';

export const INDICATORS = ['performance', 'conduct', 'cooperation'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Readonly<Record<Indicator, { zh: string; en: string; short: string }>> = {
  performance: { zh: '工作实绩性', en: 'Performance', short: '实绩' },
  conduct: { zh: '运行规范度', en: 'Conduct', short: '规范' },
  cooperation: { zh: '协调配合度', en: 'Cooperation', short: '配合' },
};

export type IndicatorScores = Readonly<Record<Indicator, number | null>>;

/** Parts of 实绩 and 规范, out of 100. */
export const PARTS = { tasks: 60, problems: 40, meetings: 30, documents: 20, workRules: 30, workPoints: 20 } as const;

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const ratio = (value: number, target: number): number => Math.min(1, Math.max(0, value) / target);

export type Counts = Readonly<Record<SelfCountField, number | null>>;

/** 工作实绩性 from tasks completed and problems solved. */
export function performanceScore(counts: Counts, targets: EvaluationSettings['targets']): number {
  const keyTasks = counts.keyTasks ?? 0;
  const done = counts.doneTasks ?? 0;
  const completion = keyTasks > 0 ? ratio(done, keyTasks) : done > 0 ? 1 : 0;
  return round1(PARTS.tasks * completion + PARTS.problems * ratio(counts.problems ?? 0, targets.problems));
}

/** 运行规范度 from meetings, documents, work rules and 工作要点. */
export function conductScore(
  counts: Counts,
  workRules: boolean | null,
  workPoints: boolean | null,
  targets: EvaluationSettings['targets'],
): number {
  return round1(
    PARTS.meetings * ratio(counts.meetings ?? 0, targets.meetings) +
      PARTS.documents * ratio(counts.documents ?? 0, targets.documents) +
      (workRules === true ? PARTS.workRules : 0) +
      (workPoints === true ? PARTS.workPoints : 0),
  );
}

/** 协调配合度: the mean of the member units' row scores; null when no unit scored the body. */
export function cooperationScore(rowScores: readonly number[]): number | null {
  if (rowScores.length === 0) return null;
  return round1(rowScores.reduce((a, b) => a + b, 0) / rowScores.length);
}

/** The weighted total over the indicators that have a value; null when none has. */
export function totalScore(scores: IndicatorScores, weights: EvaluationSettings['weights']): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of INDICATORS) {
    const value = scores[key];
    if (value === null || weights[key] === 0) continue;
    sum += weights[key] * value;
    weight += weights[key];
  }
  return weight === 0 ? null : round1(sum / weight);
}

/**
 * Competition ranking (1, 2, 2, 4) of items by a score, highest first; items without a score get
 * null. Ties keep their input order.
 */
export function rankBy<T>(items: readonly T[], score: (item: T) => number | null): (number | null)[] {
  const order = items
    .map((item, i) => ({ i, s: score(item) }))
    .filter((x): x is { i: number; s: number } => x.s !== null)
    .sort((a, b) => b.s - a.s || a.i - b.i);
  const ranks: (number | null)[] = items.map(() => null);
  order.forEach((x, k) => {
    const prev = order[k - 1];
    ranks[x.i] = prev && prev.s === x.s ? ranks[prev.i]! : k + 1;
  });
  return ranks;
}
