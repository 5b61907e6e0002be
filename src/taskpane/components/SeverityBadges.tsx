import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { SeverityCounts } from '../../ledger/findings';
import { useStrings } from '../i18n';
import { BADGE_COLOR } from './badgeColors';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The error / warning / info counts of a check. */
export function SeverityBadges({ counts }: { counts: SeverityCounts }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.row} data-testid="severity-badges">
      {(['error', 'warning', 'info'] as const).map((severity) => (
        <Badge
          key={severity}
          size="large"
          appearance={counts[severity] > 0 ? 'filled' : 'outline'}
          color={BADGE_COLOR[severity]}
          data-severity={severity}
          data-count={counts[severity]}
        >
          {t.severity[severity]} {counts[severity]}
        </Badge>
      ))}
    </div>
  );
}
