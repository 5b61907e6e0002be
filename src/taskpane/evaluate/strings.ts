/** The 评价 tab's text, Chinese first; `en` must provide the same keys (the pane's i18n approach). */
import type { Lang } from '../../ledger/findings';

const zh = {
  intro: '多方评价：用收回的自评表和成员单位评价表给存续机构打分、排名，给成员单位排名，并给出调整建议。',
  registerLabel: '台账',
  selfLabel: '自评表（工作表或文件，可多选文件）',
  membersLabel: '成员单位评价表（可不选）',
  none: '（不选）',
  pickFiles: '选择文件…',
  files: (names: string) => `文件：${names}`,
  removeFiles: '不用这些文件',
  run: '评价',
  running: '正在评价…',
  template: '写入空白自评表',
  templateWritten: (names: string) => `已写入 ${names}（已填好存续机构，发给各办事机构填写）`,
  noSheets: '工作簿中没有工作表。',
  notRegister: (source: string) => `“${source}”中没有可识别的台账表头（机构名称、设立时间、依据文件等）。`,
  noSelf: (source: string) => `“${source}”中没有自评表表头（机构名称，以及召开会议次数、印发文件数等至少两列）。`,
  noMembers: (source: string) => `“${source}”中没有成员单位评价表表头（机构名称、成员单位，以及协调配合、得分等）。`,
  summary: (year: number, active: number, evaluated: number, missing: number) =>
    `${year} 年度：存续机构 ${active} 个，已评价 ${evaluated} 个，未报送自评表 ${missing} 个`,
  grades: '等次分布',
  suggestions: (text: string) => `调整建议：${text}`,
  ranking: '排名（点击选中台账中的行）',
  notEvaluated: '未评价',
  total: '总分',
  scores: (p: string, c: string, k: string) => `实绩 ${p} · 规范 ${c} · 配合 ${k}`,
  idle: (n: number) => `闲置机构（年度内未开会、未发文）：${n} 个`,
  inexact: '按相近名称对应（请确认）',
  inexactLine: (written: string, body: string, score: number) => `${written} → ${body}（相似度 ${score.toFixed(2)}）`,
  members: '成员单位排名',
  memberLine: (bodies: number, mean: number) => `${bodies} 个机构，平均 ${mean.toFixed(1)}`,
  low: '偏低',
  findings: (e: number, w: number) => `问题：错误 ${e} 个，警告 ${w} 个（写入结果后见“问题清单”）`,
  write: '写入评价结果',
  written: (names: string) => `已写入 ${names}`,
  actionLabel: (a: string) => a,
  gradeLabel: (g: string) => g,
};

export type EvaluateStrings = typeof zh;

const en: EvaluateStrings = {
  intro:
    'Multi-party evaluation: score and rank the active bodies from the returned self-evaluations and member-unit scores, rank the member units, and suggest adjustments.',
  registerLabel: 'Register',
  selfLabel: 'Self-evaluations (a sheet, or one or more files)',
  membersLabel: 'Member-unit scores (optional)',
  none: '(none)',
  pickFiles: 'Choose files…',
  files: (names) => `Files: ${names}`,
  removeFiles: 'Do not use these files',
  run: 'Evaluate',
  running: 'Evaluating…',
  template: 'Write blank self-evaluation sheets',
  templateWritten: (names) => `Written: ${names} (prefilled with the active bodies, ready to send out)`,
  noSheets: 'The workbook has no sheets.',
  notRegister: (source) => `“${source}” has no register header (机构名称, 设立时间, 依据文件 …).`,
  noSelf: (source) =>
    `“${source}” has no self-evaluation header (机构名称 and at least two of 召开会议次数, 印发文件数 …).`,
  noMembers: (source) =>
    `“${source}” has no member-unit header (机构名称, 成员单位 and a score such as 协调配合 or 得分).`,
  summary: (year, active, evaluated, missing) =>
    `${year}: ${active} active bodies, ${evaluated} evaluated, ${missing} without a self-evaluation`,
  grades: 'Grades',
  suggestions: (text) => `Suggestions: ${text}`,
  ranking: 'Ranking (click to select the register row)',
  notEvaluated: 'not evaluated',
  total: 'total',
  scores: (p, c, k) => `performance ${p} · conduct ${c} · cooperation ${k}`,
  idle: (n) => `Idle bodies (no meeting, no document in the year): ${n}`,
  inexact: 'Matched by a similar name (to confirm)',
  inexactLine: (written, body, score) => `${written} → ${body} (similarity ${score.toFixed(2)})`,
  members: 'Member units',
  memberLine: (bodies, mean) => `${bodies} bodies, mean ${mean.toFixed(1)}`,
  low: 'low',
  findings: (e, w) => `Findings: ${e} errors, ${w} warnings (see 问题清单 once written)`,
  write: 'Write the result sheets',
  written: (names) => `Written: ${names}`,
  actionLabel: (a) =>
    (
      ({
        撤销: 'abolish',
        合并: 'merge',
        更名: 'rename',
        调整隶属关系: 'move',
        督促整改: 'improve',
        保留: 'keep',
      }) as Record<string, string>
    )[a] ?? a,
  gradeLabel: (g) =>
    (({ 好: 'good', 较好: 'fairly good', 一般: 'fair', 差: 'poor' }) as Record<string, string>)[g] ?? g,
};

export function evaluateStrings(lang: Lang): EvaluateStrings {
  return lang === 'en' ? en : zh;
}
