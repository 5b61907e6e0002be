/** What a 汇总 run made: the sheets added, what is missing or unreadable, and a table of the counties' counts. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConsolidatedReturn, Tally } from '../../ledger/consolidate';
import { NoteBar } from '../components/NoteBar';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  number: { textAlign: 'end' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** A return built and the names of the sheets it added. */
export interface Built {
  readonly ret: ConsolidatedReturn;
  readonly names: readonly string[];
}

const activeCount = (tally: Tally) =>
  Object.values(tally.activeByCategory).reduce((a, b) => a + b, 0) + tally.activeUncategorised;

export function ReturnSummary({ built, unassigned }: { built: Built; unassigned: number }) {
  const t = useStrings();
  const styles = useStyles();
  const { ret, names } = built;
  return (
    <>
      <NoteBar>{t.consolidate.done(names.join('、'))}</NoteBar>
      {ret.missing.length > 0 && <NoteBar intent="warning">{t.consolidate.missing(ret.missing.join('、'))}</NoteBar>}
      {unassigned > 0 && <NoteBar intent="warning">{t.consolidate.unassigned(unassigned)}</NoteBar>}
      {ret.unreadable.length > 0 && (
        <NoteBar intent="warning">{t.consolidate.unreadable(ret.unreadable.length)}</NoteBar>
      )}
      <Table size="extra-small" aria-label={t.consolidate.summaryTitle} data-testid="return-summary">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.consolidate.county}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.consolidate.active}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.consolidate.coordinating}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.consolidate.errors}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.consolidate.warnings}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ret.counties.map((c) => (
            <TableRow key={c.county} data-county={c.county} data-state={c.state}>
              <TableCell>{c.county}</TableCell>
              <TableCell className={styles.number}>{c.state === 'missing' ? '—' : activeCount(c)}</TableCell>
              <TableCell className={styles.number}>{c.state === 'missing' ? '—' : c.activeCoordinating}</TableCell>
              <TableCell className={styles.number}>{c.errors}</TableCell>
              <TableCell className={styles.number}>{c.warnings}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total} data-county="total">
            <TableCell>{t.consolidate.total}</TableCell>
            <TableCell className={styles.number}>{activeCount(ret.total)}</TableCell>
            <TableCell className={styles.number}>{ret.total.activeCoordinating}</TableCell>
            <TableCell className={styles.number}>{ret.total.errors}</TableCell>
            <TableCell className={styles.number}>{ret.total.warnings}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
}
