/**
 * The findings of a check, grouped by problem or by row. Groups expand on demand and show a page
 * at a time, so the DOM stays small and the pane stays responsive with thousands of findings.
 */
import { Button } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding } from '../../ledger/findings';
import { groupByCode, groupByRow, type GroupMode } from '../model/findingGroups';
import { useStrings } from '../i18n';
import { FindingGroupView } from './FindingGroupView';
import { useFindingListStyles } from './useFindingListStyles';

export { FINDINGS_PAGE } from './FindingGroupView';

/** Row groups shown before “show more” when grouping by row. */
export const ROW_GROUPS_PAGE = 60;
/** Up to this many findings every group starts expanded; above it only the first. */
const EXPAND_ALL_UP_TO = 60;

interface Props {
  readonly findings: readonly Finding[];
  readonly mode: GroupMode;
  /** Body names by sheet row, to say which body a row is. */
  readonly names: ReadonlyMap<number, string>;
  readonly onSelect: (finding: Finding) => void;
}

export function FindingList({ findings, mode, names, onSelect }: Props) {
  const styles = useFindingListStyles();
  const t = useStrings();
  const groups = useMemo(() => (mode === 'code' ? groupByCode(findings) : groupByRow(findings)), [findings, mode]);
  const [rowGroupsShown, setRowGroupsShown] = useState(ROW_GROUPS_PAGE);

  if (mode === 'row') {
    const shown = groups.slice(0, rowGroupsShown);
    return (
      <div className={styles.list} data-testid="finding-list" data-mode="row">
        {shown.map((group) => (
          <FindingGroupView key={group.key} group={group} mode="row" names={names} onSelect={onSelect} initiallyOpen />
        ))}
        {groups.length > shown.length && (
          <Button
            className={styles.more}
            appearance="subtle"
            onClick={() => setRowGroupsShown((n) => n + ROW_GROUPS_PAGE)}
          >
            {t.validate.showMore(shown.length, groups.length)}
          </Button>
        )}
      </div>
    );
  }
  const expandAll = findings.length <= EXPAND_ALL_UP_TO;
  return (
    <div className={styles.list} data-testid="finding-list" data-mode="code">
      {groups.map((group, i) => (
        <FindingGroupView
          key={group.key}
          group={group}
          mode="code"
          names={names}
          onSelect={onSelect}
          initiallyOpen={expandAll || i === 0}
        />
      ))}
    </div>
  );
}
