/** The change list between two versions, grouped by kind; an item selects its row when it is in this workbook. */
import { Switch, Text, mergeClasses } from '@fluentui/react-components';
import {
  describeChange,
  formatChange,
  matchLabel,
  newNameOf,
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  type ChangeEntry,
} from '../../ledger/compare';
import { messageOf, type Lang } from '../../ledger/findings';
import { NoteBar } from '../components/NoteBar';
import { cellOf, type Compared } from './model';
import type { CompareStrings } from './strings';
import { useCompareStyles } from './useCompareStyles';

export function ChangeList({
  compared,
  lang,
  s,
  onSelect,
  showUnchanged,
  onShowUnchanged,
}: {
  compared: Compared;
  lang: Lang;
  s: CompareStrings;
  onSelect: (cell: ReturnType<typeof cellOf>) => void;
  showUnchanged: boolean;
  onShowUnchanged: (show: boolean) => void;
}) {
  const styles = useCompareStyles();
  const setShowUnchanged = onShowUnchanged;
  const { result } = compared;
  const total = result.stats.find((l) => l.key === 'total')!;
  const coordinating = result.stats.find((l) => l.key === 'coordinating')!;
  const cellFor = (e: ChangeEntry) =>
    cellOf(compared.new, e.kind === 'renamed' && e.target ? e.target : e.new) ?? cellOf(compared.old, e.old);
  const changed = CHANGE_KINDS.some((k) => k !== 'unchanged' && result.counts[k] > 0);
  // Say “click to select” only when some item can be selected; when none can, say why once.
  const selectable = result.entries.some((e) => (e.kind !== 'unchanged' || showUnchanged) && cellFor(e) !== null);
  const perItemNote = selectable;
  return (
    <div className={styles.section} data-testid="compare-result" data-counts={JSON.stringify(result.counts)}>
      <Text weight="semibold" data-testid="compare-totals">
        {s.active(formatChange(total, lang))}
      </Text>
      <Text size={200}>{s.coordinating(formatChange(coordinating, lang))}</Text>
      {!changed && <NoteBar intent="info">{s.nothingChanged}</NoteBar>}
      {changed && selectable && (
        <Text size={200} data-testid="select-hint">
          {s.selectHint}
        </Text>
      )}
      {changed && !selectable && (
        <Text size={200} data-testid="in-file-note">
          {s.allInFile}
        </Text>
      )}
      {CHANGE_KINDS.map((kind) => {
        if (result.counts[kind] === 0 || (kind === 'unchanged' && !showUnchanged)) return null;
        const entries = result.entries.filter((e) => e.kind === kind);
        return (
          <section key={kind} className={styles.section} data-kind={kind} data-count={entries.length}>
            <Text className={styles.heading}>
              {CHANGE_KIND_LABELS[kind][lang]}（{entries.length}）
            </Text>
            <ul className={styles.list}>
              {entries.map((e, i) => {
                const cell = cellFor(e);
                const newName = newNameOf(e);
                const title =
                  e.old && newName && e.old.name !== newName ? `${e.old.name} → ${newName}` : (e.old?.name ?? newName);
                const how =
                  e.how && e.how !== 'name'
                    ? `（${matchLabel(e.how, lang)}${e.score !== null ? `，${s.similarity(e.score)}` : ''}）`
                    : '';
                const what = describeChange(e, lang);
                return (
                  <li key={`${kind}-${i}`}>
                    <button
                      type="button"
                      className={styles.item}
                      disabled={cell === null}
                      onClick={() => onSelect(cell)}
                      data-change={kind}
                      data-row={cell?.row ?? ''}
                      data-sheet={cell?.sheet ?? ''}
                    >
                      <span>
                        {title}
                        {how}
                        {cell === null && perItemNote ? ` ${s.inFile}` : ''}
                      </span>
                      {what !== '' && <span className={styles.detail}>{what}</span>}
                      {e.findings.map((f, k) => (
                        <span
                          key={k}
                          className={mergeClasses(styles.problem, f.severity === 'error' && styles.error)}
                          data-finding={f.code}
                        >
                          {messageOf(f, lang)}
                        </span>
                      ))}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {result.counts.unchanged > 0 && (
        <Switch
          checked={showUnchanged}
          onChange={(_, d) => setShowUnchanged(d.checked)}
          label={s.showUnchanged(result.counts.unchanged)}
        />
      )}
    </div>
  );
}
