/** 汇总: county registers (sheets here and/or .xlsx files) in, the return's sheets added to this workbook. */
import {
  Button,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import {
  CheckboxCheckedRegular,
  CheckboxUncheckedRegular,
  DismissRegular,
  DocumentAddRegular,
  TableSimpleMultipleRegular,
} from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import packageJson from '../../../package.json';
import { consolidate, returnSheets, RETURN_SHEET_NAMES } from '../../ledger/consolidate';
import type { Settings } from '../../ledger/settings';
import type { PickedFile, WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { TaskProgress } from '../components/TaskProgress';
import { useSheets } from '../hooks/useSheets';
import { nextFrame, useTask } from '../hooks/useTask';
import { gatherInputs, isReturnSheet, looksLikeCountySheet } from '../model/consolidation';
import { splitList } from '../model/settingsForm';
import { useStrings } from '../i18n';
import { ReturnSummary, type Built } from './ReturnSummary';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { HiddenFileInput } from '../components/HiddenFileInput';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheetList: { display: 'flex', flexDirection: 'column', maxHeight: '220px', overflowY: 'auto' },
  inline: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  files: { margin: 0, padding: 0, listStyleType: 'none' },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  fileName: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

interface Props {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  readonly revision: number;
  readonly onSheetsAdded: () => void;
}

export function ConsolidateTab({ port, settings, revision, onSheetsAdded }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask();
  const { sheets, error: sheetsError } = useSheets(port, revision);
  const [expected, setExpected] = useState(() => settings.expectedCounties.join('、'));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [built, setBuilt] = useState<Built | null>(null);
  const [nothing, setNothing] = useState(false);
  const [showAll, setShowAll] = useState(false);
  /** The earlier return's sheets found when 生成 was clicked: the user says replace or keep. */
  const [confirming, setConfirming] = useState<readonly string[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sheetsLabel = useId('county-sheets');

  useEffect(() => setExpected(settings.expectedCounties.join('、')), [settings.expectedCounties]);

  // Every sheet but the return's own and hidden ones; those that look like a county's register are
  // offered first, the rest (the city register, the instructions…) only under 显示全部工作表.
  const candidates = useMemo(
    () => (sheets ?? []).filter((s) => s.visible && !isReturnSheet(s.name, RETURN_SHEET_NAMES)).map((s) => s.name),
    [sheets],
  );
  const likely = useMemo(
    () => candidates.filter((name) => looksLikeCountySheet(name, splitList(expected))),
    [candidates, expected],
  );
  const offered = showAll ? candidates : candidates.filter((name) => likely.includes(name) || chosen.has(name));
  /** The earlier return's sheets, listed afresh (the list shown may be a moment old). */
  const earlierReturn = async (): Promise<string[]> => {
    const now = await port.listSheets().catch(() => sheets ?? []);
    return now.map((s) => s.name).filter((name) => (RETURN_SHEET_NAMES as readonly string[]).includes(name));
  };
  // When the sheets are first listed, those named after an expected county start ticked; after
  // that the choice is the user's, and a refreshed list only drops sheets that no longer exist.
  const listed = useRef(false);
  useEffect(() => {
    if (!sheets) return;
    if (!listed.current) {
      listed.current = true;
      const counties = splitList(expected);
      setChosen(new Set(candidates.filter((name) => counties.some((c) => name.includes(c)))));
      return;
    }
    setChosen((current) => new Set([...current].filter((name) => candidates.includes(name))));
    // Only when the sheet list changes, not on every keystroke in the counties box.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [candidates]);

  const toggle = (name: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const addFiles = (picked: readonly PickedFile[]) => {
    setFiles((current) => [...current.filter((c) => !picked.some((p) => p.name === c.name)), ...picked]);
  };

  const build = async (replace: boolean | null = null) => {
    setBuilt(null);
    const sheetNames = candidates.filter((name) => chosen.has(name));
    if (sheetNames.length === 0 && files.length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    // A return made before is still there: replace it (after asking) rather than add 汇总 (2), 明细 (2)….
    const previous = port.removeSheets && replace !== false ? await earlierReturn() : [];
    if (replace === null && previous.length > 0) {
      setConfirming(previous);
      return;
    }
    setConfirming(null);
    const outcome = await task.run(async (signal, progress) => {
      if (replace === true && previous.length > 0) await port.removeSheets?.(previous);
      const gathered = await gatherInputs(port, sheetNames, files, t.consolidate.workbookSource, signal, (f) =>
        progress(f * 0.7),
      );
      await nextFrame();
      const ret = consolidate(
        gathered.submissions,
        { ...settings, expectedCounties: splitList(expected) },
        { unreadable: gathered.unreadable },
      );
      const specs = returnSheets(ret, { toolVersion: packageJson.version, inputs: gathered.inputs, lang: t.lang });
      progress(0.8);
      const names = await port.addSheets(specs, { signal, onProgress: (f) => progress(0.8 + f * 0.2) });
      return { ret, names };
    });
    if (outcome.ok) {
      setBuilt(outcome.value);
      onSheetsAdded();
    }
  };

  const unassigned = built ? built.ret.registers.filter((r) => r.status === 'unassigned').length : 0;
  return (
    <div className={styles.pane} data-testid="consolidate-tab">
      <Text>{t.consolidate.intro(RETURN_SHEET_NAMES)}</Text>
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {/* A group, not a Field: a Field gives every checkbox inside it the same id. */}
      <div role="group" aria-labelledby={sheetsLabel}>
        <Label id={sheetsLabel}>{t.consolidate.sheetsLabel}</Label>
        <div className={styles.inline}>
          <Button
            size="small"
            icon={<CheckboxCheckedRegular />}
            onClick={() => setChosen(new Set(offered))}
            data-testid="select-all"
          >
            {t.consolidate.selectAll}
          </Button>
          <Button
            size="small"
            icon={<CheckboxUncheckedRegular />}
            onClick={() => setChosen(new Set())}
            data-testid="select-none"
          >
            {t.consolidate.selectNone}
          </Button>
        </div>
        <div className={styles.sheetList} data-testid="consolidate-sheets">
          {offered.length === 0 && (
            <Text size={200}>{candidates.length === 0 ? t.consolidate.noSheets : t.consolidate.noCountySheets}</Text>
          )}
          {offered.map((name) => (
            <Checkbox
              key={name}
              label={name}
              checked={chosen.has(name)}
              onChange={(_, d) => toggle(name, d.checked === true)}
              data-sheet={name}
            />
          ))}
        </div>
        {candidates.length > likely.length && (
          <Switch
            checked={showAll}
            onChange={(_, d) => setShowAll(d.checked)}
            label={t.consolidate.showAll(candidates.length - likely.length)}
            data-testid="show-all-sheets"
          />
        )}
      </div>
      <Field label={t.consolidate.filesLabel}>
        <div className={styles.inline}>
          <Button icon={<DocumentAddRegular />} onClick={() => fileInput.current?.click()}>
            {t.consolidate.pickFiles}
          </Button>
        </div>
        <HiddenFileInput
          inputRef={fileInput}
          accept={REGISTER_FILE_ACCEPT}
          multiple
          testId="consolidate-file-input"
          onFiles={addFiles}
          onError={task.fail}
        />
        {files.length > 0 && (
          <ul className={styles.files} data-testid="consolidate-files">
            {files.map((f) => (
              <li key={f.name} className={styles.file}>
                <Text className={styles.fileName} size={200}>
                  {f.name}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={t.consolidate.remove(f.name)}
                  onClick={() => setFiles((current) => current.filter((c) => c.name !== f.name))}
                />
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label={t.consolidate.expected} hint={t.consolidate.expectedHint}>
        <Textarea rows={2} value={expected} onChange={(_, d) => setExpected(d.value)} data-testid="expected-counties" />
      </Field>
      <Button
        appearance="primary"
        icon={<TableSimpleMultipleRegular />}
        disabled={task.running}
        onClick={() => void build()}
        data-testid="consolidate-button"
      >
        {task.running ? t.consolidate.building : t.consolidate.build}
      </Button>
      {confirming && (
        <MessageBar intent="warning" layout="multiline" data-testid="replace-confirm">
          <MessageBarBody>
            <MessageBarTitle>{t.consolidate.replaceTitle}</MessageBarTitle>
            {t.consolidate.replaceBody(confirming.join('”“'))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void build(true)} data-testid="replace-return">
              {t.consolidate.replace}
            </Button>
            <Button size="small" onClick={() => void build(false)} data-testid="keep-return">
              {t.consolidate.keepBoth}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setConfirming(null)}>
              {t.common.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {nothing && <NoteBar intent="warning">{t.consolidate.nothingChosen}</NoteBar>}
      {task.running && <TaskProgress label={t.consolidate.building} progress={task.progress} onCancel={task.cancel} />}
      {task.cancelled && <NoteBar intent="info">{t.common.cancelled}</NoteBar>}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {built && <ReturnSummary built={built} unassigned={unassigned} />}
    </div>
  );
}
