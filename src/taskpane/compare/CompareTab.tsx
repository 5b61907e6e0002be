/**
 * 对比/对账: two versions of a register (two sheets, or a file and a sheet) → the change list; a
 * register and a general office's list → the three groups. Clicking an item selects its row.
 * Self-contained: its own strings (./strings), the port for everything it reads and writes.
 */
import { Button, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { ArrowSwapRegular, TableAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { changeSheets, compareVersions } from '../../ledger/compare';
import type { Lang } from '../../ledger/findings';
import { reconcile, reconcileSheets } from '../../ledger/reconcile';
import type { Settings } from '../../ledger/settings';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { nextFrame, useTask } from '../hooks/useTask';
import { ChangeList } from './ChangeList';
import { InputProblem } from '../model/inputProblem';
import { loadList, loadVersion, sameSource, type Compared, type Reconciled, type Source } from './model';
import { ReconcileGroups } from './ReconcileGroups';
import { SourcePicker } from './SourcePicker';
import { compareStrings } from './strings';
import { useCompareStyles } from './useCompareStyles';
import { REGISTER_FILE_ACCEPT } from '../../read';

export interface CompareTabProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly settings: Settings;
  /** Bumped by the pane when sheets were added elsewhere, to re-list them. */
  readonly revision?: number;
  /** Called after the tab added sheets to the workbook. */
  readonly onSheetsAdded?: () => void;
}

type Mode = 'compare' | 'reconcile';

/** Sheet names that are not registers: instructions, dropdown lists, a cover or contents, the sheets the add-in writes. */
const NOT_A_REGISTER =
  /说明|填表|下拉选项|目录|封面|汇总|明细|问题清单|报送情况|调整清单|变化统计|对账|instructions|readme/i;

export function CompareTab({ port, lang, settings, revision = 0, onSheetsAdded }: CompareTabProps) {
  const s = compareStrings(lang);
  const styles = useCompareStyles();
  const task = useTask();
  const { sheets: listed, error: sheetsError } = useSheets(port, revision);
  const sheets = (listed ?? []).map((x) => x.name);
  const [mode, setMode] = useState<Mode>('compare');
  const [oldSource, setOld] = useState<Source | null>(null);
  const [newSource, setNew] = useState<Source | null>(null);
  const [registerSource, setRegister] = useState<Source | null>(null);
  const [listSource, setList] = useState<Source | null>(null);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [reconciled, setReconciled] = useState<Reconciled | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);

  // A choice that no longer exists falls back to the active sheet (as the 校验 tab does).
  const active = listed ? pickSheet(listed, null) : null;
  const valid = (source: Source | null, fallback: string | null): Source | null =>
    source?.kind === 'file' || (source?.kind === 'sheet' && sheets.includes(source.sheet))
      ? source
      : fallback !== null
        ? { kind: 'sheet', sheet: fallback }
        : null;
  // The default for the other side: a visible sheet that may be a register, never the instructions,
  // the hidden dropdown lists or a sheet the add-in wrote; none (the user chooses) rather than a wrong one.
  const other = (name: string | null) =>
    (listed ?? []).find((x) => x.name !== name && x.visible && !NOT_A_REGISTER.test(x.name))?.name ?? null;
  const oldChoice = valid(oldSource, other(active));
  const newChoice = valid(newSource, active);
  const registerChoice = valid(registerSource, active);
  const listChoice = valid(listSource, other(active));

  /** A new choice makes the last error (about the old choice) moot. */
  const choose = (setter: (source: Source) => void) => (source: Source) => {
    setter(source);
    if (task.error != null) task.dismiss();
  };

  const select = async (cell: { sheet: string; row: number; column: number } | null) => {
    if (!cell) return;
    setActionError(null);
    try {
      await port.selectCell(cell.sheet, cell.row, cell.column);
    } catch (e) {
      setActionError(e);
    }
  };

  const runCompare = async () => {
    if (!oldChoice || !newChoice) return;
    setCompared(null);
    setWritten(null);
    const outcome = await task.run(async (signal, progress) => {
      if (sameSource(oldChoice, newChoice)) throw new InputProblem(s.sameSource);
      const a = await loadVersion(port, oldChoice, settings, lang, signal);
      progress(0.4);
      const b = await loadVersion(port, newChoice, settings, lang, signal);
      progress(0.8);
      await nextFrame();
      return { result: compareVersions(a.version, b.version, settings), old: a, new: b };
    });
    if (outcome.ok) setCompared(outcome.value);
  };

  const runReconcile = async () => {
    if (!registerChoice || !listChoice) return;
    setReconciled(null);
    setWritten(null);
    const outcome = await task.run(async (signal, progress) => {
      if (sameSource(registerChoice, listChoice)) throw new InputProblem(s.sameSource);
      const register = await loadVersion(port, registerChoice, settings, lang, signal);
      progress(0.5);
      const list = await loadList(port, listChoice, lang, signal);
      progress(0.8);
      await nextFrame();
      return { result: reconcile(register.version, list, settings), register, list, listSource: listChoice };
    });
    if (outcome.ok) setReconciled(outcome.value);
  };

  const write = async () => {
    setActionError(null);
    try {
      // The change list follows the 显示未变的机构 switch: unchanged bodies are written only when shown.
      const shown =
        compared && !showUnchanged
          ? { ...compared.result, entries: compared.result.entries.filter((e) => e.kind !== 'unchanged') }
          : compared?.result;
      const specs =
        mode === 'compare' && compared && shown
          ? changeSheets(shown, { lang, oldFile: compared.old.version.file, newFile: compared.new.version.file })
          : reconciled
            ? reconcileSheets(reconciled.result, {
                lang,
                registerFile: reconciled.register.version.file,
                listFile: reconciled.list.file,
              })
            : [];
      if (specs.length === 0) return;
      const names = await port.addSheets(specs);
      setWritten(s.written(names.join(lang === 'en' ? ', ' : '、')));
      onSheetsAdded?.();
    } catch (e) {
      setActionError(e);
    }
  };

  const problem = task.error instanceof InputProblem ? task.error.message : null;
  const result = mode === 'compare' ? compared : reconciled;
  return (
    <div className={styles.pane} data-testid="compare-tab">
      <Text>{s.intro}</Text>
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {listed && sheets.length === 0 && <NoteBar intent="info">{s.noSheets}</NoteBar>}
      <RadioGroup
        layout="horizontal"
        value={mode}
        aria-label={s.modeLabel}
        onChange={(_, d) => {
          setMode(d.value as Mode);
          setWritten(null);
        }}
        data-testid="compare-mode"
      >
        <Radio value="compare" label={s.modeCompare} />
        <Radio value="reconcile" label={s.modeReconcile} />
      </RadioGroup>
      {mode === 'compare' ? (
        <>
          <SourcePicker
            label={s.oldLabel}
            sheets={sheets}
            value={oldChoice}
            onChange={choose(setOld)}
            testId="compare-old"
            s={s}
            onError={task.fail}
          />
          <SourcePicker
            label={s.newLabel}
            sheets={sheets}
            value={newChoice}
            onChange={choose(setNew)}
            testId="compare-new"
            s={s}
            onError={task.fail}
          />
          <Button
            appearance="primary"
            icon={<ArrowSwapRegular />}
            disabled={!oldChoice || !newChoice || task.running}
            onClick={runCompare}
            data-testid="compare-run"
          >
            {task.running ? s.running : s.runCompare}
          </Button>
        </>
      ) : (
        <>
          <SourcePicker
            label={s.registerLabel}
            sheets={sheets}
            value={registerChoice}
            onChange={choose(setRegister)}
            testId="reconcile-register"
            s={s}
            onError={task.fail}
          />
          <SourcePicker
            label={s.listLabel}
            sheets={sheets}
            value={listChoice}
            onChange={choose(setList)}
            accept={REGISTER_FILE_ACCEPT}
            testId="reconcile-list"
            s={s}
            onError={task.fail}
          />
          <Button
            appearance="primary"
            icon={<ArrowSwapRegular />}
            disabled={!registerChoice || !listChoice || task.running}
            onClick={runReconcile}
            data-testid="reconcile-run"
          >
            {task.running ? s.running : s.runReconcile}
          </Button>
        </>
      )}
      {task.running && <TaskProgress label={s.running} progress={task.progress} onCancel={task.cancel} />}
      {problem !== null && (
        <NoteBar intent="warning">
          <span data-testid="compare-problem">{problem}</span>
        </NoteBar>
      )}
      {task.error != null && problem === null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {actionError != null && <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />}
      {written && <NoteBar>{written}</NoteBar>}
      {mode === 'compare' && compared && (
        <ChangeList
          compared={compared}
          lang={lang}
          s={s}
          onSelect={select}
          showUnchanged={showUnchanged}
          onShowUnchanged={setShowUnchanged}
        />
      )}
      {mode === 'reconcile' && reconciled && (
        <ReconcileGroups reconciled={reconciled} lang={lang} s={s} onSelect={select} />
      )}
      {result && (
        <Button icon={<TableAddRegular />} onClick={write} data-testid="compare-write">
          {mode !== 'compare'
            ? s.writeResult
            : compared && compared.result.counts.unchanged > 0
              ? (showUnchanged ? s.writeWithUnchanged : s.writeWithoutUnchanged)(compared.result.counts.unchanged)
              : s.writeChanges}
        </Button>
      )}
    </div>
  );
}
