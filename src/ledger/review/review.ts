/**
 * 联合审批: checks each application against the register the day it arrives and suggests the
 * conclusion of the 审核意见 (the 潍坊 practice, 联合审批; docs/domain.md). Set a body up when the level above has one,
 * or the work crosses fields and departments; do not when an existing body has the same or
 * similar duties (不同意设立 / 由 X 统筹); narrow, time-bound work becomes a 工作专班/专项小组.
 */
import { CATEGORIES, isCoordinatingBody, type CategoryId } from '../categories';
import { formatDate, isoDayNumber, lastDay, type LedgerDate } from '../cells/date';
import { buildDepartmentIndex, resolveDepartment, type DepartmentIndex } from '../cells/department';
import { compareFindings, finding, type Finding, type NewFinding, type RelatedRef } from '../findings';
import { buildNameIndex, inferLocalNames, profileName, profileNames, profileSimilarity, searchSimilar } from '../names';
import { placeAtStart } from '../place';
import type { LedgerRow } from '../row';
import { categoryNameMismatch } from '../rules';
import type { Settings } from '../settings';
import { dutyBigrams, bigramDice } from './duties';
import { APPLICATION_FIELD_DEFS, STAGES, typeLabelEn, type ApplicationField, type StageKey } from './fields';
import type { Application } from './read';
import { holidaySet, workingDaysBetween } from './workdays';

/** Where the application waits in the joint chain. */
export interface StageStatus {
  /** The stage waiting for its date; 'done' once the document is issued (or the application refused). */
  readonly key: StageKey | 'done';
  readonly label: string;
  readonly labelEn: string;
  /** The date it has waited since (the previous stage's date, or 申请日期); null when unknown. */
  readonly since: LedgerDate | null;
  /** Working days waited up to the as-of date; null when done or when no start date is known. */
  readonly waitingDays: number | null;
}

export type ConclusionKind = 'approve' | 'reject' | 'coordinate' | 'task-force' | 'more-material';

export interface Reason {
  readonly zh: string;
  readonly en: string;
}

export interface Conclusion {
  readonly kind: ConclusionKind;
  readonly zh: string;
  readonly en: string;
  readonly reasons: readonly Reason[];
  /** The existing body that should take the work on (coordinate) or that it duplicates (reject). */
  readonly body?: RelatedRef;
}

/** A register body similar to the application, with what made it similar. */
export interface SimilarBody {
  readonly row: LedgerRow;
  readonly nameScore: number;
  readonly dutyScore: number;
  readonly score: number;
}

export interface ApplicationReview {
  readonly application: Application;
  /** Sorted with `compareFindings`. */
  readonly findings: readonly Finding[];
  readonly conclusion: Conclusion;
  readonly stage: StageStatus;
  /** The active body of the same name, for a duplicate. */
  readonly duplicate: LedgerRow | null;
  /** Similar active bodies, best first (at most MAX_SIMILAR). */
  readonly similar: readonly SimilarBody[];
}

export interface ReviewResult {
  readonly reviews: readonly ApplicationReview[];
  /** Every review's findings, sorted. */
  readonly findings: readonly Finding[];
  /** Active 议事协调机构 (categories 1–2) in the register now. */
  readonly activeCoordinating: number;
  /** True when the register has 主要职责 to compare with (else only names are compared). */
  readonly dutiesCompared: boolean;
}

export interface ReviewOptions {
  /** The register's own place names (东营市) for name normalisation; default: inferred from its names. */
  readonly localNames?: readonly string[];
  readonly departments?: DepartmentIndex;
}

/** At most this many similar bodies are reported per application. */
export const MAX_SIMILAR = 3;
/** Narrow work: a time-bound coordinating body with at most this many member units becomes a 专班. */
export const NARROW_MAX_MEMBERS = 8;
/** Words of a name that say the work is one task with an end (普查, 筹备, 创建…). */
const TASK_WORDS = /普查|筹备|申办|承办|举办|创建|迎检|攻坚|专项整治|专项行动|集中整治|会战|百日|评估验收|复审|申报/u;
const TASK_FORCE_NAME = /专班$|专项小组$|专项工作组$/u;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The register's own place for name normalisation: the place its title starts with
 * (东营市市级议事协调机构管理台账 → 东营市), else the place most of its names start with.
 */
export function registerLocalNames(title: readonly string[], rows: readonly LedgerRow[]): string[] {
  const place = title.map(placeAtStart).find((p) => p !== null);
  return place ? [place] : inferLocalNames(rows.filter((r) => r.active).map((r) => r.name));
}

