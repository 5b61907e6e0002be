/** 设置: as-of date, department list, thresholds and expected counties, saved with the document. */
import { Button, Checkbox, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowResetRegular, FolderOpenRegular, SaveRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { DEFAULT_DEPARTMENTS } from '../../ledger/departments';
import { makeSettings, parseSettings, type Settings } from '../../ledger/settings';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar, NoteBar } from '../components/ErrorBar';
import { useTask } from '../hooks/useTask';
import {
  decodeText, departmentsText, formOf, inputOf, type SettingsForm,
} from '../model/settingsForm';
import { useStrings, type Strings } from '../i18n';
import { departmentListText, parseDepartmentList } from '../../ledger/departmentList';
import { REGISTER_FILE_ACCEPT } from '../../read';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalM },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
});

interface Props {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  /** What the document stores (asOf absent means “today”). */
  readonly stored: unknown;
  readonly onSaved: (settings: Settings, stored: unknown) => void;
}

function labelOfPath(path: string, t: Strings): string {
  const labels: Record<string, string> = {
    asOf: t.settings.asOf,
    departments: t.settings.departments,
    expiringWindowDays: t.settings.expiringWindowDays,
    reviewCycleYears: t.settings.reviewCycleYears,
    similarNameThreshold: t.settings.similarNameThreshold,
    activeBodyLimit: t.settings.activeBodyLimit,
    expectedCounties: t.settings.expectedCounties,
    submissionDeadline: t.settings.submissionDeadline,
  };
  return labels[path.split('.')[0] ?? ''] ?? path;
}

export function SettingsTab({ port, settings, stored, onSaved }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask();
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings, stored));
  const [problems, setProblems] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setNote(null);
  };

  const save = async () => {
    setProblems([]);
    setNote(null);
    const input = inputOf(form);
    const parsed = parseSettings(input);
    if (!parsed.ok) {
      setProblems(parsed.problems.map((p) => {
        const [path = '', ...rest] = p.split(': ');
        return `${labelOfPath(path, t)}: ${rest.join(': ')}`;
      }));
      return;
    }
    const outcome = await task.run(() => port.saveSettings(input));
    if (outcome.ok) {
      onSaved(parsed.settings, input);
      setNote(t.settings.saved);
    }
  };

  const loadDepartments = async (file: File) => {
    setNote(null);
    const outcome = await task.run(async (signal) => {
      const bytes = await file.arrayBuffer();
      // As the CLI's --departments: a text file line by line, any other format by its department column.
      if (/\.txt$/i.test(file.name)) return parseDepartmentList(decodeText(bytes));
      const grids = await port.readWorkbookFile({ name: file.name, bytes }, { signal });
      return parseDepartmentList(departmentListText(grids));
    });
    if (outcome.ok) {
      set({ departments: departmentsText({ departments: outcome.value.departments, departmentAliases: outcome.value.aliases }) });
      setNote(t.settings.loadedDepartments(outcome.value.departments.length, file.name));
    }
  };

  const departmentCount = parseDepartmentList(form.departments).departments.length;
  return (
    <div className={styles.pane} data-testid="settings-tab">
      <Text>{t.settings.intro}</Text>
      <Field label={t.settings.asOf}>
        <Input type="date" value={form.asOf} disabled={form.asOfToday} onChange={(_, d) => set({ asOf: d.value })} data-testid="as-of-input" />
      </Field>
      <Checkbox label={t.settings.asOfToday} checked={form.asOfToday} onChange={(_, d) => set({ asOfToday: d.checked === true })} />
      <Field label={t.settings.departments} hint={t.settings.departmentCount(departmentCount)}>
        <Textarea rows={6} resize="vertical" value={form.departments} onChange={(_, d) => set({ departments: d.value })} data-testid="departments-input" />
      </Field>
      <div className={styles.buttons}>
        <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} title={t.settings.loadDepartmentsHint}>
          {t.settings.loadDepartments}
        </Button>
        <Button appearance="subtle" onClick={() => set({ departments: DEFAULT_DEPARTMENTS.join('\n') })}>
          {t.settings.defaultDepartments}
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept={`.txt,${REGISTER_FILE_ACCEPT}`}
          data-testid="departments-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void loadDepartments(file);
          }}
        />
      </div>
      <div className={styles.pair}>
        <Field label={t.settings.expiringWindowDays}>
          <Input type="number" min={0} value={form.expiringWindowDays} onChange={(_, d) => set({ expiringWindowDays: d.value })} />
        </Field>
        <Field label={t.settings.reviewCycleYears}>
          <Input type="number" min={0} value={form.reviewCycleYears} onChange={(_, d) => set({ reviewCycleYears: d.value })} />
        </Field>
        <Field label={t.settings.similarNameThreshold}>
          <Input type="number" min={0} max={1} step={0.05} value={form.similarNameThreshold} onChange={(_, d) => set({ similarNameThreshold: d.value })} />
        </Field>
        <Field label={t.settings.activeBodyLimit}>
          <Input type="number" min={1} value={form.activeBodyLimit} onChange={(_, d) => set({ activeBodyLimit: d.value })} />
        </Field>
      </div>
      <Field label={t.settings.expectedCounties}>
        <Textarea rows={2} value={form.expectedCounties} onChange={(_, d) => set({ expectedCounties: d.value })} />
      </Field>
      <Field label={t.settings.submissionDeadline}>
        <Input type="date" value={form.submissionDeadline} onChange={(_, d) => set({ submissionDeadline: d.value })} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<SaveRegular />} disabled={task.running} onClick={save} data-testid="save-settings-button">
          {t.settings.save}
        </Button>
        <Button icon={<ArrowResetRegular />} onClick={() => set(formOf(makeSettings(), {}))}>
          {t.settings.reset}
        </Button>
      </div>
      {problems.length > 0 && (
        <NoteBar intent="error" title={t.settings.invalid}>
          {problems.join('；')}
        </NoteBar>
      )}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {note && <NoteBar>{note}</NoteBar>}
    </div>
  );
}
