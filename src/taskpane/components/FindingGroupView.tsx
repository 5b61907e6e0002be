/** One group of findings (a problem or a row): a header with the count that expands to its findings, a page at a time. */
import { Badge, Button } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Finding } from '../../ledger/findings';
import type { FindingGroup, GroupMode } from '../model/findingGroups';
import { useStrings } from '../i18n';
import { BADGE_COLOR } from './badgeColors';
import { FindingItem } from './FindingItem';
import { useFindingListStyles } from './useFindingListStyles';

/** Findings shown per expanded group before “show more”. */
export const FINDINGS_PAGE = 50;

export function FindingGroupView({
  group,
  mode,
  names,
  onSelect,
  initiallyOpen,
}: {
  group: FindingGroup;
  mode: GroupMode;
  names: ReadonlyMap<number, string>;
  onSelect: (f: Finding) => void;
  initiallyOpen: boolean;
}) {
  const styles = useFindingListStyles();
  const t = useStrings();
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(FINDINGS_PAGE);
  const title =
    mode === 'code'
      ? (t.codeTitles[group.code!] ?? group.code)
      : group.row === null || group.row === undefined
        ? t.validate.wholeSheet
        : t.validate.row(group.row);
  const rowName = mode === 'row' && typeof group.row === 'number' ? names.get(group.row) : undefined;
  const visible = open ? group.findings.slice(0, shown) : [];
  return (
    <section data-group={group.key} data-code={group.code} data-count={group.findings.length}>
      <button type="button" className={styles.groupHeader} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        <span className={styles.groupTitle}>
          {title}
          {rowName && <span className={styles.rowName}>{rowName}</span>}
        </span>
        {/* The count in its severity's colour: red errors, amber warnings, blue info (never a black warning). */}
        <Badge appearance="filled" size="medium" color={BADGE_COLOR[group.severity]} data-severity={group.severity}>
          {group.findings.length}
        </Badge>
      </button>
      {open && (
        <ul className={styles.items}>
          {visible.map((f, i) => (
            <li key={i}>
              <FindingItem finding={f} mode={mode} names={names} onSelect={onSelect} />
            </li>
          ))}
          {group.findings.length > visible.length && (
            <li>
              <Button
                className={styles.more}
                appearance="subtle"
                size="small"
                onClick={() => setShown((n) => n + FINDINGS_PAGE)}
              >
                {t.validate.showMore(visible.length, group.findings.length)}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
