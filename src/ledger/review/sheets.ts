/** The 审批台账 sheet: one row per application, where it waits in the joint chain and the suggested conclusion. */
import { CATEGORIES } from '../categories';
import type { LedgerDate } from '../cells/date';
import { formatDate } from '../cells/date';
import { messageOf, type Lang } from '../findings';
import type { CellValue } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { STAGES } from './fields';
import type { ApplicationReview } from './review';
import { dateCell } from './apply';

export const APPROVAL_SHEET_NAME = '审批台账';

function dateValue(date: LedgerDate | null): CellValue {
  if (!date) return null;
  return date.day !== undefined ? dateCell(date) : formatDate(date);
}

export function approvalSheet(
  reviews: readonly ApplicationReview[],
  options: { asOf: string; lang?: Lang; source?: string },
): SheetSpec {
  const lang = options.lang ?? 'zh';
  const en = lang === 'en';
  const rows = reviews.map((r, i): CellValue[] => {
    const a = r.application;
    return [
      i + 1,
      a.type,
      a.name,
      a.category !== null ? CATEGORIES[a.category - 1]!.label : '',
      a.department,
      a.applicant,
      dateValue(a.appliedOn),
      ...STAGES.map((s) => dateValue(a.stages[s.key])),
      a.docNumber?.standard ?? '',
      en ? r.stage.labelEn : r.stage.label,
      r.stage.waitingDays,
      en ? r.conclusion.en : r.conclusion.zh,
      r.conclusion.reasons.map((x) => (en ? x.en : x.zh)).join('\n'),
      r.findings.map((f) => messageOf(f, lang)).join('\n'),
      `${a.sheet}!${a.row}`,
    ];
  });
  return {
    name: APPROVAL_SHEET_NAME,
    preamble: [
      [en ? 'Joint approval log (议事协调机构联合审批台账)' : '议事协调机构联合审批台账'],
      [
        `${en ? 'As of' : '核对日期'}：${options.asOf}${options.source ? `　${en ? 'Applications' : '申请'}：${options.source}` : ''}`,
      ],
    ],
    columns: [
      { header: '序号', width: 6, format: 'integer' },
      { header: '申请类型', width: 10 },
      { header: '拟设机构名称', width: 32 },
      { header: '类别', width: 16 },
      { header: '办事机构所在部门', width: 16 },
      { header: '申请单位', width: 16 },
      { header: '申请日期', width: 12, format: 'date' },
      ...STAGES.map((s) => ({ header: `${s.label.replace(/（.*）/u, '')}日期`, width: 12, format: 'date' as const })),
      { header: '发文字号', width: 20 },
      { header: '当前环节', width: 12 },
      { header: '等待工作日', width: 10, format: 'integer' },
      { header: '建议结论', width: 28 },
      { header: '理由', width: 50 },
      { header: '问题', width: 60 },
      { header: '申请所在行', width: 14 },
    ],
    rows,
  };
}
