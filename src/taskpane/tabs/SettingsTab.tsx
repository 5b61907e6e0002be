/** 设置: as-of date, department list, thresholds and expected counties, saved with the document. */
import { Button, Checkbox, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowResetRegular, FolderOpenRegular, SaveRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { DEFAULT_DEPARTMENTS } from '../../ledger/departments';
import { makeSettings, parseSettings, type Settings } from '../../ledger/settings';
import type { PickedFile, WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { useTask } from '../hooks/useTask';
import {
  decodeText,
  departmentsText,
  formOf,
  formProblems,
  inputOf,
  type CheckedField,
  type FieldProblem,
  type SettingsForm,
} from '../model/settingsForm';
import { useStrings, type Strings } from '../i18n';
import { departmentListText, parseDepartmentList } from '../../ledger/departmentList';
import { REGISTER_FILE_ACCEPT } from '../../read';
import { HiddenFileInput } from '../components/HiddenFileInput';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // One field a line: long Chinese labels never push the inputs out of line.
  numbers: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // Short values get short inputs, not ones that run to the pane's edge.
  numberInput: { width: '10em', maxWidth: '100%' },
  dateInput: { width: '13em', maxWidth: '100%' },
});

interface Props {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  /** What the document stores (asOf absent means “today”). */
  readonly stored: unknown;
  readonly onSaved: (settings: Settings, stored: unknown) => void;
}

function problemText(problem: FieldProblem, t: Strings): string {
  switch (problem.kind) {
    case 'range':
      return t.settings.problem.range(problem.min, problem.max);
    default:
      return t.settings.problem[problem.kind];
  }
}

