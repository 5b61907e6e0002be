/**
 * One application typed into a form (the pane's 审核 tab): the values become a 字段 | 内容 grid and
 * are read by the same reader as a form sheet, so a typed application and a filed one check alike.
 */
import type { Grid } from '../grid';
import { APPLICATION_FIELD_DEFS, type ApplicationField } from './fields';
import { readApplications, type Application } from './read';

export type ApplicationForm = Partial<Record<ApplicationField, string>>;

/** The form fields in the order a form shows them. */
export const FORM_FIELDS: readonly ApplicationField[] = [
  'type',
  'name',
  'category',
  'department',
  'members',
  'duties',
  'duration',
  'parent',
  'reason',
  'applicant',
  'appliedOn',
];

export function formGrid(form: ApplicationForm, sheet = '审核'): Grid {
  return {
    sheet,
    values: [
      ['字段', '内容'],
      ...FORM_FIELDS.map((f) => [APPLICATION_FIELD_DEFS[f].label, (form[f] ?? '').trim() || null]),
    ],
  };
}

/** The application a form describes; null until a name is typed. */
export function applicationFromForm(form: ApplicationForm, sheet = '审核'): Application | null {
  if ((form.name ?? '').trim() === '') return null;
  const read = readApplications([formGrid(form, sheet)]);
  return read.applications[0] ?? null;
}
