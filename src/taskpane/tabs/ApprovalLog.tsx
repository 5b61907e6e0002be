/**
 * 审批台账 inside the 审核 tab: the applications of a sheet of this workbook (one per row, as
 * `ledger review` reads them), grouped by the stage of the joint chain where they wait, with the
 * working days waited and the suggested conclusion; every 审核意见 can be drafted at once, and the
 * issued 设立 applications added to the register as new rows after the user confirms (the same
 * `applyApprovals` as `ledger review --apply`).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDownRegular, TableInsertRowRegular, TextBulletListSquareRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { writeOpinions } from '../../docx/opinion';
import type { Grid } from '../../ledger/grid';
import {
  applyApprovals,
  buildOpinion,
  issuedSetups,
  officeFromTitle,
  readApplications,
  registerLocalNames,
  reviewApplications,
  STAGES,
  type AddedBody,
  type ReviewResult,
  type SkippedApplication,
} from '../../ledger/review';
import type { Settings } from '../../ledger/settings';
import { validateSheet, type SheetReport } from '../../ledger/validate';
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
  /** Called after rows were added to the register sheet, so it is read again. */
  readonly onRegisterChanged?: () => void;
}

/** What 写入台账 will do, shown for confirmation: the new rows and the applications left out. */
interface ApplyPlan {
  readonly sheet: string;
  readonly firstColumn: number;
  readonly added: readonly AddedBody[];
  readonly skipped: readonly SkippedApplication[];
}

export function ApprovalLog({ port, settings, sheets, register, onDownload, onRegisterChanged }: ApprovalLogProps) {
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
  const [plan, setPlan] = useState<ApplyPlan | null>(null);
  const [applied, setApplied] = useState<readonly string[] | null>(null);

  const read = async () => {
    if (sheet === null || !register || register.status !== 'validated') return;
    setError(null);
    setNone(null);
    setResult(null);
    setPlan(null);
    setApplied(null);
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

  // The register is read again: it may have changed since the applications were checked.
  const prepareApply = async () => {
    if (!result || !register) return;
    setError(null);
    setApplied(null);
    try {
      const grid = await port.readSheet(register.sheet);
      const report = validateSheet(grid, settings, { flags: false });
      if (report.status !== 'validated') {
        setNone(s.notRegister(register.sheet));
        return;
      }
      const outcome = applyApprovals(grid, report, result.review.reviews, settings);
      setPlan({
        sheet: register.sheet,
        firstColumn: grid.firstColumn ?? 1,
        added: outcome.added,
        skipped: outcome.skipped,
      });
    } catch (e) {
      setError(e);
    }
  };

  const skippedLine = (k: SkippedApplication) => s.applySkipped(k.application.name, lang === 'en' ? k.en : k.zh);

  const confirmApply = async () => {
    if (!plan || !port.insertRows) return;
    const { sheet, firstColumn, added } = plan;
    setPlan(null);
    try {
      const first = added[0]!.row;
      await port.insertRows(
        sheet,
        first,
        firstColumn,
        added.map((a) => a.values),
      );
      const toFill = [...new Set(added.flatMap((a) => a.toFill))];
      setApplied([
        s.applied(sheet, first, added[added.length - 1]!.row, added.length),
        ...(toFill.length > 0 ? [s.applyToFill(toFill.join(lang === 'en' ? ', ' : '、'))] : []),
        ...plan.skipped.map(skippedLine),
      ]);
      setResult(null);
      onRegisterChanged?.();
    } catch (e) {
      setError(e);
    }
  };

  const reviews = result?.review.reviews ?? [];
  const issued = port.insertRows ? issuedSetups(reviews).length : 0;
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
          {issued > 0 && (
            <>
              <Text className={styles.hint}>{s.applyHint}</Text>
              <Button
                icon={<TableInsertRowRegular />}
                disabled={plan !== null}
                onClick={() => {
                  void prepareApply();
                }}
                data-testid="review-apply"
              >
                {s.applyButton(issued)}
              </Button>
            </>
          )}
        </>
      )}
      {plan && (
        <MessageBar intent="warning" layout="multiline" data-testid="review-apply-confirm">
          <MessageBarBody>
            <MessageBarTitle>{s.applyTitle}</MessageBarTitle>
            {plan.added.length > 0
              ? s.applyConfirm(
                  plan.sheet,
                  plan.added[0]!.row,
                  plan.added.map((a) => a.application.name).join(lang === 'en' ? ', ' : '、'),
                )
              : s.applyNothing(plan.sheet)}
            {plan.skipped.map((k) => (
              <div key={k.application.row}>{skippedLine(k)}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            {plan.added.length > 0 && (
              <Button
                appearance="primary"
                onClick={() => {
                  void confirmApply();
                }}
                data-testid="review-apply-go"
              >
                {s.applyGo}
              </Button>
            )}
            <Button onClick={() => setPlan(null)} data-testid="review-apply-cancel">
              {s.applyCancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {applied && (
        <NoteBar>
          <span data-testid="review-applied">
            {applied.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </span>
        </NoteBar>
      )}
    </div>
  );
}
