/**
 * 评价 (多方评价, docs/evaluate.md): the register (a sheet of this workbook), the returned 自评表 and
 * 成员单位评价表 (sheets of this workbook, or picked files: one per department) → the ranking, the
 * idle bodies, the suggestion counts, a bar chart of grades; clicking a body selects its register
 * row; the five result sheets, or the blank template, are added to the workbook. The same core as
 * `ledger evaluate`.
 */
import { Button, Label, Select, Text, useId } from '@fluentui/react-components';
import { DataBarVerticalRegular, TableAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  evaluateBodies,
  evaluationSheets,
  evaluationYear,
  makeEvaluationSettings,
  mergeReads,
  templateSheets,
} from '../../ledger/evaluate';
import type { Finding, Lang } from '../../ledger/findings';
import type { LedgerRow } from '../../ledger/row';
import type { Settings } from '../../ledger/settings';
import { validateSheet } from '../../ledger/validate';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { nextFrame, useTask } from '../hooks/useTask';
import { InputProblem } from '../model/inputProblem';
import { readReturns, type Evaluated, type Returns } from './model';
import { Results } from './Results';
import { ReturnsPicker } from './ReturnsPicker';
import { evaluateStrings } from './strings';
import { useEvaluateStyles } from './useEvaluateStyles';

export interface EvaluateTabProps {
  readonly port: WorkbookPort;
  readonly lang: Lang;
  readonly settings: Settings;
  readonly revision?: number;
  readonly onSheetsAdded?: () => void;
}

export function EvaluateTab({ port, lang, settings, revision = 0, onSheetsAdded }: EvaluateTabProps) {
  const s = evaluateStrings(lang);
  const styles = useEvaluateStyles();
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
  const selfChoice: Returns =
    self?.kind === 'files' || (self?.kind === 'sheet' && sheets.includes(self.sheet))
      ? self
      : { kind: 'sheet', sheet: sheets.find((n) => n !== registerChoice) ?? registerChoice ?? '' };
  const membersChoice: Returns =
    members.kind === 'sheet' && !sheets.includes(members.sheet) ? { kind: 'none' } : members;
  const evaluation = makeEvaluationSettings();

  const loadRegister = async (
    signal: AbortSignal,
  ): Promise<{ rows: LedgerRow[]; findings: Finding[]; title: string[] }> => {
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
      const reads = [
        ...(await readReturns(port, selfChoice, 'self', s, signal)),
        ...(await readReturns(port, membersChoice, 'member', s, signal)),
      ];
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
        specs = evaluationSheets(evaluated.result, {
          lang,
          registerFile: evaluated.registerSheet,
          asOf: settings.asOf,
          settings: evaluation,
        });
      } else {
        if (!registerChoice) return;
        const grid = await port.readSheet(registerChoice);
        const report = validateSheet(grid, settings, { flags: false });
        if (report.status !== 'validated') throw new InputProblem(s.notRegister(registerChoice));
        specs = templateSheets(report.rows, {
          year: evaluationYear([], evaluation, settings.asOf),
          departments: settings.departments,
        });
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

  const problem =
    task.error instanceof InputProblem
      ? task.error.message
      : actionError instanceof InputProblem
        ? actionError.message
        : null;
  const registerLabelId = useId('evaluate-register');
  return (
    <div className={styles.pane} data-testid="evaluate-tab">
      <Text>{s.intro}</Text>
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {listed && sheets.length === 0 && <NoteBar intent="info">{s.noSheets}</NoteBar>}
      <div className={styles.picker}>
        <Label id={registerLabelId}>{s.registerLabel}</Label>
        <Select
          aria-labelledby={registerLabelId}
          value={registerChoice ?? ''}
          onChange={(_, d) => setRegister(d.value)}
          data-testid="evaluate-register-select"
        >
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <ReturnsPicker
        label={s.selfLabel}
        sheets={sheets}
        value={selfChoice}
        optional={false}
        onChange={setSelf}
        testId="evaluate-self"
        s={s}
        onError={task.fail}
      />
      <ReturnsPicker
        label={s.membersLabel}
        sheets={sheets}
        value={membersChoice}
        optional
        onChange={setMembers}
        testId="evaluate-members"
        s={s}
        onError={task.fail}
      />
      <div className={styles.inline}>
        <Button
          appearance="primary"
          icon={<DataBarVerticalRegular />}
          disabled={!registerChoice || task.running}
          onClick={run}
          data-testid="evaluate-run"
        >
          {task.running ? s.running : s.run}
        </Button>
        <Button
          icon={<TableAddRegular />}
          disabled={!registerChoice || task.running}
          onClick={() => {
            void write('template');
          }}
          data-testid="evaluate-template"
        >
          {s.template}
        </Button>
      </div>
      {task.running && <TaskProgress label={s.running} progress={task.progress} onCancel={task.cancel} />}
      {problem !== null && (
        <NoteBar intent="warning">
          <span data-testid="evaluate-problem">{problem}</span>
        </NoteBar>
      )}
      {task.error != null && !(task.error instanceof InputProblem) && (
        <ErrorBar error={task.error} onDismiss={task.dismiss} />
      )}
      {actionError != null && !(actionError instanceof InputProblem) && (
        <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />
      )}
      {written && (
        <NoteBar>
          <span data-testid="evaluate-written">{written}</span>
        </NoteBar>
      )}
      {evaluated && <Results evaluated={evaluated} s={s} lang={lang} onSelect={select} />}
      {evaluated && (
        <Button
          icon={<TableAddRegular />}
          onClick={() => {
            void write('result');
          }}
          data-testid="evaluate-write"
        >
          {s.write}
        </Button>
      )}
    </div>
  );
}
