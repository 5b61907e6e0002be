/** 校验: choose a sheet, check it in one click, see the findings, jump to a cell, clear the marks. */
import { Button, Field, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkStarburstRegular, EraserRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { countBySeverity, type Finding } from '../../ledger/findings';
import { skipMessage } from '../../ledger/validate';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar, messageOf } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { FindingList } from '../components/FindingList';
import { SeverityBadges } from '../components/SeverityBadges';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import type { useValidation } from '../hooks/useValidation';
import { targetCell } from '../model/cells';
import type { GroupMode } from '../model/findingGroups';
import { useStrings } from '../i18n';
import { AsOfLine } from './AsOfLine';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheetRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS },
  grow: { flexGrow: 1, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A core message as a sentence: 工作表为空 → 工作表为空。, the sheet is empty → The sheet is empty. */
function sentence(text: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${text}。` : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

interface Props {
  readonly port: WorkbookPort;
  readonly revision: number;
  readonly checking: ReturnType<typeof useValidation>;
  /** The as-of date checks use now, and whether it is simply today. */
  readonly asOf?: string;
  readonly asOfIsToday?: boolean;
  /** Saves a new as-of date (null: always today). */
  readonly onAsOfChange?: (asOf: string | null) => Promise<void>;
}

export function ValidateTab({ port, revision, checking, asOf, asOfIsToday = true, onAsOfChange }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const { sheets, error: sheetsError, refresh } = useSheets(port, revision);
  const [chosen, setChosen] = useState<string | null>(null);
  const [mark, setMark] = useState(true);
  const [mode, setMode] = useState<GroupMode>('code');
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { task, validation, validate, setValidation } = checking;

  const sheet = sheets ? pickSheet(sheets, chosen) : null;
  const report = validation?.report ?? null;
  const names = useMemo(() => new Map(report?.rows.map((r) => [r.row, r.name]) ?? []), [report]);
  const counts = useMemo(() => countBySeverity(report?.findings ?? []), [report]);

  const run = async () => {
    if (!sheet) return;
    setNote(null);
    setActionError(null);
    await validate(sheet, mark);
  };

  const select = async (finding: Finding) => {
    if (!report) return;
    setActionError(null);
    const { row, column } = targetCell(finding, report);
    try {
      await port.selectCell(finding.sheet, row, column);
    } catch (e) {
      setActionError(e);
    }
  };

  const clearMarks = async () => {
    setActionError(null);
    try {
      const cleared = await port.clearMarks();
      setNote(t.validate.marksCleared(cleared));
      // The report's “marked N cells” line would now be untrue.
      setValidation((v) => (v ? { ...v, marked: 0, markError: null } : v));
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <div className={styles.pane} data-testid="validate-tab">
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {sheets && sheets.length === 0 && <NoteBar intent="info">{t.validate.noSheets}</NoteBar>}
      <div className={styles.sheetRow}>
        <Field className={styles.grow} label={t.validate.sheet}>
          <Select
            value={sheet ?? ''}
            onChange={(_, d) => setChosen(d.value)}
            disabled={!sheets || sheets.length === 0}
            data-testid="sheet-select"
          >
            {(sheets ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.active ? t.validate.active : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          icon={<ArrowSyncRegular />}
          aria-label={t.common.refresh}
          title={t.common.refresh}
          onClick={refresh}
          data-testid="refresh-sheets"
        />
      </div>
      <Switch checked={mark} onChange={(_, d) => setMark(d.checked)} label={t.validate.markCells} />
      {asOf && <AsOfLine asOf={asOf} today={asOfIsToday} onChange={onAsOfChange} onError={setActionError} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CheckmarkStarburstRegular />}
          disabled={!sheet || task.running}
          onClick={run}
          data-testid="validate-button"
        >
          {task.running ? t.validate.running : t.validate.run}
        </Button>
        <Button
          icon={<EraserRegular />}
          disabled={task.running}
          onClick={clearMarks}
          title={t.validate.clearMarksHint}
          data-testid="clear-marks-button"
        >
          {t.validate.clearMarks}
        </Button>
      </div>
      {task.running && <TaskProgress label={t.validate.running} progress={task.progress} onCancel={task.cancel} />}
      {task.cancelled && <NoteBar intent="info">{t.common.cancelled}</NoteBar>}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {actionError != null && <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />}
      {note && <NoteBar>{note}</NoteBar>}

      {report?.status === 'skipped' && (
        <NoteBar intent="warning" title={t.validate.skippedTitle(report.sheet)}>
          <span data-testid="skip-reason" data-reason={report.skipReason}>
            {sentence(skipMessage(report.skipReason ?? 'no-header', t.lang), t.lang)}{' '}
            {t.validate.skippedAdvice[report.skipReason ?? 'no-header']}
          </span>
        </NoteBar>
      )}
      {report?.status === 'validated' && (
        <>
          <Text weight="semibold" data-testid="report-title">
            {t.validate.reportTitle(report.sheet, report.rows.length, report.headerRow ?? 1)}
          </Text>
          <SeverityBadges counts={counts} />
          {validation && (
            <Text size={200} data-testid="report-as-of">
              {t.validate.checkedAsOf(validation.asOf)}
              {asOf && asOf !== validation.asOf ? ` ${t.validate.asOfChangedSince(asOf)}` : ''}
            </Text>
          )}
          {validation && validation.marked > 0 && <Text size={200}>{t.validate.marked(validation.marked)}</Text>}
          {validation?.markError != null && (
            <NoteBar intent="warning" title={t.validate.markFailedTitle}>
              <span data-testid="mark-error">
                {messageOf(validation.markError, t.lang)} {t.validate.markFailedAdvice}
              </span>
            </NoteBar>
          )}
          {report.findings.length === 0 ? (
            <NoteBar>{t.validate.clean}</NoteBar>
          ) : (
            <>
              <RadioGroup
                layout="horizontal"
                value={mode}
                onChange={(_, d) => setMode(d.value as GroupMode)}
                aria-label={t.validate.groupBy}
              >
                <Radio value="code" label={t.validate.byCode} />
                <Radio value="row" label={t.validate.byRow} />
              </RadioGroup>
              <FindingList
                key={`${validation?.id}-${mode}`}
                findings={report.findings}
                mode={mode}
                names={names}
                onSelect={select}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