/** Reviews every application against the register's rows (as `validateSheet` gives them). */
export function reviewApplications(
  applications: readonly Application[],
  registerRows: readonly LedgerRow[],
  settings: Settings,
  options: ReviewOptions = {},
): ReviewResult {
  const active = registerRows.filter((r) => r.active);
  const localNames = options.localNames ?? inferLocalNames(active.map((r) => r.name));
  const profiles = profileNames(
    active.map((r) => r.name),
    localNames,
  );
  const allProfiles = profileNames(
    registerRows.map((r) => r.name),
    localNames,
  );
  const dutySets = active.map((r) => dutyBigrams(r.cells.duties?.text ?? ''));
  // Indexes, so an application is compared with the rows that may match, not with every row.
  const nameIndex = buildNameIndex(profiles);
  const keyRows = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    if (p.key !== '') keyRows.set(p.key, [...(keyRows.get(p.key) ?? []), i]);
  });
  const dutyPostings = new Map<string, number[]>();
  // A bigram in more duty texts than this (相关, 工作 …) finds no candidates by itself: two texts alike
  // enough to reach the threshold share rarer ones too.
  const commonBigram = Math.max(50, Math.ceil(active.length * 0.05));
  dutySets.forEach((set, i) => {
    for (const g of set) {
      const list = dutyPostings.get(g);
      if (list) list.push(i);
      else dutyPostings.set(g, [i]);
    }
  });
  const departments = options.departments ?? buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const holidays = holidaySet(settings.holidays);
  const asOfDay = isoDayNumber(settings.asOf);
  const activeCoordinating = active.filter((r) => r.category !== null && isCoordinatingBody(r.category)).length;
  const dutiesCompared = active.some((r) => (r.cells.duties?.text ?? '').trim() !== '');

  const reviews = applications.map((app): ApplicationReview => {
    const out: Finding[] = [];
    const add = (
      field: ApplicationField,
      input: Omit<NewFinding, 'sheet' | 'row' | 'column' | 'columnIndex'>,
    ): void => {
      const cell = app.cells[field];
      out.push(
        finding({
          ...input,
          sheet: app.sheet,
          row: cell?.row ?? app.row,
          column: cell?.header ?? APPLICATION_FIELD_DEFS[field].label,
          columnIndex: cell?.column,
          params: { application: app.name || `第${app.row}行`, ...input.params },
        }),
      );
    };
    const names = app.type === '设立' || app.type === '更名' || app.type === '合并';

    // Same or similar bodies already on the register.
    const profile = profileName(app.name, localNames);
    let duplicate: LedgerRow | null = null;
    const similar: SimilarBody[] = [];
    if (names && profile.key !== '') {
      // Candidates only: the same key, names found through the name index, rows sharing a duty bigram.
      const candidates = new Set<number>(keyRows.get(profile.key) ?? []);
      for (const m of searchSimilar(nameIndex, profile, settings.similarNameThreshold)) candidates.add(m.id);
      const appDuties = dutyBigrams(app.duties);
      for (const g of appDuties) {
        const list = dutyPostings.get(g);
        if (list && list.length <= commonBigram) for (const i of list) candidates.add(i);
      }
      for (const i of [...candidates].sort((a, b) => a - b)) {
        const row = active[i]!;
        const p = profiles[i]!;
        if (p.key === profile.key) {
          duplicate ??= row;
          continue;
        }
        const nameScore = profileSimilarity(profile, p);
        const dutyScore = bigramDice(appDuties, dutySets[i]!);
        const byName = nameScore >= settings.similarNameThreshold;
        const byDuty = dutyScore >= settings.similarDutyThreshold;
        if (byName || byDuty)
          similar.push({
            row,
            nameScore: round2(nameScore),
            dutyScore: round2(dutyScore),
            score: round2(Math.max(byName ? nameScore : 0, byDuty ? dutyScore : 0)),
          });
      }
    }
    similar.sort((a, b) => b.score - a.score || a.row.row - b.row.row);
    similar.splice(MAX_SIMILAR);
    if (duplicate) {
      const d: LedgerRow = duplicate;
      add('name', {
        code: 'duplicate-of-existing',
        value: app.name,
        params: { otherRow: d.row, otherName: d.name },
        related: [{ sheet: d.sheet, row: d.row, value: d.name, score: 1 }],
      });
    }
    for (const s of similar) {
      const byName = s.nameScore >= settings.similarNameThreshold;
      const byDuty = s.dutyScore >= settings.similarDutyThreshold;
      const basis = byName && byDuty ? '名称和主要职责' : byName ? '名称' : '主要职责';
      const basisEn = byName && byDuty ? 'name and duties' : byName ? 'name' : 'duties';
      add(byName ? 'name' : 'duties', {
        code: 'similar-to-existing',
        value: byName ? app.name : app.duties,
        params: { otherRow: s.row.row, otherName: s.row.name, score: s.score.toFixed(2), basis, basisEn },
        related: [{ sheet: s.row.sheet, row: s.row.row, value: s.row.name, score: s.score }],
      });
    }

    // A task force or a task-bound body needs an end.
    const taskForce = app.category === 4 || TASK_FORCE_NAME.test(app.name);
    const taskBound = TASK_WORDS.test(app.name);
    const noEnd = app.durationText === '' || app.duration === null || app.duration.kind === 'permanent';
    if ((app.type === '设立' || app.type === '调整') && (taskForce || taskBound) && noEnd) {
      add('duration', {
        code: 'missing-term',
        value: app.durationText,
        params: {
          duration: app.durationText,
          why: taskForce ? '为工作专班' : '为阶段性任务',
          whyEn: taskForce ? 'is a task force' : 'is a time-bound task',
        },
      });
    }

    // The level above.
    if (app.type === '设立' && app.upper !== 'yes') {
      add('parent', {
        code: 'no-upper-counterpart',
        value: app.parentText,
        params: { parent: app.parentText, reason: app.reason === '' ? '' : '1' },
      });
    }

    // Member units: how many, against the department list.
    let knownMembers = 0;
    const distinctMembers = new Set<string>();
    for (const m of app.members) {
      const match = resolveDepartment(m, departments);
      if (match.known && match.canonical) distinctMembers.add(match.canonical);
      else add('members', { code: 'unknown-department', value: m, params: { value: m } });
    }
    knownMembers = distinctMembers.size;
    const listSize = departments.size;
    const share = listSize > 0 ? knownMembers / listSize : 0;
    if (app.type === '设立' || app.type === '调整') {
      if (app.members.length > settings.maxMemberUnits) {
        add('members', {
          code: 'too-many-members',
          value: String(app.members.length),
          params: {
            count: app.members.length,
            why: `超过上限 ${settings.maxMemberUnits} 个`,
            whyEn: `more than the maximum of ${settings.maxMemberUnits}`,
          },
        });
      } else if (listSize > 0 && share >= settings.memberShareLimit) {
        const pct = Math.round(share * 100);
        add('members', {
          code: 'too-many-members',
          value: String(app.members.length),
          params: {
            count: app.members.length,
            why: `覆盖部门名单 ${listSize} 个部门中的 ${knownMembers} 个（${pct}%）`,
            whyEn: `${knownMembers} of the ${listSize} departments of the list (${pct}%)`,
          },
        });
      }
    }

    // The host department.
    if (app.department !== '' && !resolveDepartment(app.department, departments).known) {
      add('department', { code: 'unknown-department', value: app.department, params: { value: app.department } });
    }

    // The category against the name (only when 类别 was given: an inferred one agrees by construction).
    if (app.category !== null && !app.categoryInferred && app.name !== '') {
      const mismatch = categoryNameMismatch(app.category, app.name);
      if (mismatch)
        add('name', {
          code: 'category-name-mismatch',
          value: app.name,
          params: { category: CATEGORIES[app.category - 1]!.label, expectZh: mismatch.zh, expectEn: mismatch.en },
        });
    }

    // The total-count limit.
    const limit = settings.activeBodyLimit;
    if (
      app.type === '设立' &&
      limit !== null &&
      app.category !== null &&
      isCoordinatingBody(app.category) &&
      activeCoordinating + 1 > limit
    ) {
      add('category', {
        code: 'over-limit-after',
        value: app.category ? CATEGORIES[app.category - 1]!.label : null,
        params: { after: activeCoordinating + 1, limit },
      });
    }

    // Where it waits.
    const stage = stageOf(app, asOfDay, holidays);
    if (stage.key !== 'done' && stage.waitingDays !== null && stage.waitingDays > settings.reviewWorkingDays) {
      add(stage.key, {
        code: 'review-overdue',
        value: null,
        params: {
          stage: stage.label,
          stageEn: stage.labelEn,
          since: stage.since ? formatDate(stage.since) : '',
          days: stage.waitingDays,
          limit: settings.reviewWorkingDays,
        },
      });
    }

    // A body to adjust, rename, abolish, merge or move must be on the register.
    const concerned =
      names && app.type === '设立' ? null : findConcerned(app.name, localNames, registerRows, allProfiles);
    out.sort(compareFindings);
    const conclusion = conclude(app, {
      duplicate,
      similar,
      concerned,
      findings: out,
      settings,
      activeCoordinating,
      knownMembers,
      dutiesCompared,
    });
    return { application: app, findings: out, conclusion, stage, duplicate, similar };
  });
  const findings = reviews.flatMap((r) => r.findings).sort(compareFindings);
  return { reviews, findings, activeCoordinating, dutiesCompared };
}

