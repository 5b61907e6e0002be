/** The change workbook of `ledger compare -o`: 变动清单 (one row per body) and 统计. */
import { messageOf, type Lang } from '../findings';
import type { SheetSpec } from '../sheetSpec';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, type ChangeEntry, type CompareResult, type VersionRow } from './compare';
import type { MatchHow } from './match';

export const CHANGE_SHEET_NAMES = { changes: '变动清单', stats: '统计' } as const;

const HOW_LABELS: Readonly<Record<MatchHow, { zh: string; en: string }>> = {
  name: { zh: '名称相同', en: 'Same name' },
  history: { zh: '历史沿革记载', en: 'Named in history' },
  similar: { zh: '名称相近', en: 'Similar name' },
  document: { zh: '依据文件相同', en: 'Same basis document' },
};

export function matchLabel(how: MatchHow, lang: Lang = 'zh'): string {
  return HOW_LABELS[how][lang];
}

const TEXT = {
  zh: {
    headers: [
      '序号',
      '变动类型',
      '旧版名称',
      '新版名称',
      '变动内容',
      '匹配依据',
      '相似度',
      '旧版位置',
      '新版位置',
      '问题',
    ],
    row: (r: VersionRow) => `${r.sheet} 第${r.row}行`,
    sep: '；',
    arrow: ' → ',
    colon: '：',
    mergedInto: '并入',
    renamedTo: '新名称所在行',
    noRow: '新版中没有此行',
    statsTitle: '议事协调机构调整统计（存续机构数）',
    versions: (a: string, b: string) => `旧版：${a}　新版：${b}`,
    statsHeaders: ['类别', '调整前', '调整后', '增减', '增减比例'],
    kinds: '变动类型',
    count: '个数',
  },
  en: {
    headers: [
      'No.',
      'Change',
      'Old name',
      'New name',
      'What changed',
      'Matched by',
      'Similarity',
      'Old row',
      'New row',
      'Problems',
    ],
    row: (r: VersionRow) => `${r.sheet} row ${r.row}`,
    sep: '; ',
    arrow: ' → ',
    colon: ': ',
    mergedInto: 'Merged into',
    renamedTo: 'Row under the new name',
    noRow: 'No row in the new version',
    statsTitle: 'Active bodies before and after',
    versions: (a: string, b: string) => `Old: ${a}   New: ${b}`,
    statsHeaders: ['Category', 'Before', 'After', 'Change', 'Change %'],
    kinds: 'Change',
    count: 'Bodies',
  },
} as const;

/** “办事机构所在部门：市A → 市B；…”, plus where a body went. */
export function describeChange(entry: ChangeEntry, lang: Lang = 'zh'): string {
  const t = TEXT[lang];
  const parts = entry.fields.map(
    (f) => `${lang === 'zh' ? f.label : f.labelEn}${t.colon}${f.old || '—'}${t.arrow}${f.new || '—'}`,
  );
  if (entry.target && (entry.kind === 'merged' || entry.new === null))
    parts.push(`${t.mergedInto}${t.colon}${entry.target.name}（${t.row(entry.target)}）`);
  else if (entry.target && entry.kind === 'renamed') parts.push(`${t.renamedTo}${t.colon}${t.row(entry.target)}`);
  if (entry.new === null && !entry.target) parts.push(t.noRow);
  return parts.join(t.sep);
}

/** The name a body has in the new version (the row under its new name, for a rename kept as two rows). */
export function newNameOf(entry: ChangeEntry): string {
  if (entry.kind === 'renamed' && entry.target) return entry.target.name;
  return entry.new?.name ?? '';
}

export function changeSheets(
  result: CompareResult,
  options: { lang?: Lang; oldFile?: string; newFile?: string } = {},
): SheetSpec[] {
  const lang = options.lang ?? 'zh';
  const t = TEXT[lang];
  const [seq, kind, oldName, newName, what, how, score, oldRow, newRow, problems] = t.headers;
  const changes: SheetSpec = {
    name: CHANGE_SHEET_NAMES.changes,
    columns: [
      { header: seq, width: 6, format: 'integer' },
      { header: kind, width: 12, format: 'text', list: CHANGE_KINDS.map((k) => CHANGE_KIND_LABELS[k][lang]) },
      { header: oldName, width: 30, format: 'text' },
      { header: newName, width: 30, format: 'text' },
      { header: what, width: 60, format: 'text' },
      { header: how, width: 14, format: 'text' },
      { header: score, width: 8, format: 'decimal' },
      { header: oldRow, width: 16, format: 'text' },
      { header: newRow, width: 16, format: 'text' },
      { header: problems, width: 60, format: 'text' },
    ],
    rows: result.entries.map((e, i) => [
      i + 1,
      CHANGE_KIND_LABELS[e.kind][lang],
      e.old?.name ?? '',
      newNameOf(e),
      describeChange(e, lang),
      e.how ? HOW_LABELS[e.how][lang] : '',
      e.how && e.how !== 'name' && e.score !== null ? e.score : null,
      e.old ? t.row(e.old) : '',
      e.new ? t.row(e.new) : '',
      e.findings.map((f) => messageOf(f, lang)).join(t.sep),
    ]),
  };
  const stats: SheetSpec = {
    name: CHANGE_SHEET_NAMES.stats,
    preamble: [
      [t.statsTitle],
      ...(options.oldFile && options.newFile ? [[t.versions(options.oldFile, options.newFile)]] : []),
    ],
    columns: [
      { header: t.statsHeaders[0], width: 34, format: 'text' },
      { header: t.statsHeaders[1], width: 10, format: 'integer' },
      { header: t.statsHeaders[2], width: 10, format: 'integer' },
      { header: t.statsHeaders[3], width: 10, format: 'integer' },
      { header: t.statsHeaders[4], width: 10, format: 'percent' },
    ],
    rows: result.stats.map((l) => [lang === 'zh' ? l.label : l.labelEn, l.before, l.after, l.change, l.ratio]),
    footer: [[], [t.kinds, t.count], ...CHANGE_KINDS.map((k) => [CHANGE_KIND_LABELS[k][lang], result.counts[k]])],
  };
  return [changes, stats];
}
