/**
 * 对比/对账: two versions of a register (two sheets, or a file and a sheet) → the change list; a
 * register and a general office's list → the three groups. Clicking an item selects its row.
 * Self-contained: its own strings (./strings), the port for everything it reads and writes.
 */
import { Button, Label, Radio, RadioGroup, Select, Switch, Text, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ArrowSwapRegular, DismissRegular, DocumentAddRegular, TableAddRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import {
  changeSheets, compareVersions, describeChange, formatChange, matchLabel, newNameOf, CHANGE_KIND_LABELS, CHANGE_KINDS,
  type ChangeEntry, type CompareResult,
} from '../../ledger/compare';
import { messageOf, type Lang } from '../../ledger/findings';
import { reconcile, reconcileSheets, type ReconcileResult, type ReferenceList } from '../../ledger/reconcile';
import type { Settings } from '../../ledger/settings';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar, NoteBar } from '../components/ErrorBar';
import { LIST_TAB_STYLES } from '../components/listTabStyles';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { nextFrame, useTask } from '../hooks/useTask';
import { readFileBytes } from '../model/fileBytes';
import { cellOf, InputProblem, loadList, loadVersion, sameSource, type LoadedVersion, type Source } from './model';
import { compareStrings, type CompareStrings } from './strings';
import { REGISTER_FILE_ACCEPT } from '../../read';

