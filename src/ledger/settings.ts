import { z } from 'zod';
import { DEFAULT_DEPARTMENT_ALIASES, DEFAULT_DEPARTMENTS } from './departments';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that really exists (no 2026-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such date');

/** Today in the user's local calendar, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Everything a check depends on besides the sheet itself. The task pane stores it with the
 * document; the CLI builds it from flags. Unknown keys are dropped, missing ones take defaults.
 */
export const SettingsSchema = z.object({
  /** The date the register is checked against (overdue, future dates). */
  asOf: IsoDateSchema.default(() => todayIso()),
  /** Departments that may host a body's office. */
  departments: z.array(z.string().min(1)).default(() => [...DEFAULT_DEPARTMENTS]),
  /** Short or former name → listed name. */
  departmentAliases: z.record(z.string(), z.string()).default(() => ({ ...DEFAULT_DEPARTMENT_ALIASES })),
  /** A temporary body ending within this many days is `expiring-soon`. */
  expiringWindowDays: z.number().int().min(0).max(3650).default(90),
  /** A task-bound body older than this many years is `review-due` (the 潍坊 practice: every three years). */
  reviewCycleYears: z.number().min(0).max(100).default(3),
  /** Names at or above this similarity are `similar-name`. */
  similarNameThreshold: z.number().min(0).max(1).default(0.71),
  /** Most active bodies of categories 1–2 allowed; null means no limit. */
  activeBodyLimit: z.number().int().positive().nullable().default(null),
  /** Counties expected to submit a register (consolidation). */
  expectedCounties: z.array(z.string().min(1)).default([]),
  /** Deadline for work rules and contact persons (the 东营 notice: 5月20日); past it, missing ones are errors. */
  submissionDeadline: IsoDateSchema.nullable().default(null),
  /** 联合审批: an application with more member units than this is `too-many-members`. */
  maxMemberUnits: z.number().int().positive().default(30),
  /** 联合审批: … or with at least this share of the department list as members. */
  memberShareLimit: z.number().min(0).max(1).default(0.8),
  /** 联合审批: a stage without its date after this many working days is `review-overdue`. */
  reviewWorkingDays: z.number().int().min(0).max(365).default(5),
  /** 联合审批: 主要职责 texts at or above this similarity (character-bigram Dice) are `similar-to-existing`. */
  similarDutyThreshold: z.number().min(0).max(1).default(0.5),
  /** 联合审批: public holidays (YYYY-MM-DD) that are not working days besides weekends. */
  holidays: z.array(IsoDateSchema).default([]),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Settings with every default filled in; throws only on values of the wrong type. */
export function makeSettings(input: SettingsInput = {}): Settings {
  return SettingsSchema.parse(input);
}

/** Parses settings from untrusted input (a stored document setting, a JSON file) without throwing. */
export function parseSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; problems: string[] } {
  const result = SettingsSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
