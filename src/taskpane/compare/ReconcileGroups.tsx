/** A register reconciled with a general office's list: the three groups; an item selects its row when it is in this workbook. */
import { Text } from '@fluentui/react-components';
import { matchLabel } from '../../ledger/compare';
import type { Lang } from '../../ledger/findings';
import { cellOf, type Reconciled } from './model';
import type { CompareStrings } from './strings';
import { useCompareStyles } from './useCompareStyles';

export function ReconcileGroups({
  reconciled,
  lang,
  s,
  onSelect,
}: {
  reconciled: Reconciled;
  lang: Lang;
  s: CompareStrings;
  onSelect: (cell: ReturnType<typeof cellOf>) => void;
}) {
  const styles = useCompareStyles();
  const { result, register, list, listSource } = reconciled;
  const listCell = (sheet: string, row: number) => {
    if (listSource.kind !== 'sheet') return null;
    const entry = list.entries.find((e) => e.sheet === sheet && e.row === row);
    return entry ? { sheet, row, column: entry.column } : null;
  };
  const fuzzy = result.matched.filter((m) => m.how !== 'name');
  // Selectable when the register or the list is a sheet of this workbook; otherwise say so once.
  const selectable = register.source.kind === 'sheet' || listSource.kind === 'sheet';
  const item = (key: string, cell: ReturnType<typeof cellOf>, text: string, detail: string | null, group: string) => (
    <li key={key}>
      <button
        type="button"
        className={styles.item}
        disabled={cell === null}
        onClick={() => onSelect(cell)}
        data-group={group}
        data-row={cell?.row ?? ''}
      >
        <span>
          {text}
          {cell === null && selectable ? ` ${s.inFile}` : ''}
        </span>
        {detail && <span className={styles.detail}>{detail}</span>}
      </button>
    </li>
  );
  return (
    <div className={styles.section} data-testid="reconcile-result" data-counts={JSON.stringify(result.counts)}>
      {selectable ? (
        <Text size={200} data-testid="select-hint">
          {s.selectHint}
        </Text>
      ) : (
        <Text size={200} data-testid="in-file-note">
          {s.allInFile}
        </Text>
      )}
      <section className={styles.section} data-group="matched" data-count={result.matched.length}>
        <Text className={styles.heading}>{s.matchedTitle(result.matched.length)}</Text>
        {fuzzy.length > 0 && <Text size={200}>{s.toConfirm(fuzzy.length)}</Text>}
        <ul className={styles.list}>
          {fuzzy.map((m, i) =>
            item(
              `m${i}`,
              cellOf(register, m.register),
              `${m.register.name} ↔ ${m.reference.name}`,
              `${matchLabel(m.how, lang)}，${s.similarity(m.score)}`,
              'matched',
            ),
          )}
        </ul>
      </section>
      <section className={styles.section} data-group="not-in-reference" data-count={result.notInReference.length}>
        <Text className={styles.heading}>{s.notInReference(result.notInReference.length)}</Text>
        {result.notInReference.length === 0 && <Text size={200}>{s.none}</Text>}
        <ul className={styles.list}>
          {result.notInReference.map((r, i) =>
            item(`n${i}`, cellOf(register, r), r.name, s.rowOf(r.sheet, r.row), 'not-in-reference'),
          )}
        </ul>
      </section>
      <section
        className={styles.section}
        data-group="missing-from-register"
        data-count={result.missingFromRegister.length}
      >
        <Text className={styles.heading}>{s.missingFromRegister(result.missingFromRegister.length)}</Text>
        {result.missingFromRegister.length === 0 && <Text size={200}>{s.none}</Text>}
        <ul className={styles.list}>
          {result.missingFromRegister.map((m, i) =>
            item(
              `x${i}`,
              listCell(m.reference.sheet, m.reference.row) ?? cellOf(register, m.retired[0] ?? null),
              m.reference.name,
              [
                s.rowOf(m.reference.sheet, m.reference.row),
                ...m.retired.map((r) => `${s.retired}：${s.rowOf(r.sheet, r.row)}`),
              ].join(lang === 'en' ? '; ' : '；'),
              'missing-from-register',
            ),
          )}
        </ul>
      </section>
    </div>
  );
}
