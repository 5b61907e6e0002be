/**
 * The content of one 审核意见 (review opinion) draft, in the usual form of a Chinese official
 * opinion: title, addressee, the application, the checks and their results, the conclusion, the
 * issuing office and the date. Hosts render it (Word in the CLI and the pane, text on the terminal).
 */
import { CATEGORIES } from '../categories';
import { formatDate, type LedgerDate } from '../cells/date';
import { messageOf, type Finding, type FindingCode, type Lang } from '../findings';
import type { Settings } from '../settings';
import type { ApplicationReview } from './review';

export type CheckResult = 'pass' | 'issue' | 'note';

export interface OpinionCheck {
  readonly item: string;
  readonly result: CheckResult;
  readonly resultText: string;
  readonly detail: string;
}

export interface Opinion {
  readonly title: string;
  readonly addressee: string;
  readonly opening: string;
  /** 申请事项: label and value, in the form's order. */
  readonly application: readonly (readonly [string, string])[];
  readonly checks: readonly OpinionCheck[];
  readonly conclusion: string;
  readonly reasons: readonly string[];
  readonly office: string;
  readonly date: string;
  readonly note: string;
}

/** 2026-11-20 → 2026年11月20日. */
export function chineseDate(date: LedgerDate): string {
  if (date.month === undefined) return `${date.year}年`;
  if (date.day === undefined) return `${date.year}年${date.month}月`;
  return `${date.year}年${date.month}月${date.day}日`;
}

function isoToLedger(iso: string): LedgerDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The checks of the opinion: every check made, each with its result, whether it found something or not. */
const CHECK_ITEMS: readonly {
  item: string;
  itemEn: string;
  codes: readonly FindingCode[];
  pass: string;
  passEn: string;
}[] = [
  {
    item: '与现有机构是否重名',
    itemEn: 'Same name as an existing body',
    codes: ['duplicate-of-existing'],
    pass: '台账中无同名存续机构',
    passEn: 'No active body of this name',
  },
  {
    item: '与现有机构名称、职责是否相近',
    itemEn: 'Similar name or duties',
    codes: ['similar-to-existing'],
    pass: '未发现名称或职责相近的存续机构',
    passEn: 'No active body with a similar name or duties',
  },
  { item: '存续期限', itemEn: 'Term', codes: ['missing-term'], pass: '', passEn: '' },
  { item: '上级机构设置情况', itemEn: 'Counterpart above', codes: ['no-upper-counterpart'], pass: '', passEn: '' },
  { item: '成员单位数量', itemEn: 'Member units', codes: ['too-many-members'], pass: '', passEn: '' },
  { item: '总量控制', itemEn: 'Total-count limit', codes: ['over-limit-after'], pass: '', passEn: '' },
  {
    item: '单位名称',
    itemEn: 'Unit names',
    codes: ['unknown-department'],
    pass: '办事机构所在部门和成员单位均在部门名单中',
    passEn: 'The host and every member unit are on the department list',
  },
  {
    item: '类别与名称',
    itemEn: 'Category and name',
    codes: ['category-name-mismatch'],
    pass: '类别与名称相符',
    passEn: 'The category matches the name',
  },
  { item: '办理时限', itemEn: 'Time limit', codes: ['review-overdue'], pass: '', passEn: '' },
];

