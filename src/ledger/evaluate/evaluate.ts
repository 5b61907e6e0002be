/**
 * 多方评价 (the 潍坊 practice, docs/domain.md; docs/evaluate.md): the returned 自评表 and 成员单位评价表 against the register's active
 * bodies. Per body the three indicators, the weighted total, the grade and the rank, and one
 * suggested action with its reasons; per member unit the mean over its bodies and the rank; and
 * the findings missing-self-evaluation, unknown-evaluated-body, idle-body, low-evaluation,
 * low-member-score (invalid-score comes from reading the sheets).
 *
 *   const read = mergeReads(files.map((f) => readEvaluationGrids(f.grids, f.name)));
 *   const result = evaluateBodies({ file, rows, findings, title }, read, settings, evaluationSettings);
 */
import { isCoordinatingBody, statusLabel, type CategoryId } from '../categories';
import { buildDepartmentIndex, resolveDepartment } from '../cells/department';
import { localNamesFrom } from '../compare/places';
import { compareFindings, finding, type Finding } from '../findings';
import { normaliseName } from '../names';
import type { LedgerRow } from '../row';
import type { Settings } from '../settings';
import { hasWorkRules } from '../workRules';
import { SELF_FIELDS, type SelfCountField } from './fields';
import { BodyMatcher, type NameMatchResult } from './match';
import { type Action, type EvaluationRead, type FileFinding, type MemberRow, type SelfRow } from './read';
import {
  conductScore,
  cooperationScore,
  performanceScore,
  rankBy,
  round1,
  totalScore,
  type IndicatorScores,
} from './score';
import { GRADE_LABELS_EN, gradeOf, passingScore, type EvaluationSettings, type Grade } from './settings';
import { SUGGESTION_CODES, countActions, suggest, type Partner, type Reason } from './suggest';

/** The register as evaluate needs it: its rows and its own findings (validateSheet with flags). */
export interface RegisterInput {
  readonly file: string;
  readonly rows: readonly LedgerRow[];
  readonly findings: readonly Finding[];
  readonly title?: readonly string[];
}

