/** The workbook of `ledger reconcile -o`: 对账汇总 and one sheet per group. */
import { matchLabel } from '../compare/sheets';
import type { VersionRow } from '../compare/compare';
import type { Lang } from '../findings';
import type { SheetSpec } from '../sheetSpec';
import type { ReconcileResult } from './reconcile';

export const RECONCILE_SHEET_NAMES = {
  summary: '对账汇总',
  matched: '已对上',
  notInReference: '台账有名单无',
  missing: '名单有台账无',
} as const;

const TEXT = {
  zh: {
    title: '议事协调机构对账结果',
    files: (a: string, b: string) => `台账：${a}　对账名单：${b}`,
    item: '项目',
    count: '个数',
    lines: [
      '台账中存续机构',
      '对账名单中机构',
      '已对上',
      '　其中名称相同',
      '　其中名称相近（请人工确认）',
      '　其中依据文件相同（请人工确认）',
      '台账有、名单无',
      '名单有、台账无',
    ],
    matched: ['序号', '台账中名称', '名单中名称', '匹配依据', '相似度', '台账位置', '名单位置'],
    notIn: ['序号', '机构名称', '台账位置'],
    missing: ['序号', '名单中名称', '名单中文号', '名单位置', '台账中的非存续记录'],
    at: (r: VersionRow) => `${r.sheet} 第${r.row}行`,
    sep: '；',
  },
  en: {
    title: 'Reconciliation with the reference list',
    files: (a: string, b: string) => `Register: ${a}   List: ${b}`,
    item: 'Item',
    count: 'Bodies',
    lines: [
      'Active in the register',
      'On the list',
      'Matched',
      '  same name',
      '  similar name (confirm)',
      '  same document (confirm)',
      'In the register only',
      'On the list only',
    ],
    matched: ['No.', 'Register name', 'List name', 'Matched by', 'Similarity', 'Register row', 'List row'],
    notIn: ['No.', 'Body name', 'Register row'],
    missing: ['No.', 'List name', 'List document', 'List row', 'Inactive register rows'],
    at: (r: VersionRow) => `${r.sheet} row ${r.row}`,
    sep: '; ',
  },
} as const;

export function reconcileSheets(
  result: ReconcileResult,
  options: { lang?: Lang; registerFile?: string; listFile?: string } = {},
): SheetSpec[] {
  const lang = options.lang ?? 'zh';
  const t = TEXT[lang];
  const c = result.counts;
  const figures = [
    c.registerActive,
    c.reference,
    c.matched,
    c.byName,
    c.similar,
    c.document,
    c.notInReference,
    c.missingFromRegister,
  ];
  const text = (header: string, width: number) => ({ header, width, format: 'text' as const });
  const seq = (header: string) => ({ header, width: 6, format: 'integer' as const });
  return [
    {
      name: RECONCILE_SHEET_NAMES.summary,
      preamble: [
        [t.title],
        ...(options.registerFile && options.listFile ? [[t.files(options.registerFile, options.listFile)]] : []),
      ],
      columns: [text(t.item, 34), { header: t.count, width: 10, format: 'integer' }],
      rows: t.lines.map((label, i) => [label, figures[i]!]),
      table: false,
    },
    {
      name: RECONCILE_SHEET_NAMES.matched,
      columns: [
        seq(t.matched[0]),
        text(t.matched[1], 32),
        text(t.matched[2], 32),
        text(t.matched[3], 14),
        { header: t.matched[4], width: 8, format: 'decimal' },
        text(t.matched[5], 16),
        text(t.matched[6], 16),
      ],
      rows: result.matched.map((x, i) => [
        i + 1,
        x.register.name,
        x.reference.name,
        matchLabel(x.how, lang),
        x.score,
        t.at(x.register),
        t.at(x.reference),
      ]),
    },
    {
      name: RECONCILE_SHEET_NAMES.notInReference,
      columns: [seq(t.notIn[0]), text(t.notIn[1], 36), text(t.notIn[2], 16)],
      rows: result.notInReference.map((x, i) => [i + 1, x.name, t.at(x)]),
    },
    {
      name: RECONCILE_SHEET_NAMES.missing,
      columns: [
        seq(t.missing[0]),
        text(t.missing[1], 36),
        text(t.missing[2], 24),
        text(t.missing[3], 16),
        text(t.missing[4], 40),
      ],
      rows: result.missingFromRegister.map((x, i) => [
        i + 1,
        x.reference.name,
        x.docText,
        t.at(x.reference),
        x.retired.map((r) => `${r.name}（${t.at(r)}）`).join(t.sep),
      ]),
    },
  ];
}
