/**
 * 审批台账 inside the 审核 tab: the applications of a sheet of this workbook (one per row, as
 * `ledger review` reads them), grouped by the stage of the joint chain where they wait, with the
 * working days waited and the suggested conclusion; every 审核意见 can be drafted at once.
 */
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDownRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { writeOpinions } from '../../docx/opinion';
import type { Grid } from '../../ledger/grid';
import {
  buildOpinion,
  officeFromTitle,
  readApplications,
  registerLocalNames,
  reviewApplications,
  STAGES,
  type ReviewResult,
} from '../../ledger/review';
import type { Settings } from '../../ledger/settings';
import type { SheetReport } from '../../ledger/validate';
import type { SheetInfo, WorkbookPort } from '../../port/workbook';
import { ErrorBar } from '../components/ErrorBar';
import { NoteBar } from '../components/NoteBar';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  late: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface ApprovalLogProps {
  readonly port: WorkbookPort;
  readonly settings: Settings;
  readonly sheets: readonly SheetInfo[];
  /** The register the applications are checked against (the 审核 tab's choice). */
  readonly register: SheetReport | null;
  readonly onDownload: (bytes: Uint8Array, name: string) => void;
}

export function ApprovalLog({ port, settings, sheets, register, onDownload }: ApprovalLogProps) {
  const t = useStrings();
  const s = t.review;
  const lang = t.lang;
  const styles = useStyles();
  const names = sheets.map((x) => x.name).filter((n) => n !== register?.sheet);
  const [chosen, setChosen] = useState<string | null>(null);
  const sheet =
    chosen !== null && names.includes(chosen) ? chosen : (names.find((n) => /申请|审批/.test(n)) ?? names[0] ?? null);
  const [result, setResult] = useState<{ sheet: string; review: ReviewResult } | null>(null);
  const [none, setNone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const read = async () => {
    if (sheet === null || !register || register.status !== 'validated') return;
    setError(null);
    setNone(null);
    setResult(null);
    try {
      const grid: Grid = await port.readSheet(sheet);
      const apps = readApplications([grid]).applications;
      if (apps.length === 0) {
        setNone(s.logNone(sheet));
        return;
      }
      setResult({
        sheet,
        review: reviewApplications(apps, register.rows, settings, {
          localNames: registerLocalNames(register.title, register.rows),
        }),
      });
    } catch (e) {
      setError(e);
    }
  };

  const draftAll = async () => {
    if (!result || !register) return;
    setError(null);
    try {
      const office = officeFromTitle(register.title);
      const opinions = result.review.reviews.map((r) =>
        buildOpinion(r, settings, {
          office,
          lang,
          activeCoordinating: result.review.activeCoordinating,
          dutiesCompared: result.review.dutiesCompared,
        }),
      );
      onDownload(await writeOpinions(opinions, { lang }), `审核意见-${result.sheet}.docx`);
    } catch (e) {
      setError(e);
    }
  };

  const reviews = result?.review.reviews ?? [];
  const overdue = reviews.filter((r) => r.findings.some((f) => f.code === 'review-overdue')).length;
  const groups = [
    ...STAGES.map((x) => ({ key: x.key as string, label: lang === 'en' ? x.labelEn : x.label })),
    { key: 'done', label: s.logDone },
  ];
  return (
    <div className={styles.section} data-testid="review-log">
      <Text className={styles.heading}>{s.logTitle}</Text>
      <Text className={styles.hint}>{s.logIntro}</Text>
      <Field label={s.logSheet}>
        <Select
          value={sheet ?? ''}
          onChange={(_, d) => setChosen(d.value)}
          disabled={names.length === 0}
          data-testid="review-log-sheet"
        >
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        icon={<TextBulletListSquareRegular />}
        disabled={sheet === null || register?.status !== 'validated'}
        onClick={() => {
          void read();
        }}
        data-testid="review-log-read"
      >
        {s.logRead}
      </Button>
      {none && <NoteBar intent="warning">{none}</NoteBar>}
      {error != null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
      {result && (
        <>
          <Text data-testid="review-log-count">{s.logCount(reviews.length, overdue)}</Text>
          {groups.map((g) => {
            const inStage = reviews.filter((r) => r.stage.key === g.key);
            if (inStage.length === 0) return null;
            return (
              <section key={g.key} className={styles.section} data-stage={g.key} data-count={inStage.length}>
                <Text className={styles.heading}>
                  {g.label}（{inStage.length}）
                </Text>
                <ul className={styles.list}>
                  {inStage.map((r) => {
                    const late = r.findings.some((f) => f.code === 'review-overdue');
                    return (
                      <li
                        key={r.application.row}
                        className={late ? styles.late : undefined}
                        data-row={r.application.row}
                        data-waiting={r.stage.waitingDays ?? ''}
                      >
                        {r.application.name}：{lang === 'en' ? r.conclusion.en : r.conclusion.zh}
                        {r.stage.waitingDays !== null ? `；${s.logWaiting(r.stage.waitingDays)}` : ''}
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
          <Button
            icon={<DocumentArrowDownRegular />}
            onClick={() => {
              void draftAll();
            }}
            data-testid="review-log-download"
          >
            {s.logDownloadAll}
          </Button>
        </>
      )}
    </div>
  );
}