/** Where a row of a returned sheet is. */
export interface SourceRef {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

/** How a returned row was tied to the body: the same name, or a similar one with its score. */
export interface MatchInfo extends SourceRef {
  /** The name as the returned sheet writes it. */
  readonly written: string;
  readonly how: 'name' | 'similar';
  readonly score: number;
}

export interface BodyEvaluation {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly department: string | null;
  readonly category: CategoryId | null;
  /** The 自评表 row used, with how its name matched; null when none was returned. */
  readonly self: MatchInfo | null;
  readonly counts: Readonly<Record<SelfCountField, number | null>> | null;
  readonly workRules: boolean | null;
  readonly workPoints: boolean | null;
  readonly idle: boolean;
  readonly scores: IndicatorScores;
  readonly total: number | null;
  readonly grade: Grade | null;
  readonly rank: number | null;
  /** Member units that scored this body, with their score. */
  readonly members: readonly { readonly unit: string; readonly score: number }[];
  readonly suggestion: Action;
  readonly reasons: readonly Reason[];
  readonly partner: Partner | null;
  readonly proposal: string | null;
  readonly issues: string;
}

export interface MemberEvaluation {
  /** The unit's listed name when the department list knows it, else as written. */
  readonly unit: string;
  /** Bodies it was scored in. */
  readonly bodies: number;
  readonly rows: number;
  readonly mean: number;
  readonly rank: number;
  readonly low: boolean;
  /** Its first row in the returns. */
  readonly first: SourceRef;
  /** The names it was written as, when more than one (市发改委, 市发展改革委). */
  readonly spellings: readonly string[];
}

/** A returned row that was read but not used, and why. */
export interface IgnoredRow extends SourceRef {
  readonly name: string;
  readonly reason: 'other-year' | 'duplicate' | 'unknown-body';
  readonly detail: string;
}

export interface EvaluationResult {
  readonly year: number;
  /** One per active body, in register order. */
  readonly bodies: readonly BodyEvaluation[];
  /** Sorted by rank; units without a valid score are left out. */
  readonly members: readonly MemberEvaluation[];
  /** Returned rows matched by a similar name (to confirm). */
  readonly inexact: readonly (MatchInfo & { readonly body: string; readonly kind: 'self' | 'member' })[];
  readonly ignored: readonly IgnoredRow[];
  /** Reading (invalid-score), register-side (missing-self-evaluation) and evaluation findings, sorted. */
  readonly findings: readonly FileFinding[];
  readonly passing: number;
  readonly counts: {
    readonly active: number;
    readonly coordinating: number;
    readonly evaluated: number;
    readonly missing: number;
    readonly idle: number;
    readonly low: number;
    readonly byGrade: Readonly<Record<Grade, number>>;
    readonly byAction: Readonly<Record<Action, number>>;
    readonly selfRows: number;
    readonly memberRows: number;
    readonly lowMembers: number;
  };
}

const NO_FINDINGS: readonly Finding[] = [];

/** The year evaluated: the setting, else the year most 自评表 rows give, else the year before the as-of date. */
export function evaluationYear(
  selfRows: readonly SelfRow[],
  settings: Pick<EvaluationSettings, 'year'>,
  asOf: string,
): number {
  if (settings.year !== null) return settings.year;
  const counts = new Map<number, number>();
  for (const r of selfRows) if (r.year !== null) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best ?? Number(asOf.slice(0, 4)) - 1;
}

export function evaluateBodies(
  register: RegisterInput,
  read: EvaluationRead,
  settings: Settings,
  evaluation: EvaluationSettings,
): EvaluationResult {
  const active = register.rows.filter((r) => r.active && r.name !== '');
  const titles = [...(register.title ?? []), ...read.sheets.flatMap((s) => s.title)];
  const locals = localNamesFrom(
    titles,
    active.map((r) => r.name),
  );
  const matcher = new BodyMatcher(
    active.map((r) => r.name),
    locals,
    settings.similarNameThreshold,
  );
  const year = evaluationYear(read.selfRows, evaluation, settings.asOf);
  const passing = passingScore(evaluation);
  const findings: FileFinding[] = [...read.findings];
  const ignored: IgnoredRow[] = [];
  const inexact: (MatchInfo & { body: string; kind: 'self' | 'member' })[] = [];

  // Inactive register rows by name: an evaluated body the register has abolished is said to be so.
  const retiredByKey = new Map<string, LedgerRow>();
  for (const r of register.rows) if (!r.active && r.name !== '') retiredByKey.set(normaliseName(r.name, locals), r);

  // 自评表: one row per body; the first returned row of a body counts, later ones are listed as ignored.
  const selfOf = new Array<{ row: SelfRow; match: MatchInfo } | undefined>(active.length);
  const unknownSeen = new Map<string, { first: FileFinding; rows: number }>();
  const unknown = (
    kind: 'self' | 'member',
    r: SelfRow | MemberRow,
    nearest: { body: number; score: number } | null,
    header: string,
    column: number | undefined,
  ) => {
    const key = `${r.file}\u0000${r.sheet}\u0000${r.name}`;
    const seen = unknownSeen.get(key);
    if (seen) {
      seen.rows += 1;
      return;
    }
    const near = nearest ? active[nearest.body]! : null;
    const retired = retiredByKey.get(normaliseName(r.name, locals));
    const f: FileFinding = {
      file: r.file,
      finding: finding({
        code: 'unknown-evaluated-body',
        sheet: r.sheet,
        row: r.row,
        column: header,
        columnIndex: column,
        value: r.name,
        params: {
          name: r.name,
          kind,
          ...(near && nearest ? { nearest: near.name, score: nearest.score } : {}),
          ...(retired ? { retiredRow: retired.row, status: statusLabel(retired.status) } : {}),
        },
        suggestion: near?.name,
        related:
          near && nearest
            ? [{ file: register.file, sheet: near.sheet, row: near.row, value: near.name, score: nearest.score }]
            : undefined,
      }),
    };
    unknownSeen.set(key, { first: f, rows: 1 });
    findings.push(f);
  };
  // Two passes: the same name first for every row, then a similar name among the bodies left.
  const inYear = read.selfRows.filter((r) => {
    if (r.year === null || r.year === year) return true;
    ignored.push({
      file: r.file,
      sheet: r.sheet,
      row: r.row,
      name: r.name,
      reason: 'other-year',
      detail: String(r.year),
    });
    return false;
  });
  const take = (r: SelfRow, m: NameMatchResult & { body: number }) => {
    const info: MatchInfo = { file: r.file, sheet: r.sheet, row: r.row, written: r.name, how: m.how!, score: m.score };
    const had = selfOf[m.body];
    if (had) {
      ignored.push({
        file: r.file,
        sheet: r.sheet,
        row: r.row,
        name: r.name,
        reason: 'duplicate',
        detail: `${had.row.file} ${had.row.sheet} ${had.row.row}`,
      });
      return;
    }
    selfOf[m.body] = { row: r, match: info };
    if (m.how === 'similar') inexact.push({ ...info, body: active[m.body]!.name, kind: 'self' });
  };
  const left: SelfRow[] = [];
  for (const r of inYear) {
    const m = matcher.exact(r.name, (b) => selfOf[b] !== undefined);
    if (m && m.body !== null) take(r, m as NameMatchResult & { body: number });
    else left.push(r);
  }
  const free: number[] = [];
  for (let b = 0; b < active.length; b++) if (selfOf[b] === undefined) free.push(b);
  matcher.setFree(free);
  for (const r of left) {
    const m = matcher.similar(r.name, 'free');
    if (m.body === null) {
      unknown('self', r, m.nearest, r.cells.name?.header ?? SELF_FIELDS.name.label, r.cells.name?.column);
      ignored.push({ file: r.file, sheet: r.sheet, row: r.row, name: r.name, reason: 'unknown-body', detail: '' });
      continue;
    }
    take(r, m as NameMatchResult & { body: number });
  }

  // 成员单位评价表: rows per body; a unit scored twice for one body counts once, with the mean.
  const departments = buildDepartmentIndex(settings.departments, settings.departmentAliases);
  const unitName = (text: string): string => resolveDepartment(text, departments).canonical ?? text;
  const memberScores = new Array<Map<string, number[]> | undefined>(active.length);
  const unitRows = new Map<string, { rows: number; first: SourceRef; spellings: Set<string> }>();
  const inexactMember = new Set<string>();
  for (const r of read.memberRows) {
    const m = matcher.match(r.name);
    if (m.body === null) {
      unknown('member', r, m.nearest, r.cells.name?.header ?? '机构名称', r.cells.name?.column);
      ignored.push({ file: r.file, sheet: r.sheet, row: r.row, name: r.name, reason: 'unknown-body', detail: r.unit });
      continue;
    }
    if (m.how === 'similar' && !inexactMember.has(`${r.file}\u0000${r.sheet}\u0000${r.name}`)) {
      inexactMember.add(`${r.file}\u0000${r.sheet}\u0000${r.name}`);
      inexact.push({
        file: r.file,
        sheet: r.sheet,
        row: r.row,
        written: r.name,
        how: 'similar',
        score: m.score,
        body: active[m.body]!.name,
        kind: 'member',
      });
    }
    if (r.rowScore === null) continue;
    const unit = unitName(r.unit);
    let perBody = memberScores[m.body];
    if (!perBody) {
      perBody = new Map<string, number[]>();
      memberScores[m.body] = perBody;
    }
    const list = perBody.get(unit);
    if (list) list.push(r.rowScore);
    else perBody.set(unit, [r.rowScore]);
    const u = unitRows.get(unit);
    if (u) {
      u.rows += 1;
      u.spellings.add(r.unit);
    } else
      unitRows.set(unit, {
        rows: 1,
        first: { file: r.file, sheet: r.sheet, row: r.row },
        spellings: new Set([r.unit]),
      });
  }

  // The register's own findings per sheet and row (only the codes the suggestions read).
  const registerFindings = new Map<string, Map<number, Finding[]>>();
  for (const f of register.findings) {
    if (f.row === null || !SUGGESTION_CODES.has(f.code)) continue;
    let bySheet = registerFindings.get(f.sheet);
    if (!bySheet) {
      bySheet = new Map();
      registerFindings.set(f.sheet, bySheet);
    }
    const list = bySheet.get(f.row);
    if (list) list.push(f);
    else bySheet.set(f.row, [f]);
  }
  const findingsAt = (sheet: string, row: number): readonly Finding[] =>
    registerFindings.get(sheet)?.get(row) ?? NO_FINDINGS;

  // Scores per body.
  const draft = active.map((row, i) => {
    const self = selfOf[i];
    const unitScores: { unit: string; score: number }[] = [];
    for (const [unit, list] of memberScores[i] ?? []) {
      let sum = 0;
      for (const x of list) sum += x;
      unitScores.push({ unit, score: round1(sum / list.length) });
    }
    const registerRules = row.cells.workRules ? hasWorkRules(row.cells.workRules.text) : null;
    const workRules = self?.row.workRules ?? registerRules;
    const workPoints = self?.row.workPoints ?? null;
    const cooperation = cooperationScore(unitScores.map((u) => u.score));
    let scores: IndicatorScores = { performance: null, conduct: null, cooperation };
    let idle = false;
    if (self) {
      const c = self.row.counts;
      scores = {
        performance: performanceScore(c, evaluation.targets),
        conduct: conductScore(c, workRules, workPoints, evaluation.targets),
        cooperation,
      };
      const judged =
        (self.row.cells.meetings || self.row.cells.documents) &&
        !self.row.invalid.includes('meetings') &&
        !self.row.invalid.includes('documents');
      idle = Boolean(judged) && (c.meetings ?? 0) === 0 && (c.documents ?? 0) === 0;
    }
    // Without a self-evaluation there is no total: member scores alone do not rank a body.
    const total = self ? totalScore(scores, evaluation.weights) : null;
    return { row, self, unitScores, workRules, workPoints, scores, idle, total };
  });
  const ranks = rankBy(draft, (d) => d.total);

  const bodies: BodyEvaluation[] = draft.map((d, i) => {
    const { row, self } = d;
    const grade = d.total === null ? null : gradeOf(d.total, evaluation);
    const proposal = self?.row.proposal ?? null;
    let proposalPartner: Partner | null = null;
    if (proposal?.action === '合并') {
      const text = proposal.text.replace(/\s+/g, '');
      const named = active.find(
        (other) => other !== row && other.name.length >= 4 && text.includes(other.name.replace(/\s+/g, '')),
      );
      if (named) proposalPartner = { name: named.name, sheet: named.sheet, row: named.row };
    }
    const s = suggest({
      name: row.name,
      registerFindings: findingsAt(row.sheet, row.row),
      hasSelfEvaluation: self !== undefined,
      idle: d.idle,
      year,
      total: d.total,
      grade,
      passing,
      workRules: d.workRules,
      proposal,
      proposalPartner,
    });
    return {
      name: row.name,
      sheet: row.sheet,
      row: row.row,
      department: row.department,
      category: row.category,
      self: self?.match ?? null,
      counts: self?.row.counts ?? null,
      workRules: d.workRules,
      workPoints: d.workPoints,
      idle: d.idle,
      scores: d.scores,
      total: d.total,
      grade,
      rank: ranks[i] ?? null,
      members: d.unitScores,
      suggestion: s.action,
      reasons: s.reasons,
      partner: s.partner,
      proposal: proposal?.text ?? null,
      issues: self?.row.issues ?? '',
    };
  });

  // Findings about bodies.
  for (const [i, b] of bodies.entries()) {
    const d = draft[i]!; // bodies and draft are both in register order
    if (!d.self) {
      const cell = d.row.cells.name;
      findings.push({
        file: register.file,
        finding: finding({
          code: 'missing-self-evaluation',
          sheet: b.sheet,
          row: b.row,
          column: cell?.header ?? '机构名称',
          columnIndex: cell?.column,
          value: b.name,
          params: { name: b.name, department: b.department ?? '' },
        }),
      });
      continue;
    }
    const s = d.self.row;
    if (b.idle) {
      const cell = s.cells.meetings ?? s.cells.documents!;
      findings.push({
        file: s.file,
        finding: finding({
          code: 'idle-body',
          sheet: s.sheet,
          row: s.row,
          column: cell.header,
          columnIndex: cell.column,
          value: b.name,
          params: { name: b.name, year },
        }),
      });
    }
    if (b.total !== null && b.total < passing) {
      const cell = s.cells.name;
      findings.push({
        file: s.file,
        finding: finding({
          code: 'low-evaluation',
          sheet: s.sheet,
          row: s.row,
          column: cell?.header ?? '机构名称',
          columnIndex: cell?.column,
          value: b.name,
          params: {
            name: b.name,
            total: b.total,
            grade: b.grade ?? '',
            gradeEn: b.grade ? GRADE_LABELS_EN[b.grade] : '',
            pass: passing,
          },
        }),
      });
    }
  }

  // Member units: the mean over the bodies they were scored in.
  const perUnit = new Map<string, number[]>();
  for (const b of bodies)
    for (const u of b.members) {
      const list = perUnit.get(u.unit);
      if (list) list.push(u.score);
      else perUnit.set(u.unit, [u.score]);
    }
  const units = [...perUnit].map(([unit, list]) => ({
    unit,
    bodies: list.length,
    mean: round1(list.reduce((a, b) => a + b, 0) / list.length),
  }));
  const unitRanks = rankBy(units, (u) => u.mean);
  const members: MemberEvaluation[] = units
    .map((u, i) => {
      const info = unitRows.get(u.unit)!;
      return {
        ...u,
        rows: info.rows,
        rank: unitRanks[i]!,
        low: u.mean < passing,
        first: info.first,
        spellings: [...info.spellings],
      };
    })
    .sort((a, b) => a.rank - b.rank || (a.unit < b.unit ? -1 : 1));
  for (const m of members) {
    if (!m.low) continue;
    const row = read.memberRows.find(
      (r) => r.file === m.first.file && r.sheet === m.first.sheet && r.row === m.first.row,
    );
    const cell = row?.cells.unit;
    findings.push({
      file: m.first.file,
      finding: finding({
        code: 'low-member-score',
        sheet: m.first.sheet,
        row: m.first.row,
        column: cell?.header ?? '成员单位',
        columnIndex: cell?.column,
        value: row?.unit ?? m.unit,
        params: { unit: m.unit, mean: m.mean, bodies: m.bodies, pass: passing },
      }),
    });
  }

  for (const seen of unknownSeen.values()) {
    if (seen.rows > 1) {
      const f = seen.first.finding;
      const i = findings.indexOf(seen.first);
      findings[i] = { file: seen.first.file, finding: { ...f, params: { ...f.params, rows: seen.rows } } };
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareFindings(a.finding, b.finding)));

  const byGrade: Record<Grade, number> = { 好: 0, 较好: 0, 一般: 0, 差: 0 };
  for (const b of bodies) if (b.grade) byGrade[b.grade] += 1;
  return {
    year,
    bodies,
    members,
    inexact,
    ignored,
    findings,
    passing,
    counts: {
      active: active.length,
      coordinating: active.filter((r) => r.category !== null && isCoordinatingBody(r.category)).length,
      evaluated: bodies.filter((b) => b.self !== null).length,
      missing: bodies.filter((b) => b.self === null).length,
      idle: bodies.filter((b) => b.idle).length,
      low: bodies.filter((b) => b.total !== null && b.total < passing).length,
      byGrade,
      byAction: countActions(bodies.map((b) => b.suggestion)),
      selfRows: read.selfRows.length,
      memberRows: read.memberRows.length,
      lowMembers: members.filter((m) => m.low).length,
    },
  };
}

/** Bodies by rank (unranked ones last, in register order). */
export function ranking(result: EvaluationResult): BodyEvaluation[] {
  return [...result.bodies].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
}
