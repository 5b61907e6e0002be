/**
 * 审核 (联合审批): one application typed into a form, checked against a register sheet of this
 * workbook on every keystroke by the same core the CLI uses (`ledger review`): same and similar
 * bodies with their scores, the findings, the suggested conclusion; “生成审核意见” downloads the
 * Word draft. The workbook changes only when the user confirms adding issued 设立 applications to
 * the register (in the 审批台账 below, `ApprovalLog`).
 */
import {
  Button,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { writeOpinions } from '../../docx/opinion';
import { CATEGORIES, isCoordinatingBody } from '../../ledger/categories';
import { buildDepartmentIndex, resolveDepartment } from '../../ledger/cells/department';
import { messageOf } from '../../ledger/findings';
import {
  applicationFromForm,
  buildOpinion,
  officeFromTitle,
  registerLocalNames,
  reviewApplications,
  type ApplicationForm,
} from '../../ledger/review';
import type { Settings } from '../../ledger/settings';
import { validateSheet, type SheetReport } from '../../ledger/validate';
import type { WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { pickSheet, useSheets } from '../hooks/useSheets';
import { useStrings } from '../i18n';
import { ApprovalLog } from './ApprovalLog';
import { MembersPicker } from './MembersPicker';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  conclusion: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

export interface ReviewTabProps {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  /** Bumped by the pane when sheets change, to re-list them. */
  readonly revision?: number;
  /** Called after rows were added to the register, to re-read it everywhere. */
  readonly onRegisterChanged?: () => void;
}

/** Saves bytes as a download (the pane cannot write files itself). */
function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReviewTab({ port, settings, revision = 0, onRegisterChanged }: ReviewTabProps) {
  const t = useStrings();
  const s = t.review;
  const lang = t.lang;
  const styles = useStyles();
  const { sheets: listed, error: sheetsError } = useSheets(port, revision);
  const [chosen, setChosen] = useState<string | null>(null);
  const sheet = listed ? pickSheet(listed, chosen) : null;
  const [report, setReport] = useState<SheetReport | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [form, setForm] = useState<ApplicationForm>({ type: '设立' });
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  // The register is read once per chosen sheet; the checks then run on every keystroke.
  useEffect(() => {
    if (sheet === null) return;
    let current = true;
    setReport(null);
    setReadError(null);
    port.readSheet(sheet).then(
      (grid) => {
        if (current) setReport(validateSheet(grid, settings, { flags: false }));
      },
      (e: unknown) => {
        if (current) setReadError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [port, sheet, settings, revision]);

  const departments = useMemo(() => buildDepartmentIndex(settings.departments, settings.departmentAliases), [settings]);
  const localNames = useMemo(() => (report ? registerLocalNames(report.title, report.rows) : []), [report]);
  const application = useMemo(() => applicationFromForm(form), [form]);
  const review = useMemo(() => {
    if (!application || !report || report.status !== 'validated') return null;
    return reviewApplications([application], report.rows, settings, { localNames, departments });
  }, [application, report, settings, localNames, departments]);
  const first = review?.reviews[0] ?? null;

  const set = (field: keyof ApplicationForm) => (_: unknown, d: { value: string }) => {
    setNote(null);
    setForm((f) => ({ ...f, [field]: d.value }));
  };
  const unknownMembers = application
    ? application.members.filter((m) => !resolveDepartment(m, departments).known).length
    : 0;

  const draft = async () => {
    if (!first || !report || !review) return;
    setActionError(null);
    try {
      const opinion = buildOpinion(first, settings, {
        office: officeFromTitle(report.title),
        lang,
        activeCoordinating: review.activeCoordinating,
        dutiesCompared: review.dutiesCompared,
      });
      const name = `审核意见-${first.application.name}.docx`;
      download(await writeOpinions([opinion], { lang }), name);
      setNote(s.downloaded(name));
    } catch (e) {
      setActionError(e);
    }
  };

  const text = (field: keyof ApplicationForm, multiline = false) => (
    <Field label={s.fields[field as keyof typeof s.fields]}>
      {multiline ? (
        <Textarea value={form[field] ?? ''} onChange={set(field)} resize="vertical" data-testid={`review-${field}`} />
      ) : (
        <Input value={form[field] ?? ''} onChange={set(field)} data-testid={`review-${field}`} />
      )}
    </Field>
  );

  return (
    <div className={styles.pane} data-testid="review-tab">
      <Text>{s.intro}</Text>
      {sheetsError != null && <ErrorBar error={sheetsError} />}
      {readError != null && <ErrorBar error={readError} />}
      <Field label={s.register}>
        <Select value={sheet ?? ''} onChange={(_, d) => setChosen(d.value)} data-testid="review-register">
          {(listed ?? []).map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      {report && report.status !== 'validated' && <NoteBar intent="warning">{s.notRegister(report.sheet)}</NoteBar>}
      {report?.status === 'validated' && (
        <Text className={styles.hint}>
          {s.registerRead(
            report.rows.filter((r) => r.active).length,
            report.rows.filter((r) => r.active && r.category !== null && isCoordinatingBody(r.category)).length,
          )}
        </Text>
      )}

      <Field label={s.fields.type}>
        <Select value={form.type ?? '设立'} onChange={set('type')} data-testid="review-type">
          {s.types.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
      </Field>
      {text('name')}
      <Field
        label={s.fields.category}
        hint={
          application?.categoryInferred && application.category !== null
            ? `${s.categoryFromName}：${CATEGORIES[application.category - 1]!.label}`
            : undefined
        }
      >
        <Select value={form.category ?? ''} onChange={set('category')} data-testid="review-category">
          <option value="">—</option>
          {CATEGORIES.map((c) => (
            <option key={c.id} value={c.label}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {text('department')}
      <Field
        label={s.fields.members}
        hint={application ? s.memberCount(application.members.length, unknownMembers) : undefined}
      >
        <MembersPicker
          value={form.members ?? ''}
          onChange={(value) => set('members')(null, { value })}
          departments={settings.departments}
          label={s.fields.members}
          placeholder={s.membersPlaceholder}
        />
      </Field>
      {text('duties', true)}
      {text('duration')}
      {text('parent')}
      {text('reason', true)}

      {!application && <Text className={styles.hint}>{s.typeName}</Text>}
      {first && (
        <div className={styles.section} data-testid="review-result" data-conclusion={first.conclusion.kind}>
          <Text className={styles.heading}>{s.similarTitle}</Text>
          {!first.duplicate && first.similar.length === 0 && (
            <Text className={styles.hint} data-testid="review-no-similar">
              {s.noSimilar}
            </Text>
          )}
          <ul className={styles.list} data-testid="review-similar">
            {first.duplicate && (
              <li className={styles.error} data-row={first.duplicate.row} data-score="1">
                {s.similarItem(first.duplicate.name, first.duplicate.row, '1.00')}
              </li>
            )}
            {first.similar.map((m) => (
              <li key={m.row.row} data-row={m.row.row} data-score={m.score}>
                {s.similarItem(m.row.name, m.row.row, m.score.toFixed(2))}
                {m.dutyScore >= settings.similarDutyThreshold ? `（${s.byDuties}）` : ''}
              </li>
            ))}
          </ul>
          <Text className={styles.heading}>{s.checksTitle}</Text>
          {first.findings.length === 0 && <Text className={styles.hint}>{s.noProblems}</Text>}
          <ul className={styles.list} data-testid="review-findings">
            {first.findings.map((f, i) => (
              <li
                key={i}
                data-code={f.code}
                className={mergeClasses(
                  f.severity === 'error' ? styles.error : f.severity === 'warning' ? styles.problem : styles.info,
                )}
              >
                {t.severity[f.severity]}：{messageOf(f, lang)}
              </li>
            ))}
          </ul>
          <Text className={styles.heading}>{s.conclusionTitle}</Text>
          <Text className={styles.conclusion} data-testid="review-conclusion">
            {lang === 'en' ? first.conclusion.en : first.conclusion.zh}
          </Text>
          <ul className={styles.list}>
            {first.conclusion.reasons.map((r, i) => (
              <li key={i}>{lang === 'en' ? r.en : r.zh}</li>
            ))}
          </ul>
          <Button
            appearance="primary"
            icon={<DocumentArrowDownRegular />}
            onClick={() => {
              void draft();
            }}
            data-testid="review-download"
          >
            {s.download}
          </Button>
        </div>
      )}
      {note && <NoteBar>{note}</NoteBar>}
      {actionError != null && <ErrorBar error={actionError} onDismiss={() => setActionError(null)} />}
      {listed && (
        <ApprovalLog
          port={port}
          settings={settings}
          sheets={listed}
          register={report}
          onRegisterChanged={onRegisterChanged}
          onDownload={(bytes, name) => {
            download(bytes, name);
            setNote(s.downloaded(name));
          }}
        />
      )}
    </div>
  );
}
