/** A 标记 section of deadline entries (overdue, expiring, due for review): one block for all three lists, each its own meta line. */
import type { Finding } from '../../ledger/findings';
import { worstSeverity } from '../../ledger/findings';
import type { DeadlineItem } from '../model/flagsView';
import { FlagSection } from './FlagSection';
import { useFlagsStyles } from './useFlagsStyles';

interface Props {
  readonly title: string;
  readonly testId: string;
  readonly items: readonly DeadlineItem[];
  /** The line under an entry's name. */
  readonly meta: (item: DeadlineItem) => string;
  /** Whether entries carry their end date as data-end. */
  readonly withEnd?: boolean;
  readonly onSelect: (finding: Finding) => void;
}

export function DeadlineSection({ title, testId, items, meta, withEnd = false, onSelect }: Props) {
  const styles = useFlagsStyles();
  return (
    <FlagSection
      title={title}
      count={items.length}
      severity={worstSeverity(items.map((i) => i.finding))}
      testId={testId}
    >
      {items.map((item) => (
        <button
          key={item.row}
          type="button"
          className={styles.entry}
          onClick={() => onSelect(item.finding)}
          data-row={item.row}
          data-end={withEnd ? item.end : undefined}
        >
          <span>{item.name}</span>
          <span className={styles.meta}>{meta(item)}</span>
        </button>
      ))}
    </FlagSection>
  );
}
