/** 新建台账: adds a sheet with the register's header as a table, dropdowns on 类别, 状态 and 办事机构所在部门. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { evaluationYear, makeEvaluationSettings, templateSheets } from '../../ledger/evaluate';
import { FIELDS, type OptionalField } from '../../ledger/fields';
import { validateSheet } from '../../ledger/validate';
import type { Settings } from '../../ledger/settings';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { TaskProgress } from '../components/TaskProgress';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { useTask } from '../hooks/useTask';
import { DEFAULT_OPTIONAL_FIELDS, OFFERED_OPTIONAL_FIELDS, newRegisterSpec } from '../model/newRegister';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  options: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
});

interface Props {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  readonly onSheetsAdded: () => void;
  /** Bumped by the pane when sheets change, to re-list them. */
  readonly revision?: number;
}

export function NewRegisterTab({ port, settings, onSheetsAdded, revision = 0 }: Props) {
  const t = useStrings();
  const styles = useStyles();
  const task = useTask();
  const [sheetName, setSheetName] = useState(t.newRegister.defaultName);
  const [title, setTitle] = useState(t.newRegister.defaultTitle);
  const [optional, setOptional] = useState<ReadonlySet<OptionalField>>(new Set(DEFAULT_OPTIONAL_FIELDS));
  const [blankRows, setBlankRows] = useState('200');
  const [created, setCreated] = useState<string | null>(null);
  const groupLabel = useId('optional-columns');
  const { sheets } = useSheets(port, revision);
  const [templateRegister, setTemplateRegister] = useState<string | null>(null);
  const templateChoice = sheets ? pickSheet(sheets, templateRegister) : null;
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  const templateTask = useTask();

  /** 多方评价: the blank 自评表 and 成员单位评价表 for the chosen register's active bodies (as `ledger evaluate --template`). */
  const createTemplate = async () => {
    if (!templateChoice) return;
    setTemplateNote(null);
    const outcome = await templateTask.run(async (signal, progress) => {
      const report = validateSheet(await port.readSheet(templateChoice, { signal }), settings, { flags: false });
      if (report.status !== 'validated') return { names: null, bodies: 0 };
      const specs = templateSheets(report.rows, {
        year: evaluationYear([], makeEvaluationSettings(), settings.asOf),
        departments: settings.departments,
      });
      const names = await port.addSheets(specs, { signal, onProgress: progress });
      return { names, bodies: report.rows.filter((r) => r.active && r.name !== '').length };
    });
    if (!outcome.ok) return;
    if (outcome.value.names === null) {
      setTemplateNote(t.newRegister.evaluationNotRegister(templateChoice));
      return;
    }
    setTemplateNote(t.newRegister.evaluationCreated(outcome.value.names.join('、'), outcome.value.bodies));
    onSheetsAdded();
  };

  const toggle = (field: OptionalField, on: boolean) =>
    setOptional((current) => {
      const next = new Set(current);
      if (on) next.add(field);
      else next.delete(field);
      return next;
    });

  const create = async () => {
    setCreated(null);
    const rows = Number(blankRows);
    const spec = newRegisterSpec(
      {
        sheetName,
        title,
        optional: OFFERED_OPTIONAL_FIELDS.filter((f) => optional.has(f)),
        blankRows: Number.isFinite(rows) ? rows : 200,
      },
      settings,
    );
    const outcome = await task.run((signal, progress) => port.addSheets([spec], { signal, onProgress: progress }));
    if (outcome.ok) {
      setCreated(outcome.value[0] ?? spec.name);
      onSheetsAdded();
    }
  };

  return (
    <div className={styles.pane} data-testid="new-register-tab">
      <Text>{t.newRegister.intro}</Text>
      <Field label={t.newRegister.sheetName}>
        <Input value={sheetName} onChange={(_, d) => setSheetName(d.value)} maxLength={31} />
      </Field>
      <Field label={t.newRegister.title}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      {/* A group, not a Field: a Field gives every checkbox inside it the same id. */}
      <div role="group" aria-labelledby={groupLabel}>
        <Label id={groupLabel}>{t.newRegister.optional}</Label>
        <div className={styles.options}>
          {OFFERED_OPTIONAL_FIELDS.map((field) => (
            <Checkbox
              key={field}
              label={FIELDS[field].label}
              checked={optional.has(field)}
              onChange={(_, d) => toggle(field, d.checked === true)}
            />
          ))}
        </div>
      </div>
      <Field label={t.newRegister.blankRows}>
        <Input type="number" min={1} max={5000} value={blankRows} onChange={(_, d) => setBlankRows(d.value)} />
      </Field>
      <Button
        appearance="primary"
        icon={<TableAddRegular />}
        disabled={task.running}
        onClick={create}
        data-testid="create-register-button"
      >
        {t.newRegister.create}
      </Button>
      {task.running && <TaskProgress label={t.common.working} progress={task.progress} onCancel={task.cancel} />}
      {task.cancelled && <NoteBar intent="info">{t.common.cancelled}</NoteBar>}
      {task.error != null && <ErrorBar error={task.error} onDismiss={task.dismiss} />}
      {created && <NoteBar>{t.newRegister.created(created)}</NoteBar>}
      <Subtitle2 as="h2">{t.newRegister.evaluationTitle}</Subtitle2>
      <Text>{t.newRegister.evaluationIntro}</Text>
      <Field label={t.newRegister.evaluationRegister}>
        <Select
          value={templateChoice ?? ''}
          onChange={(_, d) => setTemplateRegister(d.value)}
          data-testid="evaluation-template-register"
        >
          {(sheets ?? []).map((sheet) => (
            <option key={sheet.name} value={sheet.name}>
              {sheet.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        icon={<TableAddRegular />}
        disabled={!templateChoice || templateTask.running}
        onClick={createTemplate}
        data-testid="evaluation-template-button"
      >
        {t.newRegister.evaluationCreate}
      </Button>
      {templateTask.error != null && <ErrorBar error={templateTask.error} onDismiss={templateTask.dismiss} />}
      {templateNote && (
        <NoteBar>
          <span data-testid="evaluation-template-note">{templateNote}</span>
        </NoteBar>
      )}
    </div>
  );
}
