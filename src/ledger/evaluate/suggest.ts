/**
 * One suggested action per body, with its reasons: the evaluation combined with what the register
 * already knows (its own findings from validateSheet: overdue, duplicate-name, similar-name,
 * category-name-mismatch, missing-work-rules). The rules, in order; the first that applies gives
 * the action, and every reason that applies is listed (the action's own first):
 *
 *   撤销          overdue (its term ended, still active); or idle (no meeting, no document) with no
 *                 similar-named body to merge into; or the office's 调整建议 says 撤销
 *   合并          idle and a similar-named active body exists (named as the partner); or the register
 *                 names the same body twice (duplicate-name); or the office says 合并 (partner: a body
 *                 named in its text, else the similar-named one)
 *   更名          category-name-mismatch; or the office says 更名
 *   调整隶属关系  the office says 调整隶属关系 (or 划转)
 *   督促整改      total below the passing grade (low-evaluation); no work rules (自评表 未制定, else the
 *                 register's missing-work-rules); no self-evaluation returned
 *   保留          none of the above (the office's 保留, or nothing to change)
 */
import type { Finding, RelatedRef } from '../findings';
import { ACTIONS, type Action, type Proposal } from './read';
import { GRADE_LABELS_EN, type Grade } from './settings';

const gradeEn = (grade: string | null): string => (grade ? (GRADE_LABELS_EN[grade as Grade] ?? grade) : '');

export interface Reason {
  /** What the reason rests on: a finding code or 'proposal'. */
  readonly basis: string;
  readonly zh: string;
  readonly en: string;
}

export interface Partner {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  /** Name similarity, when the partner was found by name. */
  readonly score?: number;
}

export interface Suggestion {
  readonly action: Action;
  readonly reasons: readonly Reason[];
  readonly partner: Partner | null;
}

export const ACTION_LABELS_EN: Readonly<Record<Action, string>> = {
  撤销: 'abolish',
  合并: 'merge',
  更名: 'rename',
  调整隶属关系: 'move to another host',
  督促整改: 'urge improvement',
  保留: 'keep',
};

/** What the suggestion of one body is drawn from. */
export interface SuggestionInput {
  readonly name: string;
  /** The register's own findings on the body's row. */
  readonly registerFindings: readonly Finding[];
  readonly hasSelfEvaluation: boolean;
  readonly idle: boolean;
  readonly year: number;
  readonly total: number | null;
  readonly grade: string | null;
  readonly passing: number;
  /** Work rules adopted: the 自评表's answer, else the register's column; null when neither says. */
  readonly workRules: boolean | null;
  readonly proposal: Proposal | null;
  /** An active body the office's proposal text names, if any. */
  readonly proposalPartner: Partner | null;
}

function partnerOf(f: Finding): Partner | null {
  const r: RelatedRef | undefined = f.related?.[0];
  if (!r) return null;
  return { name: r.value ?? '', sheet: r.sheet, row: r.row, ...(r.score !== undefined ? { score: r.score } : {}) };
}

/** Register findings a suggestion rests on; any other finding of the row does not change it. */
export const SUGGESTION_CODES: ReadonlySet<string> = new Set([
  'overdue',
  'duplicate-name',
  'similar-name',
  'category-name-mismatch',
  'missing-work-rules',
]);