function findConcerned(
  name: string,
  localNames: readonly string[],
  rows: readonly LedgerRow[],
  profiles: ReturnType<typeof profileNames>,
): LedgerRow | null | undefined {
  const key = profileName(name, localNames).key;
  if (key === '') return undefined;
  const i = profiles.findIndex((p) => p.key === key);
  return i >= 0 ? rows[i]! : null;
}

/** The stage after the last dated one; it has waited since that date (or since 申请日期). */
export function stageOf(app: Application, asOfDay: number, holidays: ReadonlySet<number>): StageStatus {
  let last = -1;
  STAGES.forEach((s, i) => {
    if (app.stages[s.key]) last = i;
  });
  const issued = last === STAGES.length - 1 || app.docNumber !== null;
  if (issued || app.outcome === 'refused') {
    return {
      key: 'done',
      label: app.outcome === 'refused' ? '已办结（不同意）' : '已发文',
      labelEn: app.outcome === 'refused' ? 'closed (refused)' : 'document issued',
      since: null,
      waitingDays: null,
    };
  }
  const next = STAGES[last + 1]!;
  const since = last >= 0 ? app.stages[STAGES[last]!.key] : app.appliedOn;
  const waitingDays = since && since.day !== undefined ? workingDaysBetween(lastDay(since), asOfDay, holidays) : null;
  return { key: next.key, label: next.label, labelEn: next.labelEn, since, waitingDays };
}

