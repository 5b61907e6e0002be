/** 标记: the duplicate pairs and the deadline lists of the latest check, each entry a link to its row. */
import { Button, Text } from '@fluentui/react-components';
import { CheckmarkStarburstRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { TaskProgress } from '../components/TaskProgress';
import type { useValidation } from '../hooks/useValidation';
import { targetCell } from '../model/cells';
import { worstSeverity, type Finding } from '../../ledger/findings';
import { closeness, flagsView, type DeadlineItem } from '../model/flagsView';
import { useStrings } from '../i18n';
import { DeadlineSection } from './DeadlineSection';
import { FlagSection } from './FlagSection';
import { useFlagsStyles } from './useFlagsStyles';

interface Props {
  readonly port: WorkbookPort;
  readonly checking: ReturnType<typeof useValidation>;
  /** Checks the active sheet (the 校验 tab's default). */
  readonly onCheckActive: () => void;
}

export function FlagsTab({ port, checking, onCheckActive }: Props) {
  const t = useStrings();
  const styles = useFlagsStyles();
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
    [
      t.validate.row(item.row),
      item.end && t.flags.endsOn(item.end),
      withDays && item.days && t.flags.daysLeft(item.days),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div className={styles.pane} data-testid="flags-tab">
      <Text>{t.flags.intro}</Text>
      {!report && (
        <>
          <NoteBar intent="info">{t.flags.none}</NoteBar>
          <Button
            appearance="primary"
            icon={<CheckmarkStarburstRegular />}
            disabled={task.running}
            onClick={onCheckActive}
          >
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
          <FlagSection
            title={t.flags.duplicates}
            count={view.pairs.length}
            severity={worstSeverity(view.pairs.map((p) => p.finding))}
            testId="flags-duplicates"
          >
            {view.pairs.map((pair) => (
              <button
                key={`${pair.rowA}:${pair.rowB}`}
                type="button"
                className={styles.entry}
                onClick={() => select(pair.finding)}
                data-rows={`${pair.rowA},${pair.rowB}`}
              >
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
          </FlagSection>
          <DeadlineSection
            title={t.flags.overdue}
            testId="flags-overdue"
            items={view.overdue}
            meta={(item) => deadlineMeta(item, false)}
            withEnd
            onSelect={select}
          />
          <DeadlineSection
            title={t.flags.expiring}
            testId="flags-expiring"
            items={view.expiring}
            meta={(item) => deadlineMeta(item, true)}
            withEnd
            onSelect={select}
          />
          <DeadlineSection
            title={t.flags.review}
            testId="flags-review"
            items={view.review}
            meta={(item) => t.validate.row(item.row)}
            onSelect={select}
          />
        </>
      )}
    </div>
  );
}
