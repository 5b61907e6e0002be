/** An evaluation's result: summary, grade chart, idle bodies, ranking and member units; a body selects its register row. */
import { Text, mergeClasses } from '@fluentui/react-components';
import { GRADES, actionSummary, ranking } from '../../ledger/evaluate';
import { countBySeverity, type Lang } from '../../ledger/findings';
import type { Evaluated } from './model';
import type { EvaluateStrings } from './strings';
import { useEvaluateStyles } from './useEvaluateStyles';

/** Grade colours, the ones the result sheet uses (Excel's good / neutral / bad fills, a little deeper). */
const GRADE_COLOURS: Readonly<Record<string, string>> = {
  好: '#5bb974',
  较好: '#6fa8dc',
  一般: '#f1c232',
  差: '#e06666',
};

export function Results({
  evaluated,
  s,
  lang,
  onSelect,
}: {
  evaluated: Evaluated;
  s: EvaluateStrings;
  lang: Lang;
  onSelect: (sheet: string, row: number, column: number) => void;
}) {
  const styles = useEvaluateStyles();
  const { result, rows } = evaluated;
  const c = result.counts;
  const nameColumn = new Map(rows.map((r) => [`${r.sheet}\u0000${r.row}`, r.cells.name?.column ?? 1]));
  const maxGrade = Math.max(1, ...GRADES.map((g) => c.byGrade[g]));
  const severities = countBySeverity(result.findings.map((f) => f.finding));
  const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(1));
  const idle = result.bodies.filter((b) => b.idle);
  return (
    <div
      className={styles.section}
      data-testid="evaluate-result"
      data-actions={JSON.stringify(c.byAction)}
      data-grades={JSON.stringify(c.byGrade)}
    >
      <Text weight="semibold" data-testid="evaluate-summary">
        {s.summary(result.year, c.active, c.evaluated, c.missing)}
      </Text>
      <Text data-testid="evaluate-actions">{s.suggestions(actionSummary(c.byAction, lang))}</Text>
      <Text size={200}>{s.findings(severities.error, severities.warning)}</Text>

      <Text className={styles.heading}>{s.grades}</Text>
      <div
        className={styles.chart}
        role="img"
        aria-label={GRADES.map((g) => `${s.gradeLabel(g)} ${c.byGrade[g]}`).join(', ')}
        data-testid="evaluate-grade-chart"
      >
        {GRADES.map((g) => (
          <div key={g} className={styles.bar} data-grade={g} data-count={c.byGrade[g]}>
            <span className={styles.barLabel}>{s.gradeLabel(g)}</span>
            <div className={styles.barTrack}>
              <div
                className={styles.barFill}
                style={{ width: `${(100 * c.byGrade[g]) / maxGrade}%`, backgroundColor: GRADE_COLOURS[g] }}
              />
            </div>
            <span>{c.byGrade[g]}</span>
          </div>
        ))}
      </div>

      <Text className={styles.heading}>{s.idle(idle.length)}</Text>
      <ul className={styles.list} data-testid="evaluate-idle">
        {idle.map((b) => (
          <li key={`${b.sheet}-${b.row}`}>
            <button
              type="button"
              className={styles.item}
              onClick={() => onSelect(b.sheet, b.row, nameColumn.get(`${b.sheet}\u0000${b.row}`) ?? 1)}
              data-row={b.row}
            >
              <span>
                {b.name} → {s.actionLabel(b.suggestion)}
                {b.partner ? `（${b.partner.name}）` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>

      {result.inexact.length > 0 && (
        <>
          <Text className={styles.heading}>{s.inexact}</Text>
          <ul className={styles.list} data-testid="evaluate-inexact">
            {result.inexact.map((m, i) => (
              <li key={i}>
                <Text size={200}>{s.inexactLine(m.written, m.body, m.score)}</Text>
              </li>
            ))}
          </ul>
        </>
      )}

      <Text className={styles.heading}>{s.ranking}</Text>
      <ul className={styles.list} data-testid="evaluate-ranking">
        {ranking(result).map((b) => (
          <li key={`${b.sheet}-${b.row}`}>
            <button
              type="button"
              className={styles.item}
              onClick={() => onSelect(b.sheet, b.row, nameColumn.get(`${b.sheet}\u0000${b.row}`) ?? 1)}
              data-row={b.row}
              data-rank={b.rank ?? ''}
              data-action={b.suggestion}
            >
              <span>
                {b.rank ?? '—'}. {b.name}
                {'\u3000'}
                {b.total === null
                  ? s.notEvaluated
                  : `${s.total} ${fixed(b.total)} ${s.gradeLabel(b.grade ?? '')}`} · {s.actionLabel(b.suggestion)}
              </span>
              {b.total !== null && (
                <span className={styles.detail}>
                  {s.scores(fixed(b.scores.performance), fixed(b.scores.conduct), fixed(b.scores.cooperation))}
                </span>
              )}
              {b.suggestion !== '保留' && (
                <span className={styles.detail}>
                  {b.reasons.map((r) => (lang === 'en' ? r.en : r.zh)).join(lang === 'en' ? '; ' : '；')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>

      {result.members.length > 0 && (
        <>
          <Text className={styles.heading}>{s.members}</Text>
          <ul className={styles.list} data-testid="evaluate-members">
            {result.members.map((m) => (
              <li key={m.unit} data-unit={m.unit} data-low={m.low}>
                <Text size={200} className={mergeClasses(m.low && styles.low)}>
                  {m.rank}. {m.unit}：{s.memberLine(m.bodies, m.mean)}
                  {m.low ? ` · ${s.low}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
