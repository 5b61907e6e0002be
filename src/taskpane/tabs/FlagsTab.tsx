/** 标记: the duplicate pairs and the deadline lists of the latest check, each entry a link to its row. */
import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkStarburstRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ReactNode } from 'react';
import type { Finding, Severity } from '../../ledger/findings';
import { BADGE_COLOR } from '../components/FindingGroupView';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar, NoteBar } from '../components/ErrorBar';
import { TaskProgress } from '../components/TaskProgress';
import type { useValidation } from '../hooks/useValidation';
import { targetCell } from '../model/cells';
import { flagsView, type DeadlineItem } from '../model/flagsView';
import { useStrings } from '../i18n';

/** Entries shown per section before “show more”. */
const SECTION_PAGE = 100;

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  entry: {
    display: 'flex', flexDirection: 'column', width: '100%', textAlign: 'start', cursor: 'pointer', border: 'none',
    borderRadius: tokens.borderRadiusSmall, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1, fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300, ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

interface Props {
  readonly port: WorkbookPort;
  readonly checking: ReturnType<typeof useValidation>;
  /** Checks the active sheet (the 校验 tab's default). */
  readonly onCheckActive: () => void;
}

export function FlagsTab({ port, checking, onCheckActive }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const [selectError, setSelectError] = useState<unknown>(null);
  const { task, validation } = checking;
  const report = validation?.report.status === 'validated' ? validation.report : null;
  const view = useMemo(() => (report ? flagsView(report) : null), [report]);

  const select = async (finding: Finding) => {
    if (!report) return;
    setSelectError(null);
    const { row, column } = targetCell(finding, report);
    try {
      await port.selectCell(finding.sheet, row, column);
    } catch (e) {
      setSelectError(e);
    }
  };

  const deadlineMeta = (item: DeadlineItem, withDays: boolean) =>
    [t.validate.row(item.row), item.end && t.flags.endsOn(item.end), withDays && item.days && t.flags.daysLeft(item.days)].filter(Boolean).join(' · ');

  return (
    <div className={styles.pane} data-testid="flags-tab">
      <Text>{t.flags.intro}</Text>
      {!report && (
        <>
          <NoteBar intent="info">{t.flags.none}</NoteBar>
          <Button appearance="primary" icon={<CheckmarkStarburstRegular />} disabled={task.running} onClick={onCheckActive}>
            {t.flags.runNow}
          </Button>
        </>
      )}
      {task.running && <TaskProgress label={t.validate.running} progress={task.progress} onCancel={task.cancel} />}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {selectError != null && <ErrorBar error={selectError} onDismiss={() => setSelectError(null)} />}
      {report && view && (
        <>
          <Text size={200}>{t.flags.source(report.sheet)}</Text>
          <Section title={t.flags.duplicates} count={view.pairs.length} severity={worst(view.pairs.map((p) => p.finding))} testId="flags-duplicates">
            {view.pairs.map((pair) => (
              <button key={`${pair.rowA}:${pair.rowB}`} type="button" className={styles.entry} onClick={() => select(pair.finding)} data-rows={`${pair.rowA},${pair.rowB}`}>
                <span>
                  {pair.nameA} ⇄ {pair.nameB}
                </span>
                <span className={styles.meta}>
                  {t.validate.row(pair.rowA)} ⇄ {t.validate.row(pair.rowB)} ·{' '}
                  <span data-closeness={pair.identical ? 'identical' : closeness(pair.score)}>
                    {pair.identical ? t.flags.identical : t.flags.closeness[closeness(pair.score)]}
                  </span>
                </span>
              </button>
            ))}
          </Section>
          <Section title={t.flags.overdue} count={view.overdue.length} severity={worst(view.overdue.map((i) => i.finding))} testId="flags-overdue">
            {view.overdue.map((item) => (
              <button key={item.row} type="button" className={styles.entry} onClick={() => select(item.finding)} data-row={item.row} data-end={item.end}>
                <span>{item.name}</span>
                <span className={styles.meta}>{deadlineMeta(item, false)}</span>
              </button>
            ))}
          </Section>
          <Section title={t.flags.expiring} count={view.expiring.length} severity={worst(view.expiring.map((i) => i.finding))} testId="flags-expiring">
            {view.expiring.map((item) => (
              <button key={item.row} type="button" className={styles.entry} onClick={() => select(item.finding)} data-row={item.row} data-end={item.end}>
                <span>{item.name}</span>
                <span className={styles.meta}>{deadlineMeta(item, true)}</span>
              </button>
            ))}
          </Section>
          <Section title={t.flags.review} count={view.review.length} severity={worst(view.review.map((i) => i.finding))} testId="flags-review">
            {view.review.map((item) => (
              <button key={item.row} type="button" className={styles.entry} onClick={() => select(item.finding)} data-row={item.row}>
                <span>{item.name}</span>
                <span className={styles.meta}>{t.validate.row(item.row)}</span>
              </button>
            ))}
          </Section>
        </>
      )}
    </div>
  );
}

/**
 * Words for how close two different names are. The core's score compares names with the common
 * words (工作, 领导小组 …) set aside, so 市食品安全委员会 and 市食品安全工作委员会 score 1.00: a number
 * that reads as “identical” for names that are not. Words say what the user can trust.
 */
export function closeness(score: number): 'high' | 'close' {
  return Number.isFinite(score) && score >= 0.9 ? 'high' : 'close';
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
function worst(findings: readonly Finding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) if (best === null || RANK[f.severity] < RANK[best]) best = f.severity;
  return best;
}

function Section({ title, count, severity, testId, children }: { title: string; count: number; severity: Severity | null; testId: string; children: ReactNode[] }) {
  const styles = useStyles();
  const t = useStrings();
  const [shown, setShown] = useState(SECTION_PAGE);
  return (
    <section className={styles.section} data-testid={testId} data-count={count}>
      <div className={styles.heading}>
        <Subtitle2>{title}</Subtitle2>
        <Badge appearance={count > 0 ? 'filled' : 'outline'} color={count > 0 && severity ? BADGE_COLOR[severity] : 'informative'} data-severity={count > 0 ? severity : 'none'}>{count}</Badge>
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
