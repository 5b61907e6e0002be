/**
 * Settings of 多方评价 (docs/evaluate.md): the weights of the three indicators, the grade thresholds, the
 * passing grade, and the counts that earn an indicator's full marks. Never constants in the code:
 * the office sets them (the CLI takes them from a JSON file or the defaults below).
 */
import { z } from 'zod';

export const GRADES = ['好', '较好', '一般', '差'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS_EN: Readonly<Record<Grade, string>> = {
  好: 'good',
  较好: 'fairly good',
  一般: 'fair',
  差: 'poor',
};

const WeightsSchema = z
  .object({
    /** 工作实绩性 */
    performance: z.number().min(0).max(100).default(40),
    /** 运行规范度 */
    conduct: z.number().min(0).max(100).default(30),
    /** 协调配合度 */
    cooperation: z.number().min(0).max(100).default(30),
  })
  .refine((w) => w.performance + w.conduct + w.cooperation > 0, 'the weights cannot all be 0');

const GradeSchema = z
  .object({
    /** 好: total ≥ this */
    good: z.number().min(0).max(100).default(85),
    /** 较好: total ≥ this */
    fairlyGood: z.number().min(0).max(100).default(70),
    /** 一般: total ≥ this; 差 below */
    fair: z.number().min(0).max(100).default(60),
  })
  .refine((g) => g.good >= g.fairlyGood && g.fairlyGood >= g.fair, 'grade thresholds must fall: 好 ≥ 较好 ≥ 一般');

const TargetSchema = z.object({
  /** Meetings in the year that earn the meetings part of 规范 in full (the 潍坊 practice, docs/domain.md: at least one plenary and one topic meeting). */
  meetings: z.number().int().min(1).max(100).default(2),
  /** Documents issued in the body's name that earn the documents part of 规范 in full. */
  documents: z.number().int().min(1).max(100).default(2),
  /** Problems solved that earn the problems part of 实绩 in full. */
  problems: z.number().int().min(1).max(1000).default(3),
});

export const EvaluationSettingsSchema = z.object({
  weights: WeightsSchema.prefault({}),
  grades: GradeSchema.prefault({}),
  /** The lowest grade that passes: below its threshold a body is low-evaluation and a unit low-member-score. */
  passingGrade: z.enum(['好', '较好', '一般']).default('一般'),
  targets: TargetSchema.prefault({}),
  /** The year evaluated; null: the year most 自评表 rows give (else the year before the as-of date). */
  year: z.number().int().min(1949).max(2100).nullable().default(null),
});

export type EvaluationSettings = z.infer<typeof EvaluationSettingsSchema>;
export type EvaluationSettingsInput = z.input<typeof EvaluationSettingsSchema>;

export function makeEvaluationSettings(input: EvaluationSettingsInput = {}): EvaluationSettings {
  return EvaluationSettingsSchema.parse(input);
}

export function parseEvaluationSettings(
  input: unknown,
): { ok: true; settings: EvaluationSettings } | { ok: false; problems: string[] } {
  const result = EvaluationSettingsSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The grade of a total score. */
export function gradeOf(total: number, settings: Pick<EvaluationSettings, 'grades'>): Grade {
  const g = settings.grades;
  if (total >= g.good) return '好';
  if (total >= g.fairlyGood) return '较好';
  if (total >= g.fair) return '一般';
  return '差';
}

/** The score a body or unit needs to pass: the threshold of the passing grade. */
export function passingScore(settings: Pick<EvaluationSettings, 'grades' | 'passingGrade'>): number {
  const g = settings.grades;
  return settings.passingGrade === '好' ? g.good : settings.passingGrade === '较好' ? g.fairlyGood : g.fair;
}