interface ConcludeInput {
  readonly duplicate: LedgerRow | null;
  readonly similar: readonly SimilarBody[];
  /** The register row of the body concerned (not a 设立): null when not found, undefined when not looked for. */
  readonly concerned: LedgerRow | null | undefined;
  readonly findings: readonly Finding[];
  readonly settings: Settings;
  readonly activeCoordinating: number;
  readonly knownMembers: number;
  readonly dutiesCompared: boolean;
}

const has = (findings: readonly Finding[], code: Finding['code']): boolean => findings.some((f) => f.code === code);
const ref = (row: LedgerRow, score?: number): RelatedRef => ({
  sheet: row.sheet,
  row: row.row,
  value: row.name,
  ...(score === undefined ? {} : { score }),
});

/** The suggested conclusion and its reasons, from the seed's conditions (see the module comment). */
export function conclude(app: Application, input: ConcludeInput): Conclusion {
  const { duplicate, similar, findings } = input;
  const type = app.type;
  const typeEn = typeLabelEn(type);
  const reasons: Reason[] = [];

  if (duplicate && (type === '设立' || type === '更名' || type === '合并')) {
    return {
      kind: 'reject',
      zh: `不同意${type}`,
      en: `Refuse (${typeEn})`,
      body: ref(duplicate, 1),
      reasons: [
        {
          zh: `台账中已有存续机构“${duplicate.name}”（第 ${duplicate.row} 行），不应重复设置`,
          en: `The register already has the active body “${duplicate.name}” (row ${duplicate.row}); no second one`,
        },
      ],
    };
  }

  if (type === '设立') {
    const best = similar[0];
    if (best) {
      const by =
        best.nameScore >= input.settings.similarNameThreshold
          ? best.dutyScore >= input.settings.similarDutyThreshold
            ? '名称和职责'
            : '名称'
          : '职责';
      const byEn = by === '名称和职责' ? 'name and duties' : by === '名称' ? 'name' : 'duties';
      return {
        kind: 'coordinate',
        zh: `建议不单独设立，由${best.row.name}统筹`,
        en: `Do not set up separately; let ${best.row.name} coordinate the work`,
        body: ref(best.row, best.score),
        reasons: [
          {
            zh: `与现有“${best.row.name}”（第 ${best.row.row} 行）${by}相近（相似度 ${best.score.toFixed(2)}），现有机构可承担相关工作`,
            en: `Close to the existing “${best.row.name}” (row ${best.row.row}) by ${byEn} (similarity ${best.score.toFixed(2)}); the existing body can take the work on`,
          },
          ...similar.slice(1).map((s) => ({
            zh: `另与“${s.row.name}”（第 ${s.row.row} 行）相近（相似度 ${s.score.toFixed(2)}）`,
            en: `Also close to “${s.row.name}” (row ${s.row.row}, similarity ${s.score.toFixed(2)})`,
          })),
        ],
      };
    }
  }

  // Material the application lacks.
  if (app.name === '') reasons.push({ zh: '未填写机构名称', en: 'The body name is empty' });
  if (type === '设立') {
    if (has(findings, 'missing-term'))
      reasons.push({
        zh: '工作专班或阶段性任务应明确存续期限（如“至2027年12月31日”或“任务完成后撤销”）',
        en: 'A task force or time-bound task needs an end (e.g. 至2027年12月31日 or 任务完成后撤销)',
      });
    if (app.upper !== 'yes' && app.reason === '') {
      reasons.push(
        app.upper === 'no'
          ? {
              zh: '上级未设置对应机构，应说明设立理由（工作涉及多个领域和部门、需市领导经常协调，或超出单个部门职能）',
              en: 'The level above has no such body: state why it is needed (work across fields and departments, frequent coordination by leaders, or beyond one department)',
            }
          : { zh: '未填写上级机构设置情况', en: 'The counterpart above is not stated' },
      );
    }
    if (app.department === '') reasons.push({ zh: '未明确办事机构所在部门', en: 'No host department' });
    if (app.duties === '') reasons.push({ zh: '未填写主要职责', en: 'No main duties' });
  } else if (input.concerned === null) {
    reasons.push({
      zh: `台账中未找到“${app.name}”，请核实机构名称`,
      en: `“${app.name}” is not on the register; check the name`,
    });
  }
  if (reasons.length > 0) return { kind: 'more-material', zh: '需补充材料', en: 'More material needed', reasons };

  if (type === '设立' && isNarrow(app)) {
    const term = app.durationText !== '' ? `存续时间“${app.durationText}”` : '工作有明确时限';
    return {
      kind: 'task-force',
      zh: '建议改设为工作专班/专项小组',
      en: 'Set up a task force (工作专班/专项小组) instead',
      reasons: [
        {
          zh: `工作任务单一、阶段性明显（${term}），成员单位 ${app.members.length} 个，由牵头部门以工作专班或专项小组方式推进即可，不需设立议事协调机构`,
          en: `One task with an end (${app.durationText || 'time-bound'}), ${app.members.length} member units: a task force led by the host department will do; no coordinating body is needed`,
        },
      ],
    };
  }

  // Approve, with what the draft should still say.
  if (type === '设立') {
    reasons.push(
      app.upper === 'yes'
        ? { zh: `上级设有对应机构（${app.parentText}）`, en: `The level above has such a body (${app.parentText})` }
        : {
            zh: `上级未设置对应机构，设立理由：${app.reason}`,
            en: `No counterpart above; reason given: ${app.reason}`,
          },
    );
    reasons.push(
      input.dutiesCompared
        ? {
            zh: '台账中没有名称或职责相近的存续机构',
            en: 'No active body of the register has a similar name or duties',
          }
        : {
            zh: '台账中没有名称相近的存续机构（台账无主要职责，未比对职责）',
            en: 'No active body of the register has a similar name (the register has no duties to compare)',
          },
    );
  }
  if (has(findings, 'too-many-members'))
    reasons.push({
      zh: `成员单位 ${app.members.length} 个，建议精简为与工作直接相关的部门`,
      en: `${app.members.length} member units: keep only the departments directly involved`,
    });
  if (has(findings, 'over-limit-after')) {
    const limit = input.settings.activeBodyLimit;
    reasons.push({
      zh: `同意后存续议事协调机构 ${input.activeCoordinating + 1} 个，超过限额 ${limit} 个，需同步撤并其他机构`,
      en: `Approving it makes ${input.activeCoordinating + 1} active coordinating bodies, above the limit of ${limit}: abolish or merge another`,
    });
  }
  const unknown = findings.filter((f) => f.code === 'unknown-department').map((f) => f.value ?? '');
  if (unknown.length > 0)
    reasons.push({ zh: `核实单位名称：${unknown.join('、')}`, en: `Check the unit names: ${unknown.join(', ')}` });
  if (has(findings, 'category-name-mismatch'))
    reasons.push({ zh: '类别与名称不符，请核实类别', en: 'The category does not match the name; check it' });
  return { kind: 'approve', zh: `同意${type}`, en: `Approve (${typeEn})`, reasons };
}

/** A coordinating body (or one of no stated category) for one time-bound task with few members. */
function isNarrow(app: Application): boolean {
  const coordinating = app.category === null || isCoordinatingBody(app.category as CategoryId);
  const timeBound = (app.duration !== null && app.duration.kind !== 'permanent') || TASK_WORDS.test(app.name);
  return coordinating && timeBound && app.members.length <= NARROW_MAX_MEMBERS;
}