export function SettingsTab({ port, settings, stored, onSaved }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask();
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings, stored));
  const [problems, setProblems] = useState<Partial<Record<CheckedField, FieldProblem>>>({});
  const formRef = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setNote(null);
    // A field being corrected loses its error at once.
    setProblems((p) => {
      const keys = Object.keys(patch) as (keyof SettingsForm)[];
      if (!keys.some((k) => k in p || (k === 'asOfToday' && 'asOf' in p))) return p;
      const next = { ...p };
      for (const k of keys) delete next[k as CheckedField];
      if (keys.includes('asOfToday')) delete next.asOf;
      return next;
    });
  };
  /** Field props for the validation state and message of `field`. */
  const check = (field: CheckedField) => {
    const problem = problems[field];
    return problem
      ? { validationState: 'error' as const, validationMessage: problemText(problem, t), 'data-invalid': field }
      : {};
  };

  const save = async () => {
    setNote(null);
    const input = inputOf(form);
    const parsed = parseSettings(input);
    const found = formProblems(form, parsed.ok ? [] : parsed.problems);
    if (Object.keys(found).length > 0 || !parsed.ok) {
      setProblems(Object.keys(found).length > 0 ? found : { departments: { kind: 'invalid' } });
      // The first wrong field is scrolled into view and focused: the message is there, not below the fold.
      requestAnimationFrame(() => {
        const first = formRef.current?.querySelector<HTMLElement>('[data-invalid] input, [data-invalid] textarea');
        if (typeof first?.scrollIntoView === 'function') first.scrollIntoView({ block: 'center' });
        first?.focus();
      });
      return;
    }
    setProblems({});
    const outcome = await task.run(() => port.saveSettings(input));
    if (outcome.ok) {
      onSaved(parsed.settings, input);
      setNote(t.settings.saved);
    }
  };

  const loadDepartments = async (file: PickedFile) => {
    setNote(null);
    const outcome = await task.run(async (signal) => {
      const { bytes } = file;
      // As the CLI's --departments: a text file line by line, any other format by its department column.
      if (/\.txt$/i.test(file.name)) return parseDepartmentList(decodeText(bytes));
      const grids = await port.readWorkbookFile({ name: file.name, bytes }, { signal });
      return parseDepartmentList(departmentListText(grids));
    });
    if (outcome.ok) {
      set({
        departments: departmentsText({
          departments: outcome.value.departments,
          departmentAliases: outcome.value.aliases,
        }),
      });
      setNote(t.settings.loadedDepartments(outcome.value.departments.length, file.name));
    }
  };

  const departmentCount = parseDepartmentList(form.departments).departments.length;
  return (
    <div className={styles.pane} data-testid="settings-tab" ref={formRef}>
      <Text>{t.settings.intro}</Text>
      <Field label={t.settings.asOf} {...check('asOf')}>
        <Input
          className={styles.dateInput}
          type="date"
          value={form.asOf}
          disabled={form.asOfToday}
          onChange={(_, d) => set({ asOf: d.value })}
          data-testid="as-of-input"
        />
      </Field>
      <Checkbox
        label={t.settings.asOfToday}
        checked={form.asOfToday}
        onChange={(_, d) => set({ asOfToday: d.checked === true })}
      />
      <Field
        label={t.settings.departments}
        hint={t.settings.departmentCount(departmentCount)}
        {...check('departments')}
      >
        <Textarea
          rows={6}
          resize="vertical"
          value={form.departments}
          onChange={(_, d) => set({ departments: d.value })}
          data-testid="departments-input"
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          icon={<FolderOpenRegular />}
          onClick={() => fileInput.current?.click()}
          title={t.settings.loadDepartmentsHint}
        >
          {t.settings.loadDepartments}
        </Button>
        <Button appearance="subtle" onClick={() => set({ departments: DEFAULT_DEPARTMENTS.join('\n') })}>
          {t.settings.defaultDepartments}
        </Button>
        <HiddenFileInput
          inputRef={fileInput}
          accept={`.txt,${REGISTER_FILE_ACCEPT}`}
          testId="departments-file-input"
          onFiles={(files) => loadDepartments(files[0]!)}
          onError={task.fail}
        />
      </div>
      <div className={styles.numbers}>
        <Field label={t.settings.expiringWindowDays} {...check('expiringWindowDays')}>
          <Input
            className={styles.numberInput}
            type="number"
            min={0}
            max={3650}
            value={form.expiringWindowDays}
            onChange={(_, d) => set({ expiringWindowDays: d.value })}
            data-testid="expiring-window-input"
          />
        </Field>
        <Field label={t.settings.reviewCycleYears} {...check('reviewCycleYears')}>
          <Input
            className={styles.numberInput}
            type="number"
            min={0}
            max={100}
            value={form.reviewCycleYears}
            onChange={(_, d) => set({ reviewCycleYears: d.value })}
          />
        </Field>
        <Field label={t.settings.similarNameThreshold} {...check('similarNameThreshold')}>
          <Input
            className={styles.numberInput}
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={form.similarNameThreshold}
            onChange={(_, d) => set({ similarNameThreshold: d.value })}
            data-testid="threshold-input"
          />
        </Field>
        <Field label={t.settings.activeBodyLimit} {...check('activeBodyLimit')}>
          <Input
            className={styles.numberInput}
            type="number"
            min={1}
            value={form.activeBodyLimit}
            onChange={(_, d) => set({ activeBodyLimit: d.value })}
          />
        </Field>
      </div>
      <Field label={t.settings.expectedCounties} {...check('expectedCounties')}>
        <Textarea rows={2} value={form.expectedCounties} onChange={(_, d) => set({ expectedCounties: d.value })} />
      </Field>
      <Field label={t.settings.submissionDeadline} {...check('submissionDeadline')}>
        <Input
          className={styles.dateInput}
          type="date"
          value={form.submissionDeadline}
          onChange={(_, d) => set({ submissionDeadline: d.value })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          disabled={task.running}
          onClick={save}
          data-testid="save-settings-button"
        >
          {t.settings.save}
        </Button>
        <Button icon={<ArrowResetRegular />} onClick={() => set(formOf(makeSettings(), {}))}>
          {t.settings.reset}
        </Button>
      </div>
      {Object.keys(problems).length > 0 && (
        <NoteBar intent="error" title={t.settings.invalid}>
          <span data-testid="settings-problems">{t.settings.invalidCount(Object.keys(problems).length)}</span>
        </NoteBar>
      )}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {note && <NoteBar>{note}</NoteBar>}
    </div>
  );
}
