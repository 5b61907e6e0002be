/**
 * 评价 (多方评价, docs/evaluate.md): the register (a sheet of this workbook), the returned 自评表 and
 * 成员单位评价表 (sheets of this workbook, or picked files: one per department) → the ranking, the
 * idle bodies, the suggestion counts, a bar chart of grades; clicking a body selects its register
 * row; the five result sheets, or the blank template, are added to the workbook. The same core as
 * `ledger evaluate`.
 */
import { Button, Label, Select, Text, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { DataBarVerticalRegular, DismissRegular, DocumentAddRegular, TableAddRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import {
  GRADES, actionSummary, evaluateBodies, evaluationSheets, evaluationYear, makeEvaluationSettings, mergeReads, ranking, readEvaluationGrids,
  templateSheets, type EvaluationRead, type EvaluationResult,
} from '../../ledger/evaluate';
import { countBySeverity, type Finding, type Lang } from '../../ledger/findings';
import type { Grid } from '../../ledger/grid';
import type { LedgerRow } from '../../ledger/row';
import type { Settings } from '../../ledger/settings';
import { validateSheet } from '../../ledger/validate';
import type { PickedFile, WorkbookPort } from '../../port/workbook';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { ErrorBar, NoteBar } from '../components/ErrorBar';
import { LIST_TAB_STYLES } from '../components/listTabStyles';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { nextFrame, useTask } from '../hooks/useTask';
import { readFileBytes } from '../model/fileBytes';
import { InputProblem } from '../compare/model';
import { evaluateStrings, type EvaluateStrings } from './strings';

const useStyles = makeStyles({
  ...LIST_TAB_STYLES,
  low: { color: tokens.colorPaletteRedForeground1 },
  chart: { display: 'flex', flexDirection: 'column', gap: '4px' },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  barLabel: { width: '4em', flexShrink: 0 },
  barTrack: { flexGrow: 1, height: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  barFill: { height: '100%', borderRadius: tokens.borderRadiusSmall },
});

/** Grade colours, the ones the result sheet uses (Excel's good / neutral / bad fills, a little deeper). */
const GRADE_COLOURS: Readonly<Record<string, string>> = { 好: '#5bb974', 较好: '#6fa8dc', 一般: '#f1c232', 差: '#e06666' };

export interface EvaluateTabProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly settings: Settings;
  readonly revision?: number;
  readonly onSheetsAdded?: () => void;
}

/** Returns come from one sheet of this workbook, or from picked files. */
type Returns = { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'files'; readonly files: readonly PickedFile[] } | { readonly kind: 'none' };

interface Evaluated {
  readonly result: EvaluationResult;
  readonly rows: readonly LedgerRow[];
  /** The register's sheet (bodies' rows are selectable there). */
  readonly registerSheet: string;
}

function ReturnsPicker(props: { label: string; sheets: readonly string[]; value: Returns; optional: boolean; onChange: (r: Returns) => void; testId: string; s: EvaluateStrings; onError: (e: unknown) => void }) {
  const { label, sheets, value, optional, onChange, testId, s, onError } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId(testId);
  const pick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files: PickedFile[] = [];
    for (const file of Array.from(list)) files.push({ name: file.name, bytes: await readFileBytes(file) });
    onChange({ kind: 'files', files });
  };
  return (
    <div className={styles.picker} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      {value.kind === 'files' ? (
        <div className={styles.inline} data-testid={`${testId}-files`}>
          <Text className={styles.fileName}>{s.files(value.files.map((f) => f.name).join('、'))}</Text>
          <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={s.removeFiles} onClick={() => onChange(optional ? { kind: 'none' } : sheets[0] !== undefined ? { kind: 'sheet', sheet: sheets[0] } : { kind: 'none' })} />
        </div>
      ) : (
        <div className={styles.inline}>
          <Select className={styles.grow} aria-labelledby={labelId} value={value.kind === 'sheet' ? value.sheet : ''} data-testid={`${testId}-select`}
            onChange={(_, d) => onChange(d.value === '' ? { kind: 'none' } : { kind: 'sheet', sheet: d.value })}>
            {optional && <option value="">{s.none}</option>}
            {sheets.map((name) => <option key={name} value={name}>{name}</option>)}
          </Select>
          <Button icon={<DocumentAddRegular />} onClick={() => input.current?.click()}>{s.pickFiles}</Button>
        </div>
      )}
      <input ref={input} className={styles.hidden} type="file" multiple accept={REGISTER_FILE_ACCEPT} data-testid={`${testId}-file-input`}
        onChange={(e) => { void pick(e.target.files).catch(onError).finally(() => { e.target.value = ''; }); }} />
    </div>
  );
}

/** Reads the returns of one picker; each must hold at least one sheet of the wanted kind. */
async function readReturns(port: WorkbookPort, returns: Returns, kind: 'self' | 'member', s: EvaluateStrings, signal: AbortSignal): Promise<EvaluationRead[]> {
  const sources: { name: string; grids: Grid[] }[] = [];
  if (returns.kind === 'sheet') sources.push({ name: returns.sheet, grids: [await port.readSheet(returns.sheet, { signal })] });
  if (returns.kind === 'files') for (const file of returns.files) sources.push({ name: file.name, grids: await port.readWorkbookFile(file, { signal }) });
  return sources.map(({ name, grids }) => {
    const read = readEvaluationGrids(grids, name);
    if (!read.sheets.some((x) => x.kind === kind)) throw new InputProblem(kind === 'self' ? s.noSelf(name) : s.noMembers(name));
    return read;
  });
}

export function EvaluateTab({ port, lang, settings, revision = 0, onSheetsAdded }: EvaluateTabProps) {
  const s = evaluateStrings(lang);
  const styles = useStyles();
  const task = useTask();
  const { sheets: listed, error: sheetsError } = useSheets(port, revision);
  const sheets = (listed ?? []).map((x) => x.name);
  const [register, setRegister] = useState<string | null>(null);
  const [self, setSelf] = useState<Returns | null>(null);
  const [members, setMembers] = useState<Returns>({ kind: 'none' });
  const [evaluated, setEvaluated] = useState<Evaluated | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const registerChoice = listed ? pickSheet(listed, register) : null;
  const selfChoice: Returns = self?.kind === 'files' || (self?.kind === 'sheet' && sheets.includes(self.sheet))
    ? self : { kind: 'sheet', sheet: sheets.find((n) => n !== registerChoice) ?? registerChoice ?? '' };
  const membersChoice: Returns = members.kind === 'sheet' && !sheets.includes(members.sheet) ? { kind: 'none' } : members;
  const evaluation = makeEvaluationSettings();

  const loadRegister = async (signal: AbortSignal): Promise<{ rows: LedgerRow[]; findings: Finding[]; title: string[] }> => {
    const grid = await port.readSheet(registerChoice!, { signal });
    const report = validateSheet(grid, settings);
    if (report.status !== 'validated') throw new InputProblem(s.notRegister(registerChoice!));
    return { rows: [...report.rows], findings: [...report.findings], title: [...report.title] };
  };

  const run = async () => {
    if (!registerChoice) return;
    setEvaluated(null);
    setWritten(null);
    const outcome = await task.run(async (signal, progress) => {
      const reg = await loadRegister(signal);
      progress(0.3);
      const reads = [...await readReturns(port, selfChoice, 'self', s, signal), ...await readReturns(port, membersChoice, 'member', s, signal)];
      progress(0.7);
      await nextFrame();
      const result = evaluateBodies({ file: registerChoice, ...reg }, mergeReads(reads), settings, evaluation);
      return { result, rows: reg.rows, registerSheet: registerChoice };
    });
    if (outcome.ok) setEvaluated(outcome.value);
  };

  const write = async (what: 'result' | 'template') => {
    setActionError(null);
    try {
      let specs;
      if (what === 'result') {
        if (!evaluated) return;
        specs = evaluationSheets(evaluated.result, { lang, registerFile: evaluated.registerSheet, asOf: settings.asOf, settings: evaluation });
      } else {
        if (!registerChoice) return;
        const grid = await port.readSheet(registerChoice);
        const report = validateSheet(grid, settings, { flags: false });
        if (report.status !== 'validated') throw new InputProblem(s.notRegister(registerChoice));
        specs = templateSheets(report.rows, { year: evaluationYear([], evaluation, settings.asOf), departments: settings.departments });
      }
      const names = await port.addSheets(specs);
      const joined = names.join(lang === 'en' ? ', ' : '、');
      setWritten(what === 'result' ? s.written(joined) : s.templateWritten(joined));
      onSheetsAdded?.();
    } catch (e) {
      setActionError(e);
    }
  };

  const select = async (sheet: string, row: number, column: number) => {
    setActionError(null);
    try {
      await port.selectCell(sheet, row, column);
    } catch (e) {
      setActionError(e);
    }
  };

  const problem = task.error instanceof InputProblem ? task.error.message : actionError instanceof InputProblem ? actionError.message : null;
  const registerLabelId = useId('evaluate-register');
  return (
    <div className={styles.pane} data-testid="evaluate-tab">
      <Text>{s.intro}</Text>
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {listed && sheets.length === 0 && <NoteBar intent="info">{s.noSheets}</NoteBar>}
      <div className={styles.picker}>
        <Label id={registerLabelId}>{s.registerLabel}</Label>
        <Select aria-labelledby={registerLabelId} value={registerChoice ?? ''} onChange={(_, d) => setRegister(d.value)} data-testid="evaluate-register-select">
          {sheets.map((name) => <option key={name} value={name}>{name}</option>)}
        </Select>
      </div>
      <ReturnsPicker label={s.selfLabel} sheets={sheets} value={selfChoice} optional={false} onChange={setSelf} testId="evaluate-self" s={s} onError={task.fail} />
      <ReturnsPicker label={s.membersLabel} sheets={sheets} value={membersChoice} optional onChange={setMembers} testId="evaluate-members" s={s} onError={task.fail} />
      <div className={styles.inline}>
        <Button appearance="primary" icon={<DataBarVerticalRegular />} disabled={!registerChoice || task.running} onClick={run} data-testid="evaluate-run">
          {task.running ? s.running : s.run}
        </Button>
        <Button icon={<TableAddRegular />} disabled={!registerChoice || task.running} onClick={() => { void write('template'); }} data-testid="evaluate-template">{s.template}</Button>
      </div>
      {task.running && <TaskProgress label={s.running} progress={task.progress} onCancel={task.cancel} />}
      {problem !== null && <NoteBar intent="warning"><span data-testid="evaluate-problem">{problem}</span></NoteBar>}
      {task.error != null && !(task.error instanceof InputProblem) && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {actionError != null && !(actionError instanceof InputProblem) && <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />}
      {written && <NoteBar><span data-testid="evaluate-written">{written}</span></NoteBar>}
      {evaluated && <Results evaluated={evaluated} s={s} lang={lang} onSelect={select} />}
      {evaluated && <Button icon={<TableAddRegular />} onClick={() => { void write('result'); }} data-testid="evaluate-write">{s.write}</Button>}
    </div>
  );
}

function Results({ evaluated, s, lang, onSelect }: { evaluated: Evaluated; s: EvaluateStrings; lang: Lang; onSelect: (sheet: string, row: number, column: number) => void }) {
  const styles = useStyles();
  const { result, rows } = evaluated;
  const c = result.counts;
  const nameColumn = new Map(rows.map((r) => [`${r.sheet}\u0000${r.row}`, r.cells.name?.column ?? 1]));
  const maxGrade = Math.max(1, ...GRADES.map((g) => c.byGrade[g]));
  const severities = countBySeverity(result.findings.map((f) => f.finding));
  const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(1));
  const idle = result.bodies.filter((b) => b.idle);
  return (
    <div className={styles.section} data-testid="evaluate-result" data-actions={JSON.stringify(c.byAction)} data-grades={JSON.stringify(c.byGrade)}>
      <Text weight="semibold" data-testid="evaluate-summary">{s.summary(result.year, c.active, c.evaluated, c.missing)}</Text>
      <Text data-testid="evaluate-actions">{s.suggestions(actionSummary(c.byAction, lang))}</Text>
      <Text size={200}>{s.findings(severities.error, severities.warning)}</Text>

      <Text className={styles.heading}>{s.grades}</Text>
      <div className={styles.chart} role="img" aria-label={GRADES.map((g) => `${s.gradeLabel(g)} ${c.byGrade[g]}`).join(', ')} data-testid="evaluate-grade-chart">
        {GRADES.map((g) => (
          <div key={g} className={styles.bar} data-grade={g} data-count={c.byGrade[g]}>
            <span className={styles.barLabel}>{s.gradeLabel(g)}</span>
            <div className={styles.barTrack}><div className={styles.barFill} style={{ width: `${(100 * c.byGrade[g]) / maxGrade}%`, backgroundColor: GRADE_COLOURS[g] }} /></div>
            <span>{c.byGrade[g]}</span>
          </div>
        ))}
      </div>

      <Text className={styles.heading}>{s.idle(idle.length)}</Text>
      <ul className={styles.list} data-testid="evaluate-idle">
        {idle.map((b) => (
          <li key={`${b.sheet}-${b.row}`}>
            <button type="button" className={styles.item} onClick={() => onSelect(b.sheet, b.row, nameColumn.get(`${b.sheet}\u0000${b.row}`) ?? 1)} data-row={b.row}>
              <span>{b.name} → {s.actionLabel(b.suggestion)}{b.partner ? `（${b.partner.name}）` : ''}</span>
            </button>
          </li>
        ))}
      </ul>

      {result.inexact.length > 0 && (
        <>
          <Text className={styles.heading}>{s.inexact}</Text>
          <ul className={styles.list} data-testid="evaluate-inexact">
            {result.inexact.map((m, i) => <li key={i}><Text size={200}>{s.inexactLine(m.written, m.body, m.score)}</Text></li>)}
          </ul>
        </>
      )}

      <Text className={styles.heading}>{s.ranking}</Text>
      <ul className={styles.list} data-testid="evaluate-ranking">
        {ranking(result).map((b) => (
          <li key={`${b.sheet}-${b.row}`}>
            <button type="button" className={styles.item} onClick={() => onSelect(b.sheet, b.row, nameColumn.get(`${b.sheet}\u0000${b.row}`) ?? 1)}
              data-row={b.row} data-rank={b.rank ?? ''} data-action={b.suggestion}>
              <span>{b.rank ?? '—'}. {b.name}{'\u3000'}{b.total === null ? s.notEvaluated : `${s.total} ${fixed(b.total)} ${s.gradeLabel(b.grade ?? '')}`} · {s.actionLabel(b.suggestion)}</span>
              {b.total !== null && <span className={styles.detail}>{s.scores(fixed(b.scores.performance), fixed(b.scores.conduct), fixed(b.scores.cooperation))}</span>}
              {b.suggestion !== '保留' && <span className={styles.detail}>{b.reasons.map((r) => (lang === 'en' ? r.en : r.zh)).join(lang === 'en' ? '; ' : '；')}</span>}
            </button>
          </li>
        ))}
      </ul>

      {result.members.length > 0 && (
        <>
          <Text className={styles.heading}>{s.members}</Text>
          <ul className={styles.list} data-testid="evaluate-members">
            {result.members.map((m) => (
              <li key={m.unit} data-unit={m.unit} data-low={m.low}>
                <Text size={200} className={mergeClasses(m.low && styles.low)}>{m.rank}. {m.unit}：{s.memberLine(m.bodies, m.mean)}{m.low ? ` · ${s.low}` : ''}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