const useStyles = makeStyles({
  ...LIST_TAB_STYLES,
  item: { ...LIST_TAB_STYLES.item, ':disabled': { cursor: 'default', color: tokens.colorNeutralForeground2 } },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

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
const NOT_A_REGISTER = /说明|填表|下拉选项|目录|封面|汇总|明细|问题清单|报送情况|调整清单|变化统计|对账|instructions|readme/i;

interface Compared {
  readonly result: CompareResult;
  readonly old: LoadedVersion;
  readonly new: LoadedVersion;
}

interface Reconciled {
  readonly result: ReconcileResult;
  readonly register: LoadedVersion;
  readonly list: ReferenceList;
  readonly listSource: Source;
}

/** A sheet of this workbook, or a picked file instead. */
function SourcePicker(props: {
  label: string;
  sheets: readonly string[];
  value: Source | null;
  onChange: (source: Source) => void;
  accept?: string;
  testId: string;
  s: CompareStrings;
  onError: (error: unknown) => void;
}) {
  const { label, sheets, value, onChange, accept, testId, s, onError } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId(testId);
  const pick = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    onChange({ kind: 'file', file: { name: file.name, bytes: await readFileBytes(file) } });
  };
  return (
    <div className={styles.picker} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      {value?.kind === 'file' ? (
        <div className={styles.inline} data-testid={`${testId}-file`}>
          <Text className={styles.fileName}>{s.fromFile(value.file.name)}</Text>
          <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={s.removeFile(value.file.name)}
            onClick={() => sheets[0] !== undefined && onChange({ kind: 'sheet', sheet: sheets[0] })} />
        </div>
      ) : (
        <div className={styles.inline}>
          <Select className={styles.grow} aria-labelledby={labelId} value={value?.kind === 'sheet' ? value.sheet : ''} disabled={sheets.length === 0}
            onChange={(_, d) => d.value !== '' && onChange({ kind: 'sheet', sheet: d.value })} data-testid={`${testId}-select`}>
            {value === null && <option value="" disabled>{s.choose}</option>}
            {sheets.map((name) => <option key={name} value={name}>{name}</option>)}
          </Select>
          <Button icon={<DocumentAddRegular />} onClick={() => input.current?.click()}>{s.pickFile}</Button>
        </div>
      )}
      <input ref={input} className={styles.hidden} type="file" accept={accept ?? REGISTER_FILE_ACCEPT} data-testid={`${testId}-file-input`}
        onChange={(e) => { void pick(e.target.files).catch(onError).finally(() => { e.target.value = ''; }); }} />
    </div>
  );
}

export function CompareTab({ port, lang, settings, revision = 0, onSheetsAdded }: CompareTabProps) {
  const s = compareStrings(lang);
  const styles = useStyles();
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
    source?.kind === 'file' || (source?.kind === 'sheet' && sheets.includes(source.sheet)) ? source : fallback !== null ? { kind: 'sheet', sheet: fallback } : null;
  // The default for the other side: a visible sheet that may be a register, never the instructions,
  // the hidden dropdown lists or a sheet the add-in wrote; none (the user chooses) rather than a wrong one.
  const other = (name: string | null) => (listed ?? []).find((x) => x.name !== name && x.visible && !NOT_A_REGISTER.test(x.name))?.name ?? null;
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
      const shown = compared && !showUnchanged ? { ...compared.result, entries: compared.result.entries.filter((e) => e.kind !== 'unchanged') } : compared?.result;
      const specs = mode === 'compare' && compared && shown
        ? changeSheets(shown, { lang, oldFile: compared.old.version.file, newFile: compared.new.version.file })
        : reconciled ? reconcileSheets(reconciled.result, { lang, registerFile: reconciled.register.version.file, listFile: reconciled.list.file }) : [];
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
      <RadioGroup layout="horizontal" value={mode} aria-label={s.modeLabel} onChange={(_, d) => { setMode(d.value as Mode); setWritten(null); }} data-testid="compare-mode">
        <Radio value="compare" label={s.modeCompare} />
        <Radio value="reconcile" label={s.modeReconcile} />
      </RadioGroup>
      {mode === 'compare' ? (
        <>
          <SourcePicker label={s.oldLabel} sheets={sheets} value={oldChoice} onChange={choose(setOld)} testId="compare-old" s={s} onError={task.fail} />
          <SourcePicker label={s.newLabel} sheets={sheets} value={newChoice} onChange={choose(setNew)} testId="compare-new" s={s} onError={task.fail} />
          <Button appearance="primary" icon={<ArrowSwapRegular />} disabled={!oldChoice || !newChoice || task.running} onClick={runCompare} data-testid="compare-run">
            {task.running ? s.running : s.runCompare}
          </Button>
        </>
      ) : (
        <>
          <SourcePicker label={s.registerLabel} sheets={sheets} value={registerChoice} onChange={choose(setRegister)} testId="reconcile-register" s={s} onError={task.fail} />
          <SourcePicker label={s.listLabel} sheets={sheets} value={listChoice} onChange={choose(setList)} accept={REGISTER_FILE_ACCEPT} testId="reconcile-list" s={s} onError={task.fail} />
          <Button appearance="primary" icon={<ArrowSwapRegular />} disabled={!registerChoice || !listChoice || task.running} onClick={runReconcile} data-testid="reconcile-run">
            {task.running ? s.running : s.runReconcile}
          </Button>
        </>
      )}
      {task.running && <TaskProgress label={s.running} progress={task.progress} onCancel={task.cancel} />}
      {problem !== null && <NoteBar intent="warning"><span data-testid="compare-problem">{problem}</span></NoteBar>}
      {task.error != null && problem === null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {actionError != null && <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />}
      {written && <NoteBar>{written}</NoteBar>}
      {mode === 'compare' && compared && <ChangeList compared={compared} lang={lang} s={s} onSelect={select} showUnchanged={showUnchanged} onShowUnchanged={setShowUnchanged} />}
      {mode === 'reconcile' && reconciled && <ReconcileGroups reconciled={reconciled} lang={lang} s={s} onSelect={select} />}
      {result && (
        <Button icon={<TableAddRegular />} onClick={write} data-testid="compare-write">
          {mode !== 'compare' ? s.writeResult
            : compared && compared.result.counts.unchanged > 0 ? (showUnchanged ? s.writeWithUnchanged : s.writeWithoutUnchanged)(compared.result.counts.unchanged)
            : s.writeChanges}
        </Button>
      )}
    </div>
  );
}

function ChangeList({ compared, lang, s, onSelect, showUnchanged, onShowUnchanged }: {
  compared: Compared; lang: Lang; s: CompareStrings; onSelect: (cell: ReturnType<typeof cellOf>) => void; showUnchanged: boolean; onShowUnchanged: (show: boolean) => void;
}) {
  const styles = useStyles();
  const setShowUnchanged = onShowUnchanged;
  const { result } = compared;
  const total = result.stats.find((l) => l.key === 'total')!;
  const coordinating = result.stats.find((l) => l.key === 'coordinating')!;
  const cellFor = (e: ChangeEntry) => cellOf(compared.new, e.kind === 'renamed' && e.target ? e.target : e.new) ?? cellOf(compared.old, e.old);
  const changed = CHANGE_KINDS.some((k) => k !== 'unchanged' && result.counts[k] > 0);
  // Say “click to select” only when some item can be selected; when none can, say why once.
  const selectable = result.entries.some((e) => (e.kind !== 'unchanged' || showUnchanged) && cellFor(e) !== null);
  const perItemNote = selectable;
  return (
    <div className={styles.section} data-testid="compare-result" data-counts={JSON.stringify(result.counts)}>
      <Text weight="semibold" data-testid="compare-totals">{s.active(formatChange(total, lang))}</Text>
      <Text size={200}>{s.coordinating(formatChange(coordinating, lang))}</Text>
      {!changed && <NoteBar intent="info">{s.nothingChanged}</NoteBar>}
      {changed && selectable && <Text size={200} data-testid="select-hint">{s.selectHint}</Text>}
      {changed && !selectable && <Text size={200} data-testid="in-file-note">{s.allInFile}</Text>}
      {CHANGE_KINDS.map((kind) => {
        if (result.counts[kind] === 0 || (kind === 'unchanged' && !showUnchanged)) return null;
        const entries = result.entries.filter((e) => e.kind === kind);
        return (
          <section key={kind} className={styles.section} data-kind={kind} data-count={entries.length}>
            <Text className={styles.heading}>{CHANGE_KIND_LABELS[kind][lang]}（{entries.length}）</Text>
            <ul className={styles.list}>
              {entries.map((e, i) => {
                const cell = cellFor(e);
                const newName = newNameOf(e);
                const title = e.old && newName && e.old.name !== newName ? `${e.old.name} → ${newName}` : (e.old?.name ?? newName);
                const how = e.how && e.how !== 'name' ? `（${matchLabel(e.how, lang)}${e.score !== null ? `，${s.similarity(e.score)}` : ''}）` : '';
                const what = describeChange(e, lang);
                return (
                  <li key={`${kind}-${i}`}>
                    <button type="button" className={styles.item} disabled={cell === null} onClick={() => onSelect(cell)}
                      data-change={kind} data-row={cell?.row ?? ''} data-sheet={cell?.sheet ?? ''}>
                      <span>{title}{how}{cell === null && perItemNote ? ` ${s.inFile}` : ''}</span>
                      {what !== '' && <span className={styles.detail}>{what}</span>}
                      {e.findings.map((f, k) => (
                        <span key={k} className={mergeClasses(styles.problem, f.severity === 'error' && styles.error)} data-finding={f.code}>{messageOf(f, lang)}</span>
                      ))}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {result.counts.unchanged > 0 && (
        <Switch checked={showUnchanged} onChange={(_, d) => setShowUnchanged(d.checked)} label={s.showUnchanged(result.counts.unchanged)} />
      )}
    </div>
  );
}

function ReconcileGroups({ reconciled, lang, s, onSelect }: { reconciled: Reconciled; lang: Lang; s: CompareStrings; onSelect: (cell: ReturnType<typeof cellOf>) => void }) {
  const styles = useStyles();
  const { result, register, list, listSource } = reconciled;
  const listCell = (sheet: string, row: number) => {
    if (listSource.kind !== 'sheet') return null;
    const entry = list.entries.find((e) => e.sheet === sheet && e.row === row);
    return entry ? { sheet, row, column: entry.column } : null;
  };
  const fuzzy = result.matched.filter((m) => m.how !== 'name');
  // Selectable when the register or the list is a sheet of this workbook; otherwise say so once.
  const selectable = register.source.kind === 'sheet' || listSource.kind === 'sheet';
  const item = (key: string, cell: ReturnType<typeof cellOf>, text: string, detail: string | null, group: string) => (
    <li key={key}>
      <button type="button" className={styles.item} disabled={cell === null} onClick={() => onSelect(cell)} data-group={group} data-row={cell?.row ?? ''}>
        <span>{text}{cell === null && selectable ? ` ${s.inFile}` : ''}</span>
        {detail && <span className={styles.detail}>{detail}</span>}
      </button>
    </li>
  );
  return (
    <div className={styles.section} data-testid="reconcile-result" data-counts={JSON.stringify(result.counts)}>
      {selectable ? <Text size={200} data-testid="select-hint">{s.selectHint}</Text> : <Text size={200} data-testid="in-file-note">{s.allInFile}</Text>}
      <section className={styles.section} data-group="matched" data-count={result.matched.length}>
        <Text className={styles.heading}>{s.matchedTitle(result.matched.length)}</Text>
        {fuzzy.length > 0 && <Text size={200}>{s.toConfirm(fuzzy.length)}</Text>}
        <ul className={styles.list}>
          {fuzzy.map((m, i) => item(`m${i}`, cellOf(register, m.register), `${m.register.name} ↔ ${m.reference.name}`, `${matchLabel(m.how, lang)}，${s.similarity(m.score)}`, 'matched'))}
        </ul>
      </section>
      <section className={styles.section} data-group="not-in-reference" data-count={result.notInReference.length}>
        <Text className={styles.heading}>{s.notInReference(result.notInReference.length)}</Text>
        {result.notInReference.length === 0 && <Text size={200}>{s.none}</Text>}
        <ul className={styles.list}>
          {result.notInReference.map((r, i) => item(`n${i}`, cellOf(register, r), r.name, s.rowOf(r.sheet, r.row), 'not-in-reference'))}
        </ul>
      </section>
      <section className={styles.section} data-group="missing-from-register" data-count={result.missingFromRegister.length}>
        <Text className={styles.heading}>{s.missingFromRegister(result.missingFromRegister.length)}</Text>
        {result.missingFromRegister.length === 0 && <Text size={200}>{s.none}</Text>}
        <ul className={styles.list}>
          {result.missingFromRegister.map((m, i) => item(
            `x${i}`,
            listCell(m.reference.sheet, m.reference.row) ?? cellOf(register, m.retired[0] ?? null),
            m.reference.name,
            [s.rowOf(m.reference.sheet, m.reference.row), ...m.retired.map((r) => `${s.retired}：${s.rowOf(r.sheet, r.row)}`)].join(lang === 'en' ? '; ' : '；'),
            'missing-from-register',
          ))}
        </ul>
      </section>
    </div>
  );
}