/** Builds the opinion for one reviewed application. `office` is the issuing office (from the register's 填报单位 line). */
export function buildOpinion(
  review: ApplicationReview,
  settings: Settings,
  options: { office?: string; lang?: Lang; activeCoordinating?: number; dutiesCompared?: boolean } = {},
): Opinion {
  const lang = options.lang ?? 'zh';
  const en = lang === 'en';
  const a = review.application;
  const name = a.name || (en ? `(row ${a.row}, no name)` : `（第${a.row}行，未填写名称）`);
  const typeVerb = a.type === '设立' ? '设立' : a.type;
  const title = en
    ? `Review opinion on the application to ${a.type} ${name} (draft)`
    : `关于${typeVerb}${name}的审核意见（代拟稿）`;
  const applicant = a.applicant || (en ? 'The applicant' : '申请单位');
  const applied = a.appliedOn ? (en ? ` on ${formatDate(a.appliedOn)}` : `于${chineseDate(a.appliedOn)}`) : '';
  const opening = en
    ? `${applicant}${applied} applied to ${a.type} ${name}. Checked against the register of coordinating bodies, our opinion is as follows.`
    : `${applicant}${applied}报送的关于${typeVerb}${name}的申请收悉。经对照议事协调机构管理台账审核，现提出审核意见如下：`;
  const category =
    a.category !== null
      ? CATEGORIES[a.category - 1]!.label + (a.categoryInferred ? (en ? ' (from the name)' : '（按名称推定）') : '')
      : '';
  const application: [string, string][] = [
    [en ? 'Type' : '申请类型', a.type],
    [en ? 'Body' : '机构名称', a.name],
    [en ? 'Category' : '类别', category],
    [en ? 'Host department' : '办事机构所在部门', a.department],
    [en ? `Member units (${a.members.length})` : `成员单位（${a.members.length}个）`, a.members.join('、')],
    [en ? 'Main duties' : '主要职责', a.duties],
    [en ? 'Duration' : '存续时间', a.durationText],
    [en ? 'Counterpart above' : '上级机构设置情况', a.parentText],
    [en ? 'Reason' : '设立理由', a.reason],
  ];
  const checks: OpinionCheck[] = CHECK_ITEMS.map((c) => {
    const found: Finding[] = review.findings.filter((f) => c.codes.includes(f.code));
    if (found.length > 0) {
      const worst = found.some((f) => f.severity !== 'info') ? 'issue' : 'note';
      return {
        item: en ? c.itemEn : c.item,
        result: worst,
        resultText: worst === 'issue' ? (en ? 'Problem' : '存在问题') : en ? 'Note' : '提示',
        detail: found.map((f) => messageOf(f, lang)).join(en ? ' ' : '；'),
      };
    }
    const pass =
      c.codes[0] === 'similar-to-existing' && options.dutiesCompared === false
        ? en
          ? 'No active body with a similar name (the register has no duties to compare)'
          : '未发现名称相近的存续机构（台账无主要职责，未比对职责）'
        : en
          ? c.passEn
          : c.pass;
    return {
      item: en ? c.itemEn : c.item,
      result: 'pass',
      resultText: en ? 'OK' : '符合',
      detail: passDetail(c.item, review, settings, en, options.activeCoordinating) || pass,
    };
  });
  const conclusion = en ? review.conclusion.en : review.conclusion.zh;
  const reasons = review.conclusion.reasons.map((r, i) => (en ? r.en : `（${ORDINALS[i] ?? String(i + 1)}）${r.zh}`));
  return {
    title,
    addressee: en ? 'To the general offices of the Party committee and the government:' : '市委办公室、市政府办公室：',
    opening,
    application,
    checks,
    conclusion,
    reasons,
    office: options.office || (en ? 'The establishment office (编办)' : '机构编制委员会办公室'),
    date: en ? settings.asOf : chineseDate(isoToLedger(settings.asOf)),
    note: en
      ? 'A draft generated from the register: check and edit it before use.'
      : '本意见为对照台账自动生成的代拟稿，请核实修改后使用。',
  };
}

function passDetail(
  item: string,
  review: ApplicationReview,
  settings: Settings,
  en: boolean,
  activeCoordinating: number | undefined,
): string {
  const a = review.application;
  switch (item) {
    case '存续期限':
      return a.durationText === ''
        ? en
          ? 'Not stated'
          : '未填写'
        : en
          ? `“${a.durationText}”`
          : `存续时间“${a.durationText}”`;
    case '上级机构设置情况':
      return a.parentText;
    case '成员单位数量':
      return en
        ? `${a.members.length} member units (at most ${settings.maxMemberUnits})`
        : `成员单位 ${a.members.length} 个（上限 ${settings.maxMemberUnits} 个）`;
    case '总量控制': {
      const limit = settings.activeBodyLimit;
      if (limit === null) return en ? 'No limit set' : '未设置限额';
      const now = activeCoordinating ?? 0;
      return en
        ? `${now} active coordinating bodies, limit ${limit}`
        : `现有存续议事协调机构 ${now} 个，限额 ${limit} 个`;
    }
    case '办理时限':
      return review.stage.key === 'done'
        ? en
          ? review.stage.labelEn
          : review.stage.label
        : review.stage.waitingDays === null
          ? en
            ? `At ${review.stage.labelEn}`
            : `处于“${review.stage.label}”环节`
          : en
            ? `At ${review.stage.labelEn} for ${review.stage.waitingDays} working days`
            : `处于“${review.stage.label}”环节，已等待 ${review.stage.waitingDays} 个工作日（时限 ${settings.reviewWorkingDays} 个）`;
    default:
      return '';
  }
}

/** The issuing office from a register's title lines: 填报单位：中共东营市委机构编制委员会办公室. */
export function officeFromTitle(title: readonly string[]): string {
  for (const line of title) {
    const m = /^(?:填报单位|报送单位|单位)[:：]\s*(.+?)\s*$/u.exec(line);
    if (m) return m[1]!;
  }
  return '';
}