export function suggest(input: SuggestionInput): Suggestion {
  // Most bodies: nothing applies but the evaluation itself (10,000 of them in the bench).
  if (
    input.hasSelfEvaluation &&
    !input.idle &&
    input.workRules !== false &&
    (input.total === null || input.total >= input.passing) &&
    (input.proposal === null || input.proposal.action === '保留') &&
    !input.registerFindings.some((f) => SUGGESTION_CODES.has(f.code))
  ) {
    const reasons: Reason[] = [];
    if (input.total !== null)
      reasons.push({
        basis: 'evaluation',
        zh: `运行正常（总分 ${input.total}，${input.grade ?? ''}）`,
        en: `works as it should (total ${input.total}, ${gradeEn(input.grade)})`,
      });
    if (input.proposal) {
      const bare = input.proposal.text.replace(/^建议/u, '') === '保留';
      reasons.push(
        bare
          ? { basis: 'proposal', zh: '办事机构建议保留', en: "the body's office proposes to keep" }
          : {
              basis: 'proposal',
              zh: `办事机构建议保留：“${input.proposal.text}”`,
              en: `the body's office proposes to keep: “${input.proposal.text}”`,
            },
      );
    }
    return { action: '保留', reasons, partner: null };
  }
  const by: Record<Action, Reason[]> = { 撤销: [], 合并: [], 更名: [], 调整隶属关系: [], 督促整改: [], 保留: [] };
  let partner: Partner | null = null;
  const find = (code: Finding['code']) => input.registerFindings.find((f) => f.code === code);
  const proposal = input.proposal;
  const proposed = (action: Action) => proposal !== null && proposal.action === action;
  const officeSays = (action: Action): Reason => {
    const bare = proposal!.text.replace(/^建议/u, '') === action;
    return bare
      ? {
          basis: 'proposal',
          zh: `办事机构建议${action}`,
          en: `the body's office proposes to ${ACTION_LABELS_EN[action]}`,
        }
      : {
          basis: 'proposal',
          zh: `办事机构建议${action}：“${proposal!.text}”`,
          en: `the body's office proposes to ${ACTION_LABELS_EN[action]}: “${proposal!.text}”`,
        };
  };

  const overdue = find('overdue');
  const duplicate = find('duplicate-name');
  const similar = find('similar-name');
  const similarPartner = similar ? partnerOf(similar) : null;

  if (overdue)
    by.撤销.push({
      basis: 'overdue',
      zh: `存续期已于 ${String(overdue.params.end ?? '')} 届满，仍为存续`,
      en: `its term ended on ${String(overdue.params.end ?? '')} and it is still active`,
    });
  if (input.idle && !similarPartner && !duplicate)
    by.撤销.push({
      basis: 'idle-body',
      zh: `${input.year}年度未召开会议、未印发文件`,
      en: `no meeting and no document in ${input.year}`,
    });
  if (proposed('撤销')) by.撤销.push(officeSays('撤销'));

  if (duplicate) {
    const p = partnerOf(duplicate);
    partner ??= p;
    by.合并.push({
      basis: 'duplicate-name',
      zh: `与${p ? `第 ${p.row} 行“${p.name}”` : '另一行'}是同一机构（重复设置）`,
      en: `the same body as ${p ? `row ${p.row} “${p.name}”` : 'another row'} (registered twice)`,
    });
  }
  if (input.idle && similarPartner) {
    partner ??= similarPartner;
    by.合并.push({
      basis: 'idle-body',
      zh: `${input.year}年度未召开会议、未印发文件，且与“${similarPartner.name}”名称相近（相似度 ${similarPartner.score ?? ''}），可并入`,
      en: `no meeting and no document in ${input.year}, and its name is close to “${similarPartner.name}” (similarity ${similarPartner.score ?? ''}): merge`,
    });
  }
  if (proposed('合并')) {
    partner ??= input.proposalPartner ?? similarPartner;
    by.合并.push(officeSays('合并'));
  }

  const mismatch = find('category-name-mismatch');
  if (mismatch)
    by.更名.push({
      basis: 'category-name-mismatch',
      zh: `类别为“${String(mismatch.params.category ?? '')}”，但名称${String(mismatch.params.expectZh ?? '与类别不符')}`,
      en: `the category is “${String(mismatch.params.category ?? '')}” but the name ${String(mismatch.params.expectEn ?? 'does not fit it')}`,
    });
  if (proposed('更名')) by.更名.push(officeSays('更名'));

  if (proposed('调整隶属关系')) by.调整隶属关系.push(officeSays('调整隶属关系'));

  if (!input.hasSelfEvaluation)
    by.督促整改.push({ basis: 'missing-self-evaluation', zh: '未报送自评表', en: 'no self-evaluation returned' });
  if (input.total !== null && input.total < input.passing)
    by.督促整改.push({
      basis: 'low-evaluation',
      zh: `总分 ${input.total}（${input.grade ?? ''}），低于合格线 ${input.passing} 分`,
      en: `total ${input.total} (${gradeEn(input.grade)}), below the passing score of ${input.passing}`,
    });
  const rulesFinding = find('missing-work-rules');
  if (input.workRules === false || (input.workRules === null && rulesFinding))
    by.督促整改.push({ basis: 'missing-work-rules', zh: '未制定工作规则', en: 'no work rules' });

  if (proposed('保留')) by.保留.push(officeSays('保留'));
  if (similarPartner && !input.idle)
    by.保留.push({
      basis: 'similar-name',
      zh: `与“${similarPartner.name}”名称相近（相似度 ${similarPartner.score ?? ''}），请核实职责是否重叠`,
      en: `its name is close to “${similarPartner.name}” (similarity ${similarPartner.score ?? ''}); check for overlapping duties`,
    });

  const action = ACTIONS.find((a) => a !== '保留' && by[a].length > 0) ?? '保留';
  if (action === '保留' && input.total !== null)
    by.保留.unshift({
      basis: 'evaluation',
      zh: `运行正常（总分 ${input.total}，${input.grade ?? ''}）`,
      en: `works as it should (total ${input.total}, ${gradeEn(input.grade)})`,
    });
  const reasons = [...by[action], ...ACTIONS.filter((a) => a !== action).flatMap((a) => by[a])];
  return { action, reasons, partner: action === '合并' ? partner : null };
}

/** Counts per action, every action present (0 when none), in the order of ACTIONS. */
export function countActions(actions: readonly Action[]): Record<Action, number> {
  const out = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const a of actions) out[a] += 1;
  return out;
}

/** “撤销 9、更名 8、调整隶属关系 7”, the seed's way of stating them (actions with none left out). */
export function actionSummary(counts: Readonly<Record<Action, number>>, lang: 'zh' | 'en' = 'zh'): string {
  const parts = ACTIONS.filter((a) => counts[a] > 0).map((a) =>
    lang === 'en' ? `${ACTION_LABELS_EN[a]} ${counts[a]}` : `${a} ${counts[a]}`,
  );
  return parts.join(lang === 'en' ? ', ' : '、');
}
