/** A section of the 标记 tab: a title with a count in the worst severity's colour, then its entries, a page at a time. */
import { Badge, Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Severity } from '../../ledger/findings';
import { BADGE_COLOR } from '../components/badgeColors';
import { useStrings } from '../i18n';
import { useFlagsStyles } from './useFlagsStyles';

/** Entries shown per section before “show more”. */
const SECTION_PAGE = 100;

export function FlagSection({
  title,
  count,
  severity,
  testId,
  children,
}: {
  title: string;
  count: number;
  severity: Severity | null;
  testId: string;
  children: ReactNode[];
}) {
  const styles = useFlagsStyles();
  const t = useStrings();
  const [shown, setShown] = useState(SECTION_PAGE);
  return (
    <section className={styles.section} data-testid={testId} data-count={count}>
      <div className={styles.heading}>
        <Subtitle2>{title}</Subtitle2>
        <Badge
          appearance={count > 0 ? 'filled' : 'outline'}
          color={count > 0 && severity ? BADGE_COLOR[severity] : 'informative'}
          data-severity={count > 0 ? severity : 'none'}
        >
          {count}
        </Badge>
      </div>
      {count === 0 ? (
        <Text size={200}>{t.flags.emptySection}</Text>
      ) : (
        <ul className={styles.list}>
          {children.slice(0, shown).map((child, i) => (
            <li key={i}>{child}</li>
          ))}
          {children.length > shown && (
            <li>
              <Button appearance="subtle" size="small" onClick={() => setShown((n) => n + SECTION_PAGE)}>
                {t.validate.showMore(shown, children.length)}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
